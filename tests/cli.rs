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

fn temp_file(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("sa-cli-rank-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn rank_prints_method_weights_scores_ranking() {
    let matrix = temp_file("matrix.json", stack_advisor::DEFAULT_MATRIX_JSON);
    for method in ["wsm", "topsis"] {
        let out = run(&["rank", "--matrix", &matrix, "--method", method], "");
        assert!(out.status.success(), "{}", text(&out.stderr));
        let stdout = text(&out.stdout);
        let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
        let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
        assert_eq!(keys.len(), 4, "{stdout}");
        assert_eq!(v["method"], method);
        assert!(v["weights"]["io-throughput"].is_number());
        assert!(v["scores"]["node"].is_number() && v["scores"]["python"].is_number());
        assert_eq!(v["ranking"].as_array().unwrap().len(), 2);
        let at = |k: &str| stdout.find(&format!("\"{k}\"")).unwrap();
        assert!(
            at("method") < at("weights")
                && at("weights") < at("scores")
                && at("scores") < at("ranking")
        );
    }
    // A weights file re-weighs the criteria it names.
    let weights = temp_file("weights.json", r#"{"ai-ml": 10}"#);
    let out = run(
        &[
            "rank",
            "--matrix",
            &matrix,
            "--method",
            "wsm",
            "--weights",
            &weights,
        ],
        "",
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["weights"]["ai-ml"], 10.0);
    assert_eq!(v["ranking"][0], "python");
    // The numeric form, from standard input.
    let numeric = r#"{"options":["a","b"],"criteria":[{"id":"price","direction":"cost"}],"values":[[1200],[900]]}"#;
    let out = run(&["rank", "--matrix", "-", "--method", "topsis"], numeric);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["ranking"], serde_json::json!(["b", "a"]));
}

#[test]
fn ahp_prints_weights_and_consistency() {
    let out = run(
        &["ahp", "-"],
        "[[1, 3, 5], [0.3333333333333333, 1, 3], [0.2, 0.3333333333333333, 1]]",
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["weights"].as_array().unwrap().len(), 3);
    for key in [
        "geometric_mean_weights",
        "lambda_max",
        "consistency_index",
        "random_index",
        "consistency_ratio",
        "consistent",
        "iterations",
    ] {
        assert!(!v[key].is_null(), "{key} missing");
    }
    assert_eq!(v["consistent"], true);
}

#[test]
fn bad_rank_and_ahp_input_exits_2_naming_the_field() {
    let matrix = temp_file("m.json", stack_advisor::DEFAULT_MATRIX_JSON);
    let bad_weights = temp_file("w.json", r#"{"hiring": -1}"#);
    let cases: [(&[&str], &str, &str); 8] = [
        (
            &["rank", "--matrix", &matrix, "--method", "borda"],
            "",
            "--method",
        ),
        (&["rank", "--matrix", &matrix], "", "--method"),
        (&["rank", "--method", "wsm"], "", "--matrix"),
        (
            &[
                "rank",
                "--matrix",
                &matrix,
                "--method",
                "wsm",
                "--weights",
                &bad_weights,
            ],
            "",
            "weights.hiring",
        ),
        (
            &["rank", "--matrix", "-", "--method", "wsm"],
            r#"{"options":["a"],"criteria":[{"id":"c"}],"values":[[12]]}"#,
            "values[0][0]",
        ),
        (
            &["rank", "--matrix", "-", "--method", "wsm"],
            r#"{"options":["a"],"criteria":[{"id":"c","colour":1}],"values":[[1]]}"#,
            "criteria[0].colour",
        ),
        (&["ahp", "-"], "[[1, 2], [2, 1]]", "pairwise[1][0]"),
        (&["ahp", "-"], r#"[[1, "x"]]"#, "pairwise[0][1]"),
    ];
    for (args, stdin, field) in cases {
        let out = run(args, stdin);
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
        assert!(
            err.starts_with("stack-advisor: ") && err.contains(field),
            "{args:?}: {err}"
        );
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
}
