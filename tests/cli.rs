//! The `stack-advisor` binary: output, exit codes, and no panics on bad input.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::run_cli as run;

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

/// `check` on a matrix broken in several places at once: every structural
/// problem is listed (the parser alone stops at the first), exit 1.
#[test]
fn check_lists_every_structural_problem() {
    let file = temp_file(
        "structure.json",
        r#"{"version":"one","title":"T","colour":"red",
            "options":[{"id":"a","label":"A","summary":null},{"id":"b"}],
            "criteria":[{"id":"c","label":"C","weight":"1","direction":"up"}],
            "scores":[{"option":"a","criterion":"c","value":1}],
            "confidence":{"clear":10}}"#,
    );
    let out = run(&["check", &file], "");
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let expected = [
        ("(root)", "missing field `id`"),
        ("colour", "unknown field `colour`"),
        ("confidence", "missing field `lean`"),
        ("criteria[0].direction", "unknown variant `up`"),
        ("criteria[0].weight", "invalid type: string \"1\""),
        ("options[0].summary", "invalid type: null"),
        ("options[1]", "missing field `label`"),
        ("version", "invalid type: string \"one\""),
    ];
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), expected.len() + 1, "{stdout}");
    for (path, message) in expected {
        let prefix = format!("{file}: {path}: {message}");
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with(&prefix) && l.contains(" — ")),
            "no {prefix} in {stdout}"
        );
    }
    assert_eq!(lines.last(), Some(&"8 problems"), "{stdout}");
    assert!(text(&out.stderr).is_empty(), "{}", text(&out.stderr));
}

/// Broken JSON is one problem of the file (exit 1, like any other), a file
/// that cannot be read is bad input (exit 2).
#[test]
fn check_reports_broken_json_as_one_problem() {
    let file = temp_file("broken.json", r#"{"version": 1,}"#);
    let out = run(&["check", &file], "");
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(
        stdout.starts_with(&format!(
            "{file}: (root): trailing comma at line 1 column 15 — fix the JSON"
        )),
        "{stdout}"
    );
    assert!(stdout.ends_with("\n1 problem\n"), "{stdout}");
    let out = run(&["check", "-"], "[]");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stdout)
            .starts_with("(stdin): (root): invalid type: sequence, expected struct Matrix"),
        "{}",
        text(&out.stdout)
    );
    let out = run(&["check", "/nonexistent/matrix.json"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stdout).is_empty());
}

/// The message of the issue: an unknown id after a duplicated one reads
/// "is not an option — expected postgres", not "is not a option —
/// expected one of postgres, postgres".
#[test]
fn unknown_ids_read_well() {
    let mut m: serde_json::Value =
        serde_json::from_str(include_str!("../data/examples/postgres-vs-mongodb.json")).unwrap();
    m["options"][1]["id"] = "postgres".into();
    let file = temp_file("duplicate.json", &m.to_string());
    let out = run(&["check", &file], "");
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains(&format!(
            "{file}: options: the id \"postgres\" is used more than once — give every entry its own id\n"
        )),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!(
            "{file}: scores[1].option: \"mongodb\" is not an option — expected postgres\n"
        )),
        "{stdout}"
    );
    // One report per repeated id, not one per missing score of each copy.
    assert_eq!(stdout.matches("used more than once").count(), 1, "{stdout}");
    assert!(!stdout.contains("no score for option"), "{stdout}");
    assert_well_worded(&stdout);
}

/// No "a option", no list naming an id twice, no "problem(s)".
fn assert_well_worded(output: &str) {
    for line in output.lines() {
        assert!(!line.contains("(s)"), "{line}");
        for (i, _) in line.match_indices("a ") {
            let starts_word = i == 0 || !line.as_bytes()[i - 1].is_ascii_alphanumeric();
            let next = line[i + 2..].bytes().next();
            assert!(
                !(starts_word && matches!(next, Some(b'a' | b'e' | b'i' | b'o'))),
                "\"a\" before a vowel: {line}"
            );
        }
        if let Some((_, list)) = line.split_once("one of ") {
            let list = list.split([')', '—', ';']).next().unwrap_or_default();
            let items: Vec<&str> = list.split(", ").map(str::trim).collect();
            assert!(items.len() >= 2, "a list of one: {line}");
            for (k, item) in items.iter().enumerate() {
                assert!(!items[..k].contains(item), "{item} twice: {line}");
            }
        }
    }
}

/// Every message the matrix and answers checks give for unknown ids, on a
/// matrix with an option, a criterion, a source, a question and a choice
/// that each name nothing, and answers that do the same.
#[test]
fn every_unknown_id_message_reads_well() {
    let mut m: serde_json::Value =
        serde_json::from_str(stack_advisor::DEFAULT_MATRIX_JSON).unwrap();
    m["options"][1]["id"] = m["options"][0]["id"].clone();
    m["criteria"][1]["id"] = m["criteria"][0]["id"].clone();
    m["scores"][0]["criterion"] = "nope".into();
    m["scores"][0]["sources"] = serde_json::json!(["nowhere"]);
    m["criteria"][0]["evidence"][0]["source"] = "nowhere".into();
    m["questions"][0]["choices"][0]["weights"] = serde_json::json!({"nope": 1});
    m["disputes"][1]["when"] = serde_json::json!([{"question": "nope", "choice": "x"}]);
    m["rules"][0]["groups"][0]["option"] = "nope".into();
    m["disputes"][0]["when"] = serde_json::json!([{"question": "project", "choice": "nope"}]);
    let file = temp_file("unknown-ids.json", &m.to_string());
    let out = run(&["check", &file], "");
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    for what in [
        "an option",
        "a criterion",
        "a source",
        "a question",
        "a choice",
    ] {
        assert!(
            stdout.contains(&format!("is not {what} — expected")),
            "{what}: {stdout}"
        );
    }
    assert_well_worded(&stdout);
    let mut stderr = String::new();
    for answers in [
        r#"{"team":"rust"}"#,
        r#"{"colour":"red"}"#,
        r#"{"priorities":{"nope":1}}"#,
        r#"{"weights":{"vibes":1}}"#,
    ] {
        let out = run(&["recommend", "--answers", "-"], answers);
        assert_eq!(out.status.code(), Some(2));
        stderr.push_str(&text(&out.stderr));
    }
    assert!(
        stderr.contains("is not a priority (expected one of"),
        "{stderr}"
    );
    assert_well_worded(&stderr);
    // The check can fail: the old wording does.
    let old = "x: \"mongodb\" is not a option — expected one of postgres, postgres";
    assert!(std::panic::catch_unwind(|| assert_well_worded(old)).is_err());
}

/// A malformed answers file names `answers` (not `answers.?`) and points to
/// the answers format, not the matrix format.
#[test]
fn malformed_answers_name_answers_and_their_format() {
    for (answers, message) in [
        ("not json", "expected ident at line 1 column 2"),
        (
            r#"{"team":"javascript",}"#,
            "trailing comma at line 1 column 22",
        ),
        (
            r#"{"team":"javascript" "needs":[]}"#,
            "expected `,` or `}` at line 1 column 22",
        ),
        ("[1]", "invalid type: sequence, expected a map"),
        ("", "EOF while parsing a value"),
    ] {
        let file = temp_file("answers.json", answers);
        let out = run(&["recommend", "--answers", &file], "");
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{answers}: {err}");
        assert_eq!(err.lines().count(), 1, "{answers}: {err}");
        assert!(
            err.starts_with(&format!(
                "stack-advisor: {file}: cannot read input: answers: {message}"
            )),
            "{answers}: {err}"
        );
        assert!(
            err.contains("the answers format is in docs/matrix-format.md#answers"),
            "{answers}: {err}"
        );
        assert!(!err.contains("answers.?"), "{answers}: {err}");
    }
    // The section it points to exists.
    let doc = include_str!("../docs/matrix-format.md");
    assert!(doc.contains("\n## Answers\n"));
}

/// A usage error is one line that says what is wrong and points to
/// `--help`; exit 2, nothing on standard output.
#[test]
fn usage_errors_are_one_line_pointing_to_help() {
    let cases: [(&[&str], &str); 11] = [
        (&[], "no subcommand given"),
        (&["frobnicate"], "unknown subcommand 'frobnicate'"),
        (&["--verbose"], "unknown option '--verbose'"),
        (&["check"], "check needs a FILE"),
        (
            &["check", "a.json", "b.json"],
            "check takes one FILE, got 2 arguments",
        ),
        (&["ahp"], "ahp needs a FILE"),
        (&["matrix", "extra"], "matrix takes no arguments"),
        (
            &["recommend", "--matrix"],
            "recommend: --matrix needs a value",
        ),
        (
            &["recommend", "--colour", "red"],
            "recommend: unknown option '--colour'",
        ),
        (&["rank", "--method", "wsm"], "rank needs --matrix FILE"),
        (
            &["rank", "--matrix", "-", "--matrix", "-"],
            "rank: --matrix is given twice",
        ),
    ];
    for (args, message) in cases {
        let out = run(args, "");
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(
            err.starts_with(&format!("stack-advisor: {message}"))
                && err.ends_with("; see stack-advisor --help\n"),
            "{args:?}: {err}"
        );
        assert!(out.stdout.is_empty(), "{args:?}");
    }
}

/// `--help` (anywhere), `-h` and `help` print the usage with all five
/// subcommands, exit 0.
#[test]
fn help_lists_all_five_subcommands() {
    for args in [
        &["--help"][..],
        &["-h"],
        &["help"],
        &["help", "check"],
        &["check", "--help"],
        &["rank", "--matrix", "m.json", "-h"],
    ] {
        let out = run(args, "");
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        let stdout = text(&out.stdout);
        for sub in ["recommend", "check", "matrix", "rank", "ahp"] {
            assert!(
                stdout.contains(&format!("stack-advisor {sub} ")),
                "{args:?}: {sub} missing from {stdout}"
            );
        }
        assert!(stdout.contains("Exit status"), "{stdout}");
    }
}

/// An invalid `--matrix` for `recommend` is one line; with several
/// problems it says how to list them all.
#[test]
fn recommend_with_an_invalid_matrix_points_to_check() {
    let file = temp_file(
        "two-problems.json",
        &stack_advisor::DEFAULT_MATRIX_JSON
            .replacen(r#""version": 1"#, r#""version": 2"#, 1)
            .replacen(r#""id": "node-vs-python""#, r#""id": "Node""#, 1),
    );
    let out = run(&["recommend", "--matrix", &file], "");
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with(&format!(
            "stack-advisor: {file}: invalid matrix: version: version 2 is not supported"
        )) && err.ends_with(&format!(
            "(and 1 more); `stack-advisor check {file}` lists them all\n"
        )),
        "{err}"
    );
}
