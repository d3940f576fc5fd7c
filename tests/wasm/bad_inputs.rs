//! Inputs broken in one place, shared by the native test `tests/parse_paths.rs`
//! and the wasm suite: the native parser (serde_json + serde_path_to_error)
//! and the wasm build's reader of JS values (src/wasm/read.rs) must both
//! name the same paths.

use serde_json::Value;

/// A small valid matrix that the bad inputs below each break in one place.
pub const SMALL_MATRIX: &str = r#"{"version":1,"id":"m","title":"T",
  "options":[{"id":"a","label":"A"},{"id":"b","label":"B"}],
  "criteria":[{"id":"c","label":"C","weight":1}],
  "scores":[{"option":"a","criterion":"c","value":1},{"option":"b","criterion":"c","value":2}],
  "sources":[{"id":"s","title":"S","publisher":"P","date":"2026"}],
  "questions":[{"id":"q","kind":"single","label":"Q","choices":[{"id":"x","label":"X","weights":{"c":1}}]}],
  "rules":[{"id":"r","kind":"override","text":"R","when":{"question":"q","choice":"x"},"option":"a"}],
  "disputes":[{"id":"d","topic":"D","sides":[{"option":"a","source":"s","text":"T"},{"option":"b","source":"s","text":"T"}]}]}"#;

/// Matrices broken in one place: (JSON pointer into `SMALL_MATRIX`, the JSON
/// put there, the path the error must name, how its message must start).
/// The native parser (serde_json + serde_path_to_error) and the wasm build's
/// reader of JS values (src/wasm/read.rs) must both give these paths.
pub const BAD_MATRICES: &[(&str, &str, &str, &str)] = &[
    ("", r#"{"version":1}"#, "(root)", "missing field `id`"),
    ("", "42", "(root)", "invalid type"),
    ("", "null", "(root)", "invalid type"),
    ("/version", r#""one""#, "version", "invalid type"),
    ("/version", "1.5", "version", "invalid type"),
    (
        "/version",
        "-1",
        "version",
        "invalid value: integer `-1`, expected u32",
    ),
    ("/colour", "1", "colour", "unknown field `colour`"),
    (
        "/options/0/colour",
        "1",
        "options[0].colour",
        "unknown field `colour`",
    ),
    ("/options/0/id", "5", "options[0].id", "invalid type"),
    (
        "/options/1/summary",
        "null",
        "options[1].summary",
        "invalid type",
    ),
    ("/options", "{}", "options", "invalid type"),
    (
        "/criteria/0/direction",
        r#""up""#,
        "criteria[0].direction",
        "unknown variant `up`, expected `benefit` or `cost`",
    ),
    (
        "/criteria/0/weight",
        r#""1""#,
        "criteria[0].weight",
        "invalid type",
    ),
    (
        "/criteria/0/evidence",
        r#"[{"source":"s"}]"#,
        "criteria[0].evidence[0]",
        "missing field `text`",
    ),
    (
        "/scores/1/value",
        r#""high""#,
        "scores[1].value",
        "invalid type",
    ),
    ("/scores/0/low", r#""x""#, "scores[0].low", "invalid type"),
    (
        "/scores/0/sources",
        r#"["s", 2]"#,
        "scores[0].sources[1]",
        "invalid type",
    ),
    (
        "/sources/0/sponsored",
        r#""yes""#,
        "sources[0].sponsored",
        "invalid type",
    ),
    ("/sources/0/date", "2026", "sources[0].date", "invalid type"),
    (
        "/questions/0/kind",
        r#""slider""#,
        "questions[0].kind",
        "unknown variant `slider`",
    ),
    (
        "/questions/0/choices/0/weights/c",
        r#""x""#,
        "questions[0].choices[0].weights.c",
        "invalid type",
    ),
    (
        "/questions/0/choices/0/weights",
        "[1]",
        "questions[0].choices[0].weights",
        "invalid type",
    ),
    (
        "/rules/0/when",
        r#"{"question":"q"}"#,
        "rules[0].when",
        "missing field `choice`",
    ),
    // serde_json words this one "expected value"; only the path is shared.
    ("/rules/0/kind", "1", "rules[0].kind", ""),
    (
        "/rules/0/kind",
        r#""always""#,
        "rules[0].kind",
        "unknown variant `always`, expected `override` or `hybrid`",
    ),
    (
        "/disputes/0/sides",
        r#""x""#,
        "disputes[0].sides",
        "invalid type",
    ),
    (
        "/disputes/0/sides/1/side",
        "1",
        "disputes[0].sides[1].side",
        "unknown field `side`",
    ),
    (
        "/confidence",
        r#"{"clear":10}"#,
        "confidence",
        "missing field `lean`",
    ),
];

/// Answers that cannot be read: (answers, path, how the message starts).
pub const BAD_ANSWERS: &[(&str, &str, &str)] = &[
    (r#"{"needs":[1]}"#, "answers.needs[0]", "invalid type"),
    (r#"{"needs":[[1]]}"#, "answers.needs[0]", "invalid type"),
    (
        r#"{"priorities":{"hiring":"high"}}"#,
        "answers.priorities.hiring",
        "invalid type",
    ),
    (r#"{"team":true}"#, "answers.team", "invalid type"),
    (
        r#"{"weights":{"hiring":[]}}"#,
        "answers.weights.hiring",
        "invalid type",
    ),
];

/// `SMALL_MATRIX` with `json` put at `pointer` (RFC 6901; "" is the whole).
pub fn broken_matrix(pointer: &str, json: &str) -> String {
    let value: Value = serde_json::from_str(json).unwrap();
    if pointer.is_empty() {
        return value.to_string();
    }
    let mut matrix: Value = serde_json::from_str(SMALL_MATRIX).unwrap();
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    match matrix.pointer_mut(parent).unwrap() {
        Value::Object(map) => {
            map.insert(key.to_string(), value);
        }
        Value::Array(items) => items[key.parse::<usize>().unwrap()] = value,
        other => panic!("{pointer}: cannot set inside {other}"),
    }
    matrix.to_string()
}

/// `SMALL_MATRIX` broken in every place of `BAD_MATRICES` that lies outside
/// the others, all at once, and those places' (path, message start): a
/// check must list every one of them, and nothing else.
pub fn every_broken_place() -> (String, Vec<(&'static str, &'static str)>) {
    let mut chosen: Vec<&(&str, &str, &str, &str)> = Vec::new();
    for case in BAD_MATRICES {
        let inside = |a: &str, b: &str| a == b || a.starts_with(&format!("{b}/"));
        if case.0.is_empty()
            || chosen
                .iter()
                .any(|c| inside(case.0, c.0) || inside(c.0, case.0))
        {
            continue;
        }
        chosen.push(case);
    }
    let mut matrix: Value = serde_json::from_str(SMALL_MATRIX).unwrap();
    for (pointer, json, _, _) in &chosen {
        let (parent, key) = pointer.rsplit_once('/').unwrap();
        let value: Value = serde_json::from_str(json).unwrap();
        match matrix.pointer_mut(parent).unwrap() {
            Value::Object(map) => {
                map.insert(key.to_string(), value);
            }
            Value::Array(items) => items[key.parse::<usize>().unwrap()] = value,
            other => panic!("{pointer}: cannot set inside {other}"),
        }
    }
    let places = chosen.iter().map(|c| (c.2, c.3)).collect();
    (matrix.to_string(), places)
}
