//! The scoring formulas: the weighted sum and TOPSIS, on rows of values
//! (the public forms) and on one flat row-major slice (what the ranking
//! functions score, through the SIMD [`kernel`](super::kernel)). Their exact
//! normalisation is documented in `docs/matrix-format.md` ("Scoring formulas").

use super::kernel;
use crate::limits::ANCHOR_MAX;
use crate::model::Direction;
use crate::score::{self, Table};

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
                Direction::Cost => ANCHOR_MAX - x,
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
    let criteria_count = directions.len();
    let mut flat = Vec::with_capacity(values.len() * criteria_count);
    for row in values {
        for c in 0..criteria_count {
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
pub(super) fn wsm_values(
    values: &[f64],
    directions: &[Direction],
    weights: &[f64],
) -> (Vec<f64>, bool) {
    let criteria_count = directions.len().max(1);
    let total: f64 = weights.iter().sum();
    let mut base = 0.0;
    let mut k = Vec::with_capacity(criteria_count);
    for (direction, w) in directions.iter().zip(weights) {
        let share = if total > 0.0 {
            ANCHOR_MAX * w / total
        } else {
            0.0
        };
        k.push(match direction {
            Direction::Benefit => share,
            Direction::Cost => {
                base += share * ANCHOR_MAX;
                -share
            }
        });
    }
    let mut scores = vec![0.0; values.len() / criteria_count];
    let valid = kernel::weighted_sums(values, criteria_count, &k, base, &mut scores);
    (scores, valid)
}

/// TOPSIS on flat values (see [`topsis_scores`] for the method): one pass
/// for each column's largest and smallest values and Σ x² (which also tells
/// whether every value is finite and ≥ 0, returned with the scores), one
/// for the distances.
///
/// `v_ij = (x_ij · scale_j) · per_norm_j`, with `per_norm_j = share_j /
/// norm_j`. `scale_j` is 1
/// for a column whose largest value is within 2^±500 (Σ x² can neither
/// overflow nor lose the column to underflow); otherwise it is the power of
/// two that brings the largest value near 1 (exact), and the column's norm
/// is computed again from the scaled values: 1e300 or 5e-324 counts like
/// any other unit. The ideal and anti-ideal are the largest and smallest
/// `x` taken through the same two products, so the best option's distance
/// is exactly 0.
pub(super) fn topsis_values(
    values: &[f64],
    directions: &[Direction],
    weights: &[f64],
) -> (Vec<f64>, bool) {
    let criteria_count = directions.len().max(1);
    let total: f64 = weights.iter().sum();
    let (mut hi, mut lo, mut squares) = (
        vec![f64::NEG_INFINITY; criteria_count],
        vec![f64::INFINITY; criteria_count],
        vec![0.0; criteria_count],
    );
    for row in values.chunks_exact(criteria_count) {
        kernel::column_stats(row, &mut hi, &mut lo, &mut squares);
    }
    let mut columns = kernel::Columns {
        scale: Vec::with_capacity(criteria_count),
        weight_per_norm: Vec::with_capacity(criteria_count),
        ideal: Vec::with_capacity(criteria_count),
        anti: Vec::with_capacity(criteria_count),
    };
    let mut valid = true;
    for (c, direction) in directions.iter().enumerate() {
        let (top, bottom, sum) = (hi[c], lo[c], squares[c]);
        // A NaN never becomes the largest or smallest value, but makes Σ x² NaN.
        valid &= bottom >= 0.0 && top <= f64::MAX && !sum.is_nan();
        // The largest |x| (values may be negative outside `rank`).
        let big = top.max(-bottom);
        let tame = (TAME_LOW..=TAME_HIGH).contains(&big) && sum.is_finite();
        let (scale, norm) = if big == 0.0 || !big.is_finite() {
            (1.0, 0.0)
        } else if tame {
            (1.0, sum.sqrt())
        } else {
            // 2^-e, e the exponent of `big` (clamped to the normal range).
            let biased = (big.to_bits() >> 52) as i64;
            let scale = f64::from_bits(((2046 - biased).clamp(1, 2046) as u64) << 52);
            let mut sum = 0.0;
            let mut i = c;
            while let Some(x) = values.get(i) {
                sum += (x * scale) * (x * scale);
                i += criteria_count;
            }
            (scale, sum.sqrt())
        };
        let w = weights.get(c).copied().unwrap_or(0.0);
        let share = if total > 0.0 { w / total } else { 0.0 };
        let per_norm = if norm > 0.0 { share / norm } else { 0.0 };
        let (high, low) = if per_norm > 0.0 {
            ((top * scale) * per_norm, (bottom * scale) * per_norm)
        } else {
            (0.0, 0.0)
        };
        let (ideal, anti) = match direction {
            Direction::Benefit => (high, low),
            Direction::Cost => (low, high),
        };
        columns.scale.push(scale);
        columns.weight_per_norm.push(per_norm);
        columns.ideal.push(ideal);
        columns.anti.push(anti);
    }
    let mut scores = Vec::with_capacity(values.len() / criteria_count);
    for row in values.chunks_exact(criteria_count) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use Direction::{Benefit, Cost};

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
