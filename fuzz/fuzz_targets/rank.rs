//! The `rank` and `ahp` commands on JSON text, as the CLI reads them.
//!
//! Input: one selector byte, then the document, then optionally a 0xFF byte
//! and a weights document (criterion id → weight). Selector bit 0 picks the
//! method (WSM or TOPSIS); bit 1 treats the document as an AHP pairwise
//! matrix instead. A document with a top-level `values` member is a numeric
//! matrix, anything else an author matrix (as in the CLI).
#![no_main]

use libfuzzer_sys::fuzz_target;
use stack_advisor::json::{self, MAX_NUMERIC_DOCUMENT_BYTES};
use stack_advisor::rank::{self, Method, RankInput};
use std::collections::BTreeMap;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let (doc, weights) = match rest.iter().position(|&b| b == 0xFF) {
        Some(at) => (&rest[..at], Some(&rest[at + 1..])),
        None => (rest, None),
    };
    let Ok(text) = std::str::from_utf8(doc) else {
        return;
    };
    let method = if selector & 1 == 0 {
        Method::Wsm
    } else {
        Method::Topsis
    };

    if selector & 2 != 0 {
        let Ok(pairwise) =
            json::parse_input::<Vec<Vec<f64>>>(text, "pairwise", MAX_NUMERIC_DOCUMENT_BYTES)
        else {
            return;
        };
        if let Ok(r) = stack_advisor::ahp::ahp_weights(&pairwise) {
            common::check_ahp(&pairwise, &r);
        }
        return;
    }

    let weights: Option<BTreeMap<String, f64>> = match weights.map(std::str::from_utf8) {
        None => None,
        Some(Err(_)) => return,
        Some(Ok(w)) => match json::parse_input(w, "weights", MAX_NUMERIC_DOCUMENT_BYTES) {
            Ok(w) => Some(w),
            Err(_) => return,
        },
    };
    if json::is_numeric_matrix(text) {
        let Ok(input) = json::parse_input::<RankInput>(text, "", MAX_NUMERIC_DOCUMENT_BYTES) else {
            return;
        };
        if let Ok(r) = rank::rank(&input, method, weights.as_ref()) {
            common::check_ranking(&input.options, &r);
        }
    } else if let Ok(matrix) = json::parse_matrix(text) {
        if let Ok(r) = rank::rank_matrix(&matrix, method, weights.as_ref()) {
            let ids: Vec<String> = matrix.options.iter().map(|o| o.id.clone()).collect();
            common::check_ranking(&ids, &r);
        }
    }
});
