//! Flip points: for each criterion, the exact weight at which another option
//! would take the lead, in closed form.
//!
//! With every other weight fixed, an option's effective score as a function of
//! criterion `c`'s weight `x` is `10·(A + x·u)/(W + x) + b`, where `A` and `W`
//! are the weighted utility sum and the weight sum of the other criteria and
//! `b` is the option's rule bonus. The difference between two options is a
//! Möbius function of `x`, so it crosses zero at most once, at
//! `x = -(10·ΔA + Δb·W) / (10·Δu + Δb)`.

use crate::answers::{Resolved, MAX_PRIORITY};
use crate::model::{Matrix, QuestionKind};
use crate::result::{AnswerFlip, FlipPoint, LevelFlip, PriorityFlip};
use crate::score::Table;

/// Differences smaller than this are treated as zero.
const EPS: f64 = 1e-12;
/// Flip weights below this are ties at (almost) zero weight, not flips.
const MIN_FLIP: f64 = 1e-6;

/// Every flip point of the leader, nearest (smallest weight change) first.
pub fn flip_points(
    matrix: &Matrix,
    table: &Table,
    resolved: &Resolved,
    bonus: &[f64],
    leader: usize,
) -> Vec<FlipPoint> {
    let weights = &resolved.weights;
    let mut found: Vec<(f64, FlipPoint)> = Vec::new();
    for (c, criterion) in matrix.criteria.iter().enumerate() {
        let w = weights.get(c).copied().unwrap_or(0.0);
        let rest_w: f64 = weights.iter().sum::<f64>() - w;
        let rest = |o: usize| -> f64 {
            weights
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != c)
                .map(|(i, wi)| wi * table.at(&table.value, o, i))
                .sum()
        };
        let a_rest = rest(leader);
        // Nearest crossing above and below the current weight: (weight, option).
        let mut above: Option<(f64, usize)> = None;
        let mut below: Option<(f64, usize)> = None;
        for other in (0..table.options).filter(|&o| o != leader) {
            let d_rest = a_rest - rest(other);
            let d_u = table.at(&table.value, leader, c) - table.at(&table.value, other, c);
            let d_b = bonus.get(leader).copied().unwrap_or(0.0)
                - bonus.get(other).copied().unwrap_or(0.0);
            let denominator = 10.0 * d_u + d_b;
            if denominator.abs() < EPS {
                continue;
            }
            let x = -(10.0 * d_rest + d_b * rest_w) / denominator;
            // A crossing at (almost) weight 0 is a tie that can never be passed.
            if !x.is_finite() || x < MIN_FLIP || rest_w + x <= EPS || (x - w).abs() < EPS {
                continue;
            }
            if x > w && above.is_none_or(|(best, _)| x < best) {
                above = Some((x, other));
            }
            if x < w && below.is_none_or(|(best, _)| x > best) {
                below = Some((x, other));
            }
        }
        for crossing in [above, below] {
            let Some((x, other)) = crossing else {
                continue;
            };
            let Some(new_winner) = matrix.options.get(other) else {
                continue;
            };
            let point = FlipPoint {
                criterion: criterion.id.clone(),
                label: criterion.label.clone(),
                weight: w,
                flip_weight: x,
                new_winner: new_winner.id.clone(),
                priority: priority_flip(matrix, resolved, c, w, x),
            };
            let distance = if w > 0.0 { (x - w).abs() / w } else { x };
            found.push((distance, point));
        }
    }
    // Nearest first (insertion sort: short list, small wasm).
    let mut ordered: Vec<(f64, FlipPoint)> = Vec::with_capacity(found.len());
    for item in found {
        let at = ordered
            .iter()
            .position(|(d, _)| *d > item.0)
            .unwrap_or(ordered.len());
        ordered.insert(at, item);
    }
    let mut points = Vec::with_capacity(ordered.len());
    for (_, point) in ordered {
        points.push(point);
    }
    points
}

/// States a flip as a slider value when exactly one slider moves criterion
/// `c` and nothing else, and the flip falls within the slider's range.
fn priority_flip(
    matrix: &Matrix,
    resolved: &Resolved,
    c: usize,
    w: f64,
    x: f64,
) -> Option<PriorityFlip> {
    let mut controlling = resolved
        .priorities
        .iter()
        .filter(|p| p.per_step.iter().any(|(i, _)| *i == c));
    let slider = controlling.next()?;
    if controlling.next().is_some() || slider.per_step.len() != 1 {
        return None;
    }
    let (_, step) = *slider.per_step.first()?;
    if step <= 0.0 {
        return None;
    }
    let flip_value = slider.value + (x - w) / step;
    if !(0.0..=MAX_PRIORITY).contains(&flip_value) {
        return None;
    }
    // The slider's label (nested loops: `flat_map(…).find(…)` is generic
    // code of its own), else the criterion's.
    let mut label = None;
    'search: for q in &matrix.questions {
        for item in &q.items {
            if item.id == slider.id {
                label = Some(item.label.clone());
                break 'search;
            }
        }
    }
    let label = label
        .or_else(|| matrix.criteria.get(c).map(|c| c.label.clone()))
        .unwrap_or_default();
    Some(PriorityFlip {
        id: slider.id.clone(),
        label,
        value: slider.value,
        flip_value,
    })
}

/// Every single change to a single- or multi-choice answer that changes the
/// verdict, in question order. Each is scored from the weights and rule
/// points `resolve` gives for the changed answers
/// ([`Resolved::weights_with_choices`]); `other_verdict` scores them the way
/// `recommend` does (without the Monte Carlo) and gives the new verdict's id
/// and label when it differs from the reader's.
pub fn answer_flips(
    matrix: &Matrix,
    resolved: &Resolved,
    other_verdict: impl Fn(&[f64], &[f64]) -> Option<(String, String)>,
) -> Vec<AnswerFlip> {
    let mut flips = Vec::new();
    for (qi, q) in matrix.questions.iter().enumerate() {
        if q.kind == QuestionKind::Priorities {
            continue;
        }
        let current: Vec<usize> = match resolved.chosen.get(&q.id) {
            Some(ids) => q
                .choices
                .iter()
                .enumerate()
                .filter(|(_, c)| ids.contains(&c.id))
                .map(|(i, _)| i)
                .collect(),
            None => Vec::new(),
        };
        for (ci, choice) in q.choices.iter().enumerate() {
            let picked = current.contains(&ci);
            let (change, picks) = match q.kind {
                QuestionKind::Single if picked => continue,
                QuestionKind::Single => ("pick", vec![ci]),
                _ if picked => (
                    "remove",
                    current.iter().copied().filter(|i| *i != ci).collect(),
                ),
                _ => ("add", current.iter().copied().chain([ci]).collect()),
            };
            let Some(weights) = resolved.weights_with_choices(matrix, qi, &picks) else {
                continue;
            };
            let bonus = crate::score::bonuses_where(matrix, |question, id| {
                if question == q.id {
                    picks
                        .iter()
                        .any(|&i| q.choices.get(i).is_some_and(|c| c.id == id))
                } else {
                    resolved.picked(question, id)
                }
            });
            if let Some((new_verdict, new_verdict_label)) = other_verdict(&weights, &bonus) {
                flips.push(AnswerFlip {
                    question: q.id.clone(),
                    question_label: q.label.clone(),
                    choice: choice.id.clone(),
                    choice_label: choice.label.clone(),
                    change: change.to_string(),
                    new_verdict,
                    new_verdict_label,
                });
            }
        }
    }
    flips
}

/// For every priority slider, the nearest whole level above and below its
/// value (0–5) at which the verdict changes, in question order.
/// `other_verdict` scores a set of weights the way `recommend` does and gives
/// the new verdict when it differs; the weights are exactly those `resolve`
/// gives for the answers with that one level changed
/// ([`Resolved::weights_at_level`]), so re-running `recommend` with it gives
/// the stated verdict.
pub fn priority_flips(
    matrix: &Matrix,
    resolved: &Resolved,
    other_verdict: impl Fn(&[f64]) -> Option<(String, String)>,
) -> Vec<LevelFlip> {
    let mut flips = Vec::new();
    let items = matrix
        .questions
        .iter()
        .filter(|q| q.kind == QuestionKind::Priorities)
        .flat_map(|q| &q.items);
    for item in items {
        let Some((slider, state)) = resolved
            .priorities
            .iter()
            .enumerate()
            .find(|(_, p)| p.id == item.id)
        else {
            continue;
        };
        let value = state.value;
        // The first level in `levels` (nearest first) that changes the verdict.
        let mut nearest = |levels: &mut dyn Iterator<Item = i32>| {
            for level in levels {
                let Some(weights) = resolved.weights_at_level(slider, f64::from(level)) else {
                    break;
                };
                if let Some((new_verdict, new_verdict_label)) = other_verdict(&weights) {
                    flips.push(LevelFlip {
                        id: item.id.clone(),
                        label: item.label.clone(),
                        value,
                        flip_value: f64::from(level),
                        new_verdict,
                        new_verdict_label,
                    });
                    break;
                }
            }
        };
        nearest(&mut ((value.floor() as i32 + 1)..=(MAX_PRIORITY as i32)));
        nearest(&mut (0..=(value.ceil() as i32 - 1)).rev());
    }
    flips
}
