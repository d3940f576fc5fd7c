//! Weighted-sum scoring on the 0–10 anchor scale, and the override rules'
//! bonuses that turn scores into a ranking.

use crate::answers::Resolved;
use crate::limits::ANCHOR_MAX;
use crate::model::{Direction, Matrix, RuleKind};

/// The matrix's scores as a dense option × criterion table of utilities
/// (0–10, higher is better, cost criteria already turned around).
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Number of options (rows).
    pub options: usize,
    /// Number of criteria (columns).
    pub criteria: usize,
    /// Most plausible utility, row-major.
    pub value: Vec<f64>,
    /// Lowest plausible utility, row-major.
    pub low: Vec<f64>,
    /// Highest plausible utility, row-major.
    pub high: Vec<f64>,
}

impl Table {
    /// Builds the table from a validated matrix; a missing score counts as 0.
    pub fn new(matrix: &Matrix) -> Table {
        let (option_count, criteria_count) = (matrix.options.len(), matrix.criteria.len());
        let mut t = Table {
            options: option_count,
            criteria: criteria_count,
            value: vec![0.0; option_count * criteria_count],
            low: vec![0.0; option_count * criteria_count],
            high: vec![0.0; option_count * criteria_count],
        };
        for s in &matrix.scores {
            let o = matrix.options.iter().position(|o| o.id == s.option);
            let c = matrix.criteria.iter().position(|c| c.id == s.criterion);
            let (Some(o), Some(c)) = (o, c) else { continue };
            let (low, high) = (s.low.unwrap_or(s.value), s.high.unwrap_or(s.value));
            let cost = matrix
                .criteria
                .get(c)
                .is_some_and(|c| c.direction == Direction::Cost);
            let (v, lo, hi) = if cost {
                (ANCHOR_MAX - s.value, ANCHOR_MAX - high, ANCHOR_MAX - low)
            } else {
                (s.value, low, high)
            };
            let i = o * criteria_count + c;
            if let (Some(a), Some(b), Some(d)) =
                (t.value.get_mut(i), t.low.get_mut(i), t.high.get_mut(i))
            {
                (*a, *b, *d) = (v, lo, hi);
            }
        }
        t
    }

    /// The utility of option `o` on criterion `c`. Never inlined: one
    /// bounds-checked lookup for every use (size: see `crate::small`).
    #[inline(never)]
    pub fn at(&self, utilities: &[f64], o: usize, c: usize) -> f64 {
        utilities.get(o * self.criteria + c).copied().unwrap_or(0.0)
    }
}

/// Weighted-sum scores (0–100) of every option for the given utilities.
pub fn weighted_scores(table: &Table, utilities: &[f64], weights: &[f64]) -> Vec<f64> {
    let total: f64 = weights.iter().sum();
    // A loop rather than `map(…).collect()` (size: see `crate::small`).
    let mut scores = Vec::with_capacity(table.options);
    for o in 0..table.options {
        scores.push(if total <= 0.0 {
            0.0
        } else {
            let sum: f64 = weights
                .iter()
                .enumerate()
                .map(|(c, w)| w * table.at(utilities, o, c))
                .sum();
            10.0 * sum / total
        });
    }
    scores
}

/// Points each option gains from override rules whose answer was given.
pub fn bonuses(matrix: &Matrix, resolved: &Resolved) -> Vec<f64> {
    bonuses_where(matrix, |question, choice| resolved.picked(question, choice))
}

/// Per-option points from the override rules whose condition `picked`
/// (question id, choice id) says holds.
pub fn bonuses_where(matrix: &Matrix, picked: impl Fn(&str, &str) -> bool) -> Vec<f64> {
    let mut bonus = vec![0.0; matrix.options.len()];
    for rule in matrix.rules.iter().filter(|r| r.kind == RuleKind::Override) {
        let (Some(when), Some(option)) = (&rule.when, &rule.option) else {
            continue;
        };
        if !picked(&when.question, &when.choice) {
            continue;
        }
        if let Some(b) = matrix
            .options
            .iter()
            .position(|o| &o.id == option)
            .and_then(|i| bonus.get_mut(i))
        {
            *b += rule.within;
        }
    }
    bonus
}

/// Option indices ordered best first by `scores[i] + bonus[i]`; ties keep
/// matrix order. (Insertion sort: the lists are tiny, and it keeps the wasm small.)
pub fn ranking(effective: &[f64]) -> Vec<usize> {
    let mut order: Vec<usize> = Vec::with_capacity(effective.len());
    for i in 0..effective.len() {
        let e = effective.get(i).copied().unwrap_or(f64::MIN);
        let at = order
            .iter()
            .position(|&j| effective.get(j).copied().unwrap_or(f64::MIN) < e)
            .unwrap_or(order.len());
        order.insert(at, i);
    }
    order
}

/// Adds per-option bonuses to scores.
pub fn effective(scores: &[f64], bonus: &[f64]) -> Vec<f64> {
    let mut sums = Vec::with_capacity(scores.len());
    for (s, b) in scores.iter().zip(bonus) {
        sums.push(s + b);
    }
    sums
}

#[cfg(test)]
mod tests {
    use super::ranking;

    #[test]
    fn ranking_is_best_first_and_ties_keep_matrix_order() {
        assert_eq!(ranking(&[5.0, 5.0, 3.0]), vec![0, 1, 2]);
        assert_eq!(ranking(&[1.0, 2.0, 2.0]), vec![1, 2, 0]);
        assert_eq!(ranking(&[2.0, 7.5, 4.0]), vec![1, 2, 0]);
        assert_eq!(ranking(&[]), Vec::<usize>::new());
    }
}
