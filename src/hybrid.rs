//! The "use both" rule: when a hybrid rule holds for a set of weights.
//!
//! A hybrid rule lists groups of criteria, one per option in the split. It
//! holds when the score leader owns a group whose weight (the sum of its
//! criteria's weights) reaches that group's `lead_weight`, and every other
//! group reaches its `min_weight`: the leader's own specialty is present and
//! the other side's weighs heavily enough to deserve a service of its own.
//!
//! Weights, not shares: adding weight to one side never lowers the other
//! side's weight, so ticking one more need never switches a split off. See
//! docs/matrix-format.md for why this keeps verdicts monotone.

use crate::model::{Matrix, RuleKind};

/// One group with its criteria as indices.
struct Group {
    option: Option<usize>,
    criteria: Vec<usize>,
    min_weight: f64,
    lead_weight: f64,
}

/// The matrix's hybrid rules, with ids resolved to indices once per call.
pub struct HybridRules {
    rules: Vec<(usize, Vec<Group>)>,
}

impl HybridRules {
    /// Resolves the matrix's hybrid rules (a validated matrix; unknown ids
    /// are skipped).
    pub fn new(matrix: &Matrix) -> HybridRules {
        let mut rules = Vec::new();
        for (r, rule) in matrix.rules.iter().enumerate() {
            if rule.kind != RuleKind::Hybrid || rule.groups.is_empty() {
                continue;
            }
            let mut groups = Vec::with_capacity(rule.groups.len());
            for g in &rule.groups {
                let mut criteria = Vec::with_capacity(g.criteria.len());
                for id in &g.criteria {
                    if let Some(i) = matrix.criteria.iter().position(|c| &c.id == id) {
                        criteria.push(i);
                    }
                }
                groups.push(Group {
                    option: matrix.options.iter().position(|o| o.id == g.option),
                    criteria,
                    min_weight: g.min_weight,
                    lead_weight: g.lead_weight,
                });
            }
            rules.push((r, groups));
        }
        HybridRules { rules }
    }

    /// The index (in `matrix.rules`) of the first hybrid rule that holds for
    /// `weights` when `leader` has the top score.
    pub fn holding(&self, weights: &[f64], leader: usize) -> Option<usize> {
        self.rules.iter().find_map(|(r, groups)| {
            let leader_owns = groups.iter().any(|g| g.option == Some(leader));
            let all_heavy = groups.iter().all(|g| {
                let mut weight = 0.0;
                for &c in &g.criteria {
                    weight += weights.get(c).copied().unwrap_or(0.0);
                }
                let needed = if g.option == Some(leader) {
                    g.lead_weight
                } else {
                    g.min_weight
                };
                weight >= needed
            });
            (leader_owns && all_heavy).then_some(*r)
        })
    }
}
