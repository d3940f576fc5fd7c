//! What `recommend` returns: plain data, serialized as JSON with snake_case keys.

use crate::map::Map;
use crate::model::{Citation, Dispute, RuleKind, Source, SplitPart};
use serde::Serialize;

/// How sure the recommendation is: read off [`Recommendation::confidence_probability`]
/// by the matrix's thresholds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Confidence {
    /// The probability reaches the matrix's `confidence.clear` (0.9 by default).
    Clear,
    /// The probability reaches `confidence.lean` (0.7) but not `clear`.
    Lean,
    /// The probability is below `confidence.lean`.
    CloseCall,
}

/// The full, explained recommendation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recommendation {
    /// The winning option's id, or `"hybrid"`.
    pub verdict: String,
    /// The verdict in words, e.g. "Node.js" or "Use both".
    pub verdict_label: String,
    /// The best option after rules (equal to `verdict` unless hybrid).
    pub leader: String,
    /// The second-best option.
    pub runner_up: String,
    pub confidence: Confidence,
    /// The probability `confidence` is read from: the share of samples in
    /// which the verdict's option scores above the runner-up, or, for a
    /// hybrid verdict, in which the hybrid rule holds.
    pub confidence_probability: f64,
    /// Points between the leader and the runner-up, rules included.
    pub margin: f64,
    /// Option id → score: the weighted sum (0–100) plus `rule_points`. The
    /// bars show these numbers and the leader is the highest.
    pub scores: Map<f64>,
    /// Option id → points added by override rules that applied (0 if none).
    pub rule_points: Map<f64>,
    /// Option ids, best first (rules included).
    pub ranking: Vec<String>,
    /// Criterion id → the weight actually used.
    pub weights: Map<f64>,
    /// Option id → criterion id → points that criterion adds to the score.
    pub contributions: Map<Map<f64>>,
    /// The criteria that favour the verdict, largest gap first (for a
    /// hybrid verdict, the groups' criteria, each favouring its side).
    pub reasons: Vec<Reason>,
    /// The criteria that favour the runner-up but are outweighed, largest
    /// gap first (empty for a hybrid verdict).
    pub outweighed: Vec<Reason>,
    /// Weights at which the leader would change.
    pub flip_points: Vec<FlipPoint>,
    /// Single answer changes that would change the verdict.
    pub answer_flips: Vec<AnswerFlip>,
    /// Priority levels (whole steps 0–5) that would change the verdict.
    pub priority_flips: Vec<LevelFlip>,
    /// Option id → share of samples in which it has the top score.
    pub win_probability: Map<f64>,
    /// Share of samples in which a hybrid rule holds.
    pub hybrid_probability: f64,
    /// Monte Carlo samples drawn.
    pub samples: u32,
    /// Monte Carlo seed used.
    pub seed: u32,
    /// The rules that applied to these answers.
    pub rules: Vec<AppliedRule>,
    /// Disagreements between sources that bear on these answers.
    pub disputes: Vec<Dispute>,
    /// The suggested split, when the verdict is hybrid.
    pub hybrid: Option<Hybrid>,
    /// Every source cited anywhere in this result.
    pub sources: Vec<Source>,
}

/// One criterion that separates the leader from the runner-up.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reason {
    pub criterion: String,
    pub label: String,
    /// The option this criterion favours.
    pub favours: String,
    /// Score points this criterion puts between the two options (≥ 0).
    pub gap: f64,
    /// The cited evidence behind the scores.
    pub evidence: Vec<Citation>,
    /// Source ids behind the two options' scores.
    pub sources: Vec<String>,
}

/// A weight at which the leader changes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FlipPoint {
    pub criterion: String,
    pub label: String,
    /// The criterion's current weight.
    pub weight: f64,
    /// The weight at which `new_winner` draws level; any further and it leads.
    pub flip_weight: f64,
    /// The option that leads past the flip weight.
    pub new_winner: String,
    /// The same flip stated on a priority slider, when one slider alone
    /// controls this criterion and the flip lies within 0–5.
    pub priority: Option<PriorityFlip>,
}

/// One answer change that would change the verdict, e.g. "if your team
/// knew Python, Python would win".
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnswerFlip {
    pub question: String,
    pub question_label: String,
    pub choice: String,
    pub choice_label: String,
    /// `pick` (a single-choice answer), `add` or `remove` (a multi-choice one).
    pub change: String,
    /// The verdict after the change: an option id or `"hybrid"`.
    pub new_verdict: String,
    pub new_verdict_label: String,
}

/// The nearest whole level of one priority slider that changes the
/// verdict, e.g. "if fast cold starts mattered 4/5, Node.js would win".
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LevelFlip {
    /// The priority item's id.
    pub id: String,
    pub label: String,
    /// The slider's current value.
    pub value: f64,
    /// The level (0–5) at which the verdict changes; every level beyond it
    /// in the same direction was not checked.
    pub flip_value: f64,
    /// The verdict at `flip_value`: an option id or `"hybrid"`.
    pub new_verdict: String,
    pub new_verdict_label: String,
}

/// A flip point expressed as a slider position.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PriorityFlip {
    pub id: String,
    pub label: String,
    /// The slider's current value.
    pub value: f64,
    /// The slider value at which the leader changes.
    pub flip_value: f64,
}

/// A rule that applied.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AppliedRule {
    pub id: String,
    pub kind: RuleKind,
    pub text: String,
    pub sources: Vec<String>,
    pub option: Option<String>,
    /// `override`: the points it added to `option`'s score.
    pub points: f64,
}

/// The hybrid architecture suggested by a hybrid rule.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hybrid {
    pub label: String,
    pub text: String,
    pub split: Vec<SplitPart>,
    pub sources: Vec<String>,
}
