//! Helpers shared by the integration tests: `mod common;` in a test file.
//! Each test file is its own crate and may use only some of them.
#![allow(dead_code)]

use stack_advisor::Error;
use std::io::Write;
use std::process::{Command, Output, Stdio};

/// The JSON paths of an error's issues, in the order they were reported.
pub fn paths(err: &Error) -> Vec<String> {
    err.issues().iter().map(|i| i.path.clone()).collect()
}

/// Runs the `stack-advisor` binary with `args`, `stdin` on its standard input.
pub fn run_cli(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_stack-advisor"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the CLI starts");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(stdin.as_bytes())
        .expect("stdin takes the input");
    child.wait_with_output().expect("the CLI ends")
}
