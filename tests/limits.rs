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
