//! `rank` and `ahpWeights` through JS (part of the wasm suite): the same
//! numbers as pymcdm's reference fixtures, the Float64Array form, and real
//! `Error`s with paths.

use js_sys::{Array, Float64Array, Reflect, JSON};
use stack_advisor::wasm::{ahp_weights, rank, recommend};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

const MATRIX: &str = include_str!("../../data/node-vs-python.json");
const EXAMPLE: &str = include_str!("../../data/examples/postgres-vs-mongodb.json");
const REFERENCE: [&str; 3] = [
    include_str!("../fixtures/reference/mixed-8x6.json"),
    include_str!("../fixtures/reference/zeros-6x5.json"),
    include_str!("../fixtures/reference/units-topsis-10x4.json"),
];

fn js(text: &str) -> JsValue {
    JSON::parse(text).unwrap()
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap()
}

fn number(value: &JsValue, key: &str) -> f64 {
    get(value, key).as_f64().unwrap()
}

fn error_path(err: &JsValue) -> String {
    assert!(err.is_instance_of::<js_sys::Error>(), "must throw a JS Error");
    get(err, "path").as_string().unwrap()
}

#[wasm_bindgen_test]
fn rank_matches_the_pymcdm_fixtures() {
    for text in REFERENCE {
        let fixture = js(text);
        let input = js_sys::Object::new();
        for key in ["options", "criteria", "values"] {
            Reflect::set(&input, &key.into(), &get(&fixture, key)).unwrap();
        }
        let expected = get(&fixture, "expected");
        for method in ["wsm", "topsis"] {
            let want = get(&expected, method);
            if want.is_undefined() {
                continue;
            }
            let settings = js(&format!(r#"{{"method":"{method}"}}"#));
            let got = rank(input.clone().into(), settings).unwrap();
            let scores = get(&got, "scores");
            let options: Array = get(&fixture, "options").unchecked_into();
            let want_scores: Array = get(&want, "scores").unchecked_into();
            for (i, o) in options.iter().enumerate() {
                let o = o.as_string().unwrap();
                let (g, w) = (number(&scores, &o), want_scores.get(i as u32).as_f64().unwrap());
                assert!((g - w).abs() <= 1e-9, "{method}/{o}: {g} vs pymcdm {w}");
            }
        }
    }
}

#[wasm_bindgen_test]
fn a_float64array_ranks_like_rows() {
    let rows = js(r#"{"options":["a","b","c"],"criteria":[{"id":"x"},{"id":"y","direction":"cost"}],"values":[[7,2],[5,5],[9,8]]}"#);
    let flat = js(r#"{"options":["a","b","c"],"criteria":[{"id":"x"},{"id":"y","direction":"cost"}]}"#);
    let values = Float64Array::from(&[7.0, 2.0, 5.0, 5.0, 9.0, 8.0][..]);
    Reflect::set(&flat, &"values".into(), &values).unwrap();
    let settings = || js(r#"{"method":"topsis"}"#);
    let a = JSON::stringify(&rank(rows, settings()).unwrap()).unwrap();
    let b = JSON::stringify(&rank(flat.clone(), settings()).unwrap()).unwrap();
    assert_eq!(String::from(a), String::from(b));

    Reflect::set(&flat, &"values".into(), &Float64Array::new_with_length(5)).unwrap();
    assert_eq!(error_path(&rank(flat, settings()).unwrap_err()), "values");
}

#[wasm_bindgen_test]
fn rank_of_an_author_matrix_uses_its_base_weights() {
    let r = rank(js(MATRIX), js(r#"{"method":"wsm"}"#)).unwrap();
    let rec = recommend(JsValue::UNDEFINED, js(MATRIX)).unwrap();
    assert_eq!(
        String::from(JSON::stringify(&get(&r, "scores")).unwrap()),
        String::from(JSON::stringify(&get(&rec, "scores")).unwrap())
    );
    let r = rank(js(EXAMPLE), js(r#"{"method":"topsis","weights":{"licence-lock-in":0}}"#)).unwrap();
    assert_eq!(number(&get(&r, "weights"), "licence-lock-in"), 0.0);
    assert!(get(&r, "scores").is_object() && Array::is_array(&get(&r, "ranking")));
}

#[wasm_bindgen_test]
fn rank_errors_name_the_field() {
    let bad = [
        (r#"{"method":"borda"}"#, "method"),
        (r#"{"method":"wsm","weights":{"nope":1}}"#, "weights.nope"),
        (r#"{"method":"wsm","weights":{"hiring":-1}}"#, "weights.hiring"),
        (r#"{"method":"wsm","extra":1}"#, "extra"),
    ];
    for (settings, path) in bad {
        assert_eq!(error_path(&rank(js(MATRIX), js(settings)).unwrap_err()), path, "{settings}");
    }
    let numeric = js(r#"{"options":["a"],"criteria":[{"id":"c"}],"values":[[11]]}"#);
    assert_eq!(error_path(&rank(numeric, js(r#"{"method":"wsm"}"#)).unwrap_err()), "values[0][0]");
    let numeric = js(r#"{"options":["a"],"criteria":[{"id":"c"}],"values":[["x"]]}"#);
    assert_eq!(error_path(&rank(numeric, js(r#"{"method":"topsis"}"#)).unwrap_err()), "values[0][0]");
}

#[wasm_bindgen_test]
fn ahp_weights_reproduce_saaty_and_report_consistency() {
    // Saaty (2008), drinks consumed in the US: .177 .019 .042 .116 .190 .129 .327.
    let r = ahp_weights(js("[[1,9,5,2,1,1,0.5],[0.1111111111111111,1,0.3333333333333333,0.1111111111111111,0.1111111111111111,0.1111111111111111,0.1111111111111111],[0.2,3,1,0.3333333333333333,0.25,0.3333333333333333,0.1111111111111111],[0.5,9,3,1,0.5,1,0.3333333333333333],[1,9,4,2,1,2,0.5],[1,9,3,1,0.5,1,0.3333333333333333],[2,9,9,3,2,3,1]]")).unwrap();
    let weights: Array = get(&r, "weights").unchecked_into();
    let published = [0.177, 0.019, 0.042, 0.116, 0.190, 0.129, 0.327];
    for (i, p) in published.iter().enumerate() {
        let w = weights.get(i as u32).as_f64().unwrap();
        assert!(((w * 1000.0).round() / 1000.0 - p).abs() < 1e-9, "{i}: {w}");
    }
    assert_eq!(get(&r, "consistent").as_bool(), Some(true));
    assert!(number(&r, "consistency_ratio") < 0.1);
    let err = ahp_weights(js("[[1,2],[2,1]]")).unwrap_err();
    assert_eq!(error_path(&err), "pairwise[1][0]");
    assert_eq!(error_path(&ahp_weights(js(r#"[[1,"x"]]"#)).unwrap_err()), "pairwise[0][1]");
}

#[wasm_bindgen_test]
fn ten_thousand_options_by_a_hundred_criteria_as_a_float64array() {
    let (n, m) = (10_000usize, 100usize);
    let input = js_sys::Object::new();
    let options: Array = (0..n).map(|i| JsValue::from_str(&format!("o{i}"))).collect();
    let criteria: Array = (0..m)
        .map(|j| js(&format!(r#"{{"id":"c{j}","direction":"{}"}}"#, if j % 2 == 0 { "benefit" } else { "cost" })))
        .collect();
    let values: Vec<f64> = (0..n * m).map(|k| ((k as u64 * 7919) % 1001) as f64 / 100.0).collect();
    Reflect::set(&input, &"options".into(), &options).unwrap();
    Reflect::set(&input, &"criteria".into(), &criteria).unwrap();
    Reflect::set(&input, &"values".into(), &Float64Array::from(&values[..])).unwrap();
    for method in ["wsm", "topsis"] {
        let r = rank(input.clone().into(), js(&format!(r#"{{"method":"{method}"}}"#))).unwrap();
        let ranking: Array = get(&r, "ranking").unchecked_into();
        assert_eq!(ranking.length() as usize, n, "{method}");
    }
}

fn bulk_input(count: JsValue, values: &JsValue) -> JsValue {
    let input = js(r#"{"criteria":[{"id":"x","weight":2},{"id":"y","direction":"cost"}]}"#);
    Reflect::set(&input, &"options".into(), &count).unwrap();
    Reflect::set(&input, &"values".into(), values).unwrap();
    input
}

#[wasm_bindgen_test]
fn the_bulk_form_returns_typed_arrays_by_position() {
    let values = [7.0, 2.0, 5.0, 5.0, 9.0, 8.0, 7.0, 2.0];
    let ids = js(r#"{"options":["a","b","c","d"],"criteria":[{"id":"x","weight":2},{"id":"y","direction":"cost"}],"values":[[7,2],[5,5],[9,8],[7,2]]}"#);
    let bulk = bulk_input(4.into(), &Float64Array::from(&values[..]).into());
    for method in ["wsm", "topsis"] {
        let settings = || js(&format!(r#"{{"method":"{method}","weights":{{"y":3}}}}"#));
        let by_id = rank(ids.clone(), settings()).unwrap();
        let r = rank(bulk.clone(), settings()).unwrap();
        assert_eq!(get(&r, "method").as_string().unwrap(), method);
        let scores: Float64Array = get(&r, "scores").dyn_into().expect("scores is a Float64Array");
        let ranking: js_sys::Uint32Array = get(&r, "ranking").dyn_into().expect("ranking is a Uint32Array");
        let weights: Float64Array = get(&r, "weights").dyn_into().expect("weights is a Float64Array");
        assert_eq!(weights.to_vec(), [2.0, 3.0]);
        // The same scores as the id form, bit for bit, in row order.
        let by_id_scores = get(&by_id, "scores");
        for (o, id) in ["a", "b", "c", "d"].iter().enumerate() {
            assert_eq!(scores.get_index(o as u32), number(&by_id_scores, id), "{method} {id}");
        }
        // Row indices, best first, ties (rows 0 and 3) in row order.
        let names: Vec<String> = ranking.to_vec().iter().map(|&o| ["a", "b", "c", "d"][o as usize].to_string()).collect();
        let by_id_ranking: Vec<String> = Array::from(&get(&by_id, "ranking")).iter().map(|v| v.as_string().unwrap()).collect();
        assert_eq!(names, by_id_ranking, "{method}");
        let first_tie = ranking.to_vec().iter().position(|&o| o == 0 || o == 3).unwrap();
        assert_eq!(ranking.get_index(first_tie as u32), 0, "{method}: ties keep the row order");
    }
}

#[wasm_bindgen_test]
fn bulk_errors_name_the_field() {
    let settings = || js(r#"{"method":"wsm"}"#);
    let four = || -> JsValue { Float64Array::from(&[1.0, 2.0, 3.0, 4.0][..]).into() };
    let cases: [(JsValue, JsValue, &str); 8] = [
        (1.5.into(), four(), "options"),
        ((-1.0).into(), four(), "options"),
        (10_001.into(), four(), "options"),
        (f64::NAN.into(), four(), "options"),
        (0.into(), Float64Array::new_with_length(0).into(), "options"),
        (2.into(), js("[[1,2],[3,4]]"), "values"),
        (3.into(), four(), "values"),
        (2.into(), Float64Array::from(&[1.0, 2.0, 11.0, 4.0][..]).into(), "values[1][0]"),
    ];
    for (count, values, path) in cases {
        let err = rank(bulk_input(count.clone(), &values), settings()).unwrap_err();
        assert_eq!(error_path(&err), path, "options {count:?}");
        assert!(!get(&err, "hint").as_string().unwrap().is_empty());
    }
    // A criterion the fast reader does not take goes to the generic reader,
    // with the same paths as the id form.
    for (criteria, path) in [
        (r#"[{"id":"x","extra":1}]"#, "criteria[0].extra"),
        (r#"[{"id":"x","direction":"up"}]"#, "criteria[0].direction"),
        (r#"[{"id":"x","weight":"2"}]"#, "criteria[0].weight"),
        (r#"[{"id":7}]"#, "criteria[0].id"),
        (r#"[{"direction":"cost"}]"#, "criteria[0]"),
        (r#"[5]"#, "criteria[0]"),
        (r#"{"id":"x"}"#, "criteria"),
    ] {
        let input = bulk_input(1.into(), &Float64Array::from(&[1.0][..]).into());
        Reflect::set(&input, &"criteria".into(), &js(criteria)).unwrap();
        assert_eq!(error_path(&rank(input, settings()).unwrap_err()), path, "{criteria}");
        let ids = js(r#"{"options":["a"],"values":[[1]]}"#);
        Reflect::set(&ids, &"criteria".into(), &js(criteria)).unwrap();
        assert_eq!(error_path(&rank(ids, settings()).unwrap_err()), path, "{criteria} (id form)");
    }
    let missing = js(r#"{"options":1}"#);
    Reflect::set(&missing, &"values".into(), &Float64Array::from(&[1.0][..])).unwrap();
    assert_eq!(error_path(&rank(missing, settings()).unwrap_err()), "(root)");
}

#[wasm_bindgen_test]
fn ten_thousand_rows_in_the_bulk_form() {
    let (n, m) = (10_000usize, 100usize);
    let criteria: Array = (0..m)
        .map(|j| js(&format!(r#"{{"id":"c{j}","direction":"{}"}}"#, if j % 2 == 0 { "benefit" } else { "cost" })))
        .collect();
    let values: Vec<f64> = (0..n * m).map(|k| ((k as u64 * 7919) % 1001) as f64 / 100.0).collect();
    let input = bulk_input((n as u32).into(), &Float64Array::from(&values[..]).into());
    Reflect::set(&input, &"criteria".into(), &criteria).unwrap();
    for method in ["wsm", "topsis"] {
        let r = rank(input.clone(), js(&format!(r#"{{"method":"{method}"}}"#))).unwrap();
        let scores: Float64Array = get(&r, "scores").dyn_into().unwrap();
        let ranking: js_sys::Uint32Array = get(&r, "ranking").dyn_into().unwrap();
        assert_eq!((scores.length() as usize, ranking.length() as usize), (n, n), "{method}");
        let order = ranking.to_vec();
        assert!(order.windows(2).all(|w| scores.get_index(w[0]) >= scores.get_index(w[1])), "{method}");
    }
}
