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

/// A draw at quantile `u` (0..1) of a score's distribution on `low..=high`
/// whose median is `value`: half the mass below the value, half above, each
/// half a linear ramp up to the value. With `value` in the middle of the
/// range this is the symmetric triangular distribution; with a lopsided
/// range the stated value stays the median (a triangular distribution
/// peaked at the value would move the median towards the longer side).
pub fn median_draw(u: f64, low: f64, value: f64, high: f64) -> f64 {
    if u < 0.5 {
        low + (value - low) * (2.0 * u).sqrt()
    } else {
        high - (high - value) * (2.0 * (1.0 - u)).sqrt()
    }
}

/// One uncertain utility (an option's score on one criterion).
struct Cell {
    option: usize,
    criterion: usize,
    low: f64,
    value: f64,
    high: f64,
}

/// Most score draws one call may make (about 0.1 s natively); larger
/// requests get fewer samples, and the result says how many were drawn.
pub const MAX_DRAWS: u64 = 10_000_000;

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
/// ([`median_draw`]). Each option's score is then propagated to first
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

    // Only scores with a range under a weighted criterion are drawn.
    let mut cells: Vec<Cell> = Vec::new();
    for o in 0..table.options {
        for c in 0..criteria {
            let i = o * criteria + c;
            let (low, value, high) = (
                table.low.get(i).copied().unwrap_or(0.0),
                table.value.get(i).copied().unwrap_or(0.0),
                table.high.get(i).copied().unwrap_or(0.0),
            );
            // A lopsided range counts as symmetric, as wide as its longer
            // side: the first-order gap then averages exactly the stated gap
            // over each antithetic pair (docs/uncertainty.md).
            let reach = f64::max(value - low, high - value);
            if reach > 0.0 && stated.get(c).is_some_and(|w| *w > 0.0) {
                cells.push(Cell {
                    option: o,
                    criterion: c,
                    low: value - reach,
                    value,
                    high: value + reach,
                });
            }
        }
    }
    let mut xi = vec![0.0; resolved.terms.len()];
    let mut u = vec![0.0; cells.len()];
    let mut weights = vec![0.0; criteria];
    let mut shift = vec![0.0; table.options];
    let mut score = vec![0.0; table.options];
    let pairs = samples / 2;
    for _ in 0..pairs {
        for x in &mut xi {
            *x = 2.0 * rng.next_f64() - 1.0;
        }
        for x in &mut u {
            *x = rng.next_f64();
        }
        for mirror in [1.0, -1.0] {
            // The weights drawn around the answers.
            weights.iter_mut().for_each(|w| *w = 0.0);
            for (term, x) in resolved.terms.iter().zip(&xi) {
                let factor = 1.0 + mirror * term.spread * x;
                for &(c, amount) in &term.parts {
                    if let Some(w) = weights.get_mut(c) {
                        *w += amount * factor;
                    }
                }
            }
            for (c, w) in weights.iter_mut().enumerate() {
                *w = if resolved.fixed.get(c).copied().unwrap_or(false) {
                    stated.get(c).copied().unwrap_or(0.0)
                } else {
                    w.max(0.0)
                };
            }
            let total: f64 = weights.iter().sum();
            // The scores' deviations, weighted by the stated weights.
            shift.iter_mut().for_each(|s| *s = 0.0);
            for (cell, &q) in cells.iter().zip(&u) {
                let q = if mirror > 0.0 { q } else { 1.0 - q };
                let drawn = median_draw(q, cell.low, cell.value, cell.high);
                if let Some(s) = shift.get_mut(cell.option) {
                    *s += stated.get(cell.criterion).copied().unwrap_or(0.0) * (drawn - cell.value);
                }
            }
            // Scores times the weight total (a positive factor shared by
            // every option, so comparisons need no division).
            let mut best = f64::MIN;
            let mut tied = 0usize;
            for (o, s) in score.iter_mut().enumerate() {
                let mut sum = 0.0;
                for (c, w) in weights.iter().enumerate() {
                    sum += w * table.at(&table.value, o, c);
                }
                *s = 10.0 * (sum + shift.get(o).copied().unwrap_or(0.0))
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
    fn median_draw_stays_in_range_with_the_value_as_median() {
        assert_eq!(median_draw(0.3, 5.0, 5.0, 5.0), 5.0);
        for k in 0..=100 {
            let x = median_draw(k as f64 / 100.0, 2.0, 7.0, 9.0);
            assert!((2.0..=9.0).contains(&x), "{x}");
        }
        assert_eq!(median_draw(0.5, 2.0, 7.0, 9.0), 7.0);
        assert_eq!(median_draw(0.0, 2.0, 7.0, 9.0), 2.0);
        assert!((median_draw(1.0, 2.0, 7.0, 9.0) - 9.0).abs() < 1e-12);
        // Below the median half the time, on a lopsided range too.
        let below = (0..10_000)
            .filter(|k| median_draw((*k as f64 + 0.5) / 10_000.0, 4.0, 5.0, 8.0) < 5.0)
            .count();
        assert_eq!(below, 5_000);
        // A symmetric range mirrors: the draws at u and 1 - u average the value.
        for k in 0..50 {
            let u = k as f64 / 100.0;
            let pair = median_draw(u, 3.0, 5.0, 7.0) + median_draw(1.0 - u, 3.0, 5.0, 7.0);
            assert!((pair - 10.0).abs() < 1e-12, "{u}");
        }
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
