//! Every limit docs/matrix-format.md promises for untrusted author input is
//! enforced, with a path, a message and a fix.
#![cfg(not(target_arch = "wasm32"))]

use stack_advisor::json::parse_matrix;
use stack_advisor::model::{Criterion, OptionDef, Question, Score};
use stack_advisor::validate::{
    MAX_CRITERIA, MAX_DOCUMENT_BYTES, MAX_ID_LEN, MAX_OPTIONS, MAX_QUESTIONS, MAX_TEXT_LEN,
};
use stack_advisor::{validate, Error, Matrix};

fn small() -> Matrix {
    parse_matrix(
        r#"{"version":1,"id":"db","title":"Which database?",
        "options":[{"id":"pg","label":"PostgreSQL"},{"id":"mongo","label":"MongoDB"}],
        "criteria":[{"id":"joins","label":"Joins","weight":1}],
        "scores":[{"option":"pg","criterion":"joins","value":9,"sources":["s1"]},
                  {"option":"mongo","criterion":"joins","value":4}],
        "sources":[{"id":"s1","title":"Notes","publisher":"Us","date":"2026-01"}],
        "questions":[{"id":"shape","kind":"single","label":"Data shape?",
            "choices":[{"id":"rel","label":"Relational","weights":{"joins":2}}]}]}"#,
    )
    .unwrap()
}

/// The issue at `path`, which must exist and carry a hint.
fn issue_at(err: &Error, path: &str) -> String {
    let issue = err
        .issues()
        .iter()
        .find(|i| i.path == path)
        .unwrap_or_else(|| panic!("no issue at {path}: {err}"));
    assert!(!issue.hint.is_empty(), "{path} has no fix");
    issue.message.clone()
}

fn option(i: usize) -> OptionDef {
    let mut o = small().options[0].clone();
    o.id = format!("o{i}");
    o.label = format!("Option {i}");
    o
}

fn score(option: &str, criterion: &str) -> Score {
    Score {
        option: option.into(),
        criterion: criterion.into(),
        value: 5.0,
        low: None,
        high: None,
        sources: vec![],
    }
}

#[test]
fn at_most_64_options() {
    let mut m = small();
    m.options = (0..MAX_OPTIONS + 1).map(option).collect();
    m.scores = m.options.iter().map(|o| score(&o.id, "joins")).collect();
    m.rules.clear();
    m.disputes.clear();
    let message = issue_at(&validate(&m).unwrap_err(), "options");
    assert!(
        message.contains("65 entries is more than the limit of 64"),
        "{message}"
    );
    m.options.pop();
    m.scores.pop();
    validate(&m).unwrap();
}

#[test]
fn at_most_64_criteria() {
    let mut m = small();
    let template: Criterion = m.criteria[0].clone();
    m.criteria = (0..MAX_CRITERIA + 1)
        .map(|i| Criterion {
            id: format!("c{i}"),
            ..template.clone()
        })
        .collect();
    m.questions.clear();
    m.scores = m
        .options
        .iter()
        .flat_map(|o| m.criteria.iter().map(move |c| score(&o.id, &c.id)))
        .collect();
    let message = issue_at(&validate(&m).unwrap_err(), "criteria");
    assert!(message.contains("more than the limit of 64"), "{message}");
}

#[test]
fn at_most_64_questions() {
    let mut m = small();
    let template: Question = m.questions[0].clone();
    m.questions = (0..MAX_QUESTIONS + 1)
        .map(|i| Question {
            id: format!("q{i}"),
            ..template.clone()
        })
        .collect();
    let message = issue_at(&validate(&m).unwrap_err(), "questions");
    assert!(message.contains("more than the limit of 64"), "{message}");
}

#[test]
fn ids_are_a_to_z_0_to_9_and_dash_1_to_48_long_and_unique() {
    for bad in [
        "",
        "Upper",
        "with space",
        "under_score",
        "é",
        &"a".repeat(MAX_ID_LEN + 1),
    ] {
        let mut m = small();
        m.options[0].id = bad.to_string();
        let message = issue_at(&validate(&m).unwrap_err(), "options[0].id");
        assert!(message.contains("is not a valid id"), "{bad:?}: {message}");
    }
    let mut m = small();
    m.id = "a".repeat(MAX_ID_LEN);
    m.options[0].id = "x-1-y".into();
    m.scores[0].option = "x-1-y".into();
    validate(&m).unwrap();

    let mut m = small();
    m.options[1].id = "pg".into();
    m.criteria.push(m.criteria[0].clone());
    m.sources.push(m.sources[0].clone());
    m.questions.push(m.questions[0].clone());
    let err = validate(&m).unwrap_err();
    for list in ["options", "criteria", "sources", "questions"] {
        assert!(
            issue_at(&err, list).contains("is used more than once"),
            "{list}: {err}"
        );
    }
}

#[test]
fn strings_are_at_most_500_characters() {
    let mut m = small();
    m.title = "x".repeat(MAX_TEXT_LEN + 1);
    m.options[0].summary = "é".repeat(MAX_TEXT_LEN + 1);
    m.sources[0].title = "y".repeat(MAX_TEXT_LEN);
    let err = validate(&m).unwrap_err();
    assert!(issue_at(&err, "title").contains("501 characters"));
    assert!(issue_at(&err, "options[0].summary").contains("501 characters"));
    assert!(
        err.issues().iter().all(|i| i.path != "sources[0].title"),
        "500 is allowed"
    );
}

#[test]
fn documents_are_at_most_256_kb() {
    let filler = "x".repeat(MAX_DOCUMENT_BYTES);
    let text = format!(r#"{{"version":1,"id":"big","title":"{filler}"}}"#);
    let err = parse_matrix(&text).unwrap_err();
    assert_eq!(err.first().unwrap().path, "(root)");
    assert!(
        err.to_string().contains("more than the limit of 262144"),
        "{err}"
    );
}

#[test]
fn numbers_are_finite() {
    let mut m = small();
    m.criteria[0].weight = f64::INFINITY;
    m.scores[0].value = f64::NAN;
    m.questions[0].choices[0]
        .weights
        .insert("joins".into(), f64::NEG_INFINITY);
    let err = validate(&m).unwrap_err();
    issue_at(&err, "criteria[0].weight");
    issue_at(&err, "scores[0].value");
    issue_at(&err, "questions[0].choices[0].weights.joins");
    // JSON itself cannot carry NaN or infinities; an overflowing literal is a parse error.
    assert!(parse_matrix(r#"{"version":1,"id":"a","title":"t","options":[],"criteria":[{"id":"c","label":"C","weight":1e999}],"scores":[]}"#).is_err());
}

#[test]
fn weights_are_at_least_0_and_one_is_above_0() {
    let mut m = small();
    m.criteria[0].weight = -0.5;
    issue_at(&validate(&m).unwrap_err(), "criteria[0].weight");
    m.criteria[0].weight = 0.0;
    let message = issue_at(&validate(&m).unwrap_err(), "criteria");
    assert!(message.contains("weight 0"), "{message}");
}

#[test]
fn every_reference_resolves() {
    let mut m = small();
    m.scores[0].sources = vec!["nowhere".into()];
    m.scores[1].option = "mysql".into();
    m.questions[0].choices[0]
        .weights
        .insert("speed".into(), 1.0);
    m.criteria[0].evidence.push(stack_advisor::model::Citation {
        source: "ghost".into(),
        section: String::new(),
        text: "Said so.".into(),
    });
    let err = validate(&m).unwrap_err();
    assert!(issue_at(&err, "scores[0].sources[0]").contains("nowhere"));
    assert!(issue_at(&err, "scores[1].option").contains("mysql"));
    issue_at(&err, "questions[0].choices[0].weights.speed");
    issue_at(&err, "criteria[0].evidence[0].source");
}

/// Padding JSON `text` with spaces to exactly `len` bytes (still the same value).
fn padded(text: &str, len: usize) -> String {
    format!("{text}{}", " ".repeat(len - text.len()))
}

/// Exactly the size limit is allowed, a byte more is not: for a matrix, for
/// answers and for the numeric inputs (`rank`, `ahp`), each error at its root.
#[test]
fn the_size_limits_are_inclusive() {
    use stack_advisor::json::{parse_answers, parse_input};
    let small_text = stack_advisor::json::to_pretty(&small());
    assert!(parse_matrix(&padded(&small_text, MAX_DOCUMENT_BYTES)).is_ok());
    let err = parse_matrix(&padded(&small_text, MAX_DOCUMENT_BYTES + 1)).unwrap_err();
    assert_eq!(err.first().unwrap().path, "(root)");

    assert!(parse_answers(&padded("{}", MAX_DOCUMENT_BYTES)).is_ok());
    let err = parse_answers(&padded("{}", MAX_DOCUMENT_BYTES + 1)).unwrap_err();
    assert_eq!(err.first().unwrap().path, "answers");
    assert!(err.to_string().contains("too large"), "{err}");

    let ok: Vec<f64> = parse_input(&padded("[1, 2]", 100), "weights", 100).unwrap();
    assert_eq!(ok, [1.0, 2.0]);
    let err = parse_input::<Vec<f64>>(&padded("[1, 2]", 101), "weights", 100).unwrap_err();
    assert_eq!(err.first().unwrap().path, "weights");
    assert!(err.to_string().contains("101 bytes"), "{err}");
    let err = parse_input::<Vec<f64>>(&padded("[1]", 101), "", 100).unwrap_err();
    assert_eq!(err.first().unwrap().path, "(root)");
}

/// `MAX_DEPTH` levels of nesting are allowed, one more is not, wherever the
/// JSON comes in; brackets inside strings do not count.
#[test]
fn the_depth_limit_is_inclusive() {
    use stack_advisor::json::{is_numeric_matrix, json_depth, parse_answers, parse_input};
    use stack_advisor::limits::MAX_DEPTH;
    let nested = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    assert_eq!(json_depth(&nested(MAX_DEPTH)), MAX_DEPTH);
    assert_eq!(json_depth(r#"["\\", "]]", "\"[["]"#), 1);
    // After an escaped character the string still ends at its quote.
    assert_eq!(json_depth(r#"{"a":"\\","b":[[1]]}"#), 3);
    assert_eq!(json_depth(r#"{"a":"\"","b":[1]}"#), 2);

    let deep = |depth: usize| format!(r#"{{"values": {}}}"#, nested(depth - 1));
    assert!(is_numeric_matrix(&deep(MAX_DEPTH)));
    assert!(!is_numeric_matrix(&deep(MAX_DEPTH + 1)));
    assert!(!is_numeric_matrix(r#"{"options": []}"#));
    assert!(!is_numeric_matrix("[1]"));

    let at = |text: &str, root: &str| -> String {
        let err = parse_input::<serde_json::Value>(text, root, 1000).unwrap_err();
        assert!(err.to_string().contains("nests deeper than 32"), "{err}");
        err.first().unwrap().path.clone()
    };
    assert!(parse_input::<serde_json::Value>(&nested(MAX_DEPTH), "values", 1000).is_ok());
    assert_eq!(at(&nested(MAX_DEPTH + 1), "values"), "values");
    assert_eq!(at(&nested(MAX_DEPTH + 1), ""), "(root)");

    let answers = |depth: usize| format!(r#"{{"needs": {}}}"#, nested(depth - 1));
    let err = parse_answers(&answers(MAX_DEPTH + 1)).unwrap_err();
    assert!(err.to_string().contains("nests deeper"), "{err}");
    assert_eq!(err.first().unwrap().path, "answers");
    let err = parse_answers(&answers(MAX_DEPTH)).unwrap_err();
    assert!(!err.to_string().contains("nests deeper"), "{err}");
    let err = parse_matrix(&format!(r#"{{"options": {}}}"#, nested(MAX_DEPTH))).unwrap_err();
    assert_eq!(err.first().unwrap().path, "(root)");
    assert!(err.to_string().contains("nests deeper"), "{err}");
}

/// A choice may change a weight by up to the weight limit either way, and a
/// slider's default is 0 to 5: the ends are allowed, past them is not.
#[test]
fn weight_changes_and_slider_defaults_have_inclusive_ends() {
    use stack_advisor::limits::{SLIDER_DEFAULT_RANGE, WEIGHT_CHANGE_RANGE};
    use stack_advisor::validate::MAX_WEIGHT;
    let with = |delta: f64, default: f64| {
        let mut m = small();
        m.questions.push(
            serde_json::from_str(&format!(
                r#"{{"id":"q","kind":"single","label":"Q","choices":[{{"id":"c","label":"C","weights":{{"{c}":{delta}}}}}]}}"#,
                c = m.criteria[0].id
            ))
            .unwrap(),
        );
        m.questions.push(
            serde_json::from_str(&format!(
                r#"{{"id":"p","kind":"priorities","label":"P","items":[{{"id":"i","label":"I","criteria":{{"{c}":1}},"default":{default}}}]}}"#,
                c = m.criteria[0].id
            ))
            .unwrap(),
        );
        validate(&m).err().map(|e| {
            e.issues()
                .iter()
                .map(|i| (i.path.clone(), i.message.clone()))
                .collect::<Vec<_>>()
        })
    };
    assert_eq!(with(MAX_WEIGHT, 5.0), None);
    assert_eq!(with(-MAX_WEIGHT, 0.0), None);
    let change = format!("questions[1].choices[0].weights.{}", small().criteria[0].id);
    for delta in [MAX_WEIGHT * 1.001, -MAX_WEIGHT * 1.001] {
        assert_eq!(
            with(delta, 2.0),
            Some(vec![(change.clone(), WEIGHT_CHANGE_RANGE.to_string())])
        );
    }
    let default = "questions[2].items[0].default".to_string();
    for bad in [5.5, -1.0] {
        assert_eq!(
            with(1.0, bad),
            Some(vec![(default.clone(), SLIDER_DEFAULT_RANGE.to_string())])
        );
    }
}

/// Confidence thresholds are win probabilities with 0.5 ≤ lean ≤ clear ≤ 1:
/// each end allowed, each way past one reported at `confidence`.
#[test]
fn confidence_thresholds_are_ordered_probabilities() {
    let issues = |clear: f64, lean: f64| -> Vec<String> {
        let mut m = small();
        m.confidence.clear = clear;
        m.confidence.lean = lean;
        match validate(&m) {
            Ok(()) => Vec::new(),
            Err(e) => e.issues().iter().map(|i| i.path.clone()).collect(),
        }
    };
    for (clear, lean) in [(1.0, 0.5), (0.7, 0.7), (0.9, 0.7)] {
        assert!(issues(clear, lean).is_empty(), "{clear} {lean}");
    }
    for (clear, lean) in [
        (f64::NAN, 0.7),
        (0.9, f64::NAN),
        (f64::INFINITY, 0.7),
        (0.9, 0.49),
        (0.7, 0.71),
        (1.01, 0.7),
    ] {
        assert_eq!(issues(clear, lean), ["confidence"], "{clear} {lean}");
    }
}

/// docs/matrix-format.md promises `rank` on the CLI 64 MB of JSON (10,000
/// options × 100 criteria).
#[test]
fn numeric_documents_may_be_64_mb() {
    use stack_advisor::json::{parse_input, MAX_NUMERIC_DOCUMENT_BYTES};
    assert_eq!(MAX_NUMERIC_DOCUMENT_BYTES, 64 * 1024 * 1024);
    let big = padded("[1]", 64 * 1024 * 1024);
    let values: Vec<f64> = parse_input(&big, "values", MAX_NUMERIC_DOCUMENT_BYTES).unwrap();
    assert_eq!(values, [1.0]);
}

/// All criteria may start at weight 0 when a priority slider's default gives
/// one weight (its default × its step); a slider at 0 gives none.
#[test]
fn a_slider_default_can_be_the_only_weight() {
    let with_default = |default: f64| {
        parse_matrix(&format!(
            r#"{{"version":1,"id":"m","title":"M",
            "options":[{{"id":"a","label":"A"}},{{"id":"b","label":"B"}}],
            "criteria":[{{"id":"x","label":"X","weight":0}}],
            "scores":[{{"option":"a","criterion":"x","value":1}},{{"option":"b","criterion":"x","value":2}}],
            "questions":[{{"id":"p","kind":"priorities","label":"P",
              "items":[{{"id":"i","label":"I","criteria":{{"x":1}},"default":{default}}}]}}]}}"#
        ))
        .unwrap()
    };
    assert!(validate(&with_default(2.0)).is_ok());
    let err = validate(&with_default(0.0)).unwrap_err();
    assert_eq!(err.first().unwrap().path, "criteria");
    assert!(err.to_string().contains("weight 0"), "{err}");
}
