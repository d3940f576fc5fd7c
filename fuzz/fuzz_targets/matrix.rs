//! Bytes → `parse_matrix` → `validate`; a valid matrix is then recommended
//! on (no answers, and every first choice picked) and ranked both ways.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stack_advisor::answers::{AnswerValue, Answers};
use stack_advisor::model::QuestionKind;
use stack_advisor::rank::{rank_matrix, Method};
use stack_advisor::{json, recommend, validate};

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let matrix = match json::parse_matrix(text) {
        Ok(m) => m,
        Err(e) => {
            assert!(!e.issues().is_empty());
            let _ = e.to_string();
            return;
        }
    };
    if let Err(e) = validate(&matrix) {
        assert!(!e.issues().is_empty());
        let _ = e.to_string();
        // recommend validates too, and must give the same error.
        assert_eq!(recommend(&matrix, &Answers::new()).err(), Some(e));
        return;
    }
    // A valid matrix gives a result to a reader who answers nothing.
    let r = recommend(&matrix, &Answers::new()).expect("valid matrix, no answers");
    common::check_recommendation(&matrix, &r);

    // Every question answered: reaches rules, hybrids and disputes.
    let mut answers = Answers::new();
    for q in &matrix.questions {
        let value = match q.kind {
            QuestionKind::Single => q.choices.first().map(|c| AnswerValue::One(c.id.clone())),
            QuestionKind::Multi => Some(AnswerValue::Many(
                q.choices.iter().map(|c| c.id.clone()).collect(),
            )),
            QuestionKind::Priorities => Some(AnswerValue::Levels(
                q.items.iter().map(|i| (i.id.clone(), 5.0)).collect(),
            )),
        };
        if let Some(v) = value {
            answers.insert(q.id.clone(), v);
        }
    }
    answers.insert("samples".into(), AnswerValue::Number(50.0));
    if let Ok(r) = recommend(&matrix, &answers) {
        common::check_recommendation(&matrix, &r);
    }

    for method in [Method::Wsm, Method::Topsis] {
        let ranking = rank_matrix(&matrix, method, None).expect("valid matrix ranks");
        assert_eq!(ranking.ranking.len(), matrix.options.len());
    }
});
