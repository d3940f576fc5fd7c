//! The checks of a ranking's input: counts, ids, default weights, weight
//! overrides and values, each problem with its JSON path. Large matrices of
//! the right shape have their values checked while they are scored
//! ([`scored`]); the value checks here only run to report.

use super::formulas::{topsis_values, wsm_values};
use super::order::stable_order;
use super::{Method, RankCriterion};
use crate::error::{clip, Error, Issues, Path};
use crate::limits::{
    ANCHOR_MAX, ANCHOR_RANGE, MAX_RANK_CRITERIA, MAX_RANK_OPTIONS, MAX_TEXT_LEN, MAX_WEIGHT,
    WEIGHT_RANGE,
};
use crate::map::Map;
use crate::model::Direction;
use crate::small::join;

/// What [`rank`](super::rank) and [`rank_values`](super::rank_values) share: the weights, and the scores of
/// flat values of the right shape (`shaped`), checked in the same pass that
/// scores them; a bad value is then reported with its path. `issues` holds
/// the problems found so far; the weights' come last.
pub(super) fn checked_scores(
    values: &[f64],
    criteria: &[RankCriterion],
    method: Method,
    weights: Option<&Map<f64>>,
    shaped: bool,
    issues: Issues,
) -> Result<(Vec<f64>, Vec<f64>), Error> {
    let mut weight_issues = Issues::new();
    let used = resolve(criteria, weights, &mut weight_issues);
    let directions: Vec<Direction> = criteria.iter().map(|c| c.direction).collect();
    let scores = scored(
        values,
        &directions,
        &used,
        method,
        shaped,
        issues,
        weight_issues,
    )?;
    Ok((used, scores))
}

/// The scores of flat values of the right shape (`shaped`) with the weights
/// to use, checked in the same pass that scores them (a bad value is then
/// reported with its path); `issues` are the problems found before the
/// values, `weight_issues` those reported after them.
pub(super) fn scored(
    values: &[f64],
    directions: &[Direction],
    used: &[f64],
    method: Method,
    shaped: bool,
    mut issues: Issues,
    weight_issues: Issues,
) -> Result<Vec<f64>, Error> {
    let mut scores = Vec::new();
    if shaped {
        let valid;
        (scores, valid) = match method {
            Method::Wsm => wsm_values(values, directions, used),
            Method::Topsis => topsis_values(values, directions, used),
        };
        if !valid {
            check_cells(values, directions.len(), 0, method, &mut issues);
        }
    }
    issues.append(weight_issues);
    issues.finish(Error::InvalidInput)?;
    Ok(scores)
}

/// `values` of the wrong length for `options × criteria_count`.
pub(super) fn shape_issue(len: usize, options: usize, criteria_count: usize, issues: &mut Issues) {
    issues.push(
        "values",
        format!("{len} values for {options} options × {criteria_count} criteria"),
        "give options × criteria values, row by row (option by option)",
    );
}

/// Every weight is 0.
pub(super) fn all_zero(issues: &mut Issues) {
    issues.push(
        "weights",
        "every weight is 0, so nothing tells the options apart",
        "give at least one criterion a weight above 0",
    );
}

/// The numbers of options (`option_count`) and criteria (`criteria_count`); `none_hint` tells how
/// to give options.
pub(super) fn check_counts(
    option_count: usize,
    criteria_count: usize,
    none_hint: &str,
    issues: &mut Issues,
) {
    if option_count == 0 {
        issues.push("options", "there are no options to rank", none_hint);
    }
    if option_count > MAX_RANK_OPTIONS {
        issues.push(
            "options",
            format!("{option_count} options is more than the limit of {MAX_RANK_OPTIONS}"),
            "rank the options in batches",
        );
    }
    if criteria_count == 0 {
        issues.push(
            "criteria",
            "there are no criteria",
            "list at least one criterion",
        );
    }
    if criteria_count > MAX_RANK_CRITERIA {
        issues.push(
            "criteria",
            format!("{criteria_count} criteria is more than the limit of {MAX_RANK_CRITERIA}"),
            "merge or drop criteria",
        );
    }
}

/// Criterion ids and default weights.
pub(super) fn check_criteria(criteria: &[RankCriterion], issues: &mut Issues) {
    let criterion_ids: Vec<&str> = criteria.iter().map(|c| c.id.as_str()).collect();
    ids("criteria", &criterion_ids, issues);
    for (c, criterion) in criteria.iter().enumerate() {
        if !(0.0..=MAX_WEIGHT).contains(&criterion.weight) {
            let list = Path::root("criteria");
            let entry = list.index(c);
            issues.push(entry.key("weight"), WEIGHT_RANGE, "use e.g. 1");
        }
    }
}

/// Values `columns` to a row, the first in row `first_row`: finite and ≥ 0,
/// and at most 10 for the weighted sum. (Large matrices of the right shape
/// are checked while they are scored; this only runs to report.)
pub(super) fn check_cells(
    values: &[f64],
    columns: usize,
    first_row: usize,
    method: Method,
    issues: &mut Issues,
) {
    let high = match method {
        Method::Wsm => ANCHOR_MAX,
        Method::Topsis => f64::MAX,
    };
    let ok = |x: f64| (x >= 0.0) & (x <= high);
    let (range, hint) = match method {
        Method::Wsm => (
            ANCHOR_RANGE,
            "the weighted sum uses the 0–10 anchor scale; rescale the column or use topsis",
        ),
        Method::Topsis => ("finite and ≥ 0", "use a number ≥ 0"),
    };
    let rows = Path::root("values");
    for (k, x) in values.iter().enumerate() {
        if !ok(*x) {
            let row = rows.index(first_row + k / columns);
            issues.push(
                row.index(k % columns),
                format!("a value must be {range}"),
                hint,
            );
        }
    }
}

/// The rows of a [`RankInput`](super::RankInput)'s `values`: one per
/// option, one value per criterion. Returns them as one flat row-major
/// list when they have that shape (their values are then checked while
/// they are scored); otherwise reports the rows of the wrong length and
/// every bad value, and returns `None`.
pub(super) fn check_rows(
    values: &[Vec<f64>],
    option_count: usize,
    criteria_count: usize,
    method: Method,
    issues: &mut Issues,
) -> Option<Vec<f64>> {
    if values.len() != option_count {
        issues.push(
            "values",
            format!("{} rows for {option_count} options", values.len()),
            "give one row of values per option, in the order of `options`",
        );
    }
    let shaped =
        values.len() == option_count && values.iter().all(|row| row.len() == criteria_count);
    if shaped {
        Some(values.concat())
    } else {
        let rows = Path::root("values");
        for (o, row) in values.iter().enumerate() {
            if row.len() != criteria_count {
                issues.push(
                    rows.index(o),
                    format!("{} values for {criteria_count} criteria", row.len()),
                    "give one value per criterion, in the order of `criteria`",
                );
            }
            check_cells(row, row.len(), o, method, issues);
        }
        None
    }
}

/// The weights and directions of criteria given by position: each weight
/// finite, ≥ 0 and at most [`MAX_WEIGHT`], one direction per weight.
/// Returns whether every weight is in range.
pub(super) fn check_columns(
    weights: &[f64],
    directions: &[Direction],
    issues: &mut Issues,
) -> bool {
    let criteria_count = weights.len();
    let mut valid = true;
    let criteria_at = Path::root("criteria");
    let weights_at = criteria_at.key("weights");
    for (c, w) in weights.iter().enumerate() {
        if !(0.0..=MAX_WEIGHT).contains(w) {
            valid = false;
            issues.push(
                weights_at.index(c),
                WEIGHT_RANGE,
                "use e.g. 1, or 0 to ignore the criterion",
            );
        }
    }
    if directions.len() != criteria_count {
        issues.push(
            "criteria.cost",
            format!(
                "{} directions for {criteria_count} criteria",
                directions.len()
            ),
            "give one entry per weight (0 benefit, 1 cost), or none for all benefit",
        );
    }
    valid
}

/// Ids must be non-empty, at most [`MAX_TEXT_LEN`] characters and unique.
pub(super) fn ids(path: &str, list: &[&str], issues: &mut Issues) {
    // Sorted by id, a repeated id follows its first use (the sort is stable).
    let sorted = stable_order(list.len(), &|a, b| list[a] < list[b]);
    let mut repeated = vec![false; list.len()];
    for pair in sorted.windows(2) {
        if list[pair[0]] == list[pair[1]] {
            repeated[pair[1]] = true;
        }
    }
    let entries = Path::root(path);
    for (i, id) in list.iter().enumerate() {
        // Written out only for an id with a problem (10,000 good ids would
        // otherwise format 10,000 paths): an option is its id, a criterion
        // has one.
        let entry = entries.index(i);
        let id_field = entry.key("id");
        let at = || if path == "options" { entry } else { id_field };
        if id.is_empty() || id.chars().count() > MAX_TEXT_LEN {
            issues.push(
                at(),
                format!("an id must have 1 to {MAX_TEXT_LEN} characters"),
                "give every entry a short id",
            );
        } else if repeated[i] {
            issues.push(
                at(),
                format!("the id \"{}\" is used twice", clip(id)),
                "give every entry its own id",
            );
        }
    }
}

/// The weights to use: the criteria's own, with `overrides` replacing some.
pub(super) fn resolve(
    criteria: &[RankCriterion],
    overrides: Option<&Map<f64>>,
    issues: &mut Issues,
) -> Vec<f64> {
    let ids: Vec<&str> = criteria.iter().map(|c| c.id.as_str()).collect();
    let defaults: Vec<f64> = criteria.iter().map(|c| c.weight).collect();
    resolve_weights(&ids, &defaults, overrides, issues)
}

/// The weights to use: `defaults`, with `overrides` replacing some.
pub(super) fn resolve_weights(
    ids: &[&str],
    defaults: &[f64],
    overrides: Option<&Map<f64>>,
    issues: &mut Issues,
) -> Vec<f64> {
    let mut used = defaults.to_vec();
    let root = Path::root("weights");
    for (id, w) in overrides.into_iter().flatten() {
        let path = root.key(id);
        match ids.iter().position(|x| x == id) {
            None => issues.push(
                path,
                format!(
                    "\"{}\" is not a criterion; expected one of {}",
                    clip(id),
                    clip(&join(ids.iter().copied(), ", "))
                ),
                "use the criteria's ids as keys",
            ),
            Some(_) if !(0.0..=MAX_WEIGHT).contains(w) => issues.push(
                path,
                WEIGHT_RANGE,
                "use e.g. 1, or 0 to ignore the criterion",
            ),
            Some(c) => {
                if let Some(slot) = used.get_mut(c) {
                    *slot = *w;
                }
            }
        }
    }
    let valid = used.iter().all(|w| (0.0..=MAX_WEIGHT).contains(w));
    if valid && !ids.is_empty() && !used.iter().any(|w| *w > 0.0) {
        all_zero(issues);
    }
    used
}
