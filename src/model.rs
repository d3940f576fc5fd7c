//! The decision matrix: plain data, deserialized with serde.
//!
//! A matrix is authored as JSON (see `docs/matrix-format.md`). Every type here
//! rejects unknown fields, so a typo such as `"wieght"` is reported with its
//! path instead of being silently ignored.

use crate::map::Map;
use serde::{Deserialize, Serialize};

/// A complete decision matrix: options scored against criteria, with the
/// questions that turn a reader's answers into criterion weights.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Matrix {
    /// Optional JSON Schema reference; ignored by the engine.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Format version; only `1` exists.
    pub version: u32,
    /// Short id of the matrix, e.g. `node-vs-python`.
    pub id: String,
    /// The question the matrix answers, shown as the widget's heading.
    pub title: String,
    /// The alternatives being compared (at least two).
    pub options: Vec<OptionDef>,
    /// What the options are judged on.
    pub criteria: Vec<Criterion>,
    /// One entry per option × criterion pair.
    pub scores: Vec<Score>,
    /// Articles, benchmarks and reports the scores rest on.
    #[serde(default)]
    pub sources: Vec<Source>,
    /// Questions shown to the reader; each answer adjusts criterion weights.
    #[serde(default)]
    pub questions: Vec<Question>,
    /// Statements the sources make outright (override and hybrid rules).
    #[serde(default)]
    pub rules: Vec<Rule>,
    /// Points where the sources disagree.
    #[serde(default)]
    pub disputes: Vec<Dispute>,
    /// Thresholds for the confidence wording.
    #[serde(default)]
    pub confidence: ConfidenceThresholds,
}

impl Matrix {
    /// The id of the option at `index` (empty if there is none).
    pub fn option_id(&self, index: usize) -> String {
        self.options
            .get(index)
            .map(|o| o.id.clone())
            .unwrap_or_default()
    }
}

/// One alternative, e.g. Node.js.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct OptionDef {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub summary: String,
    /// What a reader does next when this option wins (or is half of a
    /// hybrid verdict): hiring, learning time, a starter endpoint…
    /// Shown under the result; the engine itself never reads it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub guidance: Vec<GuidanceSection>,
}

/// One block of next-step guidance: a list of cited points, or a code sample.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct GuidanceSection {
    /// Unique among its siblings; locales translate `title` by it.
    pub id: String,
    pub kind: GuidanceKind,
    /// The heading the reader expands, e.g. "Hiring Node.js developers".
    pub title: String,
    /// `list`: the points, each citing its sources.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<GuidanceItem>,
    /// `code`: the language of `code`, as an id (`javascript`, `python`…);
    /// it names the Markdown fence.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub language: String,
    /// `code`: the sample itself (at most 4,000 characters), written for the
    /// matrix rather than copied from a source.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub code: String,
    /// A paragraph shown under the content, e.g. what production code does
    /// differently; cites `sources`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Ids of the sources behind `note`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
}

/// How a guidance section is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum GuidanceKind {
    /// A list of `items`.
    List,
    /// A `code` sample with a Copy button.
    Code,
}

/// One cited point of a guidance list: our paraphrase, figures exact.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct GuidanceItem {
    /// A short lead-in shown in bold, e.g. "UK pay".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
    pub text: String,
    /// Ids of the sources that say so (at least one).
    pub sources: Vec<String>,
}

/// Whether a higher score is better (`benefit`) or worse (`cost`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    #[default]
    Benefit,
    Cost,
}

/// A criterion the options are judged on.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub direction: Direction,
    /// Weight before any answer (≥ 0). Answers add to it.
    #[serde(default)]
    pub weight: f64,
    /// The cited passages that support this criterion's scores.
    #[serde(default)]
    pub evidence: Vec<Citation>,
    /// Shown apart: the widget draws this criterion's contribution as a
    /// labelled part of each bar (e.g. "Team knows JavaScript"), because it
    /// describes the reader rather than the options.
    #[serde(default, skip_serializing_if = "is_false")]
    pub segment: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// A cited passage: which source, which section, and our own one-sentence
/// paraphrase of what it says (figures carried over exactly).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    /// A `sources[].id`.
    pub source: String,
    /// The section heading of the passage in the source.
    #[serde(default)]
    pub section: String,
    /// Our paraphrase, never the source's own sentence.
    pub text: String,
}

/// The score of one option on one criterion, on a fixed 0–10 anchor scale.
///
/// For a `cost` criterion the value is the amount of cost (10 = most costly);
/// the engine turns it into a utility of `10 - value`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Score {
    pub option: String,
    pub criterion: String,
    pub value: f64,
    /// Lowest plausible value (defaults to `value`).
    #[serde(default)]
    pub low: Option<f64>,
    /// Highest plausible value (defaults to `value`).
    #[serde(default)]
    pub high: Option<f64>,
    /// Ids of the sources that support this score.
    #[serde(default)]
    pub sources: Vec<String>,
}

/// Where evidence comes from.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub publisher: String,
    /// Publication date as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub date: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// True when the publisher sells one side (e.g. a Node.js hiring agency).
    #[serde(default)]
    pub sponsored: bool,
    /// Why the source may be partial, shown next to the citation.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// How a question is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuestionKind {
    /// Pick at most one choice (a radio group).
    Single,
    /// Pick any number of choices (checkboxes).
    Multi,
    /// One 0–5 slider per item.
    Priorities,
}

/// A question shown to the reader.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub kind: QuestionKind,
    pub label: String,
    #[serde(default)]
    pub help: String,
    /// For `single` and `multi`.
    #[serde(default)]
    pub choices: Vec<Choice>,
    /// For `priorities`.
    #[serde(default)]
    pub items: Vec<PriorityItem>,
}

/// One answer to a single- or multi-choice question.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub id: String,
    pub label: String,
    /// Criterion id → amount added to its weight when this choice is picked
    /// (may be negative; a weight never drops below 0).
    #[serde(default)]
    pub weights: Map<f64>,
}

/// One 0–5 slider of a `priorities` question.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PriorityItem {
    pub id: String,
    pub label: String,
    /// Criterion id → weight added per slider step (≥ 0).
    pub criteria: Map<f64>,
    /// The slider's value when the reader has not moved it (0–5).
    #[serde(default)]
    pub default: f64,
}

/// An answer that makes a rule apply: question `question` answered `choice`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub question: String,
    pub choice: String,
}

/// A rule the sources state outright.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub id: String,
    pub kind: RuleKind,
    /// Plain-words statement of the rule, shown when it applies.
    pub text: String,
    #[serde(default)]
    pub sources: Vec<String>,
    /// `override`: the answer that triggers it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Condition>,
    /// `override`: the option it favours.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub option: Option<String>,
    /// `override`: points (0–100) added to the option's score when the rule
    /// applies; the widget shows them as a labelled part of the bar.
    #[serde(default)]
    pub within: f64,
    /// `hybrid`: the groups whose weights decide it (see [`HybridGroup`]).
    #[serde(default)]
    pub groups: Vec<HybridGroup>,
    /// `hybrid`: the suggested split, shown with a hybrid verdict.
    #[serde(default)]
    pub split: Vec<SplitPart>,
    /// `hybrid`: the verdict's label, e.g. "Use both".
    #[serde(default)]
    pub label: String,
    /// `hybrid`: guidance for running the split (how the services talk,
    /// what two runtimes cost), shown with the hybrid verdict before each
    /// option's own guidance.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub guidance: Vec<GuidanceSection>,
}

/// Rule kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RuleKind {
    /// Add `within` points to `option`'s score when `when` holds.
    Override,
    /// Recommend a split when the leader's group reaches its `lead_weight`
    /// and every other group its `min_weight`.
    Hybrid,
}

/// A set of criteria that favour one option, for a hybrid rule.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct HybridGroup {
    pub option: String,
    pub criteria: Vec<String>,
    /// The group's weight (the sum of its criteria's weights after the
    /// answers) must reach this when its option is not the score leader:
    /// the other side's specialty weighs heavily enough for a service of
    /// its own.
    pub min_weight: f64,
    /// The group's weight must reach this when its option leads (default 0):
    /// the leader's own specialty is present.
    #[serde(default)]
    pub lead_weight: f64,
}

/// What one option does in a hybrid architecture.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SplitPart {
    pub option: String,
    pub role: String,
}

/// Where the sources disagree.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Dispute {
    pub id: String,
    pub topic: String,
    /// Shown when any of these answers is given; always shown when empty.
    #[serde(default)]
    pub when: Vec<Condition>,
    pub sides: Vec<DisputeSide>,
}

/// One side of a dispute.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DisputeSide {
    pub option: String,
    pub source: String,
    #[serde(default)]
    pub section: String,
    pub text: String,
}

/// Win probabilities (0.5–1) that separate the confidence words.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ConfidenceThresholds {
    /// A verdict whose probability is at least this is `clear`.
    pub clear: f64,
    /// A verdict whose probability is at least this (but below `clear`) is
    /// `lean`; below it, `close-call`.
    pub lean: f64,
}

impl Default for ConfidenceThresholds {
    fn default() -> Self {
        ConfidenceThresholds {
            clear: 0.9,
            lean: 0.7,
        }
    }
}
