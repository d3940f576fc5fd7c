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
