//! Golden results of the native engine. The wasm tests compare their own
//! results with the same file, proving native and wasm agree to the bit.
//! Regenerate after an intended change: `UPDATE_GOLDEN=1 cargo test --test golden`.
#![cfg(not(target_arch = "wasm32"))]

#[path = "wasm/common.rs"]
mod common;

use serde_json::Value;

fn compute() -> Value {
    let matrix = stack_advisor::json::parse_matrix(common::MATRIX).unwrap();
    let cases: Vec<Value> = serde_json::from_str(common::CASES).unwrap();
    let results: Vec<Value> = cases
        .iter()
        .map(|case| {
            let answers = stack_advisor::json::parse_answers(&case["answers"].to_string()).unwrap();
            let result = stack_advisor::recommend(&matrix, &answers).unwrap();
            serde_json::json!({"name": case["name"], "result": result})
        })
        .collect();
    Value::Array(results)
}

#[test]
fn native_results_match_the_golden_file() {
    let actual = compute();
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/results.json");
        std::fs::write(path, serde_json::to_string_pretty(&actual).unwrap() + "\n").unwrap();
        return;
    }
    let expected: Value = serde_json::from_str(common::RESULTS).unwrap();
    if let Some(d) = common::diff(&actual, &expected, "results") {
        panic!("native results differ from tests/golden/results.json at {d}\nIf the change is intended, run: UPDATE_GOLDEN=1 cargo test --test golden");
    }
}
