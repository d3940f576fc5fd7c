//! [`recommend`]: from a matrix and a reader's answers to the whole result —
//! verdict, confidence, reasons, flip points, what-if answers, disputes and
//! sources. Each part is worked out by its own module (`answers` resolves
//! the weights, `score` scores, `hybrid` and `explain` word the verdict,
//! `sensitivity` finds what would change it, `uncertainty` draws the win
//! probabilities); this module puts them together.

use crate::answers::Answers;
use crate::error::Error;
use crate::map::Map;
use crate::model::Matrix;
use crate::result::{self, Confidence, Recommendation};
use crate::validate::validate;
use crate::{answers, explain, hybrid, score, sensitivity, uncertainty};

/// Recommends an option for `answers` on `matrix`, with reasons, flip
/// points, win probability, applicable disputes and sources.
///
/// # Errors
/// [`Error::InvalidMatrix`] when the matrix breaks the format (every issue),
/// [`Error::InvalidAnswers`] when the answers don't fit its questions.
pub fn recommend(matrix: &Matrix, answers: &Answers) -> Result<Recommendation, Error> {
    validate(matrix)?;
    recommend_validated(matrix, answers)
}

/// [`recommend`] for a matrix [`validate`] has already accepted (the wasm
/// build keeps the last matrix it read and skips checking it again).
///
/// # Errors
/// [`Error::InvalidAnswers`] when the answers don't fit its questions.
pub fn recommend_validated(matrix: &Matrix, answers: &Answers) -> Result<Recommendation, Error> {
    let resolved = answers::resolve(matrix, answers)?;
    let table = score::Table::new(matrix);
    let hybrid_rules = hybrid::HybridRules::new(matrix);
    let weights = &resolved.weights;
    let bonus = score::bonuses(matrix, &resolved);
    let Standing { effective, order } = standing(&table, weights, &bonus);
    let leader = order.first().copied().unwrap_or(0);
    let runner_up = order.get(1).copied().unwrap_or(leader);
    let at = |v: &[f64], i: usize| v.get(i).copied().unwrap_or(0.0);
    let margin = at(&effective, leader) - at(&effective, runner_up);

    let option_id = |o: usize| matrix.option_id(o);
    let mut rules = explain::applied_overrides(matrix, &resolved);
    let holding = hybrid_rules.holding(weights, leader);
    let hybrid = holding
        .and_then(|r| explain::hybrid(matrix, r))
        .map(|(rule, split)| {
            rules.push(rule);
            split
        });
    let (verdict, verdict_label) = verdict_and_label(matrix, leader, hybrid.as_ref());

    // The verdict for other weights and rule points, scored the same way
    // without reasons or Monte Carlo: its id and label when it is not the
    // reader's verdict.
    let other_verdict = |weights: &[f64], bonus: &[f64]| -> Option<(String, String)> {
        let top = standing(&table, weights, bonus)
            .order
            .first()
            .copied()
            .unwrap_or(0);
        let split = hybrid_rules.holding(weights, top);
        let same = match split {
            Some(_) => hybrid.is_some(),
            None => hybrid.is_none() && top == leader,
        };
        if same {
            return None;
        }
        let split = split
            .and_then(|rule| explain::hybrid(matrix, rule))
            .map(|(_, h)| h);
        Some(verdict_and_label(matrix, top, split.as_ref()))
    };
    let answer_flips = sensitivity::answer_flips(matrix, &resolved, other_verdict);
    let priority_flips =
        sensitivity::priority_flips(matrix, &resolved, |w| other_verdict(w, &bonus));
    let (reasons, outweighed) = match holding {
        Some(rule) => (
            explain::hybrid_reasons(matrix, &table, weights, rule),
            Vec::new(),
        ),
        None => explain::reasons(matrix, &table, weights, leader, runner_up),
    };
    let disputes = explain::disputes(matrix, &resolved);
    let flip_points = sensitivity::flip_points(matrix, &table, &resolved, &bonus, leader);
    // Bound the work per call (a shared link may ask for 100,000 samples on a
    // matrix at the size limits): the result reports the samples actually drawn.
    let samples = uncertainty::affordable_samples(resolved.samples, table.options * table.criteria);
    let accepted = uncertainty::acceptability(
        &uncertainty::Inputs {
            table: &table,
            resolved: &resolved,
            bonus: &bonus,
            hybrid: &hybrid_rules,
            leader,
            runner_up,
            samples,
        },
        resolved.seed,
    );
    let confidence_probability = if hybrid.is_some() {
        accepted.hybrid
    } else {
        accepted.lead
    };
    let confidence = if confidence_probability >= matrix.confidence.clear {
        Confidence::Clear
    } else if confidence_probability >= matrix.confidence.lean {
        Confidence::Lean
    } else {
        Confidence::CloseCall
    };

    // Maps filled by `insert` in loops: each `map(…).collect()` is generic
    // code of its own (size: see `crate::small`).
    let per_option = |values: &[f64]| -> Map<f64> {
        let mut map = Map::new();
        for (o, v) in matrix.options.iter().zip(values) {
            map.insert(o.id.clone(), *v);
        }
        map
    };
    let total: f64 = weights.iter().sum();
    let mut contributions = Map::new();
    for (o, opt) in matrix.options.iter().enumerate() {
        let mut per_criterion = Map::new();
        for (c, crit) in matrix.criteria.iter().enumerate() {
            per_criterion.insert(
                crit.id.clone(),
                10.0 * at(weights, c) * table.at(&table.value, o, c) / total,
            );
        }
        contributions.insert(opt.id.clone(), per_criterion);
    }
    let mut weights_used = Map::new();
    for (c, w) in matrix.criteria.iter().zip(weights) {
        weights_used.insert(c.id.clone(), *w);
    }
    let mut ranking = Vec::with_capacity(order.len());
    for &o in &order {
        ranking.push(option_id(o));
    }

    // Every source the result cites, in the matrix's order.
    // Plain pushes: each `extend(….map(…))` was generic code of its own.
    let mut cited: Vec<&str> = Vec::new();
    for r in reasons.iter().chain(&outweighed) {
        for s in &r.sources {
            cited.push(s);
        }
        for e in &r.evidence {
            cited.push(&e.source);
        }
    }
    for r in &rules {
        for s in &r.sources {
            cited.push(s);
        }
    }
    for d in &disputes {
        for side in &d.sides {
            cited.push(&side.source);
        }
    }
    let mut sources = Vec::new();
    for s in &matrix.sources {
        if cited.contains(&s.id.as_str()) {
            sources.push(s.clone());
        }
    }

    Ok(Recommendation {
        verdict,
        verdict_label,
        leader: option_id(leader),
        runner_up: option_id(runner_up),
        confidence,
        confidence_probability,
        margin,
        scores: per_option(&effective),
        rule_points: per_option(&bonus),
        ranking,
        weights: weights_used,
        contributions,
        reasons,
        outweighed,
        flip_points,
        answer_flips,
        priority_flips,
        win_probability: per_option(&accepted.wins),
        hybrid_probability: accepted.hybrid,
        samples,
        seed: resolved.seed,
        rules,
        disputes,
        hybrid,
        sources,
    })
}

/// Scores with rule points, and the ranking they give: what the verdict for
/// the reader's answers and every what-if answer share.
struct Standing {
    effective: Vec<f64>,
    order: Vec<usize>,
}

fn standing(table: &score::Table, weights: &[f64], bonus: &[f64]) -> Standing {
    let scores = score::weighted_scores(table, &table.value, weights);
    let effective = score::effective(&scores, bonus);
    let order = score::ranking(&effective);
    Standing { effective, order }
}

/// `"hybrid"` and the split's label when a hybrid rule applies, else the
/// leading option's id and label.
fn verdict_and_label(
    matrix: &Matrix,
    leader: usize,
    hybrid: Option<&result::Hybrid>,
) -> (String, String) {
    match hybrid {
        Some(h) => ("hybrid".to_string(), h.label.clone()),
        None => (
            matrix.option_id(leader),
            matrix
                .options
                .get(leader)
                .map(|o| o.label.clone())
                .unwrap_or_default(),
        ),
    }
}
