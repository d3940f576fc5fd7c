//! Win probability: a seeded Monte Carlo over each score's `low`..`high`
//! range and over the reader's weights (stochastic multicriteria
//! acceptability analysis). Deterministic for the same input.

use crate::answers::Resolved;
use crate::hybrid::HybridRules;
use crate::score::Table;

/// SplitMix64: a tiny, well-mixed generator; no `getrandom` in the wasm.
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    /// A generator started from `seed`.
    pub fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }

    /// The next 64 random bits.
    #[inline(always)]
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A uniform number in [0, 1).
    #[inline(always)]
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }
}

/// A draw from the symmetric triangular distribution on −1..1, made from
/// one random word: the difference of its two 32-bit halves read as uniform
/// numbers. 0 is the median and the mode; `−x` is exactly as likely as `x`,
/// which lets a mirrored sample reuse the draw. A score with value `v` and
/// reach `r` is drawn as `v + r·triangular(bits)`.
#[inline(always)]
pub fn triangular(bits: u64) -> f64 {
    const UNIT: f64 = 1.0 / 4_294_967_296.0;
    ((bits >> 32) as f64 - (bits & 0xffff_ffff) as f64) * UNIT
}

/// `x` if it is above 0, else 0 (also for NaN): what `f64::max(x, 0.0)`
/// gives, as a compare and select, where the wasm build calls a function
/// for `f64::max` (the instruction treats NaN differently). Hot in the
/// sampler's loop.
#[inline(always)]
fn non_negative(x: f64) -> f64 {
    if x > 0.0 {
        x
    } else {
        0.0
    }
}

/// One uncertain utility (an option's score on one criterion): its option,
/// and its reach times its criterion's stated weight.
struct Cell {
    option: usize,
    scale: f64,
}

// Its public path before `crate::limits` held it.
#[doc(no_inline)]
pub use crate::limits::MAX_DRAWS;

/// The number of samples to draw: `requested` rounded up to an even number
/// (samples come in antithetic pairs), unless that would take more than
/// [`MAX_DRAWS`] draws over `cells` scores (at least 2).
pub fn affordable_samples(requested: u32, cells: usize) -> u32 {
    let per_sample = (cells as u64).max(1);
    let cap = (MAX_DRAWS / per_sample).clamp(2, u64::from(u32::MAX - 1)) as u32;
    let wanted = requested.min(cap).max(2);
    let even = wanted + wanted % 2;
    if even > cap {
        even - 2
    } else {
        even
    }
}

/// What the samples say.
#[derive(Debug, Clone, PartialEq)]
pub struct Acceptability {
    /// Per option, the share of samples in which it has the top score
    /// (SMAA's rank-1 acceptability; ties split evenly). Sums to 1.
    pub wins: Vec<f64>,
    /// The share of samples in which `leader` scores above `runner_up`
    /// (ties count half).
    pub lead: f64,
    /// The share of samples in which a hybrid rule holds.
    pub hybrid: f64,
}

/// The inputs of [`acceptability`].
pub struct Inputs<'a> {
    pub table: &'a Table,
    pub resolved: &'a Resolved,
    /// Override-rule points per option.
    pub bonus: &'a [f64],
    pub hybrid: &'a HybridRules,
    pub leader: usize,
    pub runner_up: usize,
    pub samples: u32,
}

/// Stochastic multicriteria acceptability analysis (SMAA-2, Lahdelma and
/// Salminen 2001) over the evidence and the reader's weights.
///
/// Each sample draws every weight term around the answers (see
/// [`crate::answers::WeightTerm`]) and every score within its range
/// ([`triangular`]). Each option's score is then propagated to first
/// order: `S(w, x) ≈ S(w, x̄) + S(w̄, x) − S(w̄, x̄)`, which drops only the
/// product of a weight's and a score's deviations. The gap between two
/// options is then linear in the draws, and samples come in antithetic
/// pairs (every draw mirrored around its stated value), so with symmetric
/// ranges each pair's two gaps average exactly the stated gap: the option
/// with the higher stated score wins at least half of the samples, and the
/// probability on screen never contradicts the bars (docs/uncertainty.md).
pub fn acceptability(inputs: &Inputs<'_>, seed: u32) -> Acceptability {
    let Inputs {
        table,
        resolved,
        bonus,
        hybrid,
        leader,
        runner_up,
        samples,
    } = *inputs;
    let stated = &resolved.weights;
    let criteria = table.criteria;
    let mut rng = SplitMix64::new(u64::from(seed));
    let mut wins = vec![0.0; table.options];
    let (mut lead, mut hybrid_count) = (0.0, 0.0);

    // Only scores with a range under a weighted criterion are drawn. A
    // lopsided range counts as symmetric, as wide as its longer side: the
    // first-order gap then averages exactly the stated gap over each
    // antithetic pair (docs/uncertainty.md). A cell's deviation is
    // `reach × triangular(…)`, weighted by the stated weight.
    let mut cells: Vec<Cell> = Vec::new();
    for o in 0..table.options {
        for c in 0..criteria {
            let i = o * criteria + c;
            let (low, value, high) = (
                table.low.get(i).copied().unwrap_or(0.0),
                table.value.get(i).copied().unwrap_or(0.0),
                table.high.get(i).copied().unwrap_or(0.0),
            );
            let reach = f64::max(value - low, high - value);
            let w = stated.get(c).copied().unwrap_or(0.0);
            if reach > 0.0 && w > 0.0 {
                cells.push(Cell {
                    option: o,
                    scale: w * reach,
                });
            }
        }
    }
    // The weights at the centre of every term, before clamping at 0.
    // The weights at the centre of every term, before clamping at 0; a
    // weight the reader set exactly is its own centre and never moves.
    let mut centre = crate::answers::centre_sums(&resolved.terms, criteria);
    let fixed = |c: usize| resolved.fixed.get(c).copied().unwrap_or(false);
    for (c, w) in centre.iter_mut().enumerate() {
        if fixed(c) {
            *w = stated.get(c).copied().unwrap_or(0.0);
        }
    }
    // Each term as (spread, its parts on criteria that are drawn).
    let mut terms: Vec<(f64, Vec<(usize, f64)>)> = Vec::with_capacity(resolved.terms.len());
    for term in &resolved.terms {
        let mut parts = term.parts.clone();
        parts.retain(|(c, _)| !fixed(*c));
        terms.push((term.spread, parts));
    }
    let mut deviation = vec![0.0; criteria];
    let mut weights = vec![0.0; criteria];
    let mut shift = vec![0.0; table.options];
    let mut score = vec![0.0; table.options];
    let pairs = samples / 2;
    for _ in 0..pairs {
        // One draw per term and per cell; the pair's second sample mirrors
        // every draw around its centre.
        deviation.iter_mut().for_each(|d| *d = 0.0);
        for (spread, parts) in &terms {
            let x = spread * (2.0 * rng.next_f64() - 1.0);
            for &(c, amount) in parts {
                if let Some(d) = deviation.get_mut(c) {
                    *d += amount * x;
                }
            }
        }
        shift.iter_mut().for_each(|s| *s = 0.0);
        for cell in &cells {
            if let Some(s) = shift.get_mut(cell.option) {
                *s += cell.scale * triangular(rng.next_u64());
            }
        }
        for mirror in [1.0, -1.0] {
            let mut total = 0.0;
            for ((w, base), d) in weights.iter_mut().zip(&centre).zip(&deviation) {
                *w = non_negative(base + mirror * d);
                total += *w;
            }
            // Scores times the weight total (a positive factor shared by
            // every option, so comparisons need no division).
            let mut best = f64::MIN;
            let mut tied = 0usize;
            let rows = table.value.chunks(criteria.max(1));
            for (o, (s, row)) in score.iter_mut().zip(rows).enumerate() {
                let mut sum = 0.0;
                for (w, v) in weights.iter().zip(row) {
                    sum += w * v;
                }
                *s = 10.0 * (sum + mirror * shift.get(o).copied().unwrap_or(0.0))
                    + bonus.get(o).copied().unwrap_or(0.0) * total;
                if *s > best {
                    (best, tied) = (*s, 1);
                } else if *s == best {
                    tied += 1;
                }
            }
            let share = 1.0 / tied.max(1) as f64;
            let mut top = None;
            for (o, (w, s)) in wins.iter_mut().zip(&score).enumerate() {
                if *s == best {
                    *w += share;
                    top.get_or_insert(o);
                }
            }
            let (a, b) = (
                score.get(leader).copied().unwrap_or(0.0),
                score.get(runner_up).copied().unwrap_or(0.0),
            );
            lead += if a > b {
                1.0
            } else if a == b {
                0.5
            } else {
                0.0
            };
            if hybrid.holding(&weights, top.unwrap_or(leader)).is_some() {
                hybrid_count += 1.0;
            }
        }
    }
    let n = f64::from((pairs * 2).max(1));
    for w in &mut wins {
        *w /= n;
    }
    if leader == runner_up {
        lead = n;
    }
    Acceptability {
        wins,
        lead: lead / n,
        hybrid: hybrid_count / n,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn triangular_draws_are_symmetric_within_one_with_zero_as_median() {
        assert_eq!(triangular(0), 0.0);
        assert_eq!(triangular(0xffff_ffff_0000_0000), 0.999_999_999_767_169_4);
        assert_eq!(triangular(0x0000_0000_ffff_ffff), -0.999_999_999_767_169_4);
        let mut rng = SplitMix64::new(3);
        let n = 100_000;
        let draws: Vec<f64> = (0..n).map(|_| triangular(rng.next_u64())).collect();
        assert!(draws.iter().all(|x| (-1.0..1.0).contains(x)));
        let share =
            |f: &dyn Fn(f64) -> bool| draws.iter().filter(|x| f(**x)).count() as f64 / n as f64;
        // Median 0, and triangular: a quarter of the mass beyond ±0.5.
        assert!((share(&|x| x < 0.0) - 0.5).abs() < 0.01);
        assert!((share(&|x| x.abs() > 0.5) - 0.25).abs() < 0.01);
        assert!((share(&|x| x.abs() > 0.9) - 0.01).abs() < 0.002);
    }

    #[test]
    fn generator_is_deterministic_and_uniform_enough() {
        let mut a = SplitMix64::new(7);
        let mut b = SplitMix64::new(7);
        let xs: Vec<f64> = (0..10_000).map(|_| a.next_f64()).collect();
        assert!(xs
            .iter()
            .zip((0..10_000).map(|_| b.next_f64()))
            .all(|(x, y)| *x == y));
        let mean = xs.iter().sum::<f64>() / xs.len() as f64;
        assert!((mean - 0.5).abs() < 0.01, "mean {mean}");
        assert!(xs.iter().all(|x| (0.0..1.0).contains(x)));
    }
}
