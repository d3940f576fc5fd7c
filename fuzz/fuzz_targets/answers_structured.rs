//! Answers built from the default matrix's own vocabulary (question, choice,
//! item and criterion ids, with the odd unknown id and wrong shape), so that
//! most inputs get past validation and reach scoring, rules, flip points and
//! the Monte Carlo. Also checks that the same answers, written as JSON, parse
//! back to the same value.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use stack_advisor::answers::{AnswerValue, Answers};
use stack_advisor::model::QuestionKind;
use stack_advisor::validate::MAX_DOCUMENT_BYTES;
use stack_advisor::{json, recommend, Matrix};
use std::sync::OnceLock;

#[path = "common.rs"]
mod common;

fn matrix() -> &'static Matrix {
    static MATRIX: OnceLock<Matrix> = OnceLock::new();
    MATRIX.get_or_init(stack_advisor::default_matrix)
}

#[derive(Arbitrary, Debug)]
enum Key {
    /// The n-th question (modulo the count).
    Question(u8),
    Weights,
    Seed,
    Samples,
    Unknown(String),
}

#[derive(Arbitrary, Debug)]
enum Number {
    /// A whole number 0..=255.
    Small(u8),
    /// Half steps, 0..=127.5.
    Half(u8),
    /// A whole number up to 2^32 + a bit (seed and samples limits).
    Wide(u64),
    Any(f64),
}

impl Number {
    fn value(&self) -> f64 {
        match self {
            Number::Small(n) => f64::from(*n),
            Number::Half(n) => f64::from(*n) / 2.0,
            Number::Wide(n) => (*n % (u64::from(u32::MAX) + 16)) as f64,
            Number::Any(x) => *x,
        }
    }
}

/// An id: the n-th known id (modulo count), or an unknown one.
#[derive(Arbitrary, Debug)]
enum Id {
    Known(u8),
    Unknown(String),
}

#[derive(Arbitrary, Debug)]
enum Value {
    Unset,
    One(Id),
    Many(Vec<Id>),
    Levels(Vec<(Id, Number)>),
    Number(Number),
}

fn pick(id: &Id, known: &[&str]) -> String {
    match id {
        Id::Known(n) if !known.is_empty() => known[usize::from(*n) % known.len()].to_string(),
        Id::Known(_) => "none".to_string(),
        Id::Unknown(s) => s.clone(),
    }
}

fuzz_target!(|input: Vec<(Key, Value)>| {
    let m = matrix();
    let criteria: Vec<&str> = m.criteria.iter().map(|c| c.id.as_str()).collect();
    let mut answers = Answers::new();
    for (key, value) in &input {
        // The ids that fit this key: choices for a question, items and
        // criteria for priorities, criteria for weights.
        let (name, ids): (String, Vec<&str>) = match key {
            Key::Question(n) => {
                let q = &m.questions[usize::from(*n) % m.questions.len()];
                let ids = match q.kind {
                    QuestionKind::Priorities => q
                        .items
                        .iter()
                        .map(|i| i.id.as_str())
                        .chain(criteria.iter().copied())
                        .collect(),
                    _ => q.choices.iter().map(|c| c.id.as_str()).collect(),
                };
                (q.id.clone(), ids)
            }
            Key::Weights => ("weights".into(), criteria.clone()),
            Key::Seed => ("seed".into(), Vec::new()),
            Key::Samples => ("samples".into(), Vec::new()),
            Key::Unknown(s) => (s.clone(), criteria.clone()),
        };
        let value = match value {
            Value::Unset => AnswerValue::Unset,
            Value::One(id) => AnswerValue::One(pick(id, &ids)),
            Value::Many(list) => AnswerValue::Many(list.iter().map(|id| pick(id, &ids)).collect()),
            Value::Levels(list) => AnswerValue::Levels(
                list.iter()
                    .map(|(id, n)| (pick(id, &ids), n.value()))
                    .collect(),
            ),
            Value::Number(n) => AnswerValue::Number(n.value()),
        };
        answers.insert(name, value);
    }

    // Fewer Monte Carlo samples than the default 2000 unless the input asks:
    // the same code, many more executions per second.
    answers
        .entry("samples".into())
        .or_insert(AnswerValue::Number(32.0));
    if common::print_inputs() {
        eprintln!("answers: {answers:?}");
    }
    let result = recommend(m, &answers);
    match &result {
        Ok(r) => common::check_recommendation(m, r),
        Err(e) => assert!(!e.issues().is_empty()),
    }

    // Round trip through JSON text (finite numbers only: JSON has no NaN).
    if let Some(text) = to_json(&answers).filter(|t| t.len() <= MAX_DOCUMENT_BYTES) {
        let parsed = json::parse_answers(&text).expect("answers written as JSON parse");
        // Equal answers give an equal result: recommend is deterministic.
        assert_eq!(parsed, answers, "JSON round trip of {text}");
    }
});

fn to_json(answers: &Answers) -> Option<String> {
    use std::fmt::Write;
    let num = |x: f64| x.is_finite().then(|| format!("{x:?}"));
    let string = |s: &str| {
        let mut out = String::from("\"");
        for ch in s.chars() {
            match ch {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                c if (c as u32) < 0x20 => {
                    let _ = write!(out, "\\u{:04x}", c as u32);
                }
                c => out.push(c),
            }
        }
        out.push('"');
        out
    };
    let mut parts = Vec::new();
    for (key, value) in answers {
        let v = match value {
            AnswerValue::Unset => "null".to_string(),
            AnswerValue::One(s) => string(s),
            AnswerValue::Many(list) => format!(
                "[{}]",
                list.iter().map(|s| string(s)).collect::<Vec<_>>().join(",")
            ),
            AnswerValue::Levels(map) => {
                let mut items = Vec::new();
                for (k, x) in map {
                    items.push(format!("{}:{}", string(k), num(*x)?));
                }
                format!("{{{}}}", items.join(","))
            }
            AnswerValue::Number(x) => num(*x)?,
        };
        parts.push(format!("{}:{v}", string(key)));
    }
    Some(format!("{{{}}}", parts.join(",")))
}
