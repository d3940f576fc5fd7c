//! Bytes → `parse_answers` → `recommend` on the default matrix.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stack_advisor::{json, recommend, Matrix};
use std::sync::OnceLock;

#[path = "common.rs"]
mod common;

fn matrix() -> &'static Matrix {
    static MATRIX: OnceLock<Matrix> = OnceLock::new();
    MATRIX.get_or_init(stack_advisor::default_matrix)
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let answers = match json::parse_answers(text) {
        Ok(a) => a,
        Err(e) => {
            assert!(!e.issues().is_empty());
            return;
        }
    };
    match recommend(matrix(), &answers) {
        Ok(r) => common::check_recommendation(matrix(), &r),
        Err(e) => {
            assert!(!e.issues().is_empty());
            let _ = e.to_string();
        }
    }
});
