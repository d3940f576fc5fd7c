// Types of `stack-advisor` (the engine API). The data types — Matrix, Answers,
// Recommendation, Ranking, ... — are generated from the Rust crate by
// wasm-bindgen (./stack_advisor.d.ts) and re-exported here unchanged.
import type {
  AhpWeights,
  Answers,
  BulkMatrix,
  BulkRanking,
  InitInput,
  Matrix,
  MatrixIssue,
  NumericMatrix,
  RankSettings,
  Ranking,
  Recommendation,
} from './stack_advisor.js';

export type * from './stack_advisor.js';

/** What `init()` accepts: nothing, a URL, a Response, bytes, a compiled module, or a promise of one. */
export type EngineSource = InitInput | Promise<InitInput>;

/** The engine API, as `init()` resolves it (the same functions this module exports). */
export interface Engine {
  recommend: typeof recommend;
  validateMatrix: typeof validateMatrix;
  defaultMatrix: typeof defaultMatrix;
  rank: typeof rank;
  ahpWeights: typeof ahpWeights;
}

/**
 * The `Error` the engine throws for invalid input: `path` names the field
 * (`answers.team`, `scores[3].value`), `hint` says how to fix it, and
 * `issues` lists every problem found.
 */
export interface EngineError extends Error {
  path?: string;
  hint?: string;
  issues?: MatrixIssue[];
}

/**
 * Loads the WebAssembly engine and its MCDA extension (`rank`, `ahpWeights`)
 * once; every later call returns the same promise (after a failure, the next
 * call tries again). Await it before the first call.
 *
 * - no arguments: in browsers and bundlers, the `.wasm` files next to this
 *   module (`new URL('./stack_advisor_bg.wasm', import.meta.url)` and
 *   `stack_advisor_mcda_bg.wasm`); in Node.js, the same files read from disk.
 * - a URL (string or `URL`): fetched (Node.js reads `file:` URLs from disk).
 * - a `Response` or a promise of one, e.g. `fetch('/assets/engine.wasm')`.
 * - bytes (`ArrayBuffer`, `Uint8Array`) or a compiled `WebAssembly.Module`.
 *
 * Rejects with an `Error` that says the engine could not be loaded and why.
 */
export function init(source?: EngineSource, mcdaSource?: EngineSource): Promise<Engine>;
/**
 * Loads the engine alone (`recommend`, `validateMatrix`): what the element
 * needs for every reader. `rank` and `ahpWeights` then need `loadMcda()`.
 */
export function loadEngine(source?: EngineSource): Promise<Engine>;
/** Loads the MCDA extension (`rank`, `ahpWeights`), after the engine. */
export function loadMcda(source?: EngineSource): Promise<Engine>;
/** True once `loadMcda()` (or `init()`) has succeeded. */
export function isMcdaLoaded(): boolean;
/** True once `loadEngine()` (or `init()`) has succeeded. */
export function isEngineLoaded(): boolean;

/**
 * Scores the options of `matrix` (the built-in "Node.js or Python?" matrix by
 * default) for `answers` (omitted answers are neutral).
 * @throws {EngineError} for an invalid matrix or answers, or before `init()`.
 */
export function recommend(answers?: Answers | null, matrix?: Matrix | null): Recommendation;

/** Every problem of `matrix` as `{path, message, hint}`; `[]` when it is valid. Never throws for a bad matrix. */
export function validateMatrix(matrix: unknown): MatrixIssue[];

/** A fresh deep copy of the built-in "Node.js or Python?" matrix (no `init()` needed). */
export function defaultMatrix(): Matrix;

/**
 * Ranks the options by the weighted sum (`wsm`, scores 0..100) or TOPSIS
 * (closeness coefficients 0..1). `matrix`: an author matrix (the built-in
 * one by default) or the numeric form `{options, criteria, values}`.
 * @throws {EngineError} for bad input.
 */
export function rank(matrix: Matrix | NumericMatrix | null | undefined, settings: RankSettings): Ranking;
/**
 * The bulk form for large numeric matrices: `options` is the number of rows,
 * `values` a flat row-major Float64Array, `criteria` objects or, fastest, by
 * position (`{weights: Float64Array, cost?: Uint8Array}`); the result is by
 * position: `weights` and `scores` Float64Arrays in criteria and row order,
 * `ranking` a Uint32Array of row indices, best first.
 * @throws {EngineError} for bad input (`path` like `options`, `criteria.weights[2]` or `values[12][3]`).
 */
export function rank(matrix: BulkMatrix, settings: RankSettings): BulkRanking;

/**
 * AHP weights from a pairwise comparison matrix on Saaty's 1–9 scale.
 * @throws {EngineError} for bad input (`path` like `pairwise[1][0]`).
 */
export function ahpWeights(pairwise: number[][]): AhpWeights;
