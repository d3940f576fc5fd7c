//! Criterion weights from pairwise comparisons: Saaty's Analytic Hierarchy
//! Process (AHP).
//!
//! A reader (or an author) says, for each pair of criteria, how much more
//! one matters than the other on Saaty's 1–9 scale; `a_ij` is that ratio
//! and `a_ji = 1 / a_ij`. The weights are the principal eigenvector of the
//! matrix (found by power iteration), reported with the geometric-mean
//! alternative, λmax, the consistency index `CI = (λmax − n)/(n − 1)` and the
//! consistency ratio `CR = CI / RI` with Saaty's random index [`RANDOM_INDEX`].
//! A CR above 0.10 is, by Saaty's rule, too inconsistent to trust.

use crate::error::{Error, Issue, Issues, Path};
use serde::Serialize;

// Its public path before `crate::limits` held it.
#[doc(no_inline)]
pub use crate::limits::MAX_AHP_SIZE;
/// Largest ratio of Saaty's 1–9 scale ("extreme importance"); not the 0–10
/// anchor scale of scores ([`crate::limits::ANCHOR_MAX`]).
pub const SAATY_MAX: f64 = 9.0;
/// How far `a_ij · a_ji` may be from 1 and `a_ii` from 1 (relative): three
/// decimals suffice (`0.333` for 1/3, `0.143` for 1/7), two do not.
pub const RECIPROCAL_TOLERANCE: f64 = 0.005;
/// Saaty's threshold: a consistency ratio above it is reported as inconsistent.
pub const CONSISTENCY_THRESHOLD: f64 = 0.10;

/// Saaty's random index RI for n = 1…15: the mean consistency index of
/// random reciprocal matrices on the 1–9 scale.
///
/// Source: T. L. Saaty, *The Analytic Hierarchy Process*, McGraw-Hill, 1980
/// (the values for n ≤ 10 are repeated in Saaty, "How to make a decision:
/// the analytic hierarchy process", *European Journal of Operational
/// Research* 48 (1990) 9–26). Later simulations (e.g. Saaty 2005, or Donegan
/// & Dodd 1991) give slightly different values; this table is the one the
/// published examples in `tests/ahp.rs` use.
pub const RANDOM_INDEX: [f64; MAX_AHP_SIZE] = [
    0.0, 0.0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59,
];

/// When power iteration stops.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PowerIteration {
    /// Stop when no weight moves by more than this between two iterations.
    pub tolerance: f64,
    /// Give up (an error) after this many iterations.
    pub max_iterations: u32,
}

impl Default for PowerIteration {
    fn default() -> Self {
        PowerIteration {
            tolerance: 1e-12,
            max_iterations: 1_000,
        }
    }
}

/// Weights and consistency of a pairwise comparison matrix.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AhpWeights {
    /// The principal eigenvector, normalised to sum to 1 (Saaty's weights).
    pub weights: Vec<f64>,
    /// Row geometric means, normalised to sum to 1 (the logarithmic least
    /// squares weights; equal to `weights` for a consistent matrix).
    pub geometric_mean_weights: Vec<f64>,
    /// The principal eigenvalue λmax (≥ n; = n exactly when consistent).
    pub lambda_max: f64,
    /// CI = (λmax − n) / (n − 1); 0 for n ≤ 2.
    pub consistency_index: f64,
    /// Saaty's RI for this n ([`RANDOM_INDEX`]).
    pub random_index: f64,
    /// CR = CI / RI; 0 for n ≤ 2 (every 1×1 and 2×2 reciprocal matrix is consistent).
    pub consistency_ratio: f64,
    /// CR ≤ 0.10.
    pub consistent: bool,
    /// Power iterations until the weights settled.
    pub iterations: u32,
}

/// Weights from a pairwise comparison matrix, with the default
/// [`PowerIteration`] settings.
///
/// # Arguments
/// * `pairwise` — an n×n matrix (1 ≤ n ≤ 15), `pairwise[i][j]` = how many
///   times criterion i matters more than j, from 1/9 to 9; `pairwise[i][i] = 1`
///   and `pairwise[j][i] = 1 / pairwise[i][j]`.
///
/// # Returns
/// Eigenvector and geometric-mean weights, λmax, CI, RI, CR, whether CR ≤ 0.10,
/// and the number of iterations.
///
/// # Errors
/// [`Error::InvalidInput`] with every problem found (not square, a value
/// off the 1/9–9 scale, a diagonal other than 1, a pair that is not
/// reciprocal), or when power iteration does not converge.
///
/// # Example
/// ```
/// use stack_advisor::ahp::ahp_weights;
/// // Speed matters 3× as much as price; consistent, so CR = 0.
/// let r = ahp_weights(&[vec![1.0, 3.0], vec![1.0 / 3.0, 1.0]]).unwrap();
/// assert!((r.weights[0] - 0.75).abs() < 1e-12);
/// assert_eq!(r.consistency_ratio, 0.0);
/// assert!(r.consistent);
/// ```
pub fn ahp_weights(pairwise: &[Vec<f64>]) -> Result<AhpWeights, Error> {
    ahp_weights_with(pairwise, PowerIteration::default())
}

/// [`ahp_weights`] with explicit power-iteration settings.
///
/// # Errors
/// As [`ahp_weights`]; non-convergence names the iterations tried.
pub fn ahp_weights_with(
    pairwise: &[Vec<f64>],
    settings: PowerIteration,
) -> Result<AhpWeights, Error> {
    check(pairwise).finish(Error::InvalidInput)?;
    let n = pairwise.len();
    let (weights, iterations) = principal_eigenvector(pairwise, settings)?;
    // Σ_i (A·w)_i = λ·Σ_i w_i = λ, as the weights sum to 1.
    let lambda_max: f64 = (0..n).map(|i| row_times(pairwise, i, &weights)).sum();
    let random_index = RANDOM_INDEX.get(n - 1).copied().unwrap_or(0.0);
    // λmax ≥ n for a positive reciprocal matrix; rounding may land a hair below.
    let consistency_index = if n > 2 {
        ((lambda_max - n as f64) / (n as f64 - 1.0)).max(0.0)
    } else {
        0.0
    };
    let consistency_ratio = if random_index > 0.0 {
        consistency_index / random_index
    } else {
        0.0
    };
    Ok(AhpWeights {
        weights,
        geometric_mean_weights: geometric_means(pairwise),
        lambda_max,
        consistency_index,
        random_index,
        consistency_ratio,
        consistent: consistency_ratio <= CONSISTENCY_THRESHOLD,
        iterations,
    })
}

/// Every problem of the matrix, each at its `pairwise[i][j]` path.
fn check(pairwise: &[Vec<f64>]) -> Issues {
    let n = pairwise.len();
    let mut issues = Issues::new();
    if n == 0 {
        issues.push(
            "pairwise",
            "the matrix is empty",
            "give one row per criterion, e.g. [[1, 3], [0.3333, 1]]",
        );
        return issues;
    }
    if n > MAX_AHP_SIZE {
        issues.push(
            "pairwise",
            format!("{n} criteria is more than the limit of {MAX_AHP_SIZE}"),
            format!("compare at most {MAX_AHP_SIZE} criteria, e.g. in groups"),
        );
        return issues;
    }
    let tol = RECIPROCAL_TOLERANCE;
    let rows = Path::root("pairwise");
    for (i, row) in pairwise.iter().enumerate() {
        if row.len() != n {
            issues.push(
                rows.index(i),
                format!("{} values in a row of a {n}×{n} matrix", row.len()),
                "the matrix must be square: one value per criterion in every row",
            );
            continue;
        }
        let row_at = rows.index(i);
        for (j, &a) in row.iter().enumerate() {
            let path = row_at.index(j);
            if !a.is_finite() || a * SAATY_MAX < 1.0 - tol || a > SAATY_MAX * (1.0 + tol) {
                issues.push(
                    path,
                    "a comparison must be a number from 1/9 to 9",
                    "use Saaty's scale: 1 equal, 3 moderate, 5 strong, 7 very strong, 9 extreme (or their reciprocals)",
                );
            } else if i == j && (a - 1.0).abs() > tol {
                issues.push(
                    path,
                    "a criterion compared with itself must be 1",
                    "put 1 on the diagonal",
                );
            } else if j < i {
                let mirror = pairwise.get(j).and_then(|r| r.get(i)).copied();
                if let Some(b) = mirror.filter(|b| b.is_finite() && *b > 0.0) {
                    if (a * b - 1.0).abs() > tol {
                        issues.push(
                            path,
                            format!("not the reciprocal of pairwise[{j}][{i}]"),
                            "pairwise[j][i] must be 1 / pairwise[i][j], written with at least three decimals (0.333 for 1/3)",
                        );
                    }
                }
            }
        }
    }
    issues
}

/// Σ_j a_ij · x_j.
fn row_times(pairwise: &[Vec<f64>], i: usize, x: &[f64]) -> f64 {
    pairwise
        .get(i)
        .map(|row| row.iter().zip(x).map(|(a, x)| a * x).sum())
        .unwrap_or(0.0)
}

/// Power iteration `x ← A·x / Σ(A·x)` from the uniform vector; converges for
/// every positive matrix (Perron–Frobenius), at the rate |λ₂/λmax|.
fn principal_eigenvector(
    pairwise: &[Vec<f64>],
    settings: PowerIteration,
) -> Result<(Vec<f64>, u32), Error> {
    let n = pairwise.len();
    let mut x = vec![1.0 / n as f64; n];
    for iteration in 1..=settings.max_iterations {
        let mut y = Vec::with_capacity(n);
        for i in 0..n {
            y.push(row_times(pairwise, i, &x));
        }
        let sum: f64 = y.iter().sum();
        if !(sum.is_finite() && sum > 0.0) {
            break;
        }
        y.iter_mut().for_each(|v| *v /= sum);
        let mut moved = 0.0;
        for (a, b) in y.iter().zip(&x) {
            moved = f64::max(moved, (a - b).abs());
        }
        x = y;
        if moved <= settings.tolerance {
            return Ok((x, iteration));
        }
    }
    Err(Error::InvalidInput(vec![Issue::new(
        "pairwise",
        format!(
            "power iteration did not converge within {} iterations",
            settings.max_iterations
        ),
        "check the matrix for extreme or contradictory judgments",
    )]))
}

/// Row geometric means (computed through logarithms, so 15 factors of 9
/// cannot overflow), normalised to sum to 1.
fn geometric_means(pairwise: &[Vec<f64>]) -> Vec<f64> {
    let n = pairwise.len() as f64;
    let mut means = Vec::with_capacity(pairwise.len());
    for row in pairwise {
        means.push((row.iter().map(|a| a.ln()).sum::<f64>() / n).exp());
    }
    let total: f64 = means.iter().sum();
    for g in &mut means {
        *g /= total;
    }
    means
}
