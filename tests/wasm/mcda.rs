//! `rank` and `ahpWeights` through JS (part of the wasm suite): the same
//! numbers as pymcdm's reference fixtures, the Float64Array form, and real
//! `Error`s with paths.

use js_sys::{Array, Float64Array, Reflect, Uint32Array, Uint8Array, JSON};
use stack_advisor::wasm::{ahp_weights, rank, recommend};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

#[path = "../shared/flat_matrix.rs"]
mod shared_matrix;
use shared_matrix::flat_matrix;

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
        (r#"5"#, "criteria"),
    ] {
        let input = bulk_input(1.into(), &Float64Array::from(&[1.0][..]).into());
        Reflect::set(&input, &"criteria".into(), &js(criteria)).unwrap();
        assert_eq!(error_path(&rank(input, settings()).unwrap_err()), path, "{criteria}");
        let ids = js(r#"{"options":["a"],"values":[[1]]}"#);
        Reflect::set(&ids, &"criteria".into(), &js(criteria)).unwrap();
        assert_eq!(error_path(&rank(ids, settings()).unwrap_err()), path, "{criteria} (id form)");
    }
    // An object is criteria by position in the bulk form only.
    let input = bulk_input(1.into(), &Float64Array::from(&[1.0][..]).into());
    Reflect::set(&input, &"criteria".into(), &js(r#"{"id":"x"}"#)).unwrap();
    assert_eq!(error_path(&rank(input, settings()).unwrap_err()), "criteria.id");
    let ids = js(r#"{"options":["a"],"values":[[1]],"criteria":{"id":"x"}}"#);
    assert_eq!(error_path(&rank(ids, settings()).unwrap_err()), "criteria");
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


/// The bulk form with criteria as objects and with the same criteria by
/// position (`{weights: Float64Array, cost: Uint8Array}`); every fourth a cost.
fn both_forms(rows: usize, columns: usize, values: &[f64]) -> (JsValue, JsValue) {
    let weight = |j: usize| 1.0 + (j % 3) as f64;
    let cost = |j: usize| j % 4 == 3;
    let objects: Array = (0..columns)
        .map(|j| {
            let direction = if cost(j) { "cost" } else { "benefit" };
            js(&format!(r#"{{"id":"c{j}","direction":"{direction}","weight":{}}}"#, weight(j)))
        })
        .collect();
    let weights: Vec<f64> = (0..columns).map(weight).collect();
    let costs: Vec<u8> = (0..columns).map(|j| u8::from(cost(j))).collect();
    let columns_form = js_sys::Object::new();
    Reflect::set(&columns_form, &"weights".into(), &Float64Array::from(&weights[..])).unwrap();
    Reflect::set(&columns_form, &"cost".into(), &Uint8Array::from(&costs[..])).unwrap();
    let make = |criteria: &JsValue| {
        let input = js_sys::Object::new();
        Reflect::set(&input, &"options".into(), &(rows as u32).into()).unwrap();
        Reflect::set(&input, &"criteria".into(), criteria).unwrap();
        Reflect::set(&input, &"values".into(), &Float64Array::from(values)).unwrap();
        JsValue::from(input)
    };
    (make(&objects), make(&columns_form))
}

#[wasm_bindgen_test]
fn criteria_by_position_rank_like_criteria_objects() {
    // Odd and even row counts (the weighted sum scores two rows at a time),
    // widths with and without a tail after the 4-wide loop.
    for (rows, columns, seed) in [(1, 1, 3), (2, 5, 5), (7, 7, 7), (1001, 50, 11), (64, 100, 13)] {
        let values = flat_matrix(rows, columns, seed);
        let (objects, by_position) = both_forms(rows, columns, &values);
        for method in ["wsm", "topsis"] {
            let settings = || js(&format!(r#"{{"method":"{method}"}}"#));
            let a = rank(objects.clone(), settings()).unwrap();
            let b = rank(by_position.clone(), settings()).unwrap();
            for key in ["weights", "scores"] {
                let (x, y): (Float64Array, Float64Array) = (get(&a, key).dyn_into().unwrap(), get(&b, key).dyn_into().unwrap());
                let (x, y): (Vec<u64>, Vec<u64>) = (x.to_vec().iter().map(|v| v.to_bits()).collect(), y.to_vec().iter().map(|v| v.to_bits()).collect());
                assert_eq!(x, y, "{method} {rows}x{columns} {key}");
            }
            let (x, y): (Uint32Array, Uint32Array) = (get(&a, "ranking").dyn_into().unwrap(), get(&b, "ranking").dyn_into().unwrap());
            assert_eq!(x.to_vec(), y.to_vec(), "{method} {rows}x{columns}");
            assert_eq!(get(&b, "method").as_string().unwrap(), method);
        }
    }
    // No `cost` (or null): every criterion a benefit.
    let input = js(r#"{"options":2}"#);
    let criteria = js_sys::Object::new();
    Reflect::set(&criteria, &"weights".into(), &Float64Array::from(&[1.0, 1.0][..])).unwrap();
    Reflect::set(&input, &"criteria".into(), &criteria).unwrap();
    Reflect::set(&input, &"values".into(), &Float64Array::from(&[1.0, 2.0, 3.0, 4.0][..])).unwrap();
    let r = rank(input.clone(), js(r#"{"method":"wsm"}"#)).unwrap();
    let scores: Float64Array = get(&r, "scores").dyn_into().unwrap();
    assert_eq!(scores.to_vec(), [15.0, 35.0]);
    Reflect::set(&criteria, &"cost".into(), &JsValue::NULL).unwrap();
    let again: Float64Array = get(&rank(input, js(r#"{"method":"wsm"}"#)).unwrap(), "scores").dyn_into().unwrap();
    assert_eq!(again.to_vec(), [15.0, 35.0]);
}

/// A bad value in any cell (the 4-wide loop, its tail, the first or second
/// of two rows scored together, the last odd row) is reported at its path,
/// by both forms.
#[wasm_bindgen_test]
fn a_bad_value_anywhere_is_reported_at_its_path() {
    let (rows, columns) = (5, 7);
    for bad in [f64::NAN, -0.5, 10.5, f64::INFINITY] {
        for cell in 0..rows * columns {
            let mut values = flat_matrix(rows, columns, 17);
            values[cell] = bad;
            let want = format!("values[{}][{}]", cell / columns, cell % columns);
            let (objects, by_position) = both_forms(rows, columns, &values);
            for input in [objects, by_position] {
                let err = rank(input, js(r#"{"method":"wsm"}"#)).unwrap_err();
                assert_eq!(error_path(&err), want, "{bad} at {cell}");
            }
        }
    }
}

#[wasm_bindgen_test]
fn criteria_by_position_errors_name_the_field() {
    let input = |criteria: &JsValue| {
        let input = js(r#"{"options":1}"#);
        Reflect::set(&input, &"criteria".into(), criteria).unwrap();
        Reflect::set(&input, &"values".into(), &Float64Array::from(&[1.0, 2.0][..])).unwrap();
        input
    };
    let object = |weights: JsValue, cost: JsValue| {
        let o = js_sys::Object::new();
        Reflect::set(&o, &"weights".into(), &weights).unwrap();
        if !cost.is_undefined() {
            Reflect::set(&o, &"cost".into(), &cost).unwrap();
        }
        JsValue::from(o)
    };
    let w = |x: &[f64]| -> JsValue { Float64Array::from(x).into() };
    let c = |x: &[u8]| -> JsValue { Uint8Array::from(x).into() };
    let cases = [
        (object(js("[1, 2]"), JsValue::UNDEFINED), "criteria.weights"),
        (object(w(&[1.0, 2.0]), js("[0, 1]")), "criteria.cost"),
        (object(w(&[1.0, 2.0]), c(&[0, 2])), "criteria.cost[1]"),
        (object(w(&[1.0, 2.0]), c(&[1])), "criteria.cost"),
        (object(w(&[1.0, -2.0]), c(&[0, 1])), "criteria.weights[1]"),
        (object(w(&[f64::NAN, 1.0]), JsValue::UNDEFINED), "criteria.weights[0]"),
        (object(w(&[0.0, 0.0]), JsValue::UNDEFINED), "weights"),
        (object(w(&[1.0, 1.0, 1.0]), JsValue::UNDEFINED), "values"),
        (js(r#"{"cost":null}"#), "criteria"),
        (js(r#"{"weights":null}"#), "criteria.weights"),
    ];
    for (criteria, path) in cases {
        let err = rank(input(&criteria), js(r#"{"method":"topsis"}"#)).unwrap_err();
        assert_eq!(error_path(&err), path, "{:?}", JSON::stringify(&criteria));
        assert!(!get(&err, "hint").as_string().unwrap().is_empty());
    }
    let extra = object(w(&[1.0, 1.0]), JsValue::UNDEFINED);
    Reflect::set(&extra, &"direction".into(), &"cost".into()).unwrap();
    assert_eq!(error_path(&rank(input(&extra), js(r#"{"method":"wsm"}"#)).unwrap_err()), "criteria.direction");
    // Settings' weights name criteria by id: criteria by position have none.
    let fine = object(w(&[1.0, 1.0]), JsValue::UNDEFINED);
    let err = rank(input(&fine), js(r#"{"method":"wsm","weights":{"c0":2}}"#)).unwrap_err();
    assert_eq!(error_path(&err), "weights");
    assert!(rank(input(&fine), js(r#"{"method":"wsm","weights":{}}"#)).is_ok());
}

/// The settings are read the quick way when well formed; anything unusual
/// still gets the generic reader's path.
#[wasm_bindgen_test]
fn bulk_settings_errors_name_the_field() {
    let (_, input) = both_forms(2, 2, &[1.0, 2.0, 3.0, 4.0]);
    for (settings, path) in [
        (r#"{"method":"borda"}"#, "method"),
        (r#"{"method":3}"#, "method"),
        (r#"{"weights":{}}"#, "(root)"),
        (r#"{}"#, "(root)"),
        (r#"{"method":"wsm","extra":1}"#, "extra"),
        (r#"{"method":"wsm","weights":[1]}"#, "weights"),
        (r#"[]"#, "(root)"),
    ] {
        assert_eq!(error_path(&rank(input.clone(), js(settings)).unwrap_err()), path, "{settings}");
    }
    let r = rank(input.clone(), js(r#"{"method":"topsis","weights":null}"#)).unwrap();
    assert_eq!(get(&r, "method").as_string().unwrap(), "topsis");
    // Only own fields count, as for the generic reader: an inherited one is missing.
    let proto: js_sys::Object = js(r#"{"criteria":[{"id":"x"}]}"#).unchecked_into();
    let inherited: js_sys::Object = js_sys::Object::create(&proto);
    Reflect::set(&inherited, &"options".into(), &1.into()).unwrap();
    Reflect::set(&inherited, &"values".into(), &Float64Array::from(&[1.0][..])).unwrap();
    let err = rank(inherited.into(), js(r#"{"method":"wsm"}"#)).unwrap_err();
    assert_eq!(error_path(&err), "(root)");
    assert!(get(&err, "message").as_string().unwrap().contains("criteria"));
}

/// Each row's score has the same bits whether the row is ranked alone or
/// with others (in wasm the weighted sum scores rows two at a time, and must
/// add each row's sum in the same order as for a row alone).
#[wasm_bindgen_test]
fn a_row_scores_the_same_alone_and_with_others() {
    for (rows, columns, seed) in [(9, 50, 19), (7, 7, 23), (4, 3, 29), (3, 100, 31)] {
        let values = flat_matrix(rows, columns, seed);
        let (_, all) = both_forms(rows, columns, &values);
        let settings = || js(r#"{"method":"wsm"}"#);
        let scores: Float64Array = get(&rank(all, settings()).unwrap(), "scores").dyn_into().unwrap();
        for r in 0..rows {
            let (_, alone) = both_forms(1, columns, &values[r * columns..(r + 1) * columns]);
            let one: Float64Array = get(&rank(alone, settings()).unwrap(), "scores").dyn_into().unwrap();
            assert_eq!(one.get_index(0).to_bits(), scores.get_index(r as u32).to_bits(), "{rows}x{columns} row {r}");
        }
    }
}

/// A criterion object whose `id` (or `direction`, or `weight`) is inherited
/// rather than its own reads as the generic reader reads it: the inherited
/// field is missing and an own unknown key is reported, not ignored.
#[wasm_bindgen_test]
fn inherited_criterion_fields_do_not_count() {
    for (proto, own, path) in [
        (r#"{"id":"x"}"#, r#"{"foo":1}"#, "criteria[0].foo"),
        (r#"{"direction":"cost"}"#, r#"{"id":"x","foo":1}"#, "criteria[0].foo"),
        (r#"{"weight":2}"#, r#"{"id":"x","foo":1}"#, "criteria[0].foo"),
    ] {
        let item: js_sys::Object = js_sys::Object::create(&js(proto).unchecked_into());
        js_sys::Object::assign(&item, &js(own).unchecked_into());
        let criteria = js_sys::Array::of1(&item);
        let input = js(r#"{"options":1}"#);
        Reflect::set(&input, &"criteria".into(), &criteria).unwrap();
        Reflect::set(&input, &"values".into(), &Float64Array::from(&[1.0][..])).unwrap();
        let err = rank(input, js(r#"{"method":"wsm"}"#)).unwrap_err();
        assert_eq!(error_path(&err), path, "{proto} + {own}: {:?}", get(&err, "message").as_string());
    }
}
