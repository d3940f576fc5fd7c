// The engine's public API on top of the wasm-bindgen glue.
//
// Everything here is synchronous, but needs the WebAssembly instances: await
// `loadEngine()` (from ./loader.js) once before the first call, and
// `loadMcda()` before `rank` or `ahpWeights` (the package's `init()` does both).
import {
  __wbg_reset_state as resetEngine,
  recommend as wasmRecommend,
  validateMatrix as wasmValidateMatrix,
} from './stack_advisor.js';
import defaultMatrixData from './default-matrix.js';
import { isEngineLoaded, isMcdaLoaded, mcda } from './load-state.js';
import { matrixTexts } from './parts.js';
import { joinMatrixTexts } from './format/matrix-texts-join.js';

/** The load of the default matrix's remaining texts (parts.js's matrixTexts), once asked for. */
let textsLoading = null;
/** False while the default matrix still lacks those texts (the one-tag embed, before their first use). */
let textsIn = !matrixTexts;

const ENGINE = { loaded: isEngineLoaded, reset: resetEngine, what: 'the engine', load: 'init() (or loadEngine())' };
// The extension's glue is loaded with it (loader.js), so it is looked up per call.
const MCDA = { loaded: isMcdaLoaded, reset: () => mcda.glue.__wbg_reset_state(), what: "the engine's MCDA extension", load: 'init() (or loadMcda())' };

/**
 * What the last successful recommend() read: the JSON of its matrix, or
 * BUILT_IN for the built-in one (see there).
 */
let lastMatrixText = null;
const BUILT_IN = Symbol('built-in matrix');

/**
 * Runs one engine call. A trap inside the WebAssembly (a Rust panic aborts,
 * and a fault such as running out of memory or stack ends the same way) leaves
 * the instance's memory half-updated, so the instance is replaced by a fresh
 * one from the same compiled module before the error goes on: the next call,
 * from this element or any other on the page, runs on a clean engine.
 */
function call(name, run, module = ENGINE) {
  if (!module.loaded()) {
    throw new Error(`stack-advisor: ${name}() was called before ${module.what} was loaded; await ${module.load} first`);
  }
  try {
    return run();
  } catch (error) {
    // Errors the engine reports (bad input) are plain Errors with a path;
    // a trap surfaces as a RuntimeError, a stack overflow as a RangeError.
    if (!(error instanceof WebAssembly.RuntimeError || error instanceof RangeError)) throw error;
    module.reset();
    if (module === ENGINE) lastMatrixText = null;
    const restarted = new Error(`stack-advisor: the engine stopped on an internal error in ${name}() and was restarted; nothing was lost, try again (please report this)`, { cause: error });
    restarted.restarted = true;
    throw restarted;
  }
}

/**
 * The built-in "Node.js or Python?" decision matrix, as a fresh deep copy that
 * the caller may change freely (e.g. as the start of a custom matrix).
 */
export function defaultMatrix() {
  return structuredClone(defaultMatrixData);
}

/**
 * Loads the default matrix's remaining texts into it (once; at once where it
 * is whole). In the one-tag embed the default matrix starts without the texts
 * its first result does not show (guidance bodies, evidence no reason picks,
 * criteria's descriptions). Rejects with the part's Error (`code` 'fetch' or 'integrity')
 * when they cannot be loaded; the next call tries again.
 */
export function loadMatrixTexts() {
  if (textsIn) return Promise.resolve();
  textsLoading ??= matrixTexts.load().then(
    ({ default: texts }) => {
      joinMatrixTexts(defaultMatrixData, texts);
      textsIn = true;
      lastMatrixText = null; // the engine reads the whole matrix on its next call
    },
    (error) => {
      textsLoading = null;
      throw error;
    },
  );
  return textsLoading;
}

/**
 * `view` (the default matrix, as a widget shows it) while it lacks texts:
 * marked `pending`, with the guidance titles of sections whose bodies are not
 * loaded yet, each marked `pending` too.
 */
export function withPendingGuidance(view) {
  if (textsIn || !view) return view;
  const pending = (key) => matrixTexts.titles[key]?.map((section) => ({ ...section, pending: true }));
  return {
    ...view,
    pending: true,
    options: view.options.map((o) => ({ ...o, guidance: pending(`option:${o.id}`) })),
    rules: (view.rules || []).map((r) => ({ ...r, guidance: pending(`rule:${r.id}`) })),
  };
}

/**
 * Scores the options of `matrix` for the reader's `answers`.
 * Throws an Error with `path` and `hint` (and `issues`) for bad input.
 *
 * @param {object} answers question id → answer (omitted answers are neutral)
 * @param {object} [matrix] a decision matrix; the built-in one by default
 */
export function recommend(answers, matrix) {
  // The engine only reads the matrix, so the shared default is passed as is
  // instead of copying it on every call. Reading a matrix object costs the
  // engine about 1 ms (most of a call), JSON.stringify of the default matrix
  // 0.03-0.2 ms: when the matrix serialises as it did on the last successful
  // call, the engine reuses the copy it read then (`undefined` tells it to).
  // The built-in matrix is never handed out (defaultMatrix() gives copies),
  // so it cannot have changed and needs no serialising.
  let text = BUILT_IN;
  if (matrix != null) {
    try {
      text = JSON.stringify(matrix);
    } catch {
      // A cycle or a BigInt: the engine reads the object and says what is wrong.
    }
    if (typeof text !== 'string') text = null;
  }
  const same = text !== null && text === lastMatrixText;
  const result = call('recommend', () => wasmRecommend(answers ?? {}, same ? undefined : (matrix ?? defaultMatrixData)));
  lastMatrixText = text;
  return result;
}

/**
 * Checks a matrix and returns every problem as `{path, message, hint}`;
 * `[]` when the matrix is valid. Never throws for a bad matrix.
 */
export function validateMatrix(matrix) {
  return call('validateMatrix', () => wasmValidateMatrix(matrix));
}

/**
 * Ranks the options of `matrix` by the weighted sum (`method: "wsm"`, scores
 * 0..100 as in `recommend`) or by TOPSIS (`"topsis"`, closeness coefficients
 * 0..1). `matrix` is an author matrix (ranked with its base weights; the
 * built-in one by default) or the numeric form `{options, criteria, values}`
 * for up to 10,000 options × 100 criteria (`values` rows, or a flat row-major
 * Float64Array). `weights` (criterion id → weight ≥ 0) replaces the weights it
 * names. Throws an Error with `path` and `hint` for bad input.
 *
 * Bulk form, for large matrices: `{options: count, criteria, values}` with
 * `options` the number of rows (an integer, 1..10,000) and `values` a flat
 * row-major Float64Array of count × the number of criteria. `criteria` may
 * also be given by position, `{weights: Float64Array, cost?: Uint8Array}`
 * (`cost[c]` 1 for a cost column; no ids, so `settings.weights` cannot name
 * them): the fastest form. No option ids cross the boundary: the result is
 * `{method, weights, scores, ranking}` by position, with `weights` a
 * Float64Array in criteria order, `scores` a Float64Array in row order and
 * `ranking` a Uint32Array of row indices, best first (ties keep the row order).
 *
 * @param {object} [matrix]
 * @param {{method: 'wsm' | 'topsis', weights?: Record<string, number>}} settings
 * @returns {{method: string, weights: Record<string, number> | Float64Array,
 *   scores: Record<string, number> | Float64Array, ranking: string[] | Uint32Array}}
 */
export function rank(matrix, settings) {
  return call('rank', () => mcda.glue.rank(matrix ?? defaultMatrixData, settings), MCDA);
}

/**
 * AHP weights from a pairwise comparison matrix on Saaty's 1–9 scale
 * (`pairwise[i][j]` = how many times criterion i matters more than j):
 * `{weights, geometric_mean_weights, lambda_max, consistency_index,
 * random_index, consistency_ratio, consistent, iterations}`.
 * Throws an Error with `path` (e.g. `pairwise[1][0]`) and `hint` for bad input.
 *
 * @param {number[][]} pairwise
 */
export function ahpWeights(pairwise) {
  return call('ahpWeights', () => mcda.glue.ahpWeights(pairwise), MCDA);
}
