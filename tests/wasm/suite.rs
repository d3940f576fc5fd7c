// The wasm test suite, included by `wasm_node.rs` (runs in Node) and
// `wasm_browser.rs` (runs in headless Chromium).

#[path = "common.rs"]
mod common;
#[path = "bad_inputs.rs"]
mod bad_inputs;
#[path = "mcda.rs"]
mod mcda;

use js_sys::{Array, Reflect, JSON};
use stack_advisor::wasm::{recommend, validate_matrix};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

fn js(text: &str) -> JsValue {
    JSON::parse(text).unwrap()
}

fn to_json(value: &JsValue) -> serde_json::Value {
    serde_json::from_str(&String::from(JSON::stringify(value).unwrap())).unwrap()
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap()
}

#[wasm_bindgen_test]
fn golden_cases_match_the_native_engine() {
    let matrix = js(common::MATRIX);
    let cases: Array = js(common::CASES).unchecked_into();
    let expected: Vec<serde_json::Value> = serde_json::from_str(common::RESULTS).unwrap();
    assert_eq!(cases.length() as usize, expected.len());
    for (i, case) in cases.iter().enumerate() {
        let got = recommend(get(&case, "answers"), matrix.clone()).unwrap();
        let name = String::from(JSON::stringify(&get(&case, "name")).unwrap());
        if let Some(d) = common::diff(&to_json(&got), &expected[i]["result"], "result") {
            panic!("case {name}: wasm differs from native at {d}");
        }
    }
}

#[wasm_bindgen_test]
fn results_are_plain_objects() {
    let got = recommend(js(r#"{"project":"realtime"}"#), js(common::MATRIX)).unwrap();
    let scores = get(&got, "scores");
    assert!(scores.is_object() && !scores.is_instance_of::<js_sys::Map>(), "maps must arrive as plain objects");
    assert_eq!(get(&got, "verdict").as_string().as_deref(), Some("node"));
}

#[wasm_bindgen_test]
fn an_undefined_matrix_reuses_the_last_valid_one() {
    let answers = r#"{"project":"ai-ml"}"#;
    let fresh = recommend(js(answers), js(common::MATRIX)).unwrap();
    let reused = recommend(js(answers), JsValue::UNDEFINED).unwrap();
    assert_eq!(to_json(&reused), to_json(&fresh));
    // A matrix that fails is not kept: the valid one before it still is.
    let mut broken: serde_json::Value = serde_json::from_str(common::MATRIX).unwrap();
    broken["options"][0]["id"] = "Not An Id".into();
    assert!(recommend(js(answers), js(&broken.to_string())).is_err());
    let after = recommend(js(answers), JsValue::UNDEFINED).unwrap();
    assert_eq!(to_json(&after), to_json(&fresh));
}

#[wasm_bindgen_test]
fn undefined_answers_are_neutral() {
    let none = recommend(JsValue::UNDEFINED, js(common::MATRIX)).unwrap();
    let empty = recommend(js("{}"), js(common::MATRIX)).unwrap();
    assert_eq!(to_json(&none), to_json(&empty));
}

#[wasm_bindgen_test]
fn bad_answers_throw_a_real_error_with_path_and_hint() {
    let err = recommend(js(r#"{"team":"rust","needs":5}"#), js(common::MATRIX)).unwrap_err();
    assert!(err.is_instance_of::<js_sys::Error>(), "must be a JS Error, not a string");
    let message = String::from(err.unchecked_ref::<js_sys::Error>().message());
    assert!(message.contains("answers.needs") || message.contains("answers.team"), "{message}");
    assert!(get(&err, "path").as_string().is_some_and(|p| p.starts_with("answers.")));
    assert!(get(&err, "hint").as_string().is_some_and(|h| !h.is_empty()));
    let issues: Array = get(&err, "issues").unchecked_into();
    assert_eq!(issues.length(), 2, "every problem is reported");
}

#[wasm_bindgen_test]
fn hostile_values_are_errors_not_traps() {
    let matrix = js(common::MATRIX);
    // NaN and Infinity cannot be written in JSON but can be passed from JS.
    let nan_answers = js(r#"{"priorities":{"hiring":1}}"#);
    Reflect::set(&get(&nan_answers, "priorities"), &"hiring".into(), &JsValue::from_f64(f64::NAN)).unwrap();
    assert!(recommend(nan_answers, matrix.clone()).is_err());
    let inf_matrix = js(common::MATRIX);
    let first_score = Array::from(&get(&inf_matrix, "scores")).get(0);
    Reflect::set(&first_score, &"value".into(), &JsValue::from_f64(f64::INFINITY)).unwrap();
    let err = recommend(JsValue::UNDEFINED, inf_matrix).unwrap_err();
    assert_eq!(get(&err, "path").as_string().as_deref(), Some("scores[0].value"));
    // Deeply nested values fail at the first level that has the wrong type.
    let deep = format!(r#"{{"needs":{}{}}}"#, "[".repeat(5000), "]".repeat(5000));
    assert!(recommend(js(&deep), matrix.clone()).is_err());
    let huge = format!(r#"{{"version":"{}"}}"#, "a".repeat(300_000));
    let err = recommend(JsValue::UNDEFINED, js(&huge)).unwrap_err();
    assert!(String::from(err.unchecked_ref::<js_sys::Error>().message()).len() < 400, "messages stay short");
    // Wrong top-level types.
    for bad in ["42", "\"text\"", "[]", "true"] {
        assert!(recommend(js(bad), matrix.clone()).is_err(), "answers {bad}");
        assert!(recommend(JsValue::UNDEFINED, js(bad)).is_err(), "matrix {bad}");
    }
    // The instance still works afterwards.
    assert!(recommend(js("{}"), matrix).is_ok());
}

#[wasm_bindgen_test]
fn validate_matrix_lists_every_issue() {
    let ok: Array = validate_matrix(js(common::MATRIX)).unwrap().unchecked_into();
    assert_eq!(ok.length(), 0);
    let bad = js(r#"{"version":1,"id":"x","title":"t","options":[{"id":"a","label":"A"},{"id":"a","label":"B"}],
        "criteria":[{"id":"c","label":"C","weight":-1}],"scores":[{"option":"a","criterion":"zz","value":11}]}"#);
    let issues: Array = validate_matrix(bad).unwrap().unchecked_into();
    let paths: Vec<String> = issues.iter().map(|i| get(&i, "path").as_string().unwrap()).collect();
    for p in ["options", "criteria[0].weight", "scores[0].criterion", "scores[0].value"] {
        assert!(paths.iter().any(|x| x == p), "{p} missing from {paths:?}");
    }
    let unparseable: Array = validate_matrix(js(r#"{"version":"one"}"#)).unwrap().unchecked_into();
    assert_eq!(get(&unparseable.get(0), "path").as_string().as_deref(), Some("version"));
}

/// Like `check` natively (`tests/parse_paths.rs`), `validateMatrix` lists
/// every structural problem of a matrix broken in many places at once, and
/// `recommend` throws the first.
#[wasm_bindgen_test]
fn validate_matrix_lists_every_structural_problem() {
    let (text, places) = bad_inputs::every_broken_place();
    let issues: Array = validate_matrix(js(&text)).unwrap().unchecked_into();
    let found: Vec<(String, String)> = issues
        .iter()
        .map(|i| (get(&i, "path").as_string().unwrap(), get(&i, "message").as_string().unwrap()))
        .collect();
    for (path, message) in &places {
        assert!(
            found.iter().any(|(p, m)| p == path && m.starts_with(message)),
            "no {path} ({message}) in {found:#?}"
        );
    }
    assert_eq!(found.len(), places.len(), "{found:#?}");
    let err = recommend(JsValue::UNDEFINED, js(&text)).unwrap_err();
    let thrown: Array = get(&err, "issues").unchecked_into();
    assert_eq!(thrown.length(), 1);
    assert_eq!(get(&err, "path").as_string(), Some(found[0].0.clone()));
}

/// Hundreds of structural problems: the first 200 and a count of the rest,
/// as natively.
#[wasm_bindgen_test]
fn validate_matrix_lists_at_most_max_issues() {
    let mut matrix: serde_json::Value = serde_json::from_str(bad_inputs::SMALL_MATRIX).unwrap();
    matrix["scores"] = serde_json::json!(vec!["x"; 300]);
    let issues: Array = validate_matrix(js(&matrix.to_string())).unwrap().unchecked_into();
    assert_eq!(issues.length(), 201);
    assert_eq!(get(&issues.get(199), "path").as_string().as_deref(), Some("scores[199]"));
    assert_eq!(
        get(&issues.get(200), "message").as_string().as_deref(),
        Some("100 more issues not listed")
    );
    let native = stack_advisor::validate::MAX_ISSUES;
    assert_eq!(native, 200);
}

/// Same table as the native `tests/parse_paths.rs`: both parsers name the
/// same path, and their messages start alike (so the hints are the same).
#[wasm_bindgen_test]
fn js_reader_and_native_parser_name_the_same_paths() {
    let first = |issues: &Array| {
        let issue = issues.get(0);
        (get(&issue, "path").as_string().unwrap(), get(&issue, "message").as_string().unwrap())
    };
    for &(pointer, json, path, message) in bad_inputs::BAD_MATRICES {
        let text = bad_inputs::broken_matrix(pointer, json);
        let issues: Array = validate_matrix(js(&text)).unwrap().unchecked_into();
        if path != "(root)" {
            assert_eq!(issues.length(), 1, "{pointer} = {json}: one broken place, one issue");
        }
        let (got_path, got_message) = first(&issues);
        assert_eq!(got_path, path, "{pointer} = {json}: {got_message}");
        assert!(got_message.starts_with(message), "{pointer} = {json}: {got_message}");
        let err = recommend(JsValue::UNDEFINED, js(&text)).unwrap_err();
        assert_eq!(get(&err, "path").as_string().as_deref(), Some(path), "{pointer} = {json}");
    }
    let matrix = js(bad_inputs::SMALL_MATRIX);
    assert_eq!(Array::from(&validate_matrix(matrix.clone()).unwrap()).length(), 0);
    for &(text, path, message) in bad_inputs::BAD_ANSWERS {
        let err = recommend(js(text), js(common::MATRIX)).unwrap_err();
        let issues: Array = get(&err, "issues").unchecked_into();
        let (got_path, got_message) = first(&issues);
        assert_eq!(got_path, path, "{text}: {got_message}");
        assert!(got_message.starts_with(message), "{text}: {got_message}");
    }
}

#[wasm_bindgen_test]
fn undefined_members_count_as_absent() {
    // JSON.stringify drops them, so the reader does too.
    let matrix = js(bad_inputs::SMALL_MATRIX);
    let option = Array::from(&get(&matrix, "options")).get(0);
    Reflect::set(&option, &"summary".into(), &JsValue::UNDEFINED).unwrap();
    Reflect::set(&option, &"colour".into(), &JsValue::UNDEFINED).unwrap();
    let answers = js("{}");
    Reflect::set(&answers, &"q".into(), &JsValue::UNDEFINED).unwrap();
    assert!(recommend(answers, matrix).is_ok());
}

#[wasm_bindgen_test]
fn a_key_holding_the_readers_separator_is_still_read_whole() {
    // The reader joins an object's keys with U+001F to fetch them in one
    // call; a key holding that character must not be split.
    let matrix = js(bad_inputs::SMALL_MATRIX);
    let option = Array::from(&get(&matrix, "options")).get(0);
    Reflect::set(&option, &"odd\u{1f}key".into(), &JsValue::from(1)).unwrap();
    let err = recommend(JsValue::UNDEFINED, matrix).unwrap_err();
    let message = get(&err, "message").as_string().unwrap_or_default();
    assert!(message.contains("unknown field `odd\u{1f}key`"), "{message}");
    // And without it the same object reads, members in any order.
    let matrix = js(bad_inputs::SMALL_MATRIX);
    let option = Array::from(&get(&matrix, "options")).get(0);
    let id = get(&option, "id");
    Reflect::delete_property(option.unchecked_ref::<js_sys::Object>(), &"id".into()).unwrap();
    Reflect::set(&option, &"id".into(), &id).unwrap();
    assert!(recommend(JsValue::UNDEFINED, matrix).is_ok());
}
