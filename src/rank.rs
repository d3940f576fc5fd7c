//! Ranking a plain numeric decision matrix by the weighted sum or by TOPSIS.
//!
//! This is the engine-level API for programs: no questions, rules or
//! citations, just options × criteria numbers, a direction per criterion and
//! weights. It accepts far larger matrices than an author matrix may have
//! (up to [`MAX_RANK_OPTIONS`] × [`MAX_RANK_CRITERIA`]); an author
//! [`Matrix`] is ranked through [`rank_matrix`], with its own base weights.
//!
//! Both methods are documented with their exact normalisation in
//! `docs/matrix-format.md` ("Scoring formulas").

use crate::answers::{self, Answers};
use crate::error::{Error, Issue};
use crate::map::Map;
use crate::model::{Direction, Matrix};
use crate::score::{self, Table};
use crate::validate::{MAX_ISSUES, MAX_TEXT_LEN, MAX_WEIGHT, SCALE_MAX};
use serde::{Deserialize, Serialize};

/// Most options a numeric matrix may have.
pub const MAX_RANK_OPTIONS: usize = 10_000;
/// Most criteria a numeric matrix may have.
pub const MAX_RANK_CRITERIA: usize = 100;

/// How options are scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Method {
    /// Weighted sum on the 0–10 anchor scale, 0..100: the widget's method.
    Wsm,
    /// TOPSIS closeness coefficient (Hwang & Yoon 1981), 0..1.
    Topsis,
}

impl Method {
    /// Reads `wsm` or `topsis`.
    pub fn parse(name: &str) -> Option<Method> {
        match name {
            "wsm" => Some(Method::Wsm),
            "topsis" => Some(Method::Topsis),
            _ => None,
        }
    }

    /// `wsm` or `topsis`.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Wsm => "wsm",
            Method::Topsis => "topsis",
        }
    }
}

/// One criterion of a numeric matrix.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RankCriterion {
    /// Unique, non-empty, at most 500 characters.
    pub id: String,
    /// `benefit` (more is better, the default) or `cost`.
    #[serde(default)]
    pub direction: Direction,
    /// Weight when the caller passes none (≥ 0; default 1).
    #[serde(default = "one")]
    pub weight: f64,
}

fn one() -> f64 {
    1.0
}

/// A plain numeric decision matrix: `values[o][c]` is option `o` on
/// criterion `c`.
///
/// For the weighted sum the values are on the 0–10 anchor scale (a cost
/// value is the amount of cost, turned around as `10 - v`); TOPSIS takes
/// any finite values ≥ 0 in any unit, since it normalises each column.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RankInput {
    /// Option ids: unique, non-empty, at most 500 characters.
    pub options: Vec<String>,
    /// The criteria, in the column order of `values`.
    pub criteria: Vec<RankCriterion>,
    /// One row per option, one value per criterion.
    pub values: Vec<Vec<f64>>,
}

/// The result of [`rank`]: exactly what the CLI prints.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ranking {
    /// The method used.
    pub method: Method,
    /// Criterion id → the weight used (as given, not normalised).
    pub weights: Map<f64>,
    /// Option id → score: 0..100 for `wsm`, a closeness coefficient in 0..1
    /// for `topsis`.
    pub scores: Map<f64>,
    /// Option ids, best first; equal scores keep the input order.
    pub ranking: Vec<String>,
}

/// Ranks the options of a numeric matrix.
///
/// # Arguments
/// * `input` — options, criteria (with directions and default weights) and values.
/// * `method` — [`Method::Wsm`] or [`Method::Topsis`].
/// * `weights` — criterion id → weight ≥ 0, replacing that criterion's
///   default weight; criteria left out keep theirs.
///
/// # Returns
/// The weights used, every option's score and the ranking, best first.
///
/// # Errors
/// [`Error::InvalidInput`] with every problem found (at most 200 listed):
/// sizes over the limits, ids empty, too long or repeated, rows of the wrong
/// length, values that are not finite or off the method's scale, weights
/// that are negative, unknown or all zero.
///
/// # Example
/// ```
/// use stack_advisor::rank::{rank, Method, RankCriterion, RankInput};
/// use stack_advisor::model::Direction;
///
/// let input = RankInput {
///     options: vec!["a".into(), "b".into()],
///     criteria: vec![
///         RankCriterion { id: "speed".into(), direction: Direction::Benefit, weight: 2.0 },
///         RankCriterion { id: "price".into(), direction: Direction::Cost, weight: 1.0 },
///     ],
///     values: vec![vec![9.0, 8.0], vec![7.0, 2.0]],
/// };
/// let r = rank(&input, Method::Wsm, None).unwrap();
/// // a: 10·(2·9 + 1·(10−8))/3 ≈ 66.7; b: 10·(2·7 + 1·(10−2))/3 ≈ 73.3
/// assert_eq!(r.ranking, ["b", "a"]);
/// assert!((r.scores["b"] - 220.0 / 3.0).abs() < 1e-9);
/// ```
pub fn rank(
    input: &RankInput,
    method: Method,
    weights: Option<&Map<f64>>,
) -> Result<Ranking, Error> {
    let mut issues = Issues::default();
    check_input(input, method, &mut issues);
    // One loop rather than three `map(…).collect()`s (each its own generic
    // code in the wasm; docs/size.md).
    let m = input.criteria.len();
    let (mut ids, mut defaults, mut directions) = (
        Vec::with_capacity(m),
        Vec::with_capacity(m),
        Vec::with_capacity(m),
    );
    for c in &input.criteria {
        ids.push(c.id.as_str());
        defaults.push(c.weight);
        directions.push(c.direction);
    }
    let used = resolve_weights(&ids, &defaults, weights, &mut issues);
    issues.finish()?;

    let scores = match method {
        Method::Wsm => wsm_scores(&input.values, &directions, &used),
        Method::Topsis => topsis_scores(&input.values, &directions, &used),
    };
    let order = order(&scores);
    // Filled by insert rather than collected: `collect` sorts its input first,
    // and that sort is kilobytes of wasm.
    let mut weights_used = Map::new();
    for (id, w) in ids.iter().zip(&used) {
        weights_used.insert(id.to_string(), *w);
    }
    let mut scores_by_option = Map::new();
    for (id, score) in input.options.iter().zip(scores) {
        scores_by_option.insert(id.clone(), score);
    }
    let mut ranking = Vec::with_capacity(order.len());
    for o in order {
        if let Some(id) = input.options.get(o) {
            ranking.push(id.clone());
        }
    }
    Ok(Ranking {
        method,
        weights: weights_used,
        scores: scores_by_option,
        ranking,
    })
}

/// Ranks the options of an author matrix, with its base weights (the weights
/// a reader who answers nothing gets) unless `weights` replaces some.
///
/// # Arguments
/// * `matrix` — an author matrix; it is validated first.
/// * `method` — [`Method::Wsm`] or [`Method::Topsis`].
/// * `weights` — criterion id → weight ≥ 0 for the criteria to re-weigh.
///
/// # Returns
/// As [`rank`]. With [`Method::Wsm`] and no `weights`, the scores equal
/// those `recommend` gives for no answers.
///
/// # Errors
/// [`Error::InvalidMatrix`] for a matrix that breaks the format;
/// [`Error::InvalidInput`] for bad weights.
///
/// # Example
/// ```
/// # #[cfg(not(target_arch = "wasm32"))] {
/// use stack_advisor::rank::{rank_matrix, Method};
/// let matrix = stack_advisor::default_matrix();
/// let r = rank_matrix(&matrix, Method::Topsis, None).unwrap();
/// assert_eq!(r.ranking.len(), matrix.options.len());
/// # }
/// ```
pub fn rank_matrix(
    matrix: &Matrix,
    method: Method,
    weights: Option<&Map<f64>>,
) -> Result<Ranking, Error> {
    rank(&from_matrix(matrix)?, method, weights)
}

/// The numeric form of an author matrix: its 0–10 values, directions, and
/// base weights as default weights.
///
/// # Errors
/// [`Error::InvalidMatrix`] when the matrix breaks the format.
pub fn from_matrix(matrix: &Matrix) -> Result<RankInput, Error> {
    crate::validate(matrix)?;
    let base = answers::resolve(matrix, &Answers::new())?.weights;
    // Rows pushed one by one: `vec![row; n]` clones through generic code of its own.
    let mut values = Vec::with_capacity(matrix.options.len());
    for _ in &matrix.options {
        values.push(vec![0.0; matrix.criteria.len()]);
    }
    for s in &matrix.scores {
        let o = matrix.options.iter().position(|o| o.id == s.option);
        let c = matrix.criteria.iter().position(|c| c.id == s.criterion);
        if let (Some(o), Some(c)) = (o, c) {
            if let Some(cell) = values.get_mut(o).and_then(|row| row.get_mut(c)) {
                *cell = s.value;
            }
        }
    }
    // Loops rather than `map(…).collect()` (docs/size.md).
    let mut options = Vec::with_capacity(matrix.options.len());
    for o in &matrix.options {
        options.push(o.id.clone());
    }
    let mut criteria = Vec::with_capacity(matrix.criteria.len());
    for (c, weight) in matrix.criteria.iter().zip(base) {
        criteria.push(RankCriterion {
            id: c.id.clone(),
            direction: c.direction,
            weight,
        });
    }
    Ok(RankInput {
        options,
        criteria,
        values,
    })
}

/// Weighted-sum scores, 0..100: `10 · Σ_j w_j·u_ij / Σ_j w_j`, where
/// `u_ij = x_ij` for a benefit criterion and `10 − x_ij` for a cost one.
/// The same arithmetic as `recommend` (it calls the same function).
///
/// # Arguments
/// * `values` — rows of 0–10 values; `directions` and `weights` — one per column.
///
/// # Returns
/// One score per row; all 0 when the weights sum to 0.
///
/// # Example
/// ```
/// use stack_advisor::{model::Direction, rank::wsm_scores};
/// let s = wsm_scores(&[vec![8.0, 3.0]], &[Direction::Benefit, Direction::Cost], &[1.0, 1.0]);
/// assert_eq!(s, [75.0]); // 10 · (8 + 7) / 2
/// ```
pub fn wsm_scores(values: &[Vec<f64>], directions: &[Direction], weights: &[f64]) -> Vec<f64> {
    let criteria = directions.len();
    let mut utilities = Vec::with_capacity(values.len() * criteria);
    for row in values {
        for (c, direction) in directions.iter().enumerate() {
            let x = row.get(c).copied().unwrap_or(0.0);
            utilities.push(match direction {
                Direction::Benefit => x,
                Direction::Cost => SCALE_MAX - x,
            });
        }
    }
    let table = Table {
        options: values.len(),
        criteria,
        value: Vec::new(),
        low: Vec::new(),
        high: Vec::new(),
    };
    score::weighted_scores(&table, &utilities, weights)
}

/// TOPSIS closeness coefficients, 0..1 (Hwang & Yoon 1981).
///
/// 1. Vector normalisation per column: `r_ij = x_ij / √(Σ_i x_ij²)`; an
///    all-zero column stays 0.
/// 2. Weighting: `v_ij = (w_j / Σ w) · r_ij`.
/// 3. Ideal `A⁺_j` = max of column j for a benefit criterion, min for a
///    cost one; anti-ideal `A⁻_j` the other way round.
/// 4. Euclidean distances `d⁺_i = √Σ_j (v_ij − A⁺_j)²`, `d⁻_i` likewise.
/// 5. Closeness `C_i = d⁻_i / (d⁺_i + d⁻_i)`.
///
/// When `d⁺ + d⁻ = 0`, every weighted column is constant, so every option
/// is both ideal and anti-ideal and none is better: `C = 0.5` for all
/// (instead of 0/0). A constant or all-zero column adds 0 to both distances.
///
/// # Returns
/// One coefficient per row; all 0.5 when the weights sum to 0.
///
/// # Example
/// ```
/// use stack_advisor::{model::Direction, rank::topsis_scores};
/// let c = topsis_scores(&[vec![3.0], vec![4.0]], &[Direction::Benefit], &[1.0]);
/// assert_eq!(c, [0.0, 1.0]);
/// ```
pub fn topsis_scores(values: &[Vec<f64>], directions: &[Direction], weights: &[f64]) -> Vec<f64> {
    let total: f64 = weights.iter().sum();
    let at = |row: &Vec<f64>, c: usize| row.get(c).copied().unwrap_or(0.0);
    // Per column: what takes x_ij to v_ij, then ideal and anti-ideal.
    let mut columns = Vec::with_capacity(directions.len());
    for (c, direction) in directions.iter().enumerate() {
        // r_ij = x_ij / √(Σ x²), computed as (x / big) / √(Σ (x / big)²) with
        // `big` the column's largest value, so that neither 1e200 (x²
        // overflows) nor 1e-200 (x² underflows) silently drops the column.
        let mut big = 0.0;
        for row in values {
            big = f64::max(big, at(row, c).abs());
        }
        let scaled_norm = if big > 0.0 && big.is_finite() {
            values
                .iter()
                .map(|row| (at(row, c) / big).powi(2))
                .sum::<f64>()
                .sqrt()
        } else {
            0.0
        };
        let w = weights.get(c).copied().unwrap_or(0.0);
        let share = if total > 0.0 { w / total } else { 0.0 };
        let col = Column {
            big,
            scaled_norm,
            share,
        };
        let (mut low, mut high) = (f64::INFINITY, f64::NEG_INFINITY);
        for row in values {
            let v = weighted(at(row, c), col);
            low = low.min(v);
            high = high.max(v);
        }
        let (ideal, anti) = match direction {
            Direction::Benefit => (high, low),
            Direction::Cost => (low, high),
        };
        columns.push((col, ideal, anti));
    }
    let mut closeness = Vec::with_capacity(values.len());
    for row in values {
        let (mut plus, mut minus) = (0.0, 0.0);
        for (c, (col, ideal, anti)) in columns.iter().enumerate() {
            let v = weighted(at(row, c), *col);
            plus += (v - ideal).powi(2);
            minus += (v - anti).powi(2);
        }
        let (plus, minus) = (plus.sqrt(), minus.sqrt());
        closeness.push(if plus + minus > 0.0 {
            minus / (plus + minus)
        } else {
            0.5
        });
    }
    closeness
}

/// What takes a value of one TOPSIS column to its weighted normalised value.
#[derive(Clone, Copy)]
struct Column {
    /// The column's largest value.
    big: f64,
    /// √(Σ (x / big)²): from 1 to √(number of options).
    scaled_norm: f64,
    /// The criterion's share of the total weight.
    share: f64,
}

/// `v_ij = r_ij · share_j`, within 0..1 whatever the column's magnitude; 0
/// for an all-zero column.
fn weighted(x: f64, col: Column) -> f64 {
    if col.scaled_norm > 0.0 {
        x / col.big / col.scaled_norm * col.share
    } else {
        0.0
    }
}

/// Row indices ordered best first; equal scores keep the input order.
pub fn order(scores: &[f64]) -> Vec<usize> {
    let at = |i: usize| scores.get(i).copied().unwrap_or(f64::NEG_INFINITY);
    stable_order(scores.len(), &|a, b| at(a) > at(b))
}

/// `0..n` sorted by `before(a, b)` ("a goes strictly before b"), equal
/// elements in their input order: a bottom-up merge sort, O(n log n).
/// Hand-written because the standard library's stable sort costs several
/// KB of wasm for every type it is used with.
fn stable_order(n: usize, before: &dyn Fn(usize, usize) -> bool) -> Vec<usize> {
    let mut from = Vec::with_capacity(n);
    for i in 0..n {
        from.push(i);
    }
    let mut to = vec![0; n];
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut left, mut right) = (start, mid);
            for slot in &mut to[start..end] {
                // The right run goes first only when strictly before: stable.
                let take_right = right < end && (left >= mid || before(from[right], from[left]));
                if take_right {
                    *slot = from[right];
                    right += 1;
                } else {
                    *slot = from[left];
                    left += 1;
                }
            }
            start = end;
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    from
}

/// Issues collected up to [`MAX_ISSUES`]; the rest are only counted (a
/// million bad values must not become a million messages).
#[derive(Default)]
struct Issues {
    list: Vec<Issue>,
    more: usize,
}

impl Issues {
    fn push(&mut self, path: impl Into<String>, message: impl Into<String>, hint: &str) {
        if self.list.len() < MAX_ISSUES {
            self.list.push(Issue::new(path, message, hint));
        } else {
            self.more += 1;
        }
    }

    fn finish(mut self) -> Result<(), Error> {
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

fn check_input(input: &RankInput, method: Method, issues: &mut Issues) {
    let (n, m) = (input.options.len(), input.criteria.len());
    if n == 0 {
        issues.push(
            "options",
            "there are no options to rank",
            "list at least one option id",
        );
    }
    if n > MAX_RANK_OPTIONS {
        issues.push(
            "options",
            format!("{n} options is more than the limit of {MAX_RANK_OPTIONS}"),
            "rank the options in batches",
        );
    }
    if m == 0 {
        issues.push(
            "criteria",
            "there are no criteria",
            "list at least one criterion",
        );
    }
    if m > MAX_RANK_CRITERIA {
        issues.push(
            "criteria",
            format!("{m} criteria is more than the limit of {MAX_RANK_CRITERIA}"),
            "merge or drop criteria",
        );
    }
    let mut option_ids = Vec::with_capacity(n);
    for o in &input.options {
        option_ids.push(o.as_str());
    }
    ids("options", &option_ids, issues);
    let mut criterion_ids = Vec::with_capacity(m);
    for c in &input.criteria {
        criterion_ids.push(c.id.as_str());
    }
    ids("criteria", &criterion_ids, issues);
    for (c, criterion) in input.criteria.iter().enumerate() {
        if !(0.0..=MAX_WEIGHT).contains(&criterion.weight) {
            issues.push(
                format!("criteria[{c}].weight"),
                "a weight must be a finite number from 0 to 1000000",
                "use e.g. 1",
            );
        }
    }
    if input.values.len() != n {
        issues.push(
            "values",
            format!("{} rows for {n} options", input.values.len()),
            "give one row of values per option, in the order of `options`",
        );
    }
    let (range, hint) = match method {
        Method::Wsm => (
            "from 0 to 10",
            "the weighted sum uses the 0–10 anchor scale; rescale the column or use topsis",
        ),
        Method::Topsis => ("finite and ≥ 0", "use a number ≥ 0"),
    };
    for (o, row) in input.values.iter().enumerate() {
        if row.len() != m {
            issues.push(
                format!("values[{o}]"),
                format!("{} values for {m} criteria", row.len()),
                "give one value per criterion, in the order of `criteria`",
            );
        }
        for (c, x) in row.iter().enumerate() {
            let ok = x.is_finite() && *x >= 0.0 && (method == Method::Topsis || *x <= SCALE_MAX);
            if !ok {
                issues.push(
                    format!("values[{o}][{c}]"),
                    format!("a value must be {range}"),
                    hint,
                );
            }
        }
    }
}

/// Ids must be non-empty, at most [`MAX_TEXT_LEN`] characters and unique.
fn ids(path: &str, list: &[&str], issues: &mut Issues) {
    // Sorted by id, a repeated id follows its first use (the sort is stable).
    let sorted = stable_order(list.len(), &|a, b| list[a] < list[b]);
    let mut repeated = vec![false; list.len()];
    for pair in sorted.windows(2) {
        if list[pair[0]] == list[pair[1]] {
            repeated[pair[1]] = true;
        }
    }
    for (i, id) in list.iter().enumerate() {
        let at = if path == "options" {
            format!("{path}[{i}]")
        } else {
            format!("{path}[{i}].id")
        };
        if id.is_empty() || id.chars().count() > MAX_TEXT_LEN {
            issues.push(
                at,
                format!("an id must have 1 to {MAX_TEXT_LEN} characters"),
                "give every entry a short id",
            );
        } else if repeated[i] {
            issues.push(
                at,
                format!("the id \"{}\" is used twice", answers::clip(id)),
                "give every entry its own id",
            );
        }
    }
}

/// The weights to use: `defaults`, with `overrides` replacing some.
fn resolve_weights(
    ids: &[&str],
    defaults: &[f64],
    overrides: Option<&Map<f64>>,
    issues: &mut Issues,
) -> Vec<f64> {
    let mut used = defaults.to_vec();
    let none = Map::new();
    for (id, w) in overrides.unwrap_or(&none) {
        let path = format!("weights.{id}");
        match ids.iter().position(|x| x == id) {
            None => issues.push(
                path,
                format!(
                    "\"{}\" is not a criterion; expected one of {}",
                    answers::clip(id),
                    answers::clip(&answers::comma_list(ids.iter().copied()))
                ),
                "use the criteria's ids as keys",
            ),
            Some(_) if !(0.0..=MAX_WEIGHT).contains(w) => issues.push(
                path,
                "a weight must be a finite number from 0 to 1000000",
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
        issues.push(
            "weights",
            "every weight is 0, so nothing tells the options apart",
            "give at least one criterion a weight above 0",
        );
    }
    used
}

#[cfg(test)]
mod tests {
    use super::*;
    use Direction::{Benefit, Cost};

    #[test]
    fn order_is_best_first_and_stable() {
        assert_eq!(order(&[1.0, 3.0, 3.0, 2.0]), [1, 2, 3, 0]);
        assert_eq!(order(&[]), Vec::<usize>::new());
        assert_eq!(order(&[5.0]), [0]);
        // Against the standard library's stable sort, on many ties.
        let scores: Vec<f64> = (0..1000u32).map(|i| f64::from(i * 7919 % 13)).collect();
        let mut expected: Vec<usize> = (0..scores.len()).collect();
        expected.sort_by(|&a, &b| scores[b].partial_cmp(&scores[a]).unwrap());
        assert_eq!(order(&scores), expected);
    }

    #[test]
    fn topsis_defines_the_degenerate_cases() {
        // Every column constant: no option is better, all 0.5.
        let c = topsis_scores(
            &[vec![5.0, 0.0], vec![5.0, 0.0]],
            &[Benefit, Cost],
            &[1.0, 1.0],
        );
        assert_eq!(c, [0.5, 0.5]);
        // One option alone.
        assert_eq!(topsis_scores(&[vec![7.0]], &[Benefit], &[1.0]), [0.5]);
        // An all-zero column changes nothing.
        let with = topsis_scores(
            &[vec![1.0, 0.0], vec![2.0, 0.0]],
            &[Cost, Benefit],
            &[1.0, 3.0],
        );
        let without = topsis_scores(&[vec![1.0], vec![2.0]], &[Cost], &[1.0]);
        assert_eq!(with, without);
        assert_eq!(with, [1.0, 0.0]);
    }

    #[test]
    fn wsm_turns_cost_around() {
        let s = wsm_scores(
            &[vec![10.0, 0.0], vec![0.0, 10.0]],
            &[Benefit, Cost],
            &[1.0, 1.0],
        );
        assert_eq!(s, [100.0, 0.0]);
    }
}
