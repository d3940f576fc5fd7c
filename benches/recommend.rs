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

#[cfg(not(target_arch = "wasm32"))]
criterion_group!(benches, bench_recommend);
#[cfg(not(target_arch = "wasm32"))]
criterion_main!(benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
