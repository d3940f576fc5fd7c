//! A test matrix shared by the native `rank` tests (`tests/rank.rs`) and the
//! wasm ones (`tests/wasm/mcda.rs`), so that both check the same numbers.

/// A deterministic matrix in 0..10 (xorshift), row-major.
pub fn flat_matrix(rows: usize, columns: usize, seed: u64) -> Vec<f64> {
    let mut state = seed;
    (0..rows * columns)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % 10_001) as f64 / 1000.0
        })
        .collect()
}
