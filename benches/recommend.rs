//! Native benchmark of `recommend` on the default matrix (flip points and
//! 2,000 Monte Carlo samples included). Run with `make bench`.

#[cfg(not(target_arch = "wasm32"))]
use criterion::{criterion_group, criterion_main, Criterion};
#[cfg(not(target_arch = "wasm32"))]
use std::hint::black_box;

#[cfg(not(target_arch = "wasm32"))]
fn bench_recommend(c: &mut Criterion) {
    let matrix = stack_advisor::default_matrix();
    let profiles = [
        ("no answers", "{}"),
        (
            "realtime + javascript",
            r#"{"project":"realtime","team":"javascript"}"#,
        ),
        (
            "ai-ml + realtime need",
            r#"{"project":"ai-ml","needs":["realtime","ai"],"priorities":{"performance":4}}"#,
        ),
    ];
    for (name, text) in profiles {
        let answers = stack_advisor::json::parse_answers(text).unwrap_or_default();
        c.bench_function(&format!("recommend/{name}"), |b| {
            b.iter(|| stack_advisor::recommend(black_box(&matrix), black_box(&answers)))
        });
    }
    let json = stack_advisor::DEFAULT_MATRIX_JSON;
    c.bench_function("parse+validate default matrix", |b| {
        b.iter(|| {
            stack_advisor::json::parse_matrix(black_box(json))
                .map(|m| stack_advisor::validate(&m).is_ok())
        })
    });
}

/// A deterministic options × criteria matrix (every fifth criterion a cost).
#[cfg(not(target_arch = "wasm32"))]
fn synthetic(options: usize, criteria: usize) -> stack_advisor::rank::RankInput {
    use stack_advisor::model::Direction;
    use stack_advisor::rank::{RankCriterion, RankInput};
    let mut rng = stack_advisor::uncertainty::SplitMix64::new(7);
    RankInput {
        options: (0..options).map(|o| format!("o{o}")).collect(),
        criteria: (0..criteria)
            .map(|c| RankCriterion {
                id: format!("c{c}"),
                direction: if c % 5 == 4 {
                    Direction::Cost
                } else {
                    Direction::Benefit
                },
                weight: 1.0 + (c % 3) as f64,
            })
            .collect(),
        values: (0..options)
            .map(|_| (0..criteria).map(|_| 10.0 * rng.next_f64()).collect())
            .collect(),
    }
}

/// `rank` by weighted sum and TOPSIS; the sizes show how time grows with cells.
#[cfg(not(target_arch = "wasm32"))]
fn bench_rank(c: &mut Criterion) {
    use stack_advisor::rank::{rank, Method};
    let mut group = c.benchmark_group("rank");
    group.sample_size(20);
    for (options, criteria) in [(100, 50), (1_000, 50), (10_000, 100)] {
        let input = synthetic(options, criteria);
        for method in [Method::Wsm, Method::Topsis] {
            let name = format!("{} {options}x{criteria}", method.as_str());
            group.bench_function(&name, |b| b.iter(|| rank(black_box(&input), method, None)));
        }
    }
    group.finish();
}

#[cfg(not(target_arch = "wasm32"))]
criterion_group!(benches, bench_recommend, bench_rank);
#[cfg(not(target_arch = "wasm32"))]
criterion_main!(benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
