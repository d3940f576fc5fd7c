//! Checks shared by the targets: what every successful result must satisfy.
//! A broken check aborts the run like a panic would, with the input saved.

use stack_advisor::{Matrix, Recommendation};

/// A recommendation for `matrix` is internally consistent: every option is
/// ranked once, the numbers are finite and the win probabilities sum to 1.
#[allow(dead_code)]
pub fn check_recommendation(matrix: &Matrix, r: &Recommendation) {
    assert_eq!(r.ranking.len(), matrix.options.len(), "ranking length");
    for o in &matrix.options {
        assert!(r.ranking.contains(&o.id), "option {} not ranked", o.id);
    }
    assert!(
        r.verdict == "hybrid" || matrix.options.iter().any(|o| o.id == r.verdict),
        "verdict {} is no option",
        r.verdict
    );
    assert!(
        r.margin.is_finite() && r.margin >= 0.0,
        "margin {}",
        r.margin
    );
    for (id, s) in &r.scores {
        assert!(s.is_finite(), "score of {id} is {s}");
    }
    let total: f64 = r.win_probability.values().sum();
    assert!(
        (total - 1.0).abs() < 1e-6,
        "win probabilities sum to {total}"
    );
    // Serializing (what the CLI prints) must not fail either.
    let _ = stack_advisor::json::to_pretty(r);
}

/// A ranking lists every option exactly once, with a finite score on the
/// method's scale.
#[allow(dead_code)]
pub fn check_ranking(options: &[String], r: &stack_advisor::rank::Ranking) {
    use stack_advisor::rank::Method;
    assert_eq!(r.ranking.len(), options.len(), "ranking length");
    let mut sorted = r.ranking.clone();
    sorted.sort();
    let mut expected = options.to_vec();
    expected.sort();
    assert_eq!(
        sorted, expected,
        "the ranking is a permutation of the options"
    );
    let top = match r.method {
        Method::Wsm => 100.0,
        Method::Topsis => 1.0,
    };
    for (id, s) in &r.scores {
        assert!(
            s.is_finite() && *s >= -1e-9 && *s <= top + 1e-9,
            "score of {id} is {s}"
        );
    }
}

/// AHP weights: one per criterion, finite, ≥ 0, summing to 1; CR finite ≥ 0.
#[allow(dead_code)]
pub fn check_ahp(pairwise: &[Vec<f64>], r: &stack_advisor::ahp::AhpWeights) {
    assert_eq!(r.weights.len(), pairwise.len());
    assert_eq!(r.geometric_mean_weights.len(), pairwise.len());
    for w in r.weights.iter().chain(&r.geometric_mean_weights) {
        assert!(w.is_finite() && *w >= 0.0, "weight {w}");
    }
    let sum: f64 = r.weights.iter().sum();
    assert!((sum - 1.0).abs() < 1e-9, "weights sum to {sum}");
    assert!(
        r.consistency_ratio.is_finite() && r.consistency_ratio >= 0.0,
        "CR {}",
        r.consistency_ratio
    );
    assert!(r.lambda_max.is_finite(), "lambda_max {}", r.lambda_max);
}

/// True when FUZZ_PRINT is set: targets that build their input then print
/// it (Debug), to turn a crash into a regression test.
#[allow(dead_code)]
pub fn print_inputs() -> bool {
    static PRINT: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *PRINT.get_or_init(|| std::env::var_os("FUZZ_PRINT").is_some())
}
