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

/// A value of the wrong type where an object or a list is expected
/// (an unsigned or a negative integer, a fraction, a string, a bool, null, an
/// object): `check` words it as the parser does, to the letter.
#[test]
fn check_words_a_wrong_type_as_the_parser_does() {
    let values = ["42", "-3", "1.5", r#""x""#, "true", "null", "[]", "{}"];
    let places = ["", "/options", "/options/0"];
    let mut compared = Vec::new();
    for pointer in places {
        for json in values {
            let text = common::broken_matrix(pointer, json);
            let Err(Error::Parse(first)) = parse_matrix(&text) else {
                continue;
            };
            if !first.message.starts_with("invalid type") {
                continue;
            }
            // The parser adds where in the text (`at line 1 column 2`).
            let words = first.message.split(" at line ").next().unwrap_or_default();
            let issues = structural(&text);
            assert!(
                issues
                    .iter()
                    .any(|i| i.path == first.path && i.message == words),
                "{pointer} = {json}: the parser says {first}, check {issues:?}"
            );
            compared.push(words.to_string());
        }
    }
    assert_eq!(compared.len(), 19, "{compared:#?}");
    for message in [
        "invalid type: integer `42`, expected struct Matrix",
        "invalid type: integer `-3`, expected a sequence",
        "invalid type: floating point `1.5`, expected struct OptionDef",
        "invalid type: map, expected a sequence",
    ] {
        assert!(
            compared.iter().any(|m| m.starts_with(message)),
            "{message}: {compared:#?}"
        );
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
    // null for an optional field (a score's low end, a source's URL): absent.
    for pointer in ["/scores/0/low", "/sources/0/url", "/$schema"] {
        files.push(common::broken_matrix(pointer, "null"));
    }
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
    // So are many unknown variants: each is one problem of the same pass.
    let criteria = vec![serde_json::json!({"id": "c", "label": "C", "direction": "up"}); 250];
    let text = serde_json::json!({"version": 1, "id": "m", "title": "T", "options": [],
        "criteria": criteria, "scores": []})
    .to_string();
    let issues = structural(&text);
    assert_eq!(issues.len(), MAX_ISSUES + 1);
    assert!(issues[..MAX_ISSUES]
        .iter()
        .all(|i| i.message.starts_with("unknown variant `up`")));
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

/// How an unknown id reads: the article fits the word, the ids that would
/// do are listed once each, and with none the fix is to define one.
#[test]
fn unknown_ids_are_worded_for_the_reader() {
    use stack_advisor::error::unknown_id;
    let issue = unknown_id(
        "scores[0].option",
        "option",
        "mongo",
        ["pg", "my", "pg"].into_iter(),
    );
    assert_eq!(issue.path, "scores[0].option");
    assert_eq!(issue.message, r#""mongo" is not an option"#);
    assert_eq!(issue.hint, "expected one of pg, my");
    let issue = unknown_id("answers.team", "choice", "go", ["js", "js"].into_iter());
    assert_eq!(issue.message, r#""go" is not a choice"#);
    assert_eq!(issue.hint, "expected js");
    let issue = unknown_id("rules[0].option", "option", "x", std::iter::empty());
    assert_eq!(issue.hint, "define the option first");
    let long = "x".repeat(100);
    let issue = unknown_id("p", "item", &long, std::iter::empty());
    assert_eq!(
        issue.message,
        format!("\"{}…\" is not an item", "x".repeat(60))
    );
}

/// Texts are cut after exactly `max` characters (not bytes), marked with `…`.
#[test]
fn clipping_keeps_max_characters() {
    use stack_advisor::error::{clip, clip_to};
    assert_eq!(clip_to("abcdef", 6), "abcdef");
    assert_eq!(clip_to("abcdefg", 6), "abcdef…");
    assert_eq!(clip_to("ééé", 2), "éé…");
    assert_eq!(clip_to("", 0), "");
    assert_eq!(clip(&"y".repeat(60)), "y".repeat(60));
    assert_eq!(clip(&"y".repeat(61)), format!("{}…", "y".repeat(60)));
}

/// The collector keeps the first `MAX_ISSUES`, counts the rest (without
/// building them), carries the count when merged, and says how many it left out.
#[test]
fn the_issue_collector_keeps_the_first_and_counts_the_rest() {
    use stack_advisor::error::{Issue, Issues};
    let mut issues = Issues::new();
    assert!(issues.is_empty() && !issues.is_full() && issues.first().is_none());
    for i in 0..MAX_ISSUES - 1 {
        issues.push(format!("v[{i}]"), "bad", "fix");
    }
    assert!(!issues.is_full());
    issues.add(Issue::new("last", "bad", "fix"));
    assert!(issues.is_full() && !issues.is_empty());
    issues.add(Issue::new("over", "bad", "fix"));
    issues.add_with(|| panic!("a full collector must not build the issue"));
    issues.push("over", "bad", "fix");
    let mut other = Issues::new();
    other.add_with(|| Issue::new("other", "bad", "fix"));
    other.push("other", "bad", "fix");
    issues.append(other);
    assert_eq!(issues.first().unwrap().path, "v[0]");
    let listed = issues.into_vec();
    assert_eq!(listed.len(), MAX_ISSUES + 1);
    assert_eq!(listed[MAX_ISSUES - 1].path, "last");
    assert_eq!(listed[MAX_ISSUES].message, "5 more issues not listed");
    assert_eq!(listed[MAX_ISSUES].path, "(root)");

    let mut few = Issues::new();
    few.add_with(|| Issue::new("a", "bad", "fix"));
    let mut merged = Issues::new();
    merged.append(few);
    let listed = merged.listed_then(Issue::new("stop", "stopped here", "fix the above"));
    let paths: Vec<&str> = listed.iter().map(|i| i.path.as_str()).collect();
    assert_eq!(paths, ["a", "stop"]);
    // A full collector appended carries its own count of left-out issues.
    let mut full = Issues::new();
    for i in 0..MAX_ISSUES + 2 {
        full.push(format!("w[{i}]"), "bad", "fix");
    }
    let mut into = Issues::new();
    into.append(full);
    let listed = into.into_vec();
    assert_eq!(listed[MAX_ISSUES].message, "2 more issues not listed");
    let mut one = Issues::new();
    one.push("x", "bad", "fix");
    assert_eq!(
        one.finish(Error::InvalidInput).unwrap_err().issues().len(),
        1
    );
}

/// An error reads as what went wrong, its first issue (path: message
/// (hint)), and how many more there are.
#[test]
fn errors_read_as_kind_first_issue_and_count() {
    use stack_advisor::error::Issue;
    let issue = |p: &str| Issue::new(p, "is wrong", "fix it");
    assert_eq!(issue("a.b").to_string(), "a.b: is wrong (fix it)");
    let cases = [
        (
            Error::Parse(issue("x")),
            "cannot read input: x: is wrong (fix it)",
        ),
        (
            Error::InvalidMatrix(vec![issue("x")]),
            "invalid matrix: x: is wrong (fix it)",
        ),
        (
            Error::InvalidAnswers(vec![issue("x"), issue("y")]),
            "invalid answers: x: is wrong (fix it) (and 1 more)",
        ),
        (
            Error::InvalidInput(vec![issue("x"), issue("y"), issue("z")]),
            "invalid input: x: is wrong (fix it) (and 2 more)",
        ),
        (Error::InvalidInput(vec![]), "invalid input"),
    ];
    for (err, text) in cases {
        assert_eq!(err.to_string(), text);
    }
    assert!(Error::InvalidMatrix(vec![]).first().is_none());
}

/// Each kind of parse error gets its own fix, and answers point to the
/// answers' format.
#[test]
fn parse_errors_hint_at_the_fix_for_their_kind() {
    let hint =
        |r: Result<stack_advisor::Matrix, Error>| r.unwrap_err().first().unwrap().hint.clone();
    let base =
        r#""version":1,"id":"m","title":"T","options":[],"criteria":[],"scores":[],"sources":[]"#;
    let cases = [
        (format!("{{{base},\"colour\":1}}"), "remove the field or fix its spelling"),
        (r#"{"version":1}"#.to_string(), "add the field; see docs/matrix-format.md"),
        (format!("{{{}}}", base.replace("\"T\"", "7")), "change the value to the expected type"),
        (
            format!("{{{},\"criteria\":[{{\"id\":\"c\",\"label\":\"C\",\"weight\":1,\"direction\":\"up\"}}]}}", base.replace(",\"criteria\":[]", "")),
            "use one of the listed values",
        ),
        (format!("{{{}}}", base.replace("\"version\":1", "\"version\":-1")), "fix the value so that it matches docs/matrix-format.md"),
    ];
    for (text, want) in cases {
        let got = hint(parse_matrix(&text));
        assert!(got.starts_with(want), "{text}: {got}");
        assert!(!got.contains("answers format"), "{got}");
    }
    let err = parse_answers(r#"{"team":true}"#);
    let answers_hint = err.unwrap_err().first().unwrap().hint.clone();
    assert_eq!(
        answers_hint,
        "change the value to the expected type; the answers format is in docs/matrix-format.md#answers"
    );
}
