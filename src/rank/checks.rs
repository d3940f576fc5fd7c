//! The checks of a ranking's input: counts, ids, default weights, weight
//! overrides and values, each problem with its JSON path. Large matrices of
//! the right shape have their values checked while they are scored
//! ([`scored`]); the value checks here only run to report.

use super::formulas::{topsis_values, wsm_values};
use super::order::stable_order;
use super::{Method, RankCriterion};
use crate::error::{clip, comma_list, Error, Issue};
use crate::limits::{
    ANCHOR_MAX, ANCHOR_RANGE, MAX_ISSUES, MAX_RANK_CRITERIA, MAX_RANK_OPTIONS, MAX_TEXT_LEN,
    MAX_WEIGHT, WEIGHT_RANGE,
};
use crate::map::Map;
use crate::model::Direction;

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
    let mut weight_issues = Issues::default();
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
    for issue in weight_issues.list {
        issues.add(issue);
    }
    issues.more += weight_issues.more;
    issues.finish()?;
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

/// Issues collected up to [`MAX_ISSUES`]; the rest are only counted (a
/// million bad values must not become a million messages).
#[derive(Default)]
pub(super) struct Issues {
    list: Vec<Issue>,
    more: usize,
}

impl Issues {
    pub(super) fn push(&mut self, path: impl Into<String>, message: impl Into<String>, hint: &str) {
        self.add(Issue::new(path, message, hint));
    }

    fn add(&mut self, issue: Issue) {
        if self.list.len() < MAX_ISSUES {
            self.list.push(issue);
        } else {
            self.more += 1;
        }
    }

    pub(super) fn finish(mut self) -> Result<(), Error> {
        if self.list.is_empty() {
            return Ok(());
        }
        if self.more > 0 {
            self.list.push(Issue::new(
                "(root)",
                format!("{} more issues not listed", self.more),
                "fix the issues above and try again",
            ));
        }
        Err(Error::InvalidInput(self.list))
    }
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
            issues.push(format!("criteria[{c}].weight"), WEIGHT_RANGE, "use e.g. 1");
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
    for (k, x) in values.iter().enumerate() {
        if !ok(*x) {
            issues.push(
                format!("values[{}][{}]", first_row + k / columns, k % columns),
                format!("a value must be {range}"),
                hint,
            );
        }
    }
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
    for (i, id) in list.iter().enumerate() {
        // Only worked out for an id with a problem: 10,000 good ids would
        // otherwise format 10,000 paths.
        let at = || {
            if path == "options" {
                format!("{path}[{i}]")
            } else {
                format!("{path}[{i}].id")
            }
        };
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
    for (id, w) in overrides.into_iter().flatten() {
        let path = format!("weights.{id}");
        match ids.iter().position(|x| x == id) {
            None => issues.push(
                path,
                format!(
                    "\"{}\" is not a criterion; expected one of {}",
                    clip(id),
                    clip(&comma_list(ids.iter().copied()))
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
