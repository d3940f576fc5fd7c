//! The ranking API: agreement with `recommend`, limits, weights and errors.
#![cfg(not(target_arch = "wasm32"))]

use stack_advisor::model::Direction;
use stack_advisor::rank::{
    rank, rank_matrix, Method, RankCriterion, RankInput, MAX_RANK_CRITERIA, MAX_RANK_OPTIONS,
};
use stack_advisor::{default_matrix, json::parse_answers, recommend, Error};
use std::collections::BTreeMap;

fn criterion(id: &str, direction: Direction, weight: f64) -> RankCriterion {
    RankCriterion {
        id: id.into(),
        direction,
        weight,
    }
}

fn paths(err: &Error) -> Vec<String> {
    err.issues().iter().map(|i| i.path.clone()).collect()
}

#[test]
fn wsm_on_an_author_matrix_equals_recommend_for_no_answers() {
    let m = default_matrix();
    let r = rank_matrix(&m, Method::Wsm, None).unwrap();
    let rec = recommend(&m, &parse_answers("{}").unwrap()).unwrap();
    assert_eq!(r.scores, rec.scores, "the same arithmetic, bit for bit");
    assert_eq!(
        r.weights, rec.weights,
        "base weights = the weights of no answers"
    );
    assert_eq!(r.method, Method::Wsm);
}

#[test]
fn weights_replace_only_the_criteria_named() {
    let m = default_matrix();
    let weights: BTreeMap<String, f64> = [("ai-ml".to_string(), 10.0)].into();
    let r = rank_matrix(&m, Method::Wsm, Some(&weights)).unwrap();
    assert_eq!(r.weights["ai-ml"], 10.0);
    assert_eq!(r.weights["hiring"], 1.0, "left as the base weight");
    assert_eq!(r.ranking[0], "python");
    let rec = recommend(&m, &parse_answers(r#"{"weights":{"ai-ml":10}}"#).unwrap()).unwrap();
    assert_eq!(r.scores, rec.scores);
}

#[test]
fn topsis_scores_are_closeness_coefficients() {
    let r = rank_matrix(&default_matrix(), Method::Topsis, None).unwrap();
    for (o, c) in &r.scores {
        assert!((0.0..=1.0).contains(c), "{o}: {c}");
    }
    // With two options, the distances mirror each other: C₁ + C₂ = 1.
    let total: f64 = r.scores.values().sum();
    assert!((total - 1.0).abs() < 1e-12, "{total}");
}

#[test]
fn the_json_shape_is_exactly_four_keys_in_order() {
    let r = rank_matrix(&default_matrix(), Method::Topsis, None).unwrap();
    let text = serde_json::to_string(&r).unwrap();
    assert!(
        text.starts_with(r#"{"method":"topsis","weights":{"#),
        "{text}"
    );
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
    assert_eq!(keys.len(), 4);
    let order: Vec<usize> = ["\"weights\"", "\"scores\"", "\"ranking\""]
        .iter()
        .map(|k| text.find(k).unwrap())
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn ten_thousand_options_by_a_hundred_criteria() {
    let (n, m) = (MAX_RANK_OPTIONS, MAX_RANK_CRITERIA);
    let mut state = 0x2545_f491_u64;
    let mut next = || {
        // xorshift: cheap, deterministic values in 0..10.
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % 10_001) as f64 / 1000.0
    };
    let input = RankInput {
        options: (0..n).map(|i| format!("option-{i}")).collect(),
        criteria: (0..m)
            .map(|j| {
                let direction = if j % 3 == 0 {
                    Direction::Cost
                } else {
                    Direction::Benefit
                };
                criterion(&format!("c{j}"), direction, 1.0 + (j % 5) as f64)
            })
            .collect(),
        values: (0..n).map(|_| (0..m).map(|_| next()).collect()).collect(),
    };
    let started = std::time::Instant::now();
    for method in [Method::Wsm, Method::Topsis] {
        let r = rank(&input, method, None).unwrap();
        assert_eq!(r.ranking.len(), n);
        let best = &r.ranking[0];
        assert!(r.scores.values().all(|s| *s <= r.scores[best]));
    }
    // Generous: a debug build on a slow machine.
    assert!(started.elapsed().as_secs() < 30, "{:?}", started.elapsed());

    let mut over = input.clone();
    over.options.push("one-more".into());
    over.values.push(vec![0.0; m]);
    let err = rank(&over, Method::Wsm, None).unwrap_err();
    assert!(err.to_string().contains("limit of 10000"), "{err}");
}

#[test]
fn bad_input_lists_every_problem_with_its_path() {
    let input = RankInput {
        options: vec!["a".into(), "a".into(), String::new()],
        criteria: vec![
            criterion("speed", Direction::Benefit, -1.0),
            criterion("speed", Direction::Cost, 1.0),
        ],
        values: vec![vec![1.0, 11.0], vec![f64::NAN, 2.0], vec![1.0]],
    };
    let err = rank(&input, Method::Wsm, None).unwrap_err();
    assert!(matches!(err, Error::InvalidInput(_)));
    let p = paths(&err);
    for expected in [
        "options[1]",
        "options[2]",
        "criteria[1].id",
        "criteria[0].weight",
        "values[0][1]",
        "values[1][0]",
        "values[2]",
    ] {
        assert!(
            p.iter().any(|x| x == expected),
            "{expected} missing in {p:?}"
        );
    }
    assert!(err.issues().iter().all(|i| !i.hint.is_empty()));

    // TOPSIS takes any unit; the weighted sum only the 0–10 anchor scale.
    let units = RankInput {
        options: vec!["a".into(), "b".into()],
        criteria: vec![criterion("price", Direction::Cost, 1.0)],
        values: vec![vec![1200.0], vec![900.0]],
    };
    assert_eq!(
        rank(&units, Method::Topsis, None).unwrap().ranking,
        ["b", "a"]
    );
    let err = rank(&units, Method::Wsm, None).unwrap_err();
    assert!(err.to_string().contains("from 0 to 10"), "{err}");
    let negative = RankInput {
        values: vec![vec![-1.0], vec![1.0]],
        ..units.clone()
    };
    assert_eq!(
        paths(&rank(&negative, Method::Topsis, None).unwrap_err()),
        ["values[0][0]"]
    );

    // Weights: unknown ids, negative values, all zero.
    let weights: BTreeMap<String, f64> =
        [("nope".to_string(), 1.0), ("price".to_string(), -2.0)].into();
    let err = rank(&units, Method::Topsis, Some(&weights)).unwrap_err();
    assert_eq!(paths(&err), ["weights.nope", "weights.price"]);
    assert!(
        err.issues()[0].message.contains("expected one of price"),
        "{err}"
    );
    let zero: BTreeMap<String, f64> = [("price".to_string(), 0.0)].into();
    assert_eq!(
        paths(&rank(&units, Method::Topsis, Some(&zero)).unwrap_err()),
        ["weights"]
    );

    let empty = RankInput {
        options: vec![],
        criteria: vec![],
        values: vec![],
    };
    let p = paths(&rank(&empty, Method::Wsm, None).unwrap_err());
    assert!(
        p.contains(&"options".to_string()) && p.contains(&"criteria".to_string()),
        "{p:?}"
    );
}

#[test]
fn a_million_bad_values_give_a_bounded_error() {
    let input = RankInput {
        options: (0..1000).map(|i| i.to_string()).collect(),
        criteria: (0..100)
            .map(|j| criterion(&j.to_string(), Direction::Benefit, 1.0))
            .collect(),
        values: vec![vec![f64::INFINITY; 100]; 1000],
    };
    let err = rank(&input, Method::Topsis, None).unwrap_err();
    assert_eq!(err.issues().len(), 201);
    assert!(
        err.issues()[200].message.contains("99800 more issues"),
        "{}",
        err.issues()[200].message
    );
}

#[test]
fn an_invalid_author_matrix_is_rejected_before_ranking() {
    let mut m = default_matrix();
    m.scores[0].value = 12.0;
    let err = rank_matrix(&m, Method::Topsis, None).unwrap_err();
    assert!(matches!(err, Error::InvalidMatrix(_)));
    assert_eq!(paths(&err)[0], "scores[0].value");
}
