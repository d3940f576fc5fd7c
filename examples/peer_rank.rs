//! Native timing of `rank` for the peer comparison (`make bench-peer`,
//! benches/peer/). Reads a matrix written by benches/peer/run.mjs, times only
//! the ranking call, and prints one JSON line; the scores of the last run go
//! to OUT (little-endian f64, option order) for the agreement check.
//!
//! The call is `stack_advisor::rank::rank_columns` on the flat row-major
//! values with the criteria by position (weights and directions): the same
//! core path as the wasm build's bulk form (`options` a count, `values` a
//! Float64Array, `criteria: {weights, cost}`), validation, scoring and
//! ranking included.
//!
//!   cargo run --release --example peer_rank -- DIR NAME METHOD RUNS WARMUP OUT
//!
//! DIR/NAME.json holds `{"rows", "cols", "weights": [...], "cost": [...]}`;
//! DIR/NAME.f64 the values, row-major little-endian f64.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    if let Err(message) = run() {
        eprintln!("peer_rank: {message}");
        std::process::exit(2);
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn run() -> Result<(), String> {
    use stack_advisor::model::Direction;
    use stack_advisor::rank::{rank_columns, Method};
    use std::hint::black_box;
    use std::time::Instant;

    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dir, name, method, runs, warmup, out] = args.as_slice() else {
        return Err("usage: peer_rank DIR NAME METHOD RUNS WARMUP OUT".into());
    };
    let method = Method::parse(method).ok_or("METHOD is wsm or topsis")?;
    let runs: usize = runs.parse().map_err(|_| "RUNS is a number")?;
    let warmup: usize = warmup.parse().map_err(|_| "WARMUP is a number")?;
    let dir = std::path::Path::new(dir);

    let meta_text =
        std::fs::read_to_string(dir.join(format!("{name}.json"))).map_err(|e| e.to_string())?;
    let meta: serde_json::Value = serde_json::from_str(&meta_text).map_err(|e| e.to_string())?;
    let rows = meta["rows"].as_u64().ok_or("rows")? as usize;
    let cols = meta["cols"].as_u64().ok_or("cols")? as usize;
    let weights = meta["weights"].as_array().ok_or("weights")?;
    let cost = meta["cost"].as_array().ok_or("cost")?;
    let bytes = std::fs::read(dir.join(format!("{name}.f64"))).map_err(|e| e.to_string())?;
    if bytes.len() != rows * cols * 8 || weights.len() != cols || cost.len() != cols {
        return Err("the matrix files do not match their sizes".into());
    }
    let flat: Vec<f64> = bytes
        .chunks_exact(8)
        .map(|b| f64::from_le_bytes(b.try_into().unwrap_or([0; 8])))
        .collect();
    let directions: Vec<Direction> = cost
        .iter()
        .map(|c| {
            if c.as_bool() == Some(true) {
                Direction::Cost
            } else {
                Direction::Benefit
            }
        })
        .collect();
    let weights: Vec<f64> = weights.iter().map(|w| w.as_f64().unwrap_or(1.0)).collect();

    let mut times_ms = Vec::with_capacity(runs);
    let mut last = None;
    for i in 0..warmup + runs {
        let start = Instant::now();
        let result = rank_columns(black_box(&flat), rows, &weights, &directions, method)
            .map_err(|e| e.to_string())?;
        let elapsed = start.elapsed().as_secs_f64() * 1e3;
        if i >= warmup {
            times_ms.push(elapsed);
        }
        last = Some(result);
    }
    let ranking = last.ok_or("RUNS + WARMUP must be at least 1")?;
    let mut scores = Vec::with_capacity(rows * 8);
    for score in &ranking.scores {
        scores.extend_from_slice(&score.to_le_bytes());
    }
    std::fs::write(out, scores).map_err(|e| e.to_string())?;

    let list: Vec<String> = times_ms.iter().map(|t| format!("{t:.6}")).collect();
    println!("{{\"times_ms\":[{}]}}", list.join(","));
    Ok(())
}

#[cfg(target_arch = "wasm32")]
fn main() {}
