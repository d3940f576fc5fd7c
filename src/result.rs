//! What `recommend` returns: plain data, serialized as JSON with snake_case keys.

use crate::map::Map;
use crate::model::{Citation, Dispute, RuleKind, Source, SplitPart};
use serde::Serialize;

/// How sure the recommendation is, from the margin between the top two options.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Confidence {
    /// The margin reaches the matrix's `confidence.clear` threshold.
    Clear,
    /// The margin reaches `confidence.lean` but not `clear`.
    Lean,
    /// The options are within `confidence.lean` points of each other.
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
    /// Points (0–100) between the leader and the runner-up, rules included.
    pub margin: f64,
    /// Option id → weighted-sum score, 0–100.
    pub scores: Map<f64>,
    /// Option ids, best first (rules included).
    pub ranking: Vec<String>,
    /// Criterion id → the weight actually used.
    pub weights: Map<f64>,
    /// Option id → criterion id → points that criterion adds to the score.
    pub contributions: Map<Map<f64>>,
    /// The criteria that decide it, largest gap first.
    pub reasons: Vec<Reason>,
    /// Weights at which the leader would change.
    pub flip_points: Vec<FlipPoint>,
    /// Single answer changes that would change the verdict.
    pub answer_flips: Vec<AnswerFlip>,
    /// Option id → share of Monte Carlo samples in which it leads.
    pub win_probability: Map<f64>,
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
}

/// The hybrid architecture suggested by a hybrid rule.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hybrid {
    pub label: String,
    pub text: String,
    pub split: Vec<SplitPart>,
    pub sources: Vec<String>,
}
