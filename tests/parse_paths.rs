//! The native parser's paths for inputs broken in one place. The wasm build
//! reads JS values with its own reader; `tests/wasm/suite.rs` checks it
//! against the same table, so both parsers name the same paths.
#![cfg(not(target_arch = "wasm32"))]

#[path = "wasm/bad_inputs.rs"]
mod common;

use stack_advisor::json::{check_matrix, parse_answers, parse_matrix};
use stack_advisor::validate::MAX_ISSUES;
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

/// The structural problems `check_matrix` lists (it fails the test on
/// anything else).
fn structural(text: &str) -> Vec<stack_advisor::Issue> {
    match check_matrix(text) {
        Err(Error::InvalidMatrix(issues)) => issues,
        other => panic!("expected structural problems, got {other:?}"),
    }
}

#[test]
fn check_finds_each_broken_place_where_the_parser_does() {
    for &(pointer, json, path, message) in common::BAD_MATRICES {
        let issues = structural(&common::broken_matrix(pointer, json));
        assert!(
            issues
                .iter()
                .any(|i| i.path == path && i.message.starts_with(message)),
            "{pointer} = {json}: {issues:?}"
        );
        // One broken place, one problem (a whole matrix replaced by
        // `{"version":1}` lacks five fields).
        if path != "(root)" {
            assert_eq!(issues.len(), 1, "{pointer} = {json}: {issues:?}");
        }
    }
}

/// A matrix broken in every place of `BAD_MATRICES` at once: the parser
/// names the first, `check` names every one.
#[test]
fn check_reports_every_structural_problem_at_once() {
    let (text, places) = common::every_broken_place();
    assert!(places.len() >= 15, "{}", places.len());
    let issues = structural(&text);
    for (path, message) in &places {
        assert!(
            issues
                .iter()
                .any(|i| &i.path == path && i.message.starts_with(message)),
            "no {path} ({message}) in {issues:#?}"
        );
    }
    assert_eq!(issues.len(), places.len(), "{issues:#?}");
    let Err(Error::Parse(first)) = parse_matrix(&text) else {
        panic!("the parser must stop at a problem");
    };
    assert!(issues.iter().any(|i| i.path == first.path), "{first}");
}

/// A structurally sound matrix reads exactly as the parser reads it, and
/// then meets the format's rules (or not) as `validate` says.
#[test]
fn check_reads_sound_matrices_as_the_parser_does() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
    let mut files = vec![format!("{dir}/node-vs-python.json")];
    for entry in std::fs::read_dir(format!("{dir}/examples")).unwrap() {
        let path = entry.unwrap().path();
        // Matrices only (data/examples/ahp/ holds a pairwise comparison).
        if path.extension().is_some_and(|e| e == "json") {
            files.push(path.to_string_lossy().into_owned());
        }
    }
    files.push(common::SMALL_MATRIX.to_string());
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap_or_else(|_| file.clone());
        assert_eq!(
            check_matrix(&text).unwrap(),
            parse_matrix(&text).unwrap(),
            "{file}"
        );
    }
    // Sound structure, broken rules: the validator's issues.
    let text = common::SMALL_MATRIX.replace(r#""value":2"#, r#""value":12"#);
    let Err(Error::InvalidMatrix(issues)) = check_matrix(&text) else {
        panic!("a score of 12 is invalid");
    };
    let matrix = parse_matrix(&text).unwrap();
    assert_eq!(
        Err(Error::InvalidMatrix(issues)),
        stack_advisor::validate(&matrix)
    );
}

/// Hundreds of missing fields: a bounded number of passes, a bounded list,
/// and a note that there may be more.
#[test]
fn check_stops_after_max_issues_passes() {
    let options = vec![serde_json::json!({}); 300];
    let text = serde_json::json!({"version": 1, "id": "m", "title": "T", "options": options,
        "criteria": [], "scores": []})
    .to_string();
    let started = std::time::Instant::now();
    let issues = structural(&text);
    assert_eq!(issues.len(), MAX_ISSUES + 1);
    assert!(issues[..MAX_ISSUES]
        .iter()
        .all(|i| i.message.starts_with("missing field")));
    assert!(
        issues[MAX_ISSUES]
            .message
            .starts_with("reading stopped after"),
        "{:?}",
        issues[MAX_ISSUES]
    );
    assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
    // Many problems in one pass: the list is cut at MAX_ISSUES and the
    // rest counted.
    let options = vec![serde_json::json!({"id": "a", "label": "A", "x": 1}); 250];
    let text = serde_json::json!({"version": 1, "id": "m", "title": "T", "options": options,
        "criteria": [], "scores": []})
    .to_string();
    let issues = structural(&text);
    assert_eq!(issues.len(), MAX_ISSUES + 1);
    assert_eq!(issues[MAX_ISSUES].message, "50 more issues not listed");
    // The same in the wasm build (tests/wasm/suite.rs).
    let mut matrix: serde_json::Value = serde_json::from_str(common::SMALL_MATRIX).unwrap();
    matrix["scores"] = serde_json::json!(vec!["x"; 300]);
    let issues = structural(&matrix.to_string());
    assert_eq!(issues.len(), MAX_ISSUES + 1);
    assert_eq!(issues[MAX_ISSUES - 1].path, "scores[199]");
    assert_eq!(issues[MAX_ISSUES].message, "100 more issues not listed");
}

#[test]
fn broken_json_is_at_the_root_with_line_and_column() {
    for text in [
        "not json",
        r#"{"version":1,}"#,
        r#"{"version":1 "id":"m"}"#,
        "",
    ] {
        let Err(Error::Parse(issue)) = check_matrix(text) else {
            panic!("{text}: expected a parse error");
        };
        assert_eq!(issue.path, "(root)", "{text}: {issue}");
        assert!(issue.message.contains("line 1 column"), "{text}: {issue}");
        let Err(Error::Parse(issue)) = parse_matrix(text) else {
            panic!("{text}: expected a parse error");
        };
        assert_eq!(issue.path, "(root)", "{text}: {issue}");
    }
    for text in [
        "not json",
        r#"{"team":"x",}"#,
        r#"{"team":"x" "b":1}"#,
        r#"{"priorities":{"a":1,}}"#,
    ] {
        let Err(Error::Parse(issue)) = parse_answers(text) else {
            panic!("{text}: expected a parse error");
        };
        assert_eq!(issue.path, "answers", "{text}: {issue}");
        assert!(
            issue.hint.contains("docs/matrix-format.md#answers"),
            "{text}: {issue}"
        );
    }
}
