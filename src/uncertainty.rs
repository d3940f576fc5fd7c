//! Win probability: a seeded Monte Carlo over each score's `low`..`high`
//! range (triangular, peaked at the most plausible value). Deterministic for
//! the same input.

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

/// A draw from the triangular distribution on `low..=high` peaked at `mode`.
pub fn triangular(u: f64, low: f64, mode: f64, high: f64) -> f64 {
    let span = high - low;
    if span <= 0.0 {
        return mode;
    }
    let split = (mode - low) / span;
    if u < split {
        low + (u * span * (mode - low)).sqrt()
    } else {
        high - ((1.0 - u) * span * (high - mode)).sqrt()
    }
}

/// One uncertain score with its triangular distribution precomputed.
struct Cell {
    index: usize,
    low: f64,
    high: f64,
    /// The CDF value at the mode.
    split: f64,
    /// `(high - low) * (mode - low)` and `(high - low) * (high - mode)`.
    rise: f64,
    fall: f64,
}

impl Cell {
    fn new(index: usize, low: f64, mode: f64, high: f64) -> Option<Cell> {
        let span = high - low;
        (span > 0.0).then(|| Cell {
            index,
            low,
            high,
            split: (mode - low) / span,
            rise: span * (mode - low),
            fall: span * (high - mode),
        })
    }

    /// The same draw as [`triangular`], without its divisions.
    #[inline(always)]
    fn sample(&self, u: f64) -> f64 {
        if u < self.split {
            self.low + (u * self.rise).sqrt()
        } else {
            self.high - ((1.0 - u) * self.fall).sqrt()
        }
    }
}

/// Most score draws one call may make (about 0.1 s natively); larger
/// requests get fewer samples, and the result says how many were drawn.
pub const MAX_DRAWS: u64 = 10_000_000;

/// The number of samples to draw: `requested`, unless that would take more
/// than [`MAX_DRAWS`] draws over `cells` scores (at least 1).
pub fn affordable_samples(requested: u32, cells: usize) -> u32 {
    let per_sample = (cells as u64).max(1);
    let cap = (MAX_DRAWS / per_sample).clamp(1, u64::from(u32::MAX)) as u32;
    requested.min(cap).max(1)
}

/// The share of samples in which each option leads (ties split evenly).
/// The shares sum to 1. The loop allocates nothing per sample.
pub fn win_probability(
    table: &Table,
    weights: &[f64],
    bonus: &[f64],
    samples: u32,
    seed: u32,
) -> Vec<f64> {
    let mut rng = SplitMix64::new(u64::from(seed));
    let total: f64 = weights.iter().sum();
    let mut wins = vec![0.0; table.options];
    let mut draw = table.value.clone();
    let mut effective = vec![0.0; table.options];
    // Only cells whose criterion carries weight and whose score has a range
    // need sampling; their triangular parameters are computed once.
    let mut uncertain: Vec<Cell> = Vec::new();
    for (i, ((&low, &value), &high)) in table
        .low
        .iter()
        .zip(&table.value)
        .zip(&table.high)
        .enumerate()
    {
        let weighted = weights
            .get(i % table.criteria.max(1))
            .is_some_and(|w| *w > 0.0);
        if let Some(cell) = Cell::new(i, low, value, high).filter(|_| weighted) {
            uncertain.push(cell);
        }
    }
    for _ in 0..samples {
        for cell in &uncertain {
            if let Some(slot) = draw.get_mut(cell.index) {
                *slot = cell.sample(rng.next_f64());
            }
        }
        let mut best = f64::MIN;
        let mut tied = 0usize;
        for (o, e) in effective.iter_mut().enumerate() {
            let row = draw
                .get(o * table.criteria..(o + 1) * table.criteria)
                .unwrap_or(&[]);
            let sum: f64 = row.iter().zip(weights).map(|(u, w)| u * w).sum();
            *e = if total > 0.0 { 10.0 * sum / total } else { 0.0 }
                + bonus.get(o).copied().unwrap_or(0.0);
            if *e > best {
                (best, tied) = (*e, 1);
            } else if *e == best {
                tied += 1;
            }
        }
        let share = 1.0 / tied.max(1) as f64;
        for (w, e) in wins.iter_mut().zip(&effective) {
            if *e == best {
                *w += share;
            }
        }
    }
    let n = f64::from(samples.max(1));
    for w in &mut wins {
        *w /= n;
    }
    wins
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn triangular_stays_in_range_and_hits_mode() {
        assert_eq!(triangular(0.3, 5.0, 5.0, 5.0), 5.0);
        for k in 0..=100 {
            let x = triangular(k as f64 / 100.0, 2.0, 7.0, 9.0);
            assert!((2.0..=9.0).contains(&x), "{x}");
        }
        assert!((triangular(5.0 / 7.0, 2.0, 7.0, 9.0) - 7.0).abs() < 1e-12);
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
