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
    rank_rows(input, method, weights, false)
}

/// [`rank`], with the weighted sum computed exactly as `recommend` computes
/// it (`exact_wsm`, for author matrices) or by the faster [`rank_values`]
/// arithmetic (numeric matrices; equal to within rounding).
fn rank_rows(
    input: &RankInput,
    method: Method,
    weights: Option<&Map<f64>>,
    exact_wsm: bool,
) -> Result<Ranking, Error> {
    let mut issues = Issues::default();
    let (n, m) = (input.options.len(), input.criteria.len());
    check_counts(n, m, "list at least one option id", &mut issues);
    let option_ids: Vec<&str> = input.options.iter().map(String::as_str).collect();
    ids("options", &option_ids, &mut issues);
    check_criteria(&input.criteria, &mut issues);
    if input.values.len() != n {
        issues.push(
            "values",
            format!("{} rows for {n} options", input.values.len()),
            "give one row of values per option, in the order of `options`",
        );
    }
    let shaped = input.values.len() == n && input.values.iter().all(|row| row.len() == m);
    let flat = if shaped {
        input.values.concat()
    } else {
        for (o, row) in input.values.iter().enumerate() {
            if row.len() != m {
                issues.push(
                    format!("values[{o}]"),
                    format!("{} values for {m} criteria", row.len()),
                    "give one value per criterion, in the order of `criteria`",
                );
            }
            check_cells(row, row.len(), o, method, &mut issues);
        }
        Vec::new()
    };
    let (used, mut scores) =
        checked_scores(&flat, &input.criteria, method, weights, shaped, issues)?;
    if exact_wsm && method == Method::Wsm {
        let directions: Vec<Direction> = input.criteria.iter().map(|c| c.direction).collect();
        scores = wsm_scores(&input.values, &directions, &used);
    }
    let order = order(&scores);
    // Filled by insert rather than collected: `collect` sorts its input first,
    // and that sort is kilobytes of wasm.
    let mut weights_used = Map::new();
    for (criterion, w) in input.criteria.iter().zip(&used) {
        weights_used.insert(criterion.id.clone(), *w);
    }
    let mut scores_by_option = Map::new();
    for (id, score) in input.options.iter().zip(scores) {
        scores_by_option.insert(id.clone(), score);
    }
    Ok(Ranking {
        method,
        weights: weights_used,
        scores: scores_by_option,
        ranking: order
            .iter()
            .filter_map(|&o| input.options.get(o).cloned())
            .collect(),
    })
}

/// The result of [`rank_values`]: rows by index instead of option ids.
#[derive(Debug, Clone, PartialEq)]
pub struct ValueRanking {
    /// The weight used per criterion, in the order of the criteria.
    pub weights: Vec<f64>,
    /// One score per row, in row order: 0..100 for `wsm`, 0..1 for `topsis`.
    pub scores: Vec<f64>,
    /// Row indices, best first; equal scores keep the row order.
    pub order: Vec<usize>,
}

/// Ranks the rows of a numeric matrix given as one flat row-major slice,
/// without option ids: the bulk form of [`rank`] (the wasm build's
/// `options: <count>`), for large matrices.
///
/// The scores equal [`rank`]'s for the same values to within rounding
/// (about 1e-15 relative): the weighted sum is computed as
/// `c + Σ_j k_j·x_ij` with `k_j = ±10·w_j / Σ w` (a matrix–vector product),
/// and TOPSIS from one pass for each column's largest, smallest and
/// squared values and one pass for the distances.
///
/// # Arguments
/// * `values` — `options × criteria.len()` values, row by row (option by option).
/// * `options` — the number of rows, 1..=[`MAX_RANK_OPTIONS`].
/// * `criteria`, `method`, `weights` — as for [`rank`].
///
/// # Errors
/// [`Error::InvalidInput`] with every problem found (at most 200 listed),
/// as [`rank`]; a `values` of the wrong length is reported at `values`, a
/// bad value at `values[o][c]`.
///
/// # Example
/// ```
/// use stack_advisor::rank::{rank_values, Method, RankCriterion};
/// use stack_advisor::model::Direction;
///
/// let criteria = [
///     RankCriterion { id: "speed".into(), direction: Direction::Benefit, weight: 2.0 },
///     RankCriterion { id: "price".into(), direction: Direction::Cost, weight: 1.0 },
/// ];
/// let r = rank_values(&[9.0, 8.0, 7.0, 2.0], 2, &criteria, Method::Wsm, None).unwrap();
/// assert_eq!(r.order, [1, 0]);
/// assert!((r.scores[1] - 220.0 / 3.0).abs() < 1e-9);
/// ```
pub fn rank_values(
    values: &[f64],
    options: usize,
    criteria: &[RankCriterion],
    method: Method,
    weights: Option<&Map<f64>>,
) -> Result<ValueRanking, Error> {
    let mut issues = Issues::default();
    let m = criteria.len();
    check_counts(options, m, "give a count of at least 1", &mut issues);
    check_criteria(criteria, &mut issues);
    let shaped = m > 0 && options.checked_mul(m) == Some(values.len());
    if !shaped {
        shape_issue(values.len(), options, m, &mut issues);
    }
    let (weights, scores) = checked_scores(values, criteria, method, weights, shaped, issues)?;
    Ok(ValueRanking {
        weights,
        order: order(&scores),
        scores,
    })
}

/// What [`rank`] and [`rank_values`] share: the weights, and the scores of
/// flat values of the right shape (`shaped`), checked in the same pass that
/// scores them; a bad value is then reported with its path. `issues` holds
/// the problems found so far; the weights' come last.
fn checked_scores(
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
fn scored(
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

/// Ranks the rows of a flat row-major matrix whose criteria are given by
/// position, as a weight and a direction per column, without ids: the
/// fastest form (the wasm build's `criteria: {weights: Float64Array, cost:
/// Uint8Array}`), with nothing per criterion to read or check but its
/// weight. Scores, order and checks of the values are those of
/// [`rank_values`] for criteria with the same weights and directions.
///
/// # Arguments
/// * `values` — `options × weights.len()` values, row by row.
/// * `options` — the number of rows, 1..=[`MAX_RANK_OPTIONS`].
/// * `weights` — one weight ≥ 0 per criterion (column), not all 0; at most
///   [`MAX_RANK_CRITERIA`].
/// * `directions` — one per criterion.
/// * `method` — [`Method::Wsm`] or [`Method::Topsis`].
///
/// # Errors
/// [`Error::InvalidInput`] with every problem found (at most 200 listed),
/// at the paths of the JS form: `options`, `criteria` (no criteria, or over
/// the limit), `criteria.weights[c]` (a weight that is negative, not finite
/// or over 1,000,000), `criteria.cost` (not one direction per weight),
/// `weights` (all 0), `values` (the wrong length) and `values[o][c]`.
///
/// # Example
/// ```
/// use stack_advisor::rank::{rank_columns, Method};
/// use stack_advisor::model::Direction::{Benefit, Cost};
///
/// let r = rank_columns(&[9.0, 8.0, 7.0, 2.0], 2, &[2.0, 1.0], &[Benefit, Cost], Method::Wsm).unwrap();
/// assert_eq!(r.order, [1, 0]);
/// assert!((r.scores[1] - 220.0 / 3.0).abs() < 1e-9);
/// ```
pub fn rank_columns(
    values: &[f64],
    options: usize,
    weights: &[f64],
    directions: &[Direction],
    method: Method,
) -> Result<ValueRanking, Error> {
    let mut issues = Issues::default();
    let m = weights.len();
    check_counts(options, m, "give a count of at least 1", &mut issues);
    let mut valid = true;
    for (c, w) in weights.iter().enumerate() {
        if !(0.0..=MAX_WEIGHT).contains(w) {
            valid = false;
            issues.push(
                format!("criteria.weights[{c}]"),
                "a weight must be a finite number from 0 to 1000000",
                "use e.g. 1, or 0 to ignore the criterion",
            );
        }
    }
    if directions.len() != m {
        issues.push(
            "criteria.cost",
            format!("{} directions for {m} criteria", directions.len()),
            "give one entry per weight (0 benefit, 1 cost), or none for all benefit",
        );
    }
    let shaped = m > 0 && directions.len() == m && options.checked_mul(m) == Some(values.len());
    if !shaped && directions.len() == m {
        shape_issue(values.len(), options, m, &mut issues);
    }
    let mut weight_issues = Issues::default();
    if valid && m > 0 && !weights.iter().any(|w| *w > 0.0) {
        all_zero(&mut weight_issues);
    }
    let scores = scored(
        values,
        directions,
        weights,
        method,
        shaped,
        issues,
        weight_issues,
    )?;
    Ok(ValueRanking {
        weights: weights.to_vec(),
        order: order(&scores),
        scores,
    })
}

/// `values` of the wrong length for `options × m`.
fn shape_issue(len: usize, options: usize, m: usize, issues: &mut Issues) {
    issues.push(
        "values",
        format!("{len} values for {options} options × {m} criteria"),
        "give options × criteria values, row by row (option by option)",
    );
}

/// Every weight is 0.
fn all_zero(issues: &mut Issues) {
    issues.push(
        "weights",
        "every weight is 0, so nothing tells the options apart",
        "give at least one criterion a weight above 0",
    );
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
    rank_rows(&from_matrix(matrix)?, method, weights, true)
}

/// The numeric form of an author matrix: its 0–10 values, directions, and
/// base weights as default weights.
///
/// # Errors
/// [`Error::InvalidMatrix`] when the matrix breaks the format.
pub fn from_matrix(matrix: &Matrix) -> Result<RankInput, Error> {
    crate::validate(matrix)?;
    let base = answers::resolve(matrix, &Answers::new())?.weights;
    let index = |list: &[&str], id: &str| list.iter().position(|x| *x == id);
    let options: Vec<&str> = matrix.options.iter().map(|o| o.id.as_str()).collect();
    let criteria: Vec<&str> = matrix.criteria.iter().map(|c| c.id.as_str()).collect();
    let mut values = vec![vec![0.0; criteria.len()]; options.len()];
    for s in &matrix.scores {
        if let (Some(o), Some(c)) = (index(&options, &s.option), index(&criteria, &s.criterion)) {
            if let Some(cell) = values.get_mut(o).and_then(|row| row.get_mut(c)) {
                *cell = s.value;
            }
        }
    }
    Ok(RankInput {
        options: options.iter().map(|s| s.to_string()).collect(),
        criteria: matrix
            .criteria
            .iter()
            .zip(base)
            .map(|(c, weight)| RankCriterion {
                id: c.id.clone(),
                direction: c.direction,
                weight,
            })
            .collect(),
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
    let m = directions.len();
    let mut flat = Vec::with_capacity(values.len() * m);
    for row in values {
        for c in 0..m {
            flat.push(row.get(c).copied().unwrap_or(0.0));
        }
    }
    topsis_values(&flat, directions, weights).0
}

/// The weighted sum of [`wsm_scores`] on flat values, as a matrix–vector
/// product: `10·Σ w·u / Σ w = c + Σ_j k_j·x_j`, with `k_j = 10·w_j / Σ w`
/// for a benefit criterion, `−10·w_j / Σ w` for a cost one (whose `10·w_j·10
/// / Σ w` goes into `c`). Equal to [`wsm_scores`] to within rounding. Also
/// returns whether every value is on the 0–10 scale (checked in the same
/// pass).
fn wsm_values(values: &[f64], directions: &[Direction], weights: &[f64]) -> (Vec<f64>, bool) {
    let m = directions.len().max(1);
    let total: f64 = weights.iter().sum();
    let mut base = 0.0;
    let mut k = Vec::with_capacity(m);
    for (direction, w) in directions.iter().zip(weights) {
        let share = if total > 0.0 {
            SCALE_MAX * w / total
        } else {
            0.0
        };
        k.push(match direction {
            Direction::Benefit => share,
            Direction::Cost => {
                base += share * SCALE_MAX;
                -share
            }
        });
    }
    let mut scores = vec![0.0; values.len() / m];
    let valid = kernel::weighted_sums(values, m, &k, base, &mut scores);
    (scores, valid)
}

/// TOPSIS on flat values (see [`topsis_scores`] for the method): one pass
/// for each column's largest and smallest values and Σ x² (which also tells
/// whether every value is finite and ≥ 0, returned with the scores), one
/// for the distances.
///
/// `v_ij = (x_ij · p_j) · f_j`, with `f_j = share_j / norm_j`. `p_j` is 1
/// for a column whose largest value is within 2^±500 (Σ x² can neither
/// overflow nor lose the column to underflow); otherwise it is the power of
/// two that brings the largest value near 1 (exact), and the column's norm
/// is computed again from the scaled values: 1e300 or 5e-324 counts like
/// any other unit. The ideal and anti-ideal are the largest and smallest
/// `x` taken through the same two products, so the best option's distance
/// is exactly 0.
fn topsis_values(values: &[f64], directions: &[Direction], weights: &[f64]) -> (Vec<f64>, bool) {
    let m = directions.len().max(1);
    let total: f64 = weights.iter().sum();
    let (mut hi, mut lo, mut squares) = (
        vec![f64::NEG_INFINITY; m],
        vec![f64::INFINITY; m],
        vec![0.0; m],
    );
    for row in values.chunks_exact(m) {
        kernel::column_stats(row, &mut hi, &mut lo, &mut squares);
    }
    let mut columns = kernel::Columns {
        p: Vec::with_capacity(m),
        f: Vec::with_capacity(m),
        ideal: Vec::with_capacity(m),
        anti: Vec::with_capacity(m),
    };
    let mut valid = true;
    for (c, direction) in directions.iter().enumerate() {
        let (top, bottom, sum) = (hi[c], lo[c], squares[c]);
        // A NaN never becomes the largest or smallest value, but makes Σ x² NaN.
        valid &= bottom >= 0.0 && top <= f64::MAX && !sum.is_nan();
        // The largest |x| (values may be negative outside `rank`).
        let big = top.max(-bottom);
        let tame = (TAME_LOW..=TAME_HIGH).contains(&big) && sum.is_finite();
        let (p, norm) = if big == 0.0 || !big.is_finite() {
            (1.0, 0.0)
        } else if tame {
            (1.0, sum.sqrt())
        } else {
            // 2^-e, e the exponent of `big` (clamped to the normal range).
            let biased = (big.to_bits() >> 52) as i64;
            let p = f64::from_bits(((2046 - biased).clamp(1, 2046) as u64) << 52);
            let mut sum = 0.0;
            let mut i = c;
            while let Some(x) = values.get(i) {
                sum += (x * p) * (x * p);
                i += m;
            }
            (p, sum.sqrt())
        };
        let w = weights.get(c).copied().unwrap_or(0.0);
        let share = if total > 0.0 { w / total } else { 0.0 };
        let f = if norm > 0.0 { share / norm } else { 0.0 };
        let (high, low) = if f > 0.0 {
            ((top * p) * f, (bottom * p) * f)
        } else {
            (0.0, 0.0)
        };
        let (ideal, anti) = match direction {
            Direction::Benefit => (high, low),
            Direction::Cost => (low, high),
        };
        columns.p.push(p);
        columns.f.push(f);
        columns.ideal.push(ideal);
        columns.anti.push(anti);
    }
    let mut scores = Vec::with_capacity(values.len() / m);
    for row in values.chunks_exact(m) {
        let (plus, minus) = kernel::distances(row, &columns);
        let (plus, minus) = (plus.sqrt(), minus.sqrt());
        scores.push(if plus + minus > 0.0 {
            minus / (plus + minus)
        } else {
            0.5
        });
    }
    (scores, valid)
}

/// A column's largest |x| within these bounds needs no scaling for Σ x²:
/// 2^±500.
const TAME_LOW: f64 = 3.054936363499605e-151;
const TAME_HIGH: f64 = 3.273390607896142e150;

/// The inner loops of [`wsm_values`] and [`topsis_values`]: plain index
/// loops (at `opt-level = "z"` iterator adapters such as `zip` stay calls
/// in the loop), and in the wasm build WebAssembly SIMD, two f64 lanes,
/// which takes the two scoring passes from 1.3× to 1.5× faster in V8. Both
/// add in the same order (lane 0 is the even columns' running sum, lane 1
/// the odd columns'), so native and wasm scores keep the same bits.
mod kernel {
    use crate::validate::SCALE_MAX;
    #[cfg(target_arch = "wasm32")]
    use core::arch::wasm32::*;

    /// What takes the values of TOPSIS columns to their weighted normalised
    /// values `(x · p) · f`, and the columns' ideals and anti-ideals: one
    /// entry per column.
    pub struct Columns {
        pub p: Vec<f64>,
        pub f: Vec<f64>,
        pub ideal: Vec<f64>,
        pub anti: Vec<f64>,
    }

    /// Loads `x[i]` and `x[i + 1]`. The caller checks `i + 2 <= x.len()`.
    #[cfg(target_arch = "wasm32")]
    #[target_feature(enable = "simd128")]
    fn pair(x: &[f64], i: usize) -> v128 {
        debug_assert!(i + 2 <= x.len());
        // SAFETY: in bounds (above); wasm loads need no alignment.
        unsafe { v128_load(x.as_ptr().add(i).cast()) }
    }

    /// Writes `base + Σ_j x_j·k_j` for each row of `m` values into `scores`
    /// (one per row; the sum as [`dot_checked`] adds it) and tells whether
    /// every value is on the 0–10 scale.
    ///
    /// In wasm two rows go through the loop together: one row's running
    /// sums are chains of dependent additions, whose latency, not the
    /// number of instructions, bounded the loop; two rows' chains overlap.
    /// Each row's sums are added in the same order as alone.
    #[cfg_attr(target_arch = "wasm32", target_feature(enable = "simd128"))]
    pub fn weighted_sums(
        values: &[f64],
        m: usize,
        k: &[f64],
        base: f64,
        scores: &mut [f64],
    ) -> bool {
        let mut valid = true;
        let m = m.max(1);
        #[cfg(target_arch = "wasm32")]
        let (values, scores) = {
            let mut pairs = values.chunks_exact(2 * m);
            let mut out = scores.chunks_exact_mut(2);
            for (rows, out) in (&mut pairs).zip(&mut out) {
                let (a, c) = rows.split_at(m);
                let (x, y, ok) = dot2_checked(a, c, k);
                valid &= ok;
                if let [s, t] = out {
                    (*s, *t) = (base + x, base + y);
                }
            }
            (pairs.remainder(), out.into_remainder())
        };
        for (row, out) in values.chunks_exact(m).zip(scores) {
            let (sum, ok) = dot_checked(row, k);
            valid &= ok;
            *out = base + sum;
        }
        valid
    }

    /// [`dot_checked`] of two rows `a` and `c` against the same `b`, each
    /// row's sum added in the same order as [`dot_checked`] adds it.
    #[cfg(target_arch = "wasm32")]
    #[target_feature(enable = "simd128")]
    // `&` rather than `contains` (`&&`): no branch.
    #[allow(clippy::manual_range_contains)]
    fn dot2_checked(a: &[f64], c: &[f64], b: &[f64]) -> (f64, f64, bool) {
        let n = a.len().min(c.len()).min(b.len());
        let (a, c, b) = (&a[..n], &c[..n], &b[..n]);
        let zero = f64x2_splat(0.0);
        let (mut a01, mut a23, mut c01, mut c23) = (zero, zero, zero, zero);
        let (mut low, mut high) = (zero, f64x2_splat(SCALE_MAX));
        let mut i = 0;
        while i + 4 <= n {
            let (k01, k23) = (pair(b, i), pair(b, i + 2));
            let (x01, x23, y01, y23) = (pair(a, i), pair(a, i + 2), pair(c, i), pair(c, i + 2));
            a01 = f64x2_add(a01, f64x2_mul(x01, k01));
            a23 = f64x2_add(a23, f64x2_mul(x23, k23));
            c01 = f64x2_add(c01, f64x2_mul(y01, k01));
            c23 = f64x2_add(c23, f64x2_mul(y23, k23));
            low = f64x2_pmin(low, f64x2_pmin(f64x2_pmin(x01, x23), f64x2_pmin(y01, y23)));
            high = f64x2_pmax(high, f64x2_pmax(f64x2_pmax(x01, x23), f64x2_pmax(y01, y23)));
            i += 4;
        }
        let within = v128_and(f64x2_ge(low, zero), f64x2_le(high, f64x2_splat(SCALE_MAX)));
        let mut ok = i64x2_all_true(within);
        let (mut x0, mut y0) = (f64x2_extract_lane::<0>(a01), f64x2_extract_lane::<0>(c01));
        while i < n {
            x0 += a[i] * b[i];
            y0 += c[i] * b[i];
            ok &= (a[i] >= 0.0) & (a[i] <= SCALE_MAX) & (c[i] >= 0.0) & (c[i] <= SCALE_MAX);
            i += 1;
        }
        let x = (x0 + f64x2_extract_lane::<1>(a01))
            + (f64x2_extract_lane::<0>(a23) + f64x2_extract_lane::<1>(a23));
        let y = (y0 + f64x2_extract_lane::<1>(c01))
            + (f64x2_extract_lane::<0>(c23) + f64x2_extract_lane::<1>(c23));
        (x, y, ok & !x.is_nan() & !y.is_nan())
    }

    /// `Σ a_j·b_j` with four running sums (j mod 4), and whether every
    /// `a_j` is on the 0–10 scale, without a branch per value.
    ///
    /// In wasm the scale is checked through each lane's smallest and largest
    /// value (`pmin`/`pmax`, one instruction each in V8, where a pair of
    /// comparisons and two `and`s cost four): those skip a NaN, but a NaN
    /// makes the sum NaN, which fails the check as well.
    // `&` rather than `contains` (`&&`): no branch.
    #[allow(clippy::manual_range_contains)]
    #[cfg_attr(target_arch = "wasm32", target_feature(enable = "simd128"))]
    pub fn dot_checked(a: &[f64], b: &[f64]) -> (f64, bool) {
        let n = a.len().min(b.len());
        let mut i = 0;
        #[cfg(target_arch = "wasm32")]
        let (s0, s1, s2, s3, mut ok) = {
            let (mut s01, mut s23) = (f64x2_splat(0.0), f64x2_splat(0.0));
            let (mut low, mut high) = (f64x2_splat(0.0), f64x2_splat(SCALE_MAX));
            while i + 4 <= n {
                let (x01, x23) = (pair(a, i), pair(a, i + 2));
                s01 = f64x2_add(s01, f64x2_mul(x01, pair(b, i)));
                s23 = f64x2_add(s23, f64x2_mul(x23, pair(b, i + 2)));
                low = f64x2_pmin(low, f64x2_pmin(x01, x23));
                high = f64x2_pmax(high, f64x2_pmax(x01, x23));
                i += 4;
            }
            let within = v128_and(
                f64x2_ge(low, f64x2_splat(0.0)),
                f64x2_le(high, f64x2_splat(SCALE_MAX)),
            );
            (
                f64x2_extract_lane::<0>(s01),
                f64x2_extract_lane::<1>(s01),
                f64x2_extract_lane::<0>(s23),
                f64x2_extract_lane::<1>(s23),
                i64x2_all_true(within),
            )
        };
        #[cfg(not(target_arch = "wasm32"))]
        let (s0, s1, s2, s3, mut ok) = {
            let (a, b) = (&a[..n], &b[..n]);
            let (mut s0, mut s1, mut s2, mut s3) = (0.0, 0.0, 0.0, 0.0);
            let mut ok = true;
            let within = |x: f64| (x >= 0.0) & (x <= SCALE_MAX);
            while i + 4 <= n {
                let (x0, x1, x2, x3) = (a[i], a[i + 1], a[i + 2], a[i + 3]);
                s0 += x0 * b[i];
                s1 += x1 * b[i + 1];
                s2 += x2 * b[i + 2];
                s3 += x3 * b[i + 3];
                ok &= within(x0) & within(x1) & within(x2) & within(x3);
                i += 4;
            }
            (s0, s1, s2, s3, ok)
        };
        let mut s0 = s0;
        while i < n {
            s0 += a[i] * b[i];
            ok &= (a[i] >= 0.0) & (a[i] <= SCALE_MAX);
            i += 1;
        }
        let sum = (s0 + s1) + (s2 + s3);
        (sum, ok & !sum.is_nan())
    }

    /// Folds one row into each column's largest and smallest value and Σ x².
    #[cfg_attr(target_arch = "wasm32", target_feature(enable = "simd128"))]
    pub fn column_stats(row: &[f64], hi: &mut [f64], lo: &mut [f64], squares: &mut [f64]) {
        let n = row.len().min(hi.len()).min(lo.len()).min(squares.len());
        let mut c = 0;
        #[cfg(target_arch = "wasm32")]
        while c + 2 <= n {
            let x = pair(row, c);
            // pmax(h, x) = h < x ? x : h, as the scalar loop (a NaN never wins).
            let h = f64x2_pmax(pair(hi, c), x);
            let l = f64x2_pmin(pair(lo, c), x);
            let s = f64x2_add(pair(squares, c), f64x2_mul(x, x));
            // SAFETY: c + 2 <= n, within each slice.
            unsafe {
                v128_store(hi.as_mut_ptr().add(c).cast(), h);
                v128_store(lo.as_mut_ptr().add(c).cast(), l);
                v128_store(squares.as_mut_ptr().add(c).cast(), s);
            }
            c += 2;
        }
        while c < n {
            let x = row[c];
            if hi[c] < x {
                hi[c] = x;
            }
            if x < lo[c] {
                lo[c] = x;
            }
            squares[c] += x * x;
            c += 1;
        }
    }

    /// `(Σ (v − ideal)², Σ (v − anti)²)` over one row, each as two running
    /// sums (even and odd columns).
    #[cfg_attr(target_arch = "wasm32", target_feature(enable = "simd128"))]
    pub fn distances(row: &[f64], k: &Columns) -> (f64, f64) {
        let n = row
            .len()
            .min(k.p.len())
            .min(k.f.len())
            .min(k.ideal.len())
            .min(k.anti.len());
        // Slices: at `opt-level = "z"`, indexing a `Vec` is a call.
        let (row, p, f, ideal, anti) =
            (&row[..n], &k.p[..n], &k.f[..n], &k.ideal[..n], &k.anti[..n]);
        let mut c = 0;
        #[cfg(target_arch = "wasm32")]
        let (mut plus, plus2, mut minus, minus2) = {
            let (mut plus, mut minus) = (f64x2_splat(0.0), f64x2_splat(0.0));
            while c + 2 <= n {
                let v = f64x2_mul(f64x2_mul(pair(row, c), pair(p, c)), pair(f, c));
                let d = f64x2_sub(v, pair(ideal, c));
                let e = f64x2_sub(v, pair(anti, c));
                plus = f64x2_add(plus, f64x2_mul(d, d));
                minus = f64x2_add(minus, f64x2_mul(e, e));
                c += 2;
            }
            (
                f64x2_extract_lane::<0>(plus),
                f64x2_extract_lane::<1>(plus),
                f64x2_extract_lane::<0>(minus),
                f64x2_extract_lane::<1>(minus),
            )
        };
        #[cfg(not(target_arch = "wasm32"))]
        let (mut plus, plus2, mut minus, minus2) = {
            let (mut plus, mut minus, mut plus2, mut minus2) = (0.0, 0.0, 0.0, 0.0);
            while c + 2 <= n {
                let v = (row[c] * p[c]) * f[c];
                let u = (row[c + 1] * p[c + 1]) * f[c + 1];
                plus += (v - ideal[c]) * (v - ideal[c]);
                minus += (v - anti[c]) * (v - anti[c]);
                plus2 += (u - ideal[c + 1]) * (u - ideal[c + 1]);
                minus2 += (u - anti[c + 1]) * (u - anti[c + 1]);
                c += 2;
            }
            (plus, plus2, minus, minus2)
        };
        if c < n {
            let v = (row[c] * p[c]) * f[c];
            plus += (v - ideal[c]) * (v - ideal[c]);
            minus += (v - anti[c]) * (v - anti[c]);
        }
        (plus + plus2, minus + minus2)
    }
}

/// Row indices ordered best first; equal scores keep the input order.
/// NaN goes last.
///
/// The scores become integer keys (their bits, turned so that a smaller key
/// is a better score), sorted by a most-significant-digit radix pass on the
/// top bits in which the keys differ, into one bucket per digit; a bucket
/// larger than [`SMALL_BUCKET`] is split the same way on its own top
/// differing bits, and a last insertion pass orders each small bucket. At
/// 1,000 rows that is one counting pass, one scatter and a few moves per row,
/// where a byte-by-byte LSD radix sort made seven scatters. Every step keeps
/// equal keys in input order (stable), and each split removes at least one
/// bit from what is left to compare, so the work stays linear in the number
/// of rows times the key's 64 bits divided by the digit width (≥ 5 bits).
pub fn order(scores: &[f64]) -> Vec<usize> {
    let n = scores.len();
    // Descending score = ascending key; -0.0 + 0.0 = 0.0 makes the two zeros equal.
    let key = |s: f64| {
        let bits = (s + 0.0).to_bits();
        if s.is_nan() {
            u64::MAX
        } else if bits >> 63 == 1 {
            bits
        } else {
            !(bits | 1 << 63)
        }
    };
    // Filled in place: a `push` per row is a call at `opt-level = "z"`.
    let (mut keys, mut rows) = (vec![0; n], vec![0; n]);
    for (i, ((k, r), s)) in keys.iter_mut().zip(rows.iter_mut()).zip(scores).enumerate() {
        (*k, *r) = (key(*s), i);
    }
    let (mut spare_keys, mut spare_rows) = (vec![0; n], vec![0; n]);
    split(&mut keys, &mut rows, &mut spare_keys, &mut spare_rows);
    // Every bucket left is at most SMALL_BUCKET long and the buckets are in
    // order, so no key moves past a bucket's start: a few moves per row.
    let (keys, order) = (&mut keys[..n], &mut rows[..n]);
    for i in 1..n {
        let (k, r) = (keys[i], order[i]);
        let mut j = i;
        while j > 0 && keys[j - 1] > k {
            keys[j] = keys[j - 1];
            order[j] = order[j - 1];
            j -= 1;
        }
        keys[j] = k;
        order[j] = r;
    }
    rows
}

/// Buckets at most this long are left to [`order`]'s insertion pass.
const SMALL_BUCKET: usize = 16;

/// Sorts `keys` (and `rows` with them) stably into buckets by the top bits
/// in which the keys differ, and each bucket longer than [`SMALL_BUCKET`]
/// the same way, recursively; `spare_*` are scratch space of the same length.
fn split(keys: &mut [u64], rows: &mut [usize], spare_keys: &mut [u64], spare_rows: &mut [usize]) {
    let n = keys.len();
    if n <= SMALL_BUCKET || rows.len() != n || spare_keys.len() != n || spare_rows.len() != n {
        return;
    }
    let first = keys.first().copied().unwrap_or(0);
    let mut differ = 0;
    for k in keys.iter() {
        differ |= k ^ first;
    }
    if differ == 0 {
        // All equal: input order is the order.
        return;
    }
    // Digits of about log2(n) bits (at most 11) below the top differing bit.
    let width = (usize::BITS - n.leading_zeros()).min(11);
    let shift = (u64::BITS - differ.leading_zeros()).saturating_sub(width);
    let mask = (1u64 << width) - 1;
    let digit = |k: u64| ((k >> shift) & mask) as usize;
    let mut ends = vec![0usize; 1 << width];
    for k in keys.iter() {
        if let Some(c) = ends.get_mut(digit(*k)) {
            *c += 1;
        }
    }
    // Counts → where each bucket starts (then, after the scatter, ends).
    let mut start = 0;
    for slot in ends.iter_mut() {
        (*slot, start) = (start, start + *slot);
    }
    for (k, r) in keys.iter().zip(rows.iter()) {
        if let Some(slot) = ends.get_mut(digit(*k)) {
            if let (Some(sk), Some(sr)) = (spare_keys.get_mut(*slot), spare_rows.get_mut(*slot)) {
                (*sk, *sr) = (*k, *r);
            }
            *slot += 1;
        }
    }
    keys.copy_from_slice(spare_keys);
    rows.copy_from_slice(spare_rows);
    let mut start = 0;
    for &end in &ends {
        if end - start > SMALL_BUCKET {
            if let (Some(k), Some(r), Some(sk), Some(sr)) = (
                keys.get_mut(start..end),
                rows.get_mut(start..end),
                spare_keys.get_mut(start..end),
                spare_rows.get_mut(start..end),
            ) {
                split(k, r, sk, sr);
            }
        }
        start = end;
    }
}

/// `0..n` sorted by `before(a, b)` ("a goes strictly before b"), equal
/// elements in their input order: a bottom-up merge sort, O(n log n).
/// Hand-written because the standard library's stable sort costs several
/// KB of wasm for every type it is used with.
fn stable_order(n: usize, before: &dyn Fn(usize, usize) -> bool) -> Vec<usize> {
    let mut from: Vec<usize> = (0..n).collect();
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
        self.add(Issue::new(path, message, hint));
    }

    fn add(&mut self, issue: Issue) {
        if self.list.len() < MAX_ISSUES {
            self.list.push(issue);
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

/// The numbers of options (`n`) and criteria (`m`); `none_hint` tells how
/// to give options.
fn check_counts(n: usize, m: usize, none_hint: &str, issues: &mut Issues) {
    if n == 0 {
        issues.push("options", "there are no options to rank", none_hint);
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
}

/// Criterion ids and default weights.
fn check_criteria(criteria: &[RankCriterion], issues: &mut Issues) {
    let criterion_ids: Vec<&str> = criteria.iter().map(|c| c.id.as_str()).collect();
    ids("criteria", &criterion_ids, issues);
    for (c, criterion) in criteria.iter().enumerate() {
        if !(0.0..=MAX_WEIGHT).contains(&criterion.weight) {
            issues.push(
                format!("criteria[{c}].weight"),
                "a weight must be a finite number from 0 to 1000000",
                "use e.g. 1",
            );
        }
    }
}

/// Values `columns` to a row, the first in row `first_row`: finite and ≥ 0,
/// and at most 10 for the weighted sum. (Large matrices of the right shape
/// are checked while they are scored; this only runs to report.)
fn check_cells(
    values: &[f64],
    columns: usize,
    first_row: usize,
    method: Method,
    issues: &mut Issues,
) {
    let high = match method {
        Method::Wsm => SCALE_MAX,
        Method::Topsis => f64::MAX,
    };
    let ok = |x: f64| (x >= 0.0) & (x <= high);
    let (range, hint) = match method {
        Method::Wsm => (
            "from 0 to 10",
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
                format!("the id \"{}\" is used twice", answers::clip(id)),
                "give every entry its own id",
            );
        }
    }
}

/// The weights to use: the criteria's own, with `overrides` replacing some.
fn resolve(
    criteria: &[RankCriterion],
    overrides: Option<&Map<f64>>,
    issues: &mut Issues,
) -> Vec<f64> {
    let ids: Vec<&str> = criteria.iter().map(|c| c.id.as_str()).collect();
    let defaults: Vec<f64> = criteria.iter().map(|c| c.weight).collect();
    resolve_weights(&ids, &defaults, overrides, issues)
}

/// The weights to use: `defaults`, with `overrides` replacing some.
fn resolve_weights(
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
        all_zero(issues);
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

    /// Against the standard library's stable sort (NaN last), on scores
    /// spread and clustered: wide and narrow ranges, values equal in their
    /// top bits and different only in the last ones, many ties, both zeros,
    /// infinities and NaN; sizes around the small-bucket threshold and up
    /// to the limit.
    #[test]
    fn order_matches_a_stable_sort_on_any_scores() {
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let expected = |scores: &[f64]| {
            let mut rows: Vec<usize> = (0..scores.len()).collect();
            rows.sort_by(|&a, &b| match (scores[a].is_nan(), scores[b].is_nan()) {
                (true, true) => std::cmp::Ordering::Equal,
                (true, false) => std::cmp::Ordering::Greater,
                (false, true) => std::cmp::Ordering::Less,
                _ => scores[b].partial_cmp(&scores[a]).unwrap(),
            });
            rows
        };
        let special = [
            0.0,
            -0.0,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            5e-324,
            -1.0,
        ];
        for n in [0, 1, 2, 15, 16, 17, 18, 33, 100, 1000, 4097, 10_000] {
            for kind in 0..7 {
                let scores: Vec<f64> = (0..n)
                    .map(|i| {
                        let r = next();
                        match kind {
                            // Uniform 0..100, as a weighted sum.
                            0 => (r % 1_000_000) as f64 / 10_000.0,
                            // All in one narrow band: equal top bits.
                            1 => 50.0 + (r % 1000) as f64 * 1e-12,
                            // Only the last bits differ.
                            2 => f64::from_bits(50.0f64.to_bits() + (r % 8)),
                            // Few distinct values: many ties.
                            3 => (r % 5) as f64,
                            // Specials among ordinary values.
                            4 => match special.get((r % 16) as usize) {
                                Some(x) => *x,
                                None => (r % 97) as f64,
                            },
                            // Two far clusters.
                            5 => {
                                if r % 2 == 0 {
                                    1e-200 * (r % 7) as f64
                                } else {
                                    1e200
                                }
                            }
                            // Any bits at all.
                            _ => f64::from_bits(r ^ (i as u64)),
                        }
                    })
                    .collect();
                assert_eq!(order(&scores), expected(&scores), "n {n}, kind {kind}");
            }
        }
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
