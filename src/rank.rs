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
    check_counts(
        n,
        &input.criteria,
        "list at least one option id",
        &mut issues,
    );
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
    check_counts(options, criteria, "give a count of at least 1", &mut issues);
    check_criteria(criteria, &mut issues);
    let shaped = m > 0 && options.checked_mul(m) == Some(values.len());
    if !shaped {
        issues.push(
            "values",
            format!(
                "{} values for {options} options × {m} criteria",
                values.len()
            ),
            "give options × criteria values, row by row (option by option)",
        );
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
    mut issues: Issues,
) -> Result<(Vec<f64>, Vec<f64>), Error> {
    let mut weight_issues = Issues::default();
    let used = resolve(criteria, weights, &mut weight_issues);
    let directions: Vec<Direction> = criteria.iter().map(|c| c.direction).collect();
    let mut scores = Vec::new();
    if shaped {
        let valid;
        (scores, valid) = match method {
            Method::Wsm => wsm_values(values, &directions, &used),
            Method::Topsis => topsis_values(values, &directions, &used),
        };
        if !valid {
            check_cells(values, criteria.len(), 0, method, &mut issues);
        }
    }
    for issue in weight_issues.list {
        issues.add(issue);
    }
    issues.more += weight_issues.more;
    issues.finish()?;
    Ok((used, scores))
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
    let mut valid = true;
    let mut scores = Vec::with_capacity(values.len() / m);
    for row in values.chunks_exact(m) {
        let (sum, ok) = kernel::dot_checked(row, &k);
        valid &= ok;
        scores.push(base + sum);
    }
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

    /// `Σ a_j·b_j` with four running sums (j mod 4), and whether every
    /// `a_j` is on the 0–10 scale, without a branch per value.
    // `&` rather than `contains` (`&&`): no branch.
    #[allow(clippy::manual_range_contains)]
    #[cfg_attr(target_arch = "wasm32", target_feature(enable = "simd128"))]
    pub fn dot_checked(a: &[f64], b: &[f64]) -> (f64, bool) {
        let n = a.len().min(b.len());
        let mut i = 0;
        #[cfg(target_arch = "wasm32")]
        let (s0, s1, s2, s3, mut ok) = {
            let (mut s01, mut s23) = (f64x2_splat(0.0), f64x2_splat(0.0));
            let (zero, high) = (f64x2_splat(0.0), f64x2_splat(SCALE_MAX));
            let mut ok = u64x2_splat(u64::MAX);
            while i + 4 <= n {
                let (x01, x23) = (pair(a, i), pair(a, i + 2));
                s01 = f64x2_add(s01, f64x2_mul(x01, pair(b, i)));
                s23 = f64x2_add(s23, f64x2_mul(x23, pair(b, i + 2)));
                ok = v128_and(ok, v128_and(f64x2_ge(x01, zero), f64x2_le(x01, high)));
                ok = v128_and(ok, v128_and(f64x2_ge(x23, zero), f64x2_le(x23, high)));
                i += 4;
            }
            (
                f64x2_extract_lane::<0>(s01),
                f64x2_extract_lane::<1>(s01),
                f64x2_extract_lane::<0>(s23),
                f64x2_extract_lane::<1>(s23),
                i64x2_all_true(ok),
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
        ((s0 + s1) + (s2 + s3), ok)
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
///
/// A stable LSD radix sort on the scores' bits, one byte at a time (bytes
/// equal in every score are skipped): linear, and without the unpredictable
/// branches of a comparison sort. NaN goes last.
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
    let mut from = Vec::with_capacity(n);
    for (i, s) in scores.iter().enumerate() {
        from.push((key(*s), i));
    }
    let mut to = from.clone();
    let mut shift = 0;
    while shift < 64 {
        let digit = |k: u64| (k >> shift) as usize & 255;
        let mut count = [0usize; 256];
        for (k, _) in &from {
            count[digit(*k)] += 1;
        }
        // A byte equal in every key changes nothing.
        if !count.contains(&n) {
            let mut start = 0;
            for slot in &mut count {
                (*slot, start) = (start, start + *slot);
            }
            for &(k, i) in &from {
                let slot = &mut count[digit(k)];
                if let Some(entry) = to.get_mut(*slot) {
                    *entry = (k, i);
                }
                *slot += 1;
            }
            std::mem::swap(&mut from, &mut to);
        }
        shift += 8;
    }
    let mut rows = Vec::with_capacity(n);
    for &(_, i) in &from {
        rows.push(i);
    }
    rows
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

/// The numbers of options and criteria; `none_hint` tells how to give
/// options.
fn check_counts(n: usize, criteria: &[RankCriterion], none_hint: &str, issues: &mut Issues) {
    let m = criteria.len();
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
