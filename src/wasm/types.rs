//! TypeScript declarations for every input and output, written once and
//! emitted into the generated `.d.ts`.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** A reader's answers: question id → choice id, choice ids, or item id → 0..5. */
export interface Answers {
  [questionId: string]: string | string[] | Record<string, number> | number | null | undefined;
  /** Expert: criterion id → weight ≥ 0, replacing the computed weight. */
  weights?: Record<string, number>;
  /** Monte Carlo seed (0..4294967295). */
  seed?: number;
  /** Monte Carlo samples (1..100000, default 2000). */
  samples?: number;
}

export interface MatrixOption { id: string; label: string; summary?: string; guidance?: GuidanceSection[]; }
/** Next-step guidance shown under the result: a list of cited points, or a code sample. */
export interface GuidanceSection {
  id: string; kind: "list" | "code"; title: string;
  /** `list`: the points, each citing at least one source. */
  items?: GuidanceItem[];
  /** `code`: the language id (names the Markdown fence) and the sample (≤ 4,000 characters). */
  language?: string; code?: string;
  note?: string; sources?: string[];
}
export interface GuidanceItem { label?: string; text: string; sources: string[]; }
export interface Citation { source: string; section?: string; text: string; }
export interface Criterion {
  id: string; label: string; description?: string;
  direction?: "benefit" | "cost"; weight?: number; evidence?: Citation[];
  /** Drawn as a labelled part of each bar (e.g. the reader's team). */
  segment?: boolean;
}
export interface Score {
  option: string; criterion: string; value: number; low?: number; high?: number; sources?: string[];
}
export interface Source {
  id: string; title: string; publisher: string; date: string; url?: string; sponsored?: boolean; note?: string;
}
export interface Choice { id: string; label: string; weights?: Record<string, number>; }
export interface PriorityItem { id: string; label: string; criteria: Record<string, number>; default?: number; }
export interface Question {
  id: string; kind: "single" | "multi" | "priorities"; label: string; help?: string;
  choices?: Choice[]; items?: PriorityItem[];
}
export interface Condition { question: string; choice: string; }
/** A group's weight (its criteria's weights summed) must reach `min_weight` when its option is not the leader, `lead_weight` (default 0) when it is. */
export interface HybridGroup { option: string; criteria: string[]; min_weight: number; lead_weight?: number; }
export interface SplitPart { option: string; role: string; }
export interface Rule {
  id: string; kind: "override" | "hybrid"; text: string; sources?: string[];
  when?: Condition; option?: string; within?: number;
  groups?: HybridGroup[]; split?: SplitPart[]; label?: string;
  /** `hybrid` only: guidance for running the split. */
  guidance?: GuidanceSection[];
}
export interface DisputeSide { option: string; source: string; section?: string; text: string; }
export interface Dispute { id: string; topic: string; when?: Condition[]; sides: DisputeSide[]; }

/** A decision matrix (see docs/matrix-format.md). */
export interface Matrix {
  $schema?: string; version: 1; id: string; title: string;
  options: MatrixOption[]; criteria: Criterion[]; scores: Score[];
  sources?: Source[]; questions?: Question[]; rules?: Rule[]; disputes?: Dispute[];
  /** Win-probability thresholds, 0.5 ≤ lean ≤ clear ≤ 1 (default 0.9 and 0.7). */
  confidence?: { clear: number; lean: number };
}

/** One problem in a matrix or in answers. */
export interface MatrixIssue { path: string; message: string; hint: string; }

export interface Reason {
  criterion: string; label: string; favours: string; gap: number; evidence: Citation[]; sources: string[];
}
export interface FlipPoint {
  criterion: string; label: string; weight: number; flip_weight: number; new_winner: string;
  priority: { id: string; label: string; value: number; flip_value: number } | null;
}
export interface AnswerFlip {
  question: string; question_label: string; choice: string; choice_label: string;
  change: "pick" | "add" | "remove"; new_verdict: string; new_verdict_label: string;
}
export interface AppliedRule {
  id: string; kind: "override" | "hybrid"; text: string; sources: string[]; option: string | null;
  /** `override`: the points it added to `option`'s score. */
  points: number;
}
export interface LevelFlip {
  id: string; label: string; value: number; flip_value: number; new_verdict: string; new_verdict_label: string;
}

/** The explained recommendation returned by `recommend`. */
export interface Recommendation {
  verdict: string; verdict_label: string; leader: string; runner_up: string;
  confidence: "clear" | "lean" | "close-call";
  /** The probability the confidence word is read from (the verdict's, or "Use both"'s). */
  confidence_probability: number; margin: number;
  /** Weighted sum plus `rule_points`: what the bars show. */
  scores: Record<string, number>; rule_points: Record<string, number>; ranking: string[];
  weights: Record<string, number>; contributions: Record<string, Record<string, number>>;
  /** For the verdict; `outweighed`: for the runner-up, outweighed. */
  reasons: Reason[]; outweighed: Reason[];
  /** Expert view only: raw weights at which the leader changes. */
  flip_points: FlipPoint[]; answer_flips: AnswerFlip[]; priority_flips: LevelFlip[];
  win_probability: Record<string, number>; hybrid_probability: number; samples: number; seed: number;
  rules: AppliedRule[];
  disputes: { id: string; topic: string; when: Condition[]; sides: DisputeSide[] }[];
  hybrid: { label: string; text: string; split: SplitPart[]; sources: string[] } | null;
  sources: Source[];
}
"#;

#[wasm_bindgen(typescript_custom_section)]
const TS_MCDA_TYPES: &'static str = r#"
/** One criterion of a numeric matrix (for `rank`). */
export interface NumericCriterion {
  id: string; direction?: "benefit" | "cost";
  /** Weight when `RankSettings.weights` does not name it (≥ 0, default 1). */
  weight?: number;
}
/**
 * A plain numeric matrix for `rank`: up to 10,000 options × 100 criteria.
 * `values` holds one row per option (or a flat row-major Float64Array of
 * options.length × criteria.length). The weighted sum needs values on the
 * 0–10 anchor scale; TOPSIS takes any finite values ≥ 0.
 */
export interface NumericMatrix {
  options: string[]; criteria: NumericCriterion[]; values: number[][] | Float64Array;
}
/**
 * The criteria of a `BulkMatrix` by position, without ids: one weight (≥ 0)
 * per column, and `cost[c]` 1 for a cost column, 0 for a benefit one (no
 * `cost`: every column a benefit). The fastest form: nothing per criterion
 * crosses into the engine but its weight and direction. `RankSettings.weights`
 * cannot name these criteria (an error at `weights`): put the weights here.
 */
export interface ColumnCriteria {
  weights: Float64Array; cost?: Uint8Array | null;
}
/**
 * The bulk form of the numeric matrix, for large matrices: `options` is the
 * number of rows (an integer, 1..10,000) instead of their ids, and `values`
 * a flat row-major Float64Array of options × the number of criteria. The
 * criteria are objects with ids, or by position (`ColumnCriteria`). No
 * option ids cross into or out of the engine: the result is a
 * `BulkRanking`, by position.
 */
export interface BulkMatrix {
  options: number; criteria: NumericCriterion[] | ColumnCriteria; values: Float64Array;
}
export interface RankSettings {
  method: "wsm" | "topsis";
  /** Criterion id → weight ≥ 0, replacing the weights it names. */
  weights?: Record<string, number>;
}
/** The result of `rank`. */
export interface Ranking {
  method: "wsm" | "topsis";
  /** Criterion id → the weight used. */
  weights: Record<string, number>;
  /** Option id → score: 0..100 for wsm, closeness coefficient 0..1 for topsis. */
  scores: Record<string, number>;
  /** Option ids, best first; ties keep the input order. */
  ranking: string[];
}
/** The result of `rank` for a `BulkMatrix`: everything by position. */
export interface BulkRanking {
  method: "wsm" | "topsis";
  /** The weight used per criterion, in the order of `criteria`. */
  weights: Float64Array;
  /** One score per row, in row order: 0..100 for wsm, closeness coefficient 0..1 for topsis. */
  scores: Float64Array;
  /** Row indices (0-based), best first; ties keep the row order. */
  ranking: Uint32Array;
}
/** The result of `ahpWeights`. */
export interface AhpWeights {
  /** Principal eigenvector, sums to 1. */
  weights: number[];
  /** Row geometric means, sums to 1. */
  geometric_mean_weights: number[];
  lambda_max: number; consistency_index: number; random_index: number; consistency_ratio: number;
  /** consistency_ratio ≤ 0.10 */
  consistent: boolean;
  iterations: number;
}
"#;
