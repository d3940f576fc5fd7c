//! The `stack-advisor` binary: output, exit codes, and no panics on bad input.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_stack-advisor"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn recommend_prints_json() {
    let out = run(&["recommend", "--answers", "-"], r#"{"project":"ai-ml"}"#);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["verdict"], "python");
    assert!(v["reasons"].as_array().is_some_and(|r| !r.is_empty()));
}

#[test]
fn matrix_prints_the_default_matrix() {
    let out = run(&["matrix"], "");
    assert!(out.status.success());
    let m = stack_advisor::json::parse_matrix(&text(&out.stdout)).unwrap();
    assert_eq!(m.id, "node-vs-python");
}

#[test]
fn check_lists_every_problem_and_exits_1() {
    let dir = std::env::temp_dir().join(format!("sa-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.json");
    std::fs::write(
        &bad,
        r#"{"version":2,"id":"x","title":"t","options":[{"id":"a","label":"A"}],"criteria":[{"id":"c","label":"C","weight":-1}],"scores":[]}"#,
    )
    .unwrap();
    let out = run(&["check", bad.to_str().unwrap()], "");
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    for path in ["version", "options", "criteria[0].weight", "scores"] {
        assert!(
            stdout.contains(&format!(": {path}: ")),
            "{path} not in {stdout}"
        );
    }
    let good = dir.join("good.json");
    std::fs::write(&good, stack_advisor::DEFAULT_MATRIX_JSON).unwrap();
    assert_eq!(
        run(&["check", good.to_str().unwrap()], "").status.code(),
        Some(0)
    );
}

#[test]
fn bad_input_exits_2_with_one_line_and_no_backtrace() {
    let cases: [(&[&str], &str); 6] = [
        (&["recommend", "--answers", "-"], r#"{"team":"rust"}"#),
        (&["recommend", "--answers", "-"], "not json"),
        (&["recommend", "--answers", "/nonexistent/answers.json"], ""),
        (&["recommend", "--matrix"], ""),
        (&["frobnicate"], ""),
        (&["check", "/nonexistent.json"], ""),
    ];
    for (args, stdin) in cases {
        let out = run(args, stdin);
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            !err.contains("panicked") && !err.contains("backtrace"),
            "{args:?}: {err}"
        );
        assert!(err.starts_with("stack-advisor: "), "{args:?}: {err}");
    }
    let out = run(&["recommend", "--answers", "-"], r#"{"team":"rust"}"#);
    let err = text(&out.stderr);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(
        err.contains("answers.team") && err.contains("expected one of"),
        "{err}"
    );
}
