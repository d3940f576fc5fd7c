//! Turning numbers into reasons: which criteria decide it, which rules and
//! disputes apply, and which sources the result cites.

use crate::answers::Resolved;
use crate::model::{Dispute, Matrix, RuleKind};
use crate::result::{AppliedRule, Hybrid, Reason};
use crate::score::Table;

/// Most reasons returned.
pub const MAX_REASONS: usize = 5;
/// Criteria that move the scores by less than this many points are not reasons.
const MIN_GAP: f64 = 0.05;

/// The criteria that separate `leader` from `runner_up`, largest gap first.
pub fn reasons(
    matrix: &Matrix,
    table: &Table,
    weights: &[f64],
    leader: usize,
    runner_up: usize,
) -> Vec<Reason> {
    let total: f64 = weights.iter().sum();
    if total <= 0.0 || leader == runner_up {
        return Vec::new();
    }
    let mut gaps: Vec<(f64, usize)> = Vec::new();
    for (c, w) in weights.iter().enumerate() {
        let gap =
            10.0 * w * (table.at(&table.value, leader, c) - table.at(&table.value, runner_up, c))
                / total;
        if gap.abs() >= MIN_GAP {
            let at = gaps
                .iter()
                .position(|(g, _)| g.abs() < gap.abs())
                .unwrap_or(gaps.len());
            gaps.insert(at, (gap, c));
        }
    }
    gaps.truncate(MAX_REASONS);
    // A loop rather than `filter_map(…).collect()`, whose generic code was
    // half a kilobyte of wasm (docs/size.md).
    let mut reasons = Vec::new();
    for (gap, c) in gaps {
        let Some(criterion) = matrix.criteria.get(c) else {
            continue;
        };
        let mut sources: Vec<String> = Vec::new();
        for s in matrix.scores.iter().filter(|s| s.criterion == criterion.id) {
            let involved = [leader, runner_up]
                .iter()
                .any(|&o| matrix.options.get(o).is_some_and(|opt| opt.id == s.option));
            for id in s.sources.iter().filter(|_| involved) {
                if !sources.contains(id) {
                    sources.push(id.clone());
                }
            }
        }
        reasons.push(Reason {
            criterion: criterion.id.clone(),
            label: criterion.label.clone(),
            favours: matrix.option_id(if gap > 0.0 { leader } else { runner_up }),
            gap: gap.abs(),
            evidence: criterion.evidence.clone(),
            sources,
        });
    }
    reasons
}

/// Override rules whose answer was given.
pub fn applied_overrides(matrix: &Matrix, resolved: &Resolved) -> Vec<AppliedRule> {
    let mut applied = Vec::new();
    for r in &matrix.rules {
        let answered = r
            .when
            .as_ref()
            .is_some_and(|w| resolved.picked(&w.question, &w.choice));
        if r.kind == RuleKind::Override && answered {
            applied.push(AppliedRule {
                id: r.id.clone(),
                kind: r.kind,
                text: r.text.clone(),
                sources: r.sources.clone(),
                option: r.option.clone(),
            });
        }
    }
    applied
}

/// The first hybrid rule whose every group weighs heavily enough, if any.
pub fn hybrid(matrix: &Matrix, resolved: &Resolved) -> Option<(AppliedRule, Hybrid)> {
    let total: f64 = resolved.weights.iter().sum();
    if total <= 0.0 {
        return None;
    }
    let share_of = |id: &str| -> f64 {
        matrix
            .criteria
            .iter()
            .position(|c| c.id == id)
            .and_then(|i| resolved.weights.get(i).copied())
            .map_or(0.0, |w| w / total)
    };
    let rule = matrix
        .rules
        .iter()
        .filter(|r| r.kind == RuleKind::Hybrid)
        .find(|r| {
            !r.groups.is_empty()
                && r.groups.iter().all(|g| {
                    // The group's largest share (a loop: `map(…).fold(…)` was
                    // generic code of its own).
                    let mut largest = 0.0;
                    for c in &g.criteria {
                        largest = f64::max(largest, share_of(c));
                    }
                    largest >= g.min_share
                })
        })?;
    let applied = AppliedRule {
        id: rule.id.clone(),
        kind: rule.kind,
        text: rule.text.clone(),
        sources: rule.sources.clone(),
        option: None,
    };
    let split = Hybrid {
        label: rule.label.clone(),
        text: rule.text.clone(),
        split: rule.split.clone(),
        sources: rule.sources.clone(),
    };
    Some((applied, split))
}

/// Disputes that bear on the answers: those with no condition, and those
/// whose condition was answered.
pub fn disputes(matrix: &Matrix, resolved: &Resolved) -> Vec<Dispute> {
    let mut bearing = Vec::new();
    for d in &matrix.disputes {
        if d.when.is_empty()
            || d.when
                .iter()
                .any(|w| resolved.picked(&w.question, &w.choice))
        {
            bearing.push(d.clone());
        }
    }
    bearing
}
