//! Next-step guidance (`options[].guidance`, `rules[].guidance`): the format's
//! validation, and the default matrix's guidance against the seed figures.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::paths;
use stack_advisor::json::{parse_answers, parse_matrix};
use stack_advisor::model::{GuidanceKind, GuidanceSection};
use stack_advisor::{default_matrix, recommend, validate, Error, Matrix};

fn has(err: &Error, path: &str, message: &str) -> bool {
    err.issues()
        .iter()
        .any(|i| i.path == path && i.message.contains(message) && !i.hint.is_empty())
}

/// A small valid matrix whose first option has one list and one code section.
fn matrix() -> Matrix {
    parse_matrix(
        r#"{"version":1,"id":"db","title":"Which database?",
        "options":[
          {"id":"pg","label":"PostgreSQL","guidance":[
            {"id":"hiring","kind":"list","title":"Hiring","items":[
              {"label":"Pay","text":"Senior pay is $1–$2.","sources":["s1"]},
              {"text":"No label needed.","sources":["s1"]}]},
            {"id":"starter","kind":"code","title":"Starter","language":"sql",
             "code":"SELECT 1;","note":"Pool connections.","sources":["s1"]}]},
          {"id":"mongo","label":"MongoDB"}],
        "criteria":[{"id":"joins","label":"Joins","weight":1}],
        "scores":[{"option":"pg","criterion":"joins","value":9},{"option":"mongo","criterion":"joins","value":4}],
        "sources":[{"id":"s1","title":"Notes","publisher":"Us","date":"2026-01"}],
        "rules":[{"id":"both","kind":"hybrid","label":"Use both","text":"Split it.",
          "groups":[{"option":"pg","criteria":["joins"],"min_weight":0.9},{"option":"mongo","criteria":["joins"],"min_weight":0.9}],
          "guidance":[{"id":"ops","kind":"list","title":"Running both","items":[{"text":"Two databases to run.","sources":["s1"]}]}]}]}"#,
    )
    .unwrap()
}

fn section(m: &mut Matrix, i: usize) -> &mut GuidanceSection {
    &mut m.options[0].guidance[i]
}

#[test]
fn guidance_is_optional_and_valid_guidance_passes() {
    validate(&matrix()).unwrap();
    let mut bare = matrix();
    bare.options[0].guidance.clear();
    bare.rules[0].guidance.clear();
    validate(&bare).unwrap();
    // Absent guidance is not written back out, so existing matrices round-trip unchanged.
    let json = serde_json::to_string(&bare).unwrap();
    assert!(!json.contains("guidance"), "{json}");
}

#[test]
fn guidance_does_not_change_the_result() {
    let answers = parse_answers("{}").unwrap();
    let with = recommend(&matrix(), &answers).unwrap();
    let mut bare = matrix();
    bare.options[0].guidance.clear();
    bare.rules[0].guidance.clear();
    let without = recommend(&bare, &answers).unwrap();
    assert_eq!(
        serde_json::to_value(&with).unwrap(),
        serde_json::to_value(&without).unwrap()
    );
}

#[test]
fn unknown_guidance_fields_and_kinds_are_parse_errors_with_paths() {
    let base = serde_json::to_value(matrix()).unwrap();
    let cases = [
        (
            "/options/0/guidance/0/colour",
            "options[0].guidance[0].colour",
            "unknown field",
        ),
        (
            "/options/0/guidance/0/items/0/url",
            "options[0].guidance[0].items[0].url",
            "unknown field",
        ),
    ];
    for (pointer, path, message) in cases {
        let mut v = base.clone();
        let (parent, key) = pointer.rsplit_once('/').unwrap();
        v.pointer_mut(parent)
            .unwrap()
            .as_object_mut()
            .unwrap()
            .insert(key.into(), serde_json::json!(1));
        let err = parse_matrix(&v.to_string()).unwrap_err();
        let issue = err.first().unwrap();
        assert!(issue.path.starts_with(path), "{pointer}: {issue}");
        assert!(issue.message.contains(message), "{pointer}: {issue}");
    }
    let mut v = base;
    v["options"][0]["guidance"][0]["kind"] = serde_json::json!("table");
    let err = parse_matrix(&v.to_string()).unwrap_err();
    let issue = err.first().unwrap();
    assert!(
        issue.path.starts_with("options[0].guidance[0].kind")
            && issue.message.contains("unknown variant"),
        "{issue}"
    );
}

#[test]
fn every_guidance_problem_is_reported_with_path_and_fix() {
    let mut m = matrix();
    let copy = m.options[0].guidance[0].clone();
    m.options[0].guidance.push(copy); // duplicate id "hiring"
    section(&mut m, 0).title = " ".into();
    section(&mut m, 0).items[0].sources = vec!["nowhere".into()];
    section(&mut m, 0).items[1].sources.clear();
    section(&mut m, 0).items[1].text = "x".repeat(501);
    section(&mut m, 0).items[0].label = "y".repeat(501);
    section(&mut m, 1).id = "Starter!".into();
    section(&mut m, 1).language = "C++".into();
    section(&mut m, 1).note = "z".repeat(501);
    section(&mut m, 1).sources = vec!["s9".into()];
    let err = validate(&m).unwrap_err();
    let p = paths(&err);
    for (path, message) in [
        ("options[0].guidance", "used more than once"),
        ("options[0].guidance[0].title", "empty"),
        ("options[0].guidance[0].items[0].sources[0]", "nowhere"),
        ("options[0].guidance[0].items[0].label", "501 characters"),
        (
            "options[0].guidance[0].items[1].sources",
            "at least one source",
        ),
        ("options[0].guidance[0].items[1].text", "501 characters"),
        ("options[0].guidance[1].id", "not a valid id"),
        ("options[0].guidance[1].language", "not a valid id"),
        ("options[0].guidance[1].note", "501 characters"),
        ("options[0].guidance[1].sources[0]", "s9"),
    ] {
        assert!(
            has(&err, path, message),
            "missing {path} ({message}) in {p:?}\n{err}"
        );
    }
}

#[test]
fn code_may_be_longer_than_text_but_not_without_limit() {
    let mut m = matrix();
    section(&mut m, 1).code = "x".repeat(4_000);
    validate(&m).unwrap();
    section(&mut m, 1).code = "x".repeat(4_001);
    let err = validate(&m).unwrap_err();
    assert!(
        has(&err, "options[0].guidance[1].code", "4001 characters"),
        "{err}"
    );
    assert!(err.first().unwrap().hint.contains("4000"), "{err}");
}

#[test]
fn a_section_has_the_content_of_its_kind() {
    let mut m = matrix();
    section(&mut m, 0).items.clear();
    section(&mut m, 0).code = "print(1)".into();
    section(&mut m, 1).code = "  ".into();
    section(&mut m, 1).language.clear();
    section(&mut m, 1).items = vec![stack_advisor::model::GuidanceItem {
        label: String::new(),
        text: "t".into(),
        sources: vec!["s1".into()],
    }];
    let err = validate(&m).unwrap_err();
    for (path, message) in [
        ("options[0].guidance[0].items", "at least one item"),
        ("options[0].guidance[0]", "no `code`"),
        ("options[0].guidance[1].code", "needs its code"),
        ("options[0].guidance[1].language", "not a valid id"),
        ("options[0].guidance[1].items", "no `items`"),
    ] {
        assert!(
            has(&err, path, message),
            "missing {path} ({message})\n{err}"
        );
    }
}

#[test]
fn guidance_counts_are_limited() {
    let mut m = matrix();
    let first = section(&mut m, 0).clone();
    m.options[0].guidance = (0..17)
        .map(|i| GuidanceSection {
            id: format!("s{i}"),
            ..first.clone()
        })
        .collect();
    let item = section(&mut m, 0).items[0].clone();
    section(&mut m, 0).items = vec![item; 17];
    let err = validate(&m).unwrap_err();
    assert!(
        has(&err, "options[0].guidance", "more than the limit of 16"),
        "{err}"
    );
    assert!(
        has(
            &err,
            "options[0].guidance[0].items",
            "more than the limit of 16"
        ),
        "{err}"
    );
}

#[test]
fn only_hybrid_rules_carry_guidance_and_theirs_is_checked() {
    let mut m = matrix();
    m.rules[0].guidance[0].items[0].sources = vec!["gone".into()];
    let err = validate(&m).unwrap_err();
    assert!(
        has(&err, "rules[0].guidance[0].items[0].sources[0]", "gone"),
        "{err}"
    );

    let mut m = parse_matrix(
        r#"{"version":1,"id":"db","title":"t",
        "options":[{"id":"a","label":"A"},{"id":"b","label":"B"}],
        "criteria":[{"id":"c","label":"C","weight":1}],
        "scores":[{"option":"a","criterion":"c","value":1},{"option":"b","criterion":"c","value":2}],
        "sources":[{"id":"s1","title":"T","publisher":"P","date":"2026"}],
        "questions":[{"id":"q","kind":"single","label":"Q","choices":[{"id":"x","label":"X"}]}],
        "rules":[{"id":"r","kind":"override","text":"Use A.","when":{"question":"q","choice":"x"},"option":"a","within":5}]}"#,
    )
    .unwrap();
    validate(&m).unwrap();
    m.rules[0].guidance = matrix().rules[0].guidance.clone();
    let err = validate(&m).unwrap_err();
    assert!(
        has(&err, "rules[0].guidance", "only a hybrid rule"),
        "{err}"
    );
}

// ------------------------------------------------------- the default matrix

fn all_sections(m: &Matrix) -> Vec<(&str, &GuidanceSection)> {
    let options = m
        .options
        .iter()
        .flat_map(|o| o.guidance.iter().map(move |s| (o.id.as_str(), s)));
    let rules = m
        .rules
        .iter()
        .flat_map(|r| r.guidance.iter().map(move |s| (r.id.as_str(), s)));
    options.chain(rules).collect()
}

/// All guidance text of one owner (option or rule id), for figure checks.
fn text_of(m: &Matrix, owner: &str) -> String {
    all_sections(m)
        .iter()
        .filter(|(o, _)| *o == owner)
        .flat_map(|(_, s)| {
            s.items
                .iter()
                .map(|i| i.text.clone())
                .chain([s.note.clone()])
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn default_guidance_covers_hiring_learning_and_a_starter_for_each_option() {
    let m = default_matrix();
    for option in &m.options {
        let ids: Vec<&str> = option.guidance.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(
            ids,
            ["hiring", "interviews", "learning", "starter"],
            "{}",
            option.id
        );
        let code: Vec<_> = option
            .guidance
            .iter()
            .filter(|s| s.kind == GuidanceKind::Code)
            .collect();
        assert_eq!(code.len(), 1, "{}: one starter endpoint", option.id);
        assert!(
            code[0].note.contains("connection pool") && code[0].note.contains("start-up"),
            "{}: the seeds' production note",
            option.id
        );
        assert!(!code[0].sources.is_empty());
    }
    let hybrid = m.rules.iter().find(|r| r.id == "use-both").unwrap();
    assert_eq!(hybrid.guidance.len(), 1);
    let ops = text_of(&m, "use-both");
    for needle in ["gRPC", "message queue", "deploy, monitor"] {
        assert!(ops.contains(needle), "hybrid guidance lacks {needle:?}");
    }
}

#[test]
fn default_guidance_is_cited_and_vendor_claims_say_so() {
    let m = default_matrix();
    let sponsored: Vec<&str> = m
        .sources
        .iter()
        .filter(|s| s.sponsored)
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(sponsored, ["s000"]);
    for (owner, s) in all_sections(&m) {
        for item in &s.items {
            assert!(!item.sources.is_empty(), "{owner}/{}: {}", s.id, item.text);
            assert!(!item.label.is_empty(), "{owner}/{}: label the point", s.id);
            // A claim resting only on the Node.js vendor names it as the vendor's.
            if item
                .sources
                .iter()
                .all(|id| sponsored.contains(&id.as_str()))
            {
                assert!(
                    item.text.contains("vendor"),
                    "{owner}/{}: {}",
                    s.id,
                    item.text
                );
            }
            // The staffing marketplace's rates say who quotes them.
            if item.label.contains("rates") {
                assert!(item.text.contains("staffing marketplace"), "{}", item.text);
            }
        }
    }
}

#[test]
fn default_guidance_carries_the_seed_figures_exactly() {
    let m = default_matrix();
    let node = text_of(&m, "node");
    let python = text_of(&m, "python");
    for figure in [
        "$145,000–$185,000",
        "$60,000–$95,000",
        "$20–$55/hr",
        "£380-500",
        "£500-700",
        "£650-900",
        "£80,000-£110,000",
        "20-30%",
        "3–6 weeks",
        "1–2 weeks",
    ] {
        assert!(node.contains(figure), "node guidance lacks {figure}");
    }
    for figure in [
        "$140,000–$195,000",
        "$60,000–$95,000",
        "$20–$60/hr",
        "£400-520",
        "£550-750",
        "£700-1,000",
        "£95,000-£135,000+",
        "20-30%",
        "2–4 weeks",
    ] {
        assert!(python.contains(figure), "python guidance lacks {figure}");
    }
}
