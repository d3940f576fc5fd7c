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
//!
//! This module holds the public API (the types and the four ways to rank);
//! `checks` validates the input, `formulas` scores it (with the SIMD inner
//! loops in `kernel`), and `order` sorts the scores.

mod bulk;
mod checks;
mod formulas;
mod kernel;
mod order;

pub use bulk::{option_count, rank_bulk, rows_from_flat, BulkCriteria};
pub use formulas::{topsis_scores, wsm_scores};
pub use order::order;

use crate::answers::{self, Answers};
use crate::error::{Error, Issues};
use crate::map::Map;
use crate::model::{Direction, Matrix};
use checks::{
    all_zero, check_columns, check_counts, check_criteria, check_rows, checked_scores, ids, scored,
    shape_issue,
};
use serde::{Deserialize, Serialize};

// The limits' public paths before `crate::limits` held them.
#[doc(no_inline)]
pub use crate::limits::{MAX_RANK_CRITERIA, MAX_RANK_OPTIONS};

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
    let mut issues = Issues::new();
    let (option_count, criteria_count) = (input.options.len(), input.criteria.len());
    check_counts(
        option_count,
        criteria_count,
        "list at least one option id",
        &mut issues,
    );
    let option_ids: Vec<&str> = input.options.iter().map(String::as_str).collect();
    ids("options", &option_ids, &mut issues);
    check_criteria(&input.criteria, &mut issues);
    let flat = check_rows(
        &input.values,
        option_count,
        criteria_count,
        method,
        &mut issues,
    );
    let shaped = flat.is_some();
    let flat = flat.unwrap_or_default();
    let (used, mut scores) =
        checked_scores(&flat, &input.criteria, method, weights, shaped, issues)?;
    if exact_wsm && method == Method::Wsm {
        let directions: Vec<Direction> = input.criteria.iter().map(|c| c.direction).collect();
        scores = wsm_scores(&input.values, &directions, &used);
    }
    let order = order(&scores);
    // Filled by insert rather than collected: `collect` sorts its input first
    // (size: see `crate::small`).
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
    let mut issues = Issues::new();
    let criteria_count = criteria.len();
    check_counts(
        options,
        criteria_count,
        "give a count of at least 1",
        &mut issues,
    );
    check_criteria(criteria, &mut issues);
    let shaped = criteria_count > 0 && options.checked_mul(criteria_count) == Some(values.len());
    if !shaped {
        shape_issue(values.len(), options, criteria_count, &mut issues);
    }
    let (weights, scores) = checked_scores(values, criteria, method, weights, shaped, issues)?;
    Ok(ValueRanking {
        weights,
        order: order(&scores),
        scores,
    })
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
    let mut issues = Issues::new();
    let criteria_count = weights.len();
    check_counts(
        options,
        criteria_count,
        "give a count of at least 1",
        &mut issues,
    );
    let valid = check_columns(weights, directions, &mut issues);
    let shaped = criteria_count > 0
        && directions.len() == criteria_count
        && options.checked_mul(criteria_count) == Some(values.len());
    if !shaped && directions.len() == criteria_count {
        shape_issue(values.len(), options, criteria_count, &mut issues);
    }
    let mut weight_issues = Issues::new();
    if valid && criteria_count > 0 && !weights.iter().any(|w| *w > 0.0) {
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
