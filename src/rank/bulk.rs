//! The bulk form of a numeric matrix, as programs that hold their values in
//! one flat row-major array give it (the wasm build's `Float64Array`s):
//! rows by position, criteria listed or by position, and the checks of the
//! parts that form has and [`RankInput`](super::RankInput) has not (a count
//! of options given as a number, flat values of rows with ids).

use super::{rank_columns, rank_values, Method, RankCriterion, ValueRanking};
use crate::error::{Error, Issue};
use crate::limits::{MAX_RANK_OPTIONS, OPTION_COUNT_RANGE};
use crate::map::Map;
use crate::model::Direction;

/// The criteria of the bulk form: objects with ids, or by position.
#[derive(Debug, Clone, PartialEq)]
pub enum BulkCriteria {
    /// Criteria with ids, directions and default weights.
    Listed(Vec<RankCriterion>),
    /// A weight and a direction per column, no ids.
    Columns {
        /// One weight ≥ 0 per column.
        weights: Vec<f64>,
        /// One direction per column.
        directions: Vec<Direction>,
    },
}

/// Ranks the bulk form: [`rank_values`] for listed criteria,
/// [`rank_columns`] for criteria by position.
///
/// # Errors
/// As those two; and [`Error::InvalidInput`] at `weights` when criteria by
/// position come with `weights`, which have no ids to name (their weights
/// are in the criteria themselves).
pub fn rank_bulk(
    values: &[f64],
    options: usize,
    criteria: &BulkCriteria,
    method: Method,
    weights: Option<&Map<f64>>,
) -> Result<ValueRanking, Error> {
    match criteria {
        BulkCriteria::Listed(criteria) => rank_values(values, options, criteria, method, weights),
        BulkCriteria::Columns { .. } if weights.is_some_and(|w| !w.is_empty()) => {
            Err(Error::InvalidInput(vec![Issue::new(
                "weights",
                "criteria given by position have no ids for weights to name",
                "put the weights in criteria.weights instead",
            )]))
        }
        BulkCriteria::Columns {
            weights,
            directions,
        } => rank_columns(values, options, weights, directions, method),
    }
}

/// A count of options given as a number (`options: 10000`): a whole number
/// from 0 to [`MAX_RANK_OPTIONS`] (0 is reported by the ranking itself).
///
/// # Errors
/// [`Error::InvalidInput`] at `options` for any other number.
pub fn option_count(n: f64) -> Result<usize, Error> {
    if n.fract() == 0.0 && (0.0..=MAX_RANK_OPTIONS as f64).contains(&n) {
        Ok(n as usize)
    } else {
        Err(Error::InvalidInput(vec![Issue::new(
            "options",
            OPTION_COUNT_RANGE,
            "pass the number of rows (or an array of option ids); rank more in batches",
        )]))
    }
}

/// Flat row-major values (a `Float64Array` in JS) as `rows` rows of
/// `columns` values, for a matrix with option ids.
///
/// # Errors
/// [`Error::InvalidInput`] at `values` when there are not `rows × columns`
/// values (or no columns).
pub fn rows_from_flat(flat: &[f64], rows: usize, columns: usize) -> Result<Vec<Vec<f64>>, Error> {
    if columns == 0 || rows.checked_mul(columns) != Some(flat.len()) {
        return Err(Error::InvalidInput(vec![Issue::new(
            "values",
            format!(
                "a Float64Array of {} values for {rows} options × {columns} criteria",
                flat.len()
            ),
            "pass options.length × criteria.length values, row by row (option by option)",
        )]));
    }
    let mut out = Vec::with_capacity(rows);
    for row in flat.chunks(columns) {
        out.push(row.to_vec());
    }
    Ok(out)
}
