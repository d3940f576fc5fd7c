//! Turning numbers into reasons: which criteria decide it, which rules and
//! disputes apply, and which sources the result cites.

use crate::answers::Resolved;
use crate::model::{Dispute, Matrix, RuleKind};
use crate::result::{AppliedRule, Hybrid, Reason};
use crate::score::Table;

/// Most reasons returned.
pub const MAX_REASONS: usize = 5;
/// Most outweighed criteria returned.
pub const MAX_OUTWEIGHED: usize = 3;
/// Criteria that move the scores by less than this many points are not reasons.
const MIN_GAP: f64 = 0.05;

/// The criteria that separate `leader` from `runner_up`: those that favour
/// the leader (the reasons), then those that favour the runner-up but are
/// outweighed, each largest gap first.
pub fn reasons(
    matrix: &Matrix,
    table: &Table,
    weights: &[f64],
    leader: usize,
    runner_up: usize,
) -> (Vec<Reason>, Vec<Reason>) {
    let total: f64 = weights.iter().sum();
    if total <= 0.0 || leader == runner_up {
        return (Vec::new(), Vec::new());
    }
    let mut gaps: Vec<(f64, usize)> = Vec::new();
    for (c, w) in weights.iter().enumerate() {
        let gap =
            10.0 * w * (table.at(&table.value, leader, c) - table.at(&table.value, runner_up, c))
                / total;
        if gap.abs() >= MIN_GAP {
            gaps.push((gap, c));
        }
    }
    let by_size = |wanted: f64| -> Vec<(f64, usize)> {
        let mut out: Vec<(f64, usize)> = Vec::new();
        for &(gap, c) in &gaps {
            if gap * wanted > 0.0 {
                let at = out
                    .iter()
                    .position(|(g, _)| g.abs() < gap.abs())
                    .unwrap_or(out.len());
                out.insert(at, (gap.abs(), c));
            }
        }
        out
    };
    let mut for_leader = by_size(1.0);
    for_leader.truncate(MAX_REASONS);
    let mut against = by_size(-1.0);
    against.truncate(MAX_OUTWEIGHED);
    let build = |list: Vec<(f64, usize)>, favours: usize| -> Vec<Reason> {
        let mut out = Vec::new();
        for (gap, c) in list {
            if let Some(reason) = reason(matrix, c, favours, gap, &[leader, runner_up]) {
                out.push(reason);
            }
        }
        out
    };
    (build(for_leader, leader), build(against, runner_up))
}

/// The reasons for a hybrid verdict: each group's criteria that carry
/// weight, favouring the group's option against the best other option,
/// heaviest first.
pub fn hybrid_reasons(matrix: &Matrix, table: &Table, weights: &[f64], rule: usize) -> Vec<Reason> {
    let total: f64 = weights.iter().sum();
    let Some(rule) = matrix.rules.get(rule) else {
        return Vec::new();
    };
    let mut found: Vec<(f64, usize, usize, usize)> = Vec::new();
    for g in &rule.groups {
        let Some(o) = matrix.options.iter().position(|x| x.id == g.option) else {
            continue;
        };
        for id in &g.criteria {
            let Some(c) = matrix.criteria.iter().position(|x| &x.id == id) else {
                continue;
            };
            let w = weights.get(c).copied().unwrap_or(0.0);
            // Its best rival on this criterion.
            let mut rival = None;
            for other in (0..table.options).filter(|&x| x != o) {
                let u = table.at(&table.value, other, c);
                if rival.is_none_or(|(_, best)| u > best) {
                    rival = Some((other, u));
                }
            }
            let Some((rival, u)) = rival else { continue };
            let gap = 10.0 * w * (table.at(&table.value, o, c) - u) / total.max(f64::MIN_POSITIVE);
            if gap >= MIN_GAP {
                let at = found
                    .iter()
                    .position(|(g, ..)| *g < gap)
                    .unwrap_or(found.len());
                found.insert(at, (gap, c, o, rival));
            }
        }
    }
    found.truncate(MAX_REASONS);
    let mut out = Vec::new();
    for (gap, c, o, rival) in found {
        if let Some(reason) = reason(matrix, c, o, gap, &[o, rival]) {
            out.push(reason);
        }
    }
    out
}

/// One reason: criterion `c` favours option `favours` by `gap` points; its
/// evidence lists independent sources before vendors', and its sources are
/// those behind the scores of `involved`.
fn reason(
    matrix: &Matrix,
    c: usize,
    favours: usize,
    gap: f64,
    involved: &[usize],
) -> Option<Reason> {
    let criterion = matrix.criteria.get(c)?;
    let mut sources: Vec<String> = Vec::new();
    for s in matrix.scores.iter().filter(|s| s.criterion == criterion.id) {
        let counts = involved
            .iter()
            .any(|&o| matrix.options.get(o).is_some_and(|opt| opt.id == s.option));
        for id in s.sources.iter().filter(|_| counts) {
            if !sources.contains(id) {
                sources.push(id.clone());
            }
        }
    }
    let sponsored = |id: &str| matrix.sources.iter().any(|s| s.id == id && s.sponsored);
    let mut evidence = Vec::with_capacity(criterion.evidence.len());
    for vendor in [false, true] {
        for e in &criterion.evidence {
            if sponsored(&e.source) == vendor {
                evidence.push(e.clone());
            }
        }
    }
    Some(Reason {
        criterion: criterion.id.clone(),
        label: criterion.label.clone(),
        favours: matrix.option_id(favours),
        gap,
        evidence,
        sources,
    })
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
                points: r.within,
            });
        }
    }
    applied
}

/// The applied rule and the split of hybrid rule `rule` (an index into
/// `matrix.rules`, from [`crate::hybrid::HybridRules::holding`]).
pub fn hybrid(matrix: &Matrix, rule: usize) -> Option<(AppliedRule, Hybrid)> {
    let rule = matrix.rules.get(rule)?;
    let applied = AppliedRule {
        id: rule.id.clone(),
        kind: rule.kind,
        text: rule.text.clone(),
        sources: rule.sources.clone(),
        option: None,
        points: 0.0,
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
