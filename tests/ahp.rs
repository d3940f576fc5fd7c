//! AHP weights against Saaty's published examples, to the digits published,
//! and the behaviour on bad input.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::paths;
use stack_advisor::ahp::{
    ahp_weights, ahp_weights_with, PowerIteration, RANDOM_INDEX, RECIPROCAL_TOLERANCE, SAATY_MAX,
};
use stack_advisor::Error;

/// `x` rounded to `digits` decimals equals `published`.
fn assert_published(what: &str, x: f64, digits: i32, published: f64) {
    let scale = 10f64.powi(digits);
    let rounded = (x * scale).round() / scale;
    assert!(
        (rounded - published).abs() < 1e-9,
        "{what}: computed {x}, rounds to {rounded}, published {published}"
    );
}

fn assert_weights(what: &str, weights: &[f64], digits: i32, published: &[f64]) {
    assert_eq!(weights.len(), published.len(), "{what}");
    for (i, (w, p)) in weights.iter().zip(published).enumerate() {
        assert_published(&format!("{what}[{i}]"), *w, digits, *p);
    }
    assert!(
        (weights.iter().sum::<f64>() - 1.0).abs() < 1e-12,
        "{what} must sum to 1"
    );
}

/// Saaty, T. L. (1990), "How to make a decision: the analytic hierarchy
/// process", European Journal of Operational Research 48, 9–26: the house
/// example, pairwise comparisons of the eight criteria (size of house, bus
/// lines, neighbourhood, age, yard space, modern facilities, general
/// condition, financing). Published: priorities .173 .054 .188 .018 .031 .036
/// .167 .333, λmax = 9.669, C.I. = 0.238, C.R. = 0.169.
#[test]
fn saaty_1990_house_criteria() {
    let third = 1.0 / 3.0;
    let a = vec![
        vec![1.0, 5.0, 3.0, 7.0, 6.0, 6.0, third, 0.25],
        vec![0.2, 1.0, third, 5.0, 3.0, 3.0, 0.2, 1.0 / 7.0],
        vec![third, 3.0, 1.0, 6.0, 3.0, 4.0, 6.0, 0.2],
        vec![
            1.0 / 7.0,
            0.2,
            1.0 / 6.0,
            1.0,
            third,
            0.25,
            1.0 / 7.0,
            0.125,
        ],
        vec![1.0 / 6.0, third, third, 3.0, 1.0, 0.5, 0.2, 1.0 / 6.0],
        vec![1.0 / 6.0, third, 0.25, 4.0, 2.0, 1.0, 0.2, 1.0 / 6.0],
        vec![3.0, 5.0, 1.0 / 6.0, 7.0, 5.0, 5.0, 1.0, 0.5],
        vec![4.0, 7.0, 5.0, 8.0, 6.0, 6.0, 2.0, 1.0],
    ];
    let r = ahp_weights(&a).unwrap();
    assert_weights(
        "house",
        &r.weights,
        3,
        &[0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333],
    );
    assert_published("λmax", r.lambda_max, 3, 9.669);
    assert_published("C.I.", r.consistency_index, 3, 0.238);
    assert_published("C.R.", r.consistency_ratio, 3, 0.169);
    assert_eq!(r.random_index, 1.41);
    assert!(
        !r.consistent,
        "Saaty reports this matrix as inconsistent (C.R. > 0.10)"
    );
}

/// Saaty, T. L. (1977), "A scaling method for priorities in hierarchical
/// structures", Journal of Mathematical Psychology 15, 234–281 (also in his
/// 1980 book): the relative wealth of seven nations (US, USSR, China, France,
/// UK, Japan, West Germany), after Saaty & Khouja (1976). Published:
/// eigenvector .427 .230 .021 .052 .052 .123 .094 and λmax = 7.61
/// (so C.I. = 0.10; with RI = 1.32, C.R. = 0.08).
#[test]
fn saaty_1977_wealth_of_nations() {
    let a = vec![
        vec![1.0, 4.0, 9.0, 6.0, 6.0, 5.0, 5.0],
        vec![0.25, 1.0, 7.0, 5.0, 5.0, 3.0, 4.0],
        vec![1.0 / 9.0, 1.0 / 7.0, 1.0, 0.2, 0.2, 1.0 / 7.0, 0.2],
        vec![1.0 / 6.0, 0.2, 5.0, 1.0, 1.0, 1.0 / 3.0, 1.0 / 3.0],
        vec![1.0 / 6.0, 0.2, 5.0, 1.0, 1.0, 1.0 / 3.0, 1.0 / 3.0],
        vec![0.2, 1.0 / 3.0, 7.0, 3.0, 3.0, 1.0, 2.0],
        vec![0.2, 0.25, 5.0, 3.0, 3.0, 0.5, 1.0],
    ];
    let r = ahp_weights(&a).unwrap();
    assert_weights(
        "wealth",
        &r.weights,
        3,
        &[0.427, 0.230, 0.021, 0.052, 0.052, 0.123, 0.094],
    );
    assert_published("λmax", r.lambda_max, 2, 7.61);
    assert_published("C.I.", r.consistency_index, 2, 0.10);
    assert_published("C.R.", r.consistency_ratio, 2, 0.08);
    assert!(r.consistent);
}

/// Saaty, T. L. (2008), "Decision making with the analytic hierarchy
/// process", International Journal of Services Sciences 1(1), 83–98: which
/// drink is consumed more in the US (coffee, wine, tea, beer, sodas, milk,
/// water). Published: .177 .019 .042 .116 .190 .129 .327 (against actual
/// consumption .180 .010 .040 .120 .180 .140 .330). The paper gives no C.R.;
/// 0.022 is what the independent AHPy library's test suite asserts for it.
#[test]
fn saaty_2008_drinks() {
    let a = vec![
        vec![1.0, 9.0, 5.0, 2.0, 1.0, 1.0, 0.5],
        vec![
            1.0 / 9.0,
            1.0,
            1.0 / 3.0,
            1.0 / 9.0,
            1.0 / 9.0,
            1.0 / 9.0,
            1.0 / 9.0,
        ],
        vec![0.2, 3.0, 1.0, 1.0 / 3.0, 0.25, 1.0 / 3.0, 1.0 / 9.0],
        vec![0.5, 9.0, 3.0, 1.0, 0.5, 1.0, 1.0 / 3.0],
        vec![1.0, 9.0, 4.0, 2.0, 1.0, 2.0, 0.5],
        vec![1.0, 9.0, 3.0, 1.0, 0.5, 1.0, 1.0 / 3.0],
        vec![2.0, 9.0, 9.0, 3.0, 2.0, 3.0, 1.0],
    ];
    let r = ahp_weights(&a).unwrap();
    assert_weights(
        "drinks",
        &r.weights,
        3,
        &[0.177, 0.019, 0.042, 0.116, 0.190, 0.129, 0.327],
    );
    assert_published("C.R.", r.consistency_ratio, 3, 0.022);
    assert!(r.consistent);
    // The geometric-mean weights are close but not equal to the eigenvector:
    // the difference libraries disagree on, reported side by side.
    assert_eq!(r.geometric_mean_weights.len(), 7);
    assert!((r.geometric_mean_weights.iter().sum::<f64>() - 1.0).abs() < 1e-12);
    for (e, g) in r.weights.iter().zip(&r.geometric_mean_weights) {
        assert!((e - g).abs() < 0.01, "{e} vs {g}");
    }
    assert!(r.weights != r.geometric_mean_weights);
}

#[test]
fn a_consistent_matrix_has_lambda_n_and_cr_0() {
    // Built from weights 4 : 2 : 1 : 1, so a_ij = w_i / w_j exactly.
    let w = [4.0, 2.0, 1.0, 1.0];
    let a: Vec<Vec<f64>> = w
        .iter()
        .map(|x| w.iter().map(|y| x / y).collect())
        .collect();
    let r = ahp_weights(&a).unwrap();
    for (got, want) in r.weights.iter().zip([0.5, 0.25, 0.125, 0.125]) {
        assert!((got - want).abs() < 1e-12);
    }
    assert_eq!(r.geometric_mean_weights.len(), 4);
    for (e, g) in r.weights.iter().zip(&r.geometric_mean_weights) {
        assert!((e - g).abs() < 1e-12);
    }
    assert!((r.lambda_max - 4.0).abs() < 1e-9);
    assert!(r.consistency_ratio.abs() < 1e-9 && r.consistency_index >= 0.0);
    assert!(r.consistent);
    assert!(
        r.iterations <= 3,
        "a rank-one matrix converges at once: {}",
        r.iterations
    );
}

#[test]
fn one_and_two_criteria_are_always_consistent() {
    let r = ahp_weights(&[vec![1.0]]).unwrap();
    assert_eq!(r.weights, [1.0]);
    assert_eq!((r.consistency_index, r.consistency_ratio), (0.0, 0.0));
    let r = ahp_weights(&[vec![1.0, 9.0], vec![1.0 / 9.0, 1.0]]).unwrap();
    assert!((r.weights[0] - 0.9).abs() < 1e-12);
    assert_eq!(r.consistency_ratio, 0.0);
    assert_eq!(r.random_index, 0.0);
}

#[test]
fn the_random_index_table_is_saatys() {
    assert_eq!(RANDOM_INDEX.len(), 15);
    assert_eq!(
        &RANDOM_INDEX[..10],
        &[0.0, 0.0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49]
    );
}

#[test]
fn an_inconsistent_cycle_is_reported() {
    // a > b (5), b > c (5), but c > a (5): a cycle.
    let a = vec![
        vec![1.0, 5.0, 0.2],
        vec![0.2, 1.0, 5.0],
        vec![5.0, 0.2, 1.0],
    ];
    let r = ahp_weights(&a).unwrap();
    assert!(r.consistency_ratio > 1.0, "{}", r.consistency_ratio);
    assert!(!r.consistent);
    for w in &r.weights {
        assert!((w - 1.0 / 3.0).abs() < 1e-9);
    }
}

#[test]
fn bad_matrices_list_every_problem() {
    let err = ahp_weights(&[
        vec![1.0, 3.0, 20.0],
        vec![0.5, 2.0, 1.0],
        vec![0.05, 1.0, f64::NAN],
    ])
    .unwrap_err();
    assert!(matches!(err, Error::InvalidInput(_)));
    let p = paths(&err);
    for expected in [
        "pairwise[0][2]",
        "pairwise[1][0]",
        "pairwise[1][1]",
        "pairwise[2][0]",
        "pairwise[2][2]",
    ] {
        assert!(
            p.iter().any(|x| x == expected),
            "{expected} missing in {p:?}"
        );
    }
    assert!(err.issues().iter().all(|i| !i.hint.is_empty()));

    assert_eq!(paths(&ahp_weights(&[]).unwrap_err()), ["pairwise"]);
    assert_eq!(
        paths(&ahp_weights(&[vec![1.0, 2.0], vec![0.5]]).unwrap_err()),
        ["pairwise[1]"]
    );
    let big = vec![vec![1.0; 16]; 16];
    assert!(ahp_weights(&big)
        .unwrap_err()
        .to_string()
        .contains("limit of 15"));
    // Two decimals are not enough for 1/7, three are.
    let two = ahp_weights(&[vec![1.0, 7.0], vec![0.14, 1.0]]).unwrap_err();
    assert!(two.to_string().contains("reciprocal"), "{two}");
    assert!(ahp_weights(&[vec![1.0, 7.0], vec![0.143, 1.0]]).is_ok());
    assert!(ahp_weights(&[vec![1.0, 9.0], vec![0.111, 1.0]]).is_ok());
}

#[test]
fn non_convergence_is_an_error_not_a_guess() {
    let a = vec![
        vec![1.0, 5.0, 0.2],
        vec![0.2, 1.0, 5.0],
        vec![5.0, 0.2, 1.0],
    ];
    let strict = PowerIteration {
        tolerance: 0.0,
        max_iterations: 2,
    };
    // The cycle's eigenvector is uniform, the start vector: it converges at once.
    assert!(ahp_weights_with(&a, strict).is_ok());
    let house_like = vec![
        vec![1.0, 9.0, 0.2],
        vec![1.0 / 9.0, 1.0, 3.0],
        vec![5.0, 1.0 / 3.0, 1.0],
    ];
    let err = ahp_weights_with(&house_like, strict).unwrap_err();
    assert!(
        err.to_string()
            .contains("did not converge within 2 iterations"),
        "{err}"
    );
    let r = ahp_weights(&house_like).unwrap();
    assert!(r.iterations > 2 && r.iterations < 1_000, "{}", r.iterations);
}

/// CI and CR are 0 for two criteria by definition, even when the pair is
/// reciprocal only to three decimals and λmax lands a little above 2.
#[test]
fn two_criteria_have_no_consistency_index_even_off_by_rounding() {
    let r = ahp_weights(&[vec![1.0, 3.0], vec![0.334, 1.0]]).unwrap();
    assert!(r.lambda_max > 2.0005, "λmax {}", r.lambda_max);
    assert_eq!(r.consistency_index, 0.0);
    assert_eq!(r.consistency_ratio, 0.0);
    assert!(r.consistent);
}

/// Fifteen criteria is the limit itself: accepted, with Saaty's RI for 15.
#[test]
fn fifteen_criteria_are_within_the_limit() {
    let r = ahp_weights(&vec![vec![1.0; 15]; 15]).unwrap();
    assert_eq!(r.weights.len(), 15);
    assert!(r.weights.iter().all(|w| (w - 1.0 / 15.0).abs() < 1e-12));
    assert_eq!(r.random_index, 1.59);
}

/// The scale's ends take the reciprocal tolerance: 1/9 written a little low
/// (down to (1 − 0.005)/9) and 9 a little high (up to 9 · 1.005) are on the
/// scale; a hair past either end is not.
#[test]
fn the_scale_ends_are_inclusive_within_the_tolerance() {
    let low_edge = (1.0 - RECIPROCAL_TOLERANCE) / SAATY_MAX;
    assert_eq!(low_edge * SAATY_MAX, 1.0 - RECIPROCAL_TOLERANCE);
    let high_edge = SAATY_MAX * (1.0 + RECIPROCAL_TOLERANCE);
    let pair = |a: f64, b: f64| ahp_weights(&[vec![1.0, a], vec![b, 1.0]]);
    // Each pair is reciprocal within the tolerance; only the end is tested.
    assert!(pair(low_edge, 9.0 / 0.9975).is_ok());
    assert!(pair(0.9975 / 9.0, high_edge).is_ok());
    let below = f64::from_bits(low_edge.to_bits() - 1);
    let err = pair(below, 9.0 / 0.9975).unwrap_err();
    assert_eq!(paths(&err), ["pairwise[0][1]"], "{err}");
    let above = f64::from_bits(high_edge.to_bits() + 1);
    let err = pair(0.9975 / 9.0, above).unwrap_err();
    assert_eq!(paths(&err), ["pairwise[1][0]"], "{err}");
}

/// A value that is not a positive number is reported once, at its own
/// place: its mirror is not also called "not the reciprocal" of it. A diagonal within the
/// tolerance of 1 is accepted as it is, not compared with itself.
#[test]
fn each_problem_is_reported_once_where_it_is() {
    for bad in [-3.0, 0.0, f64::INFINITY, f64::NAN] {
        let err = ahp_weights(&[vec![1.0, bad], vec![1.0 / 3.0, 1.0]]).unwrap_err();
        assert_eq!(paths(&err), ["pairwise[0][1]"], "{bad}: {err}");
        assert!(err.to_string().contains("from 1/9 to 9"), "{err}");
    }
    let r = ahp_weights(&[vec![1.004, 3.0], vec![1.0 / 3.0, 0.996]]).unwrap();
    assert_eq!(r.weights.len(), 2);
    let err = ahp_weights(&[vec![1.006, 3.0], vec![1.0 / 3.0, 1.0]]).unwrap_err();
    assert_eq!(paths(&err), ["pairwise[0][0]"], "{err}");
}
