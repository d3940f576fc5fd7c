//! Helpers shared by the integration tests: `mod common;` in a test file.
//! Each test file is its own crate and may use only some of them.
#![allow(dead_code)]

use stack_advisor::Error;

/// The JSON paths of an error's issues, in the order they were reported.
pub fn paths(err: &Error) -> Vec<String> {
    err.issues().iter().map(|i| i.path.clone()).collect()
}
