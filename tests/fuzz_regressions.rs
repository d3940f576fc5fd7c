//! Every input a fuzz target (fuzz/, run by `scripts/fuzz.sh`) failed on,
//! replayed exactly, with the clean result it must give now. A failure of the
//! engine in the browser poisons the wasm instance, so none of these may
//! panic, and none may return NaN or infinite numbers as a result.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::paths;
use stack_advisor::json::{parse_answers, parse_matrix};
use stack_advisor::model::Direction::{Benefit, Cost};
use stack_advisor::rank::{rank, topsis_scores, Method, RankCriterion, RankInput};
use stack_advisor::validate::MAX_WEIGHT;
use stack_advisor::{default_matrix, recommend, validate, AnswerValue, Answers, Error};
use std::collections::BTreeMap;

/// Target `matrix`, crash-30ce64172c1b0042539c48f8cbb3b7045e46df8b: a
/// criterion weight of f64::MAX passed validation, and the weighted sum
/// overflowed, so the scores and the margin were NaN.
#[test]
fn matrix_with_a_weight_of_f64_max_is_rejected() {
    let text = r#"{"version":1,"id":"m","title":"M","options":[{"id":"a","label":"A"},{"id":"b","label":"B"}],"criteria":[{"id":"c","label":"C","weight":1.7976931348623157e308}],"scores":[{"option":"a","criterion":"c","value":1},{"option":"b","criterion":"c","value":2}]}"#;
    let matrix = parse_matrix(text).expect("it parses");
    let err = validate(&matrix).unwrap_err();
    assert_eq!(paths(&err), ["criteria[0].weight"]);
    assert!(err.to_string().contains("from 0 to 1000000"), "{err}");
    assert!(matches!(
        recommend(&matrix, &Answers::new()),
        Err(Error::InvalidMatrix(_))
    ));
}

/// The same overflow through a choice's weight change and a slider's weight
/// per step (no crash file: the same fix covers them).
#[test]
fn matrix_weight_changes_and_steps_are_bounded() {
    let mut matrix = default_matrix();
    let choice = &mut matrix.questions[0].choices[0];
    let criterion = choice.weights.keys().next().unwrap().clone();
    choice.weights.insert(criterion.clone(), -1e300);
    let sliders = matrix
        .questions
        .iter()
        .position(|q| !q.items.is_empty())
        .unwrap();
    let item = &mut matrix.questions[sliders].items[0];
    let stepped = item.criteria.keys().next().unwrap().clone();
    item.criteria.insert(stepped.clone(), 1e300);
    let err = validate(&matrix).unwrap_err();
    let paths = paths(&err);
    assert!(
        paths.contains(&format!("questions[0].choices[0].weights.{criterion}")),
        "{paths:?}"
    );
    assert!(
        paths.contains(&format!("questions[{sliders}].items[0].criteria.{stepped}")),
        "{paths:?}"
    );
}

/// Target `answers`, crash-39ccb90d51f68a78003e34737b3e5f83f909f895: two
/// expert weights of 1e308 summed to infinity; the result was NaN.
#[test]
fn answers_with_weights_of_1e308_are_rejected() {
    let answers = parse_answers(r#"{"weights":{"hiring":1e308,"ai-ml":1e308}}"#).unwrap();
    let err = recommend(&default_matrix(), &answers).unwrap_err();
    assert!(matches!(err, Error::InvalidAnswers(_)), "{err:?}");
    assert_eq!(
        paths(&err),
        ["answers.weights.ai-ml", "answers.weights.hiring"]
    );
}

/// The largest weights allowed everywhere still give finite numbers.
#[test]
fn the_largest_weights_give_finite_results() {
    let matrix = default_matrix();
    let mut answers = Answers::new();
    answers.insert(
        "weights".into(),
        AnswerValue::Levels(
            matrix
                .criteria
                .iter()
                .map(|c| (c.id.clone(), MAX_WEIGHT))
                .collect(),
        ),
    );
    let r = recommend(&matrix, &answers).unwrap();
    assert!(r.margin.is_finite());
    assert!(r.scores.values().all(|s| s.is_finite()), "{:?}", r.scores);
    for method in [Method::Wsm, Method::Topsis] {
        let input = RankInput {
            options: vec!["a".into(), "b".into()],
            criteria: (0..100)
                .map(|i| RankCriterion {
                    id: format!("c{i}"),
                    direction: if i % 2 == 0 { Benefit } else { Cost },
                    weight: MAX_WEIGHT,
                })
                .collect(),
            values: vec![vec![10.0; 100], vec![0.0; 100]],
        };
        let r = rank(&input, method, None).unwrap();
        assert!(r.scores.values().all(|s| s.is_finite()), "{:?}", r.scores);
    }
}

/// Target `rank_structured`, crash-79f17c33aa73ab61e24926ee9e6e75f1b5219b2a
/// (bytes 003d4203 00d33535 d335d300 6fd311c2 4a00006f d311c24a 00d3d3fe,
/// decoded below): a criterion weight of f64::MAX made the weighted sum
/// infinite.
#[test]
fn rank_with_a_weight_of_f64_max_is_rejected() {
    let input = RankInput {
        options: vec!["o11".into()],
        criteria: vec![
            RankCriterion {
                id: "c53".into(),
                direction: Benefit,
                weight: 2.0,
            },
            RankCriterion {
                id: "c11".into(),
                direction: Benefit,
                weight: f64::MAX,
            },
            RankCriterion {
                id: "c0".into(),
                direction: Cost,
                weight: 2.0,
            },
        ],
        values: vec![vec![0.0, 2.0, 0.0]],
    };
    let err = rank(&input, Method::Wsm, None).unwrap_err();
    assert!(matches!(err, Error::InvalidInput(_)), "{err:?}");
    assert_eq!(paths(&err), ["criteria[1].weight"]);

    // The same through the weights argument.
    let mut fixed = input.clone();
    fixed.criteria[1].weight = 1.0;
    let weights = BTreeMap::from([("c53".to_string(), f64::MAX)]);
    let err = rank(&fixed, Method::Topsis, Some(&weights)).unwrap_err();
    assert_eq!(paths(&err), ["weights.c53"]);
    assert!(rank(&fixed, Method::Wsm, None).is_ok());
}

/// Found while writing the `rank_structured` target: TOPSIS squared the
/// values, so a column of values near 1e200 (x² = ∞) or 1e-200 (x² = 0) was
/// silently ignored. Now it counts exactly like the same column rescaled.
#[test]
fn topsis_counts_columns_of_any_magnitude() {
    let normal = topsis_scores(
        &[vec![1.0, 3.0], vec![2.0, 1.0]],
        &[Benefit, Cost],
        &[2.0, 1.0],
    );
    for scale in [1e200, 1e-200, f64::MAX / 4.0, 5e-324] {
        let scaled = topsis_scores(
            &[vec![scale, 3.0], vec![2.0 * scale, 1.0]],
            &[Benefit, Cost],
            &[2.0, 1.0],
        );
        for (a, b) in normal.iter().zip(&scaled) {
            assert!(
                (a - b).abs() < 1e-12,
                "scale {scale}: {normal:?} vs {scaled:?}"
            );
        }
    }
    assert_eq!(
        topsis_scores(&[vec![f64::MAX], vec![f64::MAX / 2.0]], &[Benefit], &[1.0]),
        [1.0, 0.0]
    );
}
