//! The native parser's paths for inputs broken in one place. The wasm build
//! reads JS values with its own reader; `tests/wasm/suite.rs` checks it
//! against the same table, so both parsers name the same paths.
#![cfg(not(target_arch = "wasm32"))]

#[path = "wasm/bad_inputs.rs"]
mod common;

use stack_advisor::json::{parse_answers, parse_matrix};
use stack_advisor::Error;

#[test]
fn the_small_matrix_is_valid() {
    let matrix = parse_matrix(common::SMALL_MATRIX).unwrap();
    stack_advisor::validate(&matrix).unwrap();
}

#[test]
fn bad_matrices_name_the_expected_paths() {
    for &(pointer, json, path, message) in common::BAD_MATRICES {
        let text = common::broken_matrix(pointer, json);
        let Err(Error::Parse(issue)) = parse_matrix(&text) else {
            panic!("{pointer} = {json}: expected a parse error");
        };
        assert_eq!(issue.path, path, "{pointer} = {json}: {issue}");
        assert!(
            issue.message.starts_with(message),
            "{pointer} = {json}: {issue}"
        );
    }
}

#[test]
fn bad_answers_name_the_expected_paths() {
    for &(text, path, message) in common::BAD_ANSWERS {
        let Err(Error::Parse(issue)) = parse_answers(text) else {
            panic!("{text}: expected a parse error");
        };
        assert_eq!(issue.path, path, "{text}: {issue}");
        assert!(issue.message.starts_with(message), "{text}: {issue}");
    }
}
