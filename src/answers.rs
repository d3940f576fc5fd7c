//! A reader's answers, and how they become criterion weights.
//!
//! Answers are a JSON object keyed by question id: a single-choice question
//! takes a choice id, a multi-choice question a list of choice ids, and a
//! priorities question an object of item id → 0..5. Three keys are reserved:
//! `weights` (criterion id → weight, overriding the computed weight), `seed`
//! and `samples` (the Monte Carlo settings). Omitted answers are neutral.

use crate::error::{Error, Issue};
use crate::map::Map;
use crate::model::{Matrix, QuestionKind};
use crate::validate::MAX_WEIGHT;
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// Default number of Monte Carlo samples.
pub const DEFAULT_SAMPLES: u32 = 2_000;
/// How far a choice's (or a criterion's built-in) weight may plausibly be
/// off, as a share: the samples draw it within ±25% of its stated amount.
pub const CHOICE_SPREAD: f64 = 0.5;
/// How far a priority level may plausibly be off, in levels: "3 – matters"
/// is read as anything from 2.5 to 3.5.
pub const LEVEL_SPREAD: f64 = 0.5;
/// Largest accepted number of Monte Carlo samples.
pub const MAX_SAMPLES: u32 = 100_000;
/// Default Monte Carlo seed.
pub const DEFAULT_SEED: u32 = 0x5eed;
/// Highest value of a priority slider.
pub const MAX_PRIORITY: f64 = 5.0;

/// One answer value, as it arrives from JSON.
///
/// Deserialized by a hand-written visitor rather than `#[serde(untagged)]`:
/// untagged enums buffer the whole value first (deeply nested input would
/// recurse without bound) and cost kilobytes of wasm.
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
    /// Where the weights come from, for drawing them around the answers.
    pub terms: Vec<WeightTerm>,
    /// Criteria whose weight the reader set exactly (`weights`): not drawn.
    pub fixed: Vec<bool>,
    /// Monte Carlo sample count.
    pub samples: u32,
    /// Monte Carlo seed.
    pub seed: u32,
}

/// One source of weight: a criterion's built-in weight, a picked choice or a
/// priority slider. Its amounts are drawn together, each scaled by
/// `1 + spread·ξ` with ξ uniform on −1..1, so the stated weight is the
/// centre of a symmetric distribution.
#[derive(Debug, Clone, PartialEq)]
pub struct WeightTerm {
    /// (criterion index, amount it adds).
    pub parts: Vec<(usize, f64)>,
    /// Relative spread (0 = exact).
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
}

impl Resolved {
    /// True when `question` was answered with `choice`.
    pub fn picked(&self, question: &str, choice: &str) -> bool {
        self.chosen
            .get(question)
            .is_some_and(|ids| ids.iter().any(|id| id == choice))
    }
}

/// Checks `answers` against `matrix` and computes the criterion weights.
///
/// # Errors
/// [`Error::InvalidAnswers`] listing every unknown question, unknown choice,
/// wrong shape or out-of-range number, each with its path under `answers`.
pub fn resolve(matrix: &Matrix, answers: &Answers) -> Result<Resolved, Error> {
    let mut issues = Vec::new();
    let mut weights = Vec::with_capacity(matrix.criteria.len());
    let mut terms = Vec::new();
    for (i, c) in matrix.criteria.iter().enumerate() {
        weights.push(c.weight);
        if c.weight > 0.0 {
            terms.push(WeightTerm {
                parts: vec![(i, c.weight)],
                spread: CHOICE_SPREAD,
            });
        }
    }
    let mut chosen = Map::new();
    let mut priorities = Vec::new();
    let mut samples = DEFAULT_SAMPLES;
    let mut seed = DEFAULT_SEED;
    let mut overrides: Vec<(usize, f64)> = Vec::new();

    for (key, value) in answers {
        let path = format!("answers.{key}");
        if matches!(value, AnswerValue::Unset) {
            continue;
        }
        match key.as_str() {
            "seed" => match whole_number(value, u32::MAX) {
                Some(n) => seed = n,
                None => issues.push(Issue::new(
                    path,
                    "the seed must be a whole number from 0 to 4294967295",
                    "use an integer such as 1, or leave `seed` out for the default",
                )),
            },
            "samples" => match whole_number(value, MAX_SAMPLES).filter(|n| *n >= 1) {
                Some(n) => samples = n,
                None => issues.push(Issue::new(
                    path,
                    format!("samples must be a whole number from 1 to {MAX_SAMPLES}"),
                    "use e.g. 2000, or leave `samples` out for the default",
                )),
            },
            "weights" => match value {
                AnswerValue::Levels(map) => {
                    for (criterion, &w) in map {
                        let item_path = format!("{path}.{criterion}");
                        match matrix.criteria.iter().position(|c| &c.id == criterion) {
                            None => issues.push(unknown_id(
                                &item_path,
                                "criterion",
                                criterion,
                                matrix.criteria.iter().map(|c| c.id.as_str()),
                            )),
                            Some(_) if !(0.0..=MAX_WEIGHT).contains(&w) => issues.push(Issue::new(
                                item_path,
                                "a weight must be a finite number from 0 to 1000000",
                                "use 0 to ignore the criterion, or a positive number",
                            )),
                            Some(index) => overrides.push((index, w)),
                        }
                    }
                }
                _ => issues.push(Issue::new(
                    path,
                    "`weights` must be an object of criterion id → number",
                    "write e.g. {\"weights\": {\"hiring\": 2}}",
                )),
            },
            _ => resolve_question(
                matrix,
                key,
                value,
                &path,
                &mut weights,
                &mut chosen,
                &mut priorities,
                &mut terms,
                &mut issues,
            ),
        }
    }

    // Sliders the reader did not touch still count, at their default.
    for question in matrix
        .questions
        .iter()
        .filter(|q| q.kind == QuestionKind::Priorities)
    {
        for item in &question.items {
            if priorities.iter().any(|p: &PriorityState| p.id == item.id) {
                continue;
            }
            let per_step = criterion_steps(matrix, &item.criteria);
            for &(index, step) in &per_step {
                add_weight(&mut weights, index, step * item.default);
            }
            terms.push(level_term(&per_step, item.default));
            priorities.push(PriorityState {
                id: item.id.clone(),
                value: item.default,
                per_step,
            });
        }
    }

    for w in &mut weights {
        *w = w.max(0.0);
    }
    let mut fixed = vec![false; weights.len()];
    for (index, w) in overrides {
        if let (Some(slot), Some(f)) = (weights.get_mut(index), fixed.get_mut(index)) {
            *slot = w;
            *f = true;
        }
    }
    if issues.is_empty() && weights.iter().all(|w| *w <= 0.0) {
        issues.push(Issue::new(
            "answers.weights",
            "every criterion weight is 0, so nothing can be compared",
            "give at least one criterion a weight above 0",
        ));
    }
    if !issues.is_empty() {
        return Err(Error::InvalidAnswers(issues));
    }
    Ok(Resolved {
        weights,
        chosen,
        priorities,
        terms,
        fixed,
        samples,
        seed,
    })
}

#[allow(clippy::too_many_arguments)]
fn resolve_question(
    matrix: &Matrix,
    key: &str,
    value: &AnswerValue,
    path: &str,
    weights: &mut [f64],
    chosen: &mut Map<Vec<String>>,
    priorities: &mut Vec<PriorityState>,
    terms: &mut Vec<WeightTerm>,
    issues: &mut Vec<Issue>,
) {
    let Some(question) = matrix.questions.iter().find(|q| q.id == key) else {
        let mut known = Vec::new();
        for q in &matrix.questions {
            known.push(q.id.as_str());
        }
        for setting in ["weights", "seed", "samples"] {
            known.push(setting);
        }
        issues.push(unknown_id(path, "question", key, known.into_iter()));
        return;
    };
    let ids: Vec<&String> = match (question.kind, value) {
        (QuestionKind::Single, AnswerValue::One(id)) => vec![id],
        (QuestionKind::Multi, AnswerValue::Many(ids)) => {
            let mut all = Vec::with_capacity(ids.len());
            for id in ids {
                all.push(id);
            }
            all
        }
        (QuestionKind::Multi, AnswerValue::One(id)) => vec![id],
        (QuestionKind::Priorities, AnswerValue::Levels(levels)) => {
            for (item_id, &level) in levels {
                let item_path = format!("{path}.{item_id}");
                if !level.is_finite() || !(0.0..=MAX_PRIORITY).contains(&level) {
                    issues.push(Issue::new(
                        item_path,
                        "a priority must be a number from 0 to 5".to_string(),
                        "use 0 (doesn't matter) … 5 (critical)",
                    ));
                    continue;
                }
                let per_step = if let Some(item) = question.items.iter().find(|i| &i.id == item_id)
                {
                    criterion_steps(matrix, &item.criteria)
                } else if let Some(index) = matrix.criteria.iter().position(|c| &c.id == item_id) {
                    vec![(index, 1.0)]
                } else {
                    let known = question
                        .items
                        .iter()
                        .map(|i| i.id.as_str())
                        .chain(matrix.criteria.iter().map(|c| c.id.as_str()));
                    issues.push(unknown_id(&item_path, "priority", item_id, known));
                    continue;
                };
                if priorities.iter().any(|p| &p.id == item_id) {
                    continue;
                }
                for &(index, step) in &per_step {
                    add_weight(weights, index, step * level);
                }
                terms.push(level_term(&per_step, level));
                priorities.push(PriorityState {
                    id: item_id.clone(),
                    value: level,
                    per_step,
                });
            }
            return;
        }
        _ => {
            let expected = match question.kind {
                QuestionKind::Single => "one choice id (a string)",
                QuestionKind::Multi => "a list of choice ids",
                QuestionKind::Priorities => "an object of priority id → number 0..5",
            };
            issues.push(Issue::new(
                path,
                format!("`{key}` takes {expected}"),
                format!("answer with {expected}, or leave `{key}` out"),
            ));
            return;
        }
    };
    let mut picked = Vec::new();
    for (i, id) in ids.into_iter().enumerate() {
        let item_path = if matches!(value, AnswerValue::Many(_)) {
            format!("{path}[{i}]")
        } else {
            path.to_string()
        };
        match question.choices.iter().find(|c| &c.id == id) {
            None => issues.push(unknown_id(
                &item_path,
                "choice",
                id,
                question.choices.iter().map(|c| c.id.as_str()),
            )),
            Some(_) if picked.contains(id) => {}
            Some(choice) => {
                for (criterion, delta) in &choice.weights {
                    if let Some(index) = matrix.criteria.iter().position(|c| &c.id == criterion) {
                        add_weight(weights, index, *delta);
                    }
                }
                picked.push(id.clone());
            }
        }
    }
    // One weight term per picked choice, in the matrix's order, so the
    // samples do not depend on the order the answers list them in.
    for choice in question.choices.iter().filter(|c| picked.contains(&c.id)) {
        let mut parts = Vec::new();
        for (criterion, delta) in &choice.weights {
            if let Some(index) = matrix.criteria.iter().position(|c| &c.id == criterion) {
                parts.push((index, *delta));
            }
        }
        terms.push(WeightTerm {
            parts,
            spread: CHOICE_SPREAD,
        });
    }
    chosen.insert(key.to_string(), picked);
}

fn criterion_steps(matrix: &Matrix, criteria: &Map<f64>) -> Vec<(usize, f64)> {
    let mut steps = Vec::new();
    for (id, step) in criteria {
        if let Some(i) = matrix.criteria.iter().position(|c| &c.id == id) {
            steps.push((i, *step));
        }
    }
    steps
}

/// A slider at `level` read as `level ± LEVEL_SPREAD` (a level of 0 is exact).
fn level_term(per_step: &[(usize, f64)], level: f64) -> WeightTerm {
    let mut parts = Vec::with_capacity(per_step.len());
    for &(index, step) in per_step {
        parts.push((index, step * level));
    }
    WeightTerm {
        parts,
        spread: if level > 0.0 {
            LEVEL_SPREAD / level
        } else {
            0.0
        },
    }
}

fn add_weight(weights: &mut [f64], index: usize, delta: f64) {
    if let Some(w) = weights.get_mut(index) {
        *w += delta;
    }
}

fn whole_number(value: &AnswerValue, max: u32) -> Option<u32> {
    match value {
        AnswerValue::Number(n)
            if n.is_finite() && n.fract() == 0.0 && *n >= 0.0 && *n <= f64::from(max) =>
        {
            Some(*n as u32)
        }
        _ => None,
    }
}

/// An issue for an id that names nothing, listing the ids that would.
pub fn unknown_id<'a>(
    path: &str,
    what: &str,
    id: &str,
    known: impl Iterator<Item = &'a str>,
) -> Issue {
    let known = comma_list(known);
    Issue::new(
        path,
        format!("\"{}\" is not a {what}", clip(id)),
        format!("expected one of {known}"),
    )
}

/// `a, b, c`. A loop rather than `join`, whose generic code is 1 KB of wasm.
pub fn comma_list<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for item in items {
        if !out.is_empty() {
            out.push_str(", ");
        }
        out.push_str(item);
    }
    out
}

/// Shortens a string for an error message so huge inputs stay readable.
pub fn clip(s: &str) -> String {
    clip_to(s, 60)
}

/// Shortens a string to at most `max` characters, marking the cut with `…`.
pub fn clip_to(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", s.get(..cut).unwrap_or(s)),
        None => s.to_string(),
    }
}
