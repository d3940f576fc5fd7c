//! A reader's answers, and how they become criterion weights.
//!
//! Answers are a JSON object keyed by question id: a single-choice question
//! takes a choice id, a multi-choice question a list of choice ids, and a
//! priorities question an object of item id → 0..5. Three keys are reserved:
//! `weights` (criterion id → weight, overriding the computed weight), `seed`
//! and `samples` (the Monte Carlo settings). Omitted answers are neutral.

mod resolve;

pub use resolve::resolve;

use crate::map::Map;
use crate::model::Matrix;
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// Default number of Monte Carlo samples.
pub const DEFAULT_SAMPLES: u32 = 2_000;
/// How far a choice's (or a criterion's built-in) weight may plausibly be
/// off, as a share: the samples draw it within ±50% of its stated amount.
pub const CHOICE_SPREAD: f64 = 0.5;
/// How far a priority level may plausibly be off, in levels: "3 – matters"
/// is read as anything from 2.5 to 3.5.
pub const LEVEL_SPREAD: f64 = 0.5;
/// Default Monte Carlo seed.
pub const DEFAULT_SEED: u32 = 0x5eed;
// The limits' public paths before `crate::limits` held them.
#[doc(no_inline)]
pub use crate::limits::{MAX_PRIORITY, MAX_SAMPLES};

/// One answer value, as it arrives from JSON.
///
/// Deserialized by a hand-written visitor rather than `#[serde(untagged)]`:
/// untagged enums buffer the whole value first (deeply nested input would
/// recurse without bound) and bring generic code (size: see `crate::small`).
#[derive(Debug, Clone, PartialEq)]
pub enum AnswerValue {
    /// A choice id, for a single-choice question.
    One(String),
    /// Choice ids, for a multi-choice question.
    Many(Vec<String>),
    /// Item id → value, for priorities and `weights`.
    Levels(Map<f64>),
    /// A number, for `seed` and `samples`.
    Number(f64),
    /// `null`: the same as leaving the answer out.
    Unset,
}

impl<'de> Deserialize<'de> for AnswerValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(AnswerVisitor)
    }
}

struct AnswerVisitor;

impl<'de> Visitor<'de> for AnswerVisitor {
    type Value = AnswerValue;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a choice id, a list of choice ids, an object of id → number, or a number")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<AnswerValue, E> {
        Ok(AnswerValue::One(v.to_string()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<AnswerValue, E> {
        Ok(AnswerValue::One(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<AnswerValue, E> {
        Ok(AnswerValue::Number(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<AnswerValue, E> {
        Ok(AnswerValue::Number(v as f64))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<AnswerValue, E> {
        Ok(AnswerValue::Number(v as f64))
    }

    fn visit_unit<E: de::Error>(self) -> Result<AnswerValue, E> {
        Ok(AnswerValue::Unset)
    }

    fn visit_none<E: de::Error>(self) -> Result<AnswerValue, E> {
        Ok(AnswerValue::Unset)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<AnswerValue, A::Error> {
        let mut ids = Vec::new();
        while let Some(id) = seq.next_element::<String>()? {
            ids.push(id);
        }
        Ok(AnswerValue::Many(ids))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<AnswerValue, A::Error> {
        let mut levels = Map::new();
        while let Some((key, value)) = map.next_entry::<String, f64>()? {
            levels.insert(key, value);
        }
        Ok(AnswerValue::Levels(levels))
    }
}

/// Answers keyed by question id (plus the reserved keys).
pub type Answers = Map<AnswerValue>;

/// Answers checked against a matrix and turned into what the engine needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    /// Criterion weights, in the matrix's criterion order.
    pub weights: Vec<f64>,
    /// Question id → chosen choice ids (single and multi questions).
    pub chosen: Map<Vec<String>>,
    /// Priority item id → (slider value, criterion index → weight per step).
    pub priorities: Vec<PriorityState>,
    /// Where the weights come from, in [`TermKey`] order: the weights are
    /// their sums, and the Monte Carlo draws them around the answers.
    pub terms: Vec<WeightTerm>,
    /// Criteria whose weight the reader set exactly (`weights`): not drawn.
    pub fixed: Vec<bool>,
    /// Monte Carlo sample count.
    pub samples: u32,
    /// Monte Carlo seed.
    pub seed: u32,
}

/// A weight term's source: `(0, criterion)` for a built-in weight,
/// `(1 + question, choice)` for a picked choice and `(1 + question, item)` for
/// a priority slider (indices in the matrix; a slider named by a criterion id
/// counts as item `items + criterion`).
pub type TermKey = (usize, usize);

/// One source of weight: a criterion's built-in weight, a picked choice or a
/// priority slider. Each sample adds `amount × (centre + spread·ξ)` to every
/// part's criterion, with ξ uniform on −1..1, so the stated weight
/// (`amount × centre`) is the centre of a symmetric distribution.
#[derive(Debug, Clone, PartialEq)]
pub struct WeightTerm {
    /// Where the term comes from; terms are summed in key order, so the same
    /// terms always give the same weights to the last bit.
    pub key: TermKey,
    /// (criterion index, amount per unit).
    pub parts: Vec<(usize, f64)>,
    /// The stated number of units: 1 for a choice or a built-in weight, the
    /// level for a slider.
    pub centre: f64,
    /// How many units the draw may move either way (0 = exact).
    pub spread: f64,
}

/// The state of one priority slider, kept so flip points can be stated in
/// slider steps.
#[derive(Debug, Clone, PartialEq)]
pub struct PriorityState {
    /// The priority item's id.
    pub id: String,
    /// The slider's value (the answer, or the item's default).
    pub value: f64,
    /// (criterion index, weight per step).
    pub per_step: Vec<(usize, f64)>,
    /// Its weight term's key.
    pub key: TermKey,
}

impl Resolved {
    /// True when `question` was answered with `choice`.
    pub fn picked(&self, question: &str, choice: &str) -> bool {
        self.chosen
            .get(question)
            .is_some_and(|ids| ids.iter().any(|id| id == choice))
    }

    /// The weights [`resolve`] gives for the same answers with priority
    /// slider `slider` (an index into `priorities`) at `level`; `None` when
    /// every weight would be 0 (which `resolve` refuses).
    pub fn weights_at_level(&self, slider: usize, level: f64) -> Option<Vec<f64>> {
        let key = self.priorities.get(slider)?.key;
        let mut terms = self.terms.clone();
        for term in &mut terms {
            if term.key == key {
                *term = level_term(&term.parts, level, key);
            }
        }
        self.weights_of(&terms)
    }

    /// The weights [`resolve`] gives for the same answers with question
    /// `question` (an index into the matrix's questions) answered by the
    /// choices `picks` (indices); `None` when every weight would be 0.
    pub fn weights_with_choices(
        &self,
        matrix: &Matrix,
        question: usize,
        picks: &[usize],
    ) -> Option<Vec<f64>> {
        let mut terms = Vec::with_capacity(self.terms.len() + picks.len());
        for term in &self.terms {
            if term.key.0 != question + 1 {
                terms.push(term.clone());
            }
        }
        for &choice in picks {
            if let Some(term) = choice_term(matrix, question, choice) {
                push_term(&mut terms, term);
            }
        }
        self.weights_of(&terms)
    }

    /// `terms` summed into weights, with the reader's exact weights kept.
    fn weights_of(&self, terms: &[WeightTerm]) -> Option<Vec<f64>> {
        let weights = finish_weights(centre_sums(terms, self.weights.len()), |c| {
            match (self.fixed.get(c), self.weights.get(c)) {
                (Some(true), Some(exact)) => Some(*exact),
                _ => None,
            }
        });
        weights.iter().any(|w| *w > 0.0).then_some(weights)
    }
}

/// Each criterion's weight at the centre of `terms` (summed in their order),
/// before negative sums are raised to 0.
pub fn centre_sums(terms: &[WeightTerm], criteria: usize) -> Vec<f64> {
    let mut sums = vec![0.0; criteria];
    for term in terms {
        for &(c, amount) in &term.parts {
            add_weight(&mut sums, c, amount * term.centre);
        }
    }
    sums
}

/// Raises negative sums to 0, and puts the exact weight `exact(c)` where the
/// reader gave one.
fn finish_weights(mut weights: Vec<f64>, exact: impl Fn(usize) -> Option<f64>) -> Vec<f64> {
    for (c, w) in weights.iter_mut().enumerate() {
        *w = exact(c).unwrap_or(w.max(0.0));
    }
    weights
}

/// Inserts `term` at its key's place (terms stay in key order).
fn push_term(terms: &mut Vec<WeightTerm>, term: WeightTerm) {
    let at = terms
        .iter()
        .position(|t| t.key > term.key)
        .unwrap_or(terms.len());
    terms.insert(at, term);
}

/// The weight term of choice `choice` of question `question`.
fn choice_term(matrix: &Matrix, question: usize, choice: usize) -> Option<WeightTerm> {
    let c = matrix.questions.get(question)?.choices.get(choice)?;
    let mut parts = Vec::new();
    for (criterion, delta) in &c.weights {
        if let Some(index) = matrix.criteria.iter().position(|c| &c.id == criterion) {
            parts.push((index, *delta));
        }
    }
    Some(WeightTerm {
        key: (question + 1, choice),
        parts,
        centre: 1.0,
        spread: CHOICE_SPREAD,
    })
}

/// A slider at `level` read as `level ± LEVEL_SPREAD` (a level of 0 is exact).
fn level_term(per_step: &[(usize, f64)], level: f64, key: TermKey) -> WeightTerm {
    WeightTerm {
        key,
        parts: per_step.to_vec(),
        centre: level,
        spread: if level > 0.0 { LEVEL_SPREAD } else { 0.0 },
    }
}

fn add_weight(weights: &mut [f64], index: usize, delta: f64) {
    if let Some(w) = weights.get_mut(index) {
        *w += delta;
    }
}
