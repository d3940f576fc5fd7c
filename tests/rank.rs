//! The ranking API: agreement with `recommend`, limits, weights and errors.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::paths;
use stack_advisor::model::Direction;
use stack_advisor::rank::{
    rank, rank_matrix, Method, RankCriterion, RankInput, MAX_RANK_CRITERIA, MAX_RANK_OPTIONS,
};
use stack_advisor::{default_matrix, json::parse_answers, recommend, Error};
use std::collections::BTreeMap;

#[path = "shared/flat_matrix.rs"]
mod shared_matrix;
use shared_matrix::flat_matrix;

fn criterion(id: &str, direction: Direction, weight: f64) -> RankCriterion {
    RankCriterion {
        id: id.into(),
        direction,
        weight,
    }
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

fn mixed_criteria(columns: usize) -> Vec<RankCriterion> {
    (0..columns)
        .map(|j| {
            let direction = if j % 4 == 3 {
                Direction::Cost
            } else {
                Direction::Benefit
            };
            criterion(&format!("c{j}"), direction, 1.0 + (j % 3) as f64)
        })
        .collect()
}

#[test]
fn the_bulk_form_ranks_like_the_id_form() {
    use stack_advisor::rank::rank_values;
    for (rows, columns, seed) in [(1, 1, 7), (3, 5, 11), (257, 13, 3), (1000, 50, 5)] {
        let flat = flat_matrix(rows, columns, seed);
        let criteria = mixed_criteria(columns);
        let input = RankInput {
            options: (0..rows).map(|i| format!("o{i}")).collect(),
            criteria: criteria.clone(),
            values: flat.chunks(columns).map(<[f64]>::to_vec).collect(),
        };
        let weights: BTreeMap<String, f64> = [("c0".to_string(), 4.0)].into();
        for method in [Method::Wsm, Method::Topsis] {
            let bulk = rank_values(&flat, rows, &criteria, method, Some(&weights)).unwrap();
            let ids = rank(&input, method, Some(&weights)).unwrap();
            assert_eq!(bulk.scores.len(), rows);
            for (o, score) in bulk.scores.iter().enumerate() {
                assert_eq!(*score, ids.scores[&format!("o{o}")], "{method:?} row {o}");
            }
            let order: Vec<String> = bulk.order.iter().map(|o| format!("o{o}")).collect();
            assert_eq!(order, ids.ranking, "{method:?}");
            assert_eq!(bulk.weights[0], 4.0);
            assert_eq!(bulk.weights.get(1), (columns > 1).then_some(&2.0));
        }
    }
}

/// The numeric path's arithmetic (a matrix–vector product for the weighted
/// sum, per-column sums for TOPSIS) against the formulas computed the plain
/// way: `wsm_scores` (recommend's arithmetic) and a textbook TOPSIS.
#[test]
fn the_numeric_path_agrees_with_the_plain_formulas() {
    use stack_advisor::rank::wsm_scores;
    let (rows, columns) = (500, 37);
    let flat = flat_matrix(rows, columns, 99);
    let criteria = mixed_criteria(columns);
    let values: Vec<Vec<f64>> = flat.chunks(columns).map(<[f64]>::to_vec).collect();
    let directions: Vec<Direction> = criteria.iter().map(|c| c.direction).collect();
    let weights: Vec<f64> = criteria.iter().map(|c| c.weight).collect();
    let input = RankInput {
        options: (0..rows).map(|i| format!("o{i}")).collect(),
        criteria,
        values: values.clone(),
    };

    let fast = rank(&input, Method::Wsm, None).unwrap();
    for (o, plain) in wsm_scores(&values, &directions, &weights)
        .iter()
        .enumerate()
    {
        let got = fast.scores[&format!("o{o}")];
        assert!(
            (got - plain).abs() <= 1e-12 * 100.0,
            "wsm row {o}: {got} vs {plain}"
        );
    }

    let total: f64 = weights.iter().sum();
    let norm: Vec<f64> = (0..columns)
        .map(|c| values.iter().map(|r| r[c] * r[c]).sum::<f64>().sqrt())
        .collect();
    let v = |o: usize, c: usize| values[o][c] / norm[c] * weights[c] / total;
    let column = |c: usize| (0..rows).map(move |o| v(o, c));
    let fast = rank(&input, Method::Topsis, None).unwrap();
    for o in 0..rows {
        let (mut plus, mut minus) = (0.0, 0.0);
        for (c, direction) in directions.iter().enumerate() {
            let high = column(c).fold(f64::MIN, f64::max);
            let low = column(c).fold(f64::MAX, f64::min);
            let (ideal, anti) = match direction {
                Direction::Benefit => (high, low),
                Direction::Cost => (low, high),
            };
            plus += (v(o, c) - ideal).powi(2);
            minus += (v(o, c) - anti).powi(2);
        }
        let plain = minus.sqrt() / (plus.sqrt() + minus.sqrt());
        let got = fast.scores[&format!("o{o}")];
        assert!(
            (got - plain).abs() <= 1e-12,
            "topsis row {o}: {got} vs {plain}"
        );
    }
}

#[test]
fn bulk_errors_name_the_field() {
    use stack_advisor::rank::rank_values;
    let criteria = mixed_criteria(2);
    let paths_of = |values: &[f64], rows: usize, method: Method| {
        paths(&rank_values(values, rows, &criteria, method, None).unwrap_err())
    };
    assert_eq!(paths_of(&[1.0, 2.0, 3.0], 2, Method::Wsm), ["values"]);
    assert_eq!(
        paths_of(&[1.0, 2.0, 11.0, 3.0], 2, Method::Wsm),
        ["values[1][0]"]
    );
    assert_eq!(
        paths_of(&[1.0, f64::NAN, -1.0, f64::INFINITY], 2, Method::Topsis),
        ["values[0][1]", "values[1][0]", "values[1][1]"]
    );
    assert_eq!(paths_of(&[], 0, Method::Wsm), ["options"]);
    let over = vec![1.0; (MAX_RANK_OPTIONS + 1) * 2];
    let err = rank_values(&over, MAX_RANK_OPTIONS + 1, &criteria, Method::Wsm, None).unwrap_err();
    assert_eq!(paths(&err), ["options"]);
    assert!(err.to_string().contains("limit of 10000"), "{err}");
    // The weights' problems come after the values'.
    let weights: BTreeMap<String, f64> = [("nope".to_string(), 1.0)].into();
    let err = rank_values(&[11.0, 1.0], 1, &criteria, Method::Wsm, Some(&weights)).unwrap_err();
    assert_eq!(paths(&err), ["values[0][0]", "weights.nope"]);
    assert!(err.issues().iter().all(|i| !i.hint.is_empty()));
    assert!(rank_values(&[1.0, 2.0], 1, &[], Method::Wsm, None).is_err());
    // No criteria and no values: both reported, as criteria by position do
    // (`criteria_by_position_errors_name_the_field`), though 1 × 0 is 0.
    assert_eq!(
        paths(&rank_values(&[], 1, &[], Method::Wsm, None).unwrap_err()),
        ["criteria", "values"]
    );
}

/// Columns of extreme magnitude (Σ x² would overflow or underflow) next to
/// ordinary ones rank exactly as the same columns rescaled.
#[test]
fn bulk_topsis_takes_columns_of_any_magnitude() {
    use stack_advisor::rank::rank_values;
    let (rows, columns) = (40, 4);
    let base = flat_matrix(rows, columns, 17);
    let criteria = mixed_criteria(columns);
    let plain = rank_values(&base, rows, &criteria, Method::Topsis, None).unwrap();
    for (scale_a, scale_b) in [(1e300, 1e-300), (f64::MAX / 20.0, 1e-310), (1e160, 1e-160)] {
        let mut scaled = base.clone();
        for row in scaled.chunks_mut(columns) {
            row[0] *= scale_a;
            row[3] *= scale_b;
        }
        let r = rank_values(&scaled, rows, &criteria, Method::Topsis, None).unwrap();
        for (a, b) in plain.scores.iter().zip(&r.scores) {
            assert!((a - b).abs() < 1e-12, "{scale_a}/{scale_b}: {a} vs {b}");
        }
    }
}

/// Criteria by position (`rank_columns`) rank exactly as the same criteria
/// with ids (`rank_values`): the same scores bit for bit, the same order.
#[test]
fn criteria_by_position_rank_like_criteria_with_ids() {
    use stack_advisor::rank::{rank_columns, rank_values};
    for (rows, columns, seed) in [
        (1, 1, 7),
        (3, 5, 11),
        (257, 13, 3),
        (1000, 50, 5),
        (9, 7, 2),
    ] {
        let flat = flat_matrix(rows, columns, seed);
        let criteria = mixed_criteria(columns);
        let weights: Vec<f64> = criteria.iter().map(|c| c.weight).collect();
        let directions: Vec<Direction> = criteria.iter().map(|c| c.direction).collect();
        for method in [Method::Wsm, Method::Topsis] {
            let by_id = rank_values(&flat, rows, &criteria, method, None).unwrap();
            let by_position = rank_columns(&flat, rows, &weights, &directions, method).unwrap();
            assert_eq!(by_position, by_id, "{method:?} {rows}x{columns}");
        }
    }
}

#[test]
fn criteria_by_position_errors_name_the_field() {
    use stack_advisor::model::Direction::{Benefit, Cost};
    use stack_advisor::rank::rank_columns;
    let paths_of = |values: &[f64], rows: usize, weights: &[f64], directions: &[Direction]| {
        paths(&rank_columns(values, rows, weights, directions, Method::Wsm).unwrap_err())
    };
    let two = [Benefit, Cost];
    assert_eq!(
        paths_of(&[1.0, 2.0], 1, &[1.0, -1.0], &two),
        ["criteria.weights[1]"]
    );
    assert_eq!(
        paths_of(&[1.0, 2.0], 1, &[f64::NAN, f64::INFINITY], &two),
        ["criteria.weights[0]", "criteria.weights[1]"]
    );
    assert_eq!(paths_of(&[1.0, 2.0], 1, &[0.0, 0.0], &two), ["weights"]);
    assert_eq!(
        paths_of(&[1.0, 2.0], 1, &[1.0, 1.0], &[Cost]),
        ["criteria.cost"]
    );
    assert_eq!(paths_of(&[1.0, 2.0, 3.0], 2, &[1.0, 1.0], &two), ["values"]);
    assert_eq!(
        paths_of(&[1.0, 12.0], 1, &[1.0, 1.0], &two),
        ["values[0][1]"]
    );
    assert_eq!(paths_of(&[], 0, &[1.0, 1.0], &two), ["options"]);
    assert_eq!(paths_of(&[], 1, &[], &[]), ["criteria", "values"]);
    let many = vec![1.0; MAX_RANK_CRITERIA + 1];
    let err = rank_columns(&many, 1, &many, &vec![Benefit; many.len()], Method::Wsm).unwrap_err();
    assert_eq!(paths(&err), ["criteria"]);
    let over = vec![1.0; MAX_RANK_OPTIONS + 1];
    assert_eq!(
        paths_of(&over, MAX_RANK_OPTIONS + 1, &[1.0], &[Benefit]),
        ["options"]
    );
    // Every problem at once, the weights' last; each with a hint.
    let err = rank_columns(&[f64::NAN, 1.0], 1, &[-2.0, 1.0], &two, Method::Topsis).unwrap_err();
    assert_eq!(paths(&err), ["criteria.weights[0]", "values[0][0]"]);
    assert!(err.issues().iter().all(|i| !i.hint.is_empty()));
}

/// Bad values anywhere in a row (the 4-wide part of the loop, its tail),
/// in any row, are found and reported, and so is a NaN among good values.
#[test]
fn every_bad_value_is_found_wherever_it_is() {
    use stack_advisor::rank::{rank_columns, rank_values};
    let (rows, columns) = (5, 7);
    let criteria = mixed_criteria(columns);
    let weights: Vec<f64> = criteria.iter().map(|c| c.weight).collect();
    let directions: Vec<Direction> = criteria.iter().map(|c| c.direction).collect();
    for bad in [f64::NAN, -0.5, 10.5, f64::INFINITY, f64::NEG_INFINITY] {
        for cell in 0..rows * columns {
            let mut flat = flat_matrix(rows, columns, 13);
            flat[cell] = bad;
            let want = [format!("values[{}][{}]", cell / columns, cell % columns)];
            let err = rank_columns(&flat, rows, &weights, &directions, Method::Wsm).unwrap_err();
            assert_eq!(paths(&err), want, "{bad} at {cell}");
            let err = rank_values(&flat, rows, &criteria, Method::Wsm, None).unwrap_err();
            assert_eq!(paths(&err), want, "{bad} at {cell}");
        }
    }
    // -0.0 is on the scale, as 0.
    let mut flat = flat_matrix(rows, columns, 13);
    flat[3] = -0.0;
    assert!(rank_columns(&flat, rows, &weights, &directions, Method::Wsm).is_ok());
}

/// A matrix on another scale (0–100, or all negative), with no value on the
/// 0–10 scale beside them: every value is refused with its path, in rows
/// that fill the 4-wide part of the loop exactly, that are only its tail,
/// and both.
#[test]
fn values_all_off_the_scale_are_each_refused() {
    use stack_advisor::rank::{rank_columns, rank_values};
    let rows = 2;
    for columns in [3, 4, 5] {
        let criteria = mixed_criteria(columns);
        let weights: Vec<f64> = criteria.iter().map(|c| c.weight).collect();
        let directions: Vec<Direction> = criteria.iter().map(|c| c.direction).collect();
        let cells = 0..rows * columns;
        let want: Vec<String> = cells
            .clone()
            .map(|cell| format!("values[{}][{}]", cell / columns, cell % columns))
            .collect();
        let percent: Vec<f64> = cells.clone().map(|cell| 10.5 + 9.0 * cell as f64).collect();
        let negative: Vec<f64> = cells.map(|cell| -0.5 - cell as f64).collect();
        for flat in [percent, negative] {
            let err = rank_columns(&flat, rows, &weights, &directions, Method::Wsm).unwrap_err();
            assert_eq!(paths(&err), want, "{flat:?}");
            let err = rank_values(&flat, rows, &criteria, Method::Wsm, None).unwrap_err();
            assert_eq!(paths(&err), want, "{flat:?}");
        }
    }
}

/// One criterion on another scale (scored 0–100, or negative) among
/// criteria on the 0–10 scale: each of its values is refused with its
/// path, whichever column it is (each place of the 4-wide part of the loop
/// and its tail).
#[test]
fn a_column_off_the_scale_is_refused_in_every_row() {
    use stack_advisor::rank::rank_columns;
    let rows = 3;
    for columns in [4, 5] {
        let criteria = mixed_criteria(columns);
        let weights: Vec<f64> = criteria.iter().map(|c| c.weight).collect();
        let directions: Vec<Direction> = criteria.iter().map(|c| c.direction).collect();
        for column in 0..columns {
            let want: Vec<String> = (0..rows)
                .map(|row| format!("values[{row}][{column}]"))
                .collect();
            for bad in [[40.0, 75.0, 10.5], [-1.0, -0.5, -7.0]] {
                let mut flat = flat_matrix(rows, columns, 29);
                for (row, x) in bad.iter().enumerate() {
                    flat[row * columns + column] = *x;
                }
                let err =
                    rank_columns(&flat, rows, &weights, &directions, Method::Wsm).unwrap_err();
                assert_eq!(paths(&err), want, "{bad:?} in column {column} of {columns}");
            }
        }
    }
}

/// The method's name as results and the CLI print it reads back as the same
/// method, and is the name the JSON carries.
#[test]
fn method_names_round_trip() {
    assert_eq!(Method::Wsm.as_str(), "wsm");
    assert_eq!(Method::Topsis.as_str(), "topsis");
    for m in [Method::Wsm, Method::Topsis] {
        assert_eq!(Method::parse(m.as_str()), Some(m));
        assert_eq!(serde_json::to_value(m).unwrap(), m.as_str());
    }
    for bad in ["", "WSM", "Topsis", "ahp"] {
        assert_eq!(Method::parse(bad), None, "{bad}");
    }
}

/// The bulk form's entry points (the wasm build's `Float64Array` path):
/// `rank_bulk` ranks as the form it stands for, refuses weights by id for
/// criteria by position; `option_count` takes whole numbers 0..=10,000;
/// `rows_from_flat` cuts rows × columns values into rows or names the shape.
#[test]
fn the_bulk_entry_points_rank_and_check_like_the_plain_forms() {
    use stack_advisor::rank::{
        option_count, rank_bulk, rank_columns, rank_values, rows_from_flat, BulkCriteria,
    };
    let (rows, columns) = (9, 5);
    let flat = flat_matrix(rows, columns, 21);
    let criteria = mixed_criteria(columns);
    let weights: Vec<f64> = criteria.iter().map(|c| c.weight).collect();
    let directions: Vec<Direction> = criteria.iter().map(|c| c.direction).collect();
    let named: BTreeMap<String, f64> = [("c1".to_string(), 6.0)].into();
    let listed = BulkCriteria::Listed(criteria.clone());
    let by_position = BulkCriteria::Columns {
        weights: weights.clone(),
        directions: directions.clone(),
    };
    for method in [Method::Wsm, Method::Topsis] {
        assert_eq!(
            rank_bulk(&flat, rows, &listed, method, Some(&named)).unwrap(),
            rank_values(&flat, rows, &criteria, method, Some(&named)).unwrap()
        );
        let plain = rank_columns(&flat, rows, &weights, &directions, method).unwrap();
        assert_eq!(
            rank_bulk(&flat, rows, &by_position, method, None).unwrap(),
            plain
        );
        let empty = BTreeMap::new();
        assert_eq!(
            rank_bulk(&flat, rows, &by_position, method, Some(&empty)).unwrap(),
            plain
        );
        let err = rank_bulk(&flat, rows, &by_position, method, Some(&named)).unwrap_err();
        assert_eq!(paths(&err), ["weights"]);
        assert!(err.to_string().contains("no ids"), "{err}");
    }

    assert_eq!(option_count(0.0).unwrap(), 0);
    assert_eq!(option_count(7.0).unwrap(), 7);
    assert_eq!(
        option_count(MAX_RANK_OPTIONS as f64).unwrap(),
        MAX_RANK_OPTIONS
    );
    for bad in [
        2.5,
        -1.0,
        (MAX_RANK_OPTIONS + 1) as f64,
        f64::NAN,
        f64::INFINITY,
    ] {
        assert_eq!(paths(&option_count(bad).unwrap_err()), ["options"], "{bad}");
    }

    assert_eq!(
        rows_from_flat(&[1.0, 2.0, 3.0, 4.0, 5.0, 6.0], 3, 2).unwrap(),
        [vec![1.0, 2.0], vec![3.0, 4.0], vec![5.0, 6.0]]
    );
    assert_eq!(rows_from_flat(&[], 0, 3).unwrap(), Vec::<Vec<f64>>::new());
    let err = rows_from_flat(&[1.0, 2.0, 3.0], 2, 2).unwrap_err();
    assert_eq!(paths(&err), ["values"]);
    assert!(
        err.to_string()
            .contains("3 values for 2 options × 2 criteria"),
        "{err}"
    );
    assert_eq!(paths(&rows_from_flat(&[], 2, 0).unwrap_err()), ["values"]);
    assert_eq!(
        paths(&rows_from_flat(&[1.0], usize::MAX, 2).unwrap_err()),
        ["values"]
    );
}

/// TOPSIS on a single column: a NaN is found (no other column's check
/// covers it) and reported at its path; and negative values (which
/// `topsis_scores` takes, unlike `rank`) are normalised by their largest
/// magnitude like any others: the less negative option is the ideal.
#[test]
fn topsis_finds_a_nan_alone_and_takes_negative_values() {
    use stack_advisor::rank::{rank_values, topsis_scores};
    let criteria = [criterion("only", Direction::Benefit, 1.0)];
    let err = rank_values(&[1.0, f64::NAN, 2.0], 3, &criteria, Method::Topsis, None).unwrap_err();
    assert_eq!(paths(&err), ["values[1][0]"]);
    let c = topsis_scores(&[vec![-1.0], vec![-3.0]], &[Direction::Benefit], &[1.0]);
    assert_eq!(c, [1.0, 0.0]);
    let c = topsis_scores(&[vec![-1.0], vec![-3.0]], &[Direction::Cost], &[1.0]);
    assert_eq!(c, [0.0, 1.0]);
}

/// Only the weights' ratios matter: weights of 1e-200 (allowed: any weight
/// ≥ 0) rank exactly like the same ratios at ordinary sizes, by both methods.
#[test]
fn tiny_weights_rank_like_their_ratios() {
    use stack_advisor::rank::rank_columns;
    let (rows, columns) = (6, 3);
    let flat = flat_matrix(rows, columns, 5);
    let directions = [Direction::Benefit, Direction::Cost, Direction::Benefit];
    for method in [Method::Wsm, Method::Topsis] {
        let plain = rank_columns(&flat, rows, &[1.0, 2.0, 4.0], &directions, method).unwrap();
        let tiny =
            rank_columns(&flat, rows, &[1e-200, 2e-200, 4e-200], &directions, method).unwrap();
        assert_eq!(tiny.order, plain.order, "{method:?}");
        for (a, b) in tiny.scores.iter().zip(&plain.scores) {
            assert!((a - b).abs() < 1e-12, "{method:?}: {a} vs {b}");
        }
    }
}

/// Ids may have up to 500 characters (characters, not bytes: "é" is two
/// bytes): 500 pass, 501 are named at the entry's path.
#[test]
fn ids_of_up_to_500_characters_pass() {
    let id = |n: usize| "é".repeat(n);
    let input = |option: String, criterion_id: String| RankInput {
        options: vec![option, "b".into()],
        criteria: vec![criterion(&criterion_id, Direction::Benefit, 1.0)],
        values: vec![vec![1.0], vec![2.0]],
    };
    let r = rank(&input(id(500), id(500)), Method::Wsm, None).unwrap();
    assert_eq!(r.ranking, ["b", id(500).as_str()]);
    let err = rank(&input(id(501), id(501)), Method::Wsm, None).unwrap_err();
    assert_eq!(paths(&err), ["options[0]", "criteria[0].id"]);
    assert!(err.to_string().contains("1 to 500 characters"), "{err}");
}
