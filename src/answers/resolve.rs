//! [`resolve`]: a reader's answers checked against a matrix and summed into
//! criterion weights, with every problem at its path under `answers`.

use super::{
    centre_sums, choice_term, finish_weights, level_term, push_term, AnswerValue, Answers,
    PriorityState, Resolved, WeightTerm, CHOICE_SPREAD, DEFAULT_SAMPLES, DEFAULT_SEED,
};
use crate::error::{unknown_id, Error, Issues, Path};
use crate::limits::{
    MAX_PRIORITY, MAX_SAMPLES, MAX_WEIGHT, PRIORITY_RANGE, SEED_RANGE, WEIGHT_RANGE,
};
use crate::map::Map;
use crate::model::{Matrix, QuestionKind};
/// Checks `answers` against `matrix` and computes the criterion weights.
///
/// # Errors
/// [`Error::InvalidAnswers`] listing every unknown question, unknown choice,
/// wrong shape or out-of-range number, each with its path under `answers`.
pub fn resolve(matrix: &Matrix, answers: &Answers) -> Result<Resolved, Error> {
    let mut issues = Issues::new();
    let mut terms = Vec::new();
    for (i, c) in matrix.criteria.iter().enumerate() {
        if c.weight != 0.0 {
            terms.push(WeightTerm {
                key: (0, i),
                parts: vec![(i, c.weight)],
                centre: 1.0,
                spread: if c.weight > 0.0 { CHOICE_SPREAD } else { 0.0 },
            });
        }
    }
    let mut chosen = Map::new();
    let mut priorities = Vec::new();
    let mut samples = DEFAULT_SAMPLES;
    let mut seed = DEFAULT_SEED;
    let mut overrides: Vec<(usize, f64)> = Vec::new();

    let root = Path::root("answers");
    for (key, value) in answers {
        let path = root.key(key);
        if matches!(value, AnswerValue::Unset) {
            continue;
        }
        match key.as_str() {
            "seed" => match whole_number(value, u32::MAX) {
                Some(n) => seed = n,
                None => issues.push(
                    path,
                    SEED_RANGE,
                    "use an integer such as 1, or leave `seed` out for the default",
                ),
            },
            "samples" => match whole_number(value, MAX_SAMPLES).filter(|n| *n >= 1) {
                Some(n) => samples = n,
                None => issues.push(
                    path,
                    format!("samples must be a whole number from 1 to {MAX_SAMPLES}"),
                    "use e.g. 2000, or leave `samples` out for the default",
                ),
            },
            "weights" => match value {
                AnswerValue::Levels(map) => {
                    for (criterion, &w) in map {
                        let item_path = path.key(criterion);
                        match matrix.criteria.iter().position(|c| &c.id == criterion) {
                            None => issues.add(unknown_id(
                                &item_path.render(),
                                "criterion",
                                criterion,
                                matrix.criteria.iter().map(|c| c.id.as_str()),
                            )),
                            Some(_) if !(0.0..=MAX_WEIGHT).contains(&w) => issues.push(
                                item_path,
                                WEIGHT_RANGE,
                                "use 0 to ignore the criterion, or a positive number",
                            ),
                            Some(index) => overrides.push((index, w)),
                        }
                    }
                }
                _ => issues.push(
                    path,
                    "`weights` must be an object of criterion id → number",
                    "write e.g. {\"weights\": {\"hiring\": 2}}",
                ),
            },
            _ => resolve_question(
                matrix,
                key,
                value,
                &path,
                &mut chosen,
                &mut priorities,
                &mut terms,
                &mut issues,
            ),
        }
    }

    // Sliders the reader did not touch still count, at their default.
    for (qi, question) in matrix.questions.iter().enumerate() {
        if question.kind != QuestionKind::Priorities {
            continue;
        }
        for (ii, item) in question.items.iter().enumerate() {
            if priorities.iter().any(|p: &PriorityState| p.id == item.id) {
                continue;
            }
            let per_step = criterion_steps(matrix, &item.criteria);
            let key = (qi + 1, ii);
            push_term(&mut terms, level_term(&per_step, item.default, key));
            priorities.push(PriorityState {
                id: item.id.clone(),
                value: item.default,
                per_step,
                key,
            });
        }
    }

    let mut fixed = vec![false; matrix.criteria.len()];
    for &(index, _) in &overrides {
        if let Some(f) = fixed.get_mut(index) {
            *f = true;
        }
    }
    // The last exact weight given for a criterion wins.
    let exact = |c: usize| {
        overrides
            .iter()
            .rev()
            .find(|(i, _)| *i == c)
            .map(|(_, w)| *w)
    };
    let weights = finish_weights(centre_sums(&terms, matrix.criteria.len()), exact);
    if issues.is_empty() && weights.iter().all(|w| *w <= 0.0) {
        issues.push(
            "answers.weights",
            "every criterion weight is 0, so nothing can be compared",
            "give at least one criterion a weight above 0",
        );
    }
    issues.finish(Error::InvalidAnswers)?;
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
    path: &Path,
    chosen: &mut Map<Vec<String>>,
    priorities: &mut Vec<PriorityState>,
    terms: &mut Vec<WeightTerm>,
    issues: &mut Issues,
) {
    let Some((qi, question)) = matrix
        .questions
        .iter()
        .enumerate()
        .find(|(_, q)| q.id == key)
    else {
        let mut known = Vec::new();
        for q in &matrix.questions {
            known.push(q.id.as_str());
        }
        for setting in ["weights", "seed", "samples"] {
            known.push(setting);
        }
        issues.add(unknown_id(
            &path.render(),
            "question",
            key,
            known.into_iter(),
        ));
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
                let item_path = path.key(item_id);
                if !level.is_finite() || !(0.0..=MAX_PRIORITY).contains(&level) {
                    issues.push(
                        item_path,
                        PRIORITY_RANGE,
                        "use 0 (doesn't matter) … 5 (critical)",
                    );
                    continue;
                }
                let found = question.items.iter().position(|i| &i.id == item_id);
                let (per_step, slot) = if let Some(item) = found.and_then(|i| question.items.get(i))
                {
                    (criterion_steps(matrix, &item.criteria), found.unwrap_or(0))
                } else if let Some(index) = matrix.criteria.iter().position(|c| &c.id == item_id) {
                    (vec![(index, 1.0)], question.items.len() + index)
                } else {
                    let known = question
                        .items
                        .iter()
                        .map(|i| i.id.as_str())
                        .chain(matrix.criteria.iter().map(|c| c.id.as_str()));
                    issues.add(unknown_id(&item_path.render(), "priority", item_id, known));
                    continue;
                };
                if priorities.iter().any(|p| &p.id == item_id) {
                    continue;
                }
                let key = (qi + 1, slot);
                push_term(terms, level_term(&per_step, level, key));
                priorities.push(PriorityState {
                    id: item_id.clone(),
                    value: level,
                    per_step,
                    key,
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
            issues.push(
                path,
                format!("`{key}` takes {expected}"),
                format!("answer with {expected}, or leave `{key}` out"),
            );
            return;
        }
    };
    let mut picked = Vec::new();
    for (i, id) in ids.into_iter().enumerate() {
        let element = path.index(i);
        let item_path = if matches!(value, AnswerValue::Many(_)) {
            &element
        } else {
            path
        };
        match question.choices.iter().find(|c| &c.id == id) {
            None => issues.add(unknown_id(
                &item_path.render(),
                "choice",
                id,
                question.choices.iter().map(|c| c.id.as_str()),
            )),
            Some(_) if picked.contains(id) => {}
            Some(_) => picked.push(id.clone()),
        }
    }
    // One weight term per picked choice, in key order, so the weights and
    // the samples do not depend on the order the answers list them in.
    for (ci, choice) in question.choices.iter().enumerate() {
        if picked.contains(&choice.id) {
            if let Some(term) = choice_term(matrix, qi, ci) {
                push_term(terms, term);
            }
        }
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
