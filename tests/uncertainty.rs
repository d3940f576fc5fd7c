//! The seeded sampler behind the win probabilities (src/uncertainty.rs), as a
//! reader sees it: the same answers and seed give the same percentages on
//! every run and machine, exact ties split evenly, and the number of samples
//! stays even (antithetic pairs) within the draw budget.
#![cfg(not(target_arch = "wasm32"))]

use stack_advisor::json::{parse_answers, parse_matrix};
use stack_advisor::uncertainty::{affordable_samples, MAX_DRAWS};
use stack_advisor::{default_matrix, recommend};

fn answers(text: &str) -> stack_advisor::Answers {
    parse_answers(text).unwrap()
}

/// When the budget allows an odd number of samples, one pair fewer is drawn.
#[test]
fn an_odd_budget_rounds_down_to_whole_pairs() {
    let cells = (MAX_DRAWS / 5) as usize;
    assert_eq!(affordable_samples(100, cells), 4);
    let cells = (MAX_DRAWS / 9) as usize;
    assert_eq!(affordable_samples(100, cells), 8);
    assert_eq!(affordable_samples(7, cells), 8);
}

/// Two options with the same exact scores tie in every sample: each wins
/// half, and the leader is ahead of the runner-up in half the samples.
#[test]
fn an_exact_tie_splits_the_wins_evenly() {
    let m = parse_matrix(
        r#"{"version":1,"id":"tie","title":"Tabs or spaces?",
        "options":[{"id":"tabs","label":"Tabs"},{"id":"spaces","label":"Spaces"}],
        "criteria":[{"id":"a","label":"A","weight":2},{"id":"b","label":"B","weight":1}],
        "scores":[{"option":"tabs","criterion":"a","value":6},{"option":"spaces","criterion":"a","value":6},
                  {"option":"tabs","criterion":"b","value":3},{"option":"spaces","criterion":"b","value":3}],
        "sources":[{"id":"s1","title":"Notes","publisher":"Us","date":"2026-01"}]}"#,
    )
    .unwrap();
    let r = recommend(&m, &answers(r#"{"samples":200}"#)).unwrap();
    assert_eq!(r.win_probability.get("tabs"), Some(&0.5));
    assert_eq!(r.win_probability.get("spaces"), Some(&0.5));
    assert_eq!(r.confidence_probability, 0.5);
}

/// Two close options with score ranges, the reader's priorities (weights
/// drawn around each answer) and a rule's points for one of them.
fn close_call() -> stack_advisor::Matrix {
    parse_matrix(
        r#"{"version":1,"id":"close","title":"A or B?",
        "options":[{"id":"a","label":"A"},{"id":"b","label":"B"}],
        "criteria":[{"id":"x","label":"X","weight":2},{"id":"y","label":"Y","weight":1}],
        "scores":[{"option":"a","criterion":"x","value":7,"low":5,"high":8},
                  {"option":"b","criterion":"x","value":5,"low":4,"high":7},
                  {"option":"a","criterion":"y","value":4,"low":3,"high":6},
                  {"option":"b","criterion":"y","value":8,"low":6,"high":9}],
        "sources":[{"id":"s1","title":"Notes","publisher":"Us","date":"2026-01"}],
        "questions":[
          {"id":"prio","kind":"priorities","label":"How much?","items":[
            {"id":"px","label":"X","criteria":{"x":1},"default":1},
            {"id":"py","label":"Y","criteria":{"y":1},"default":1}]},
          {"id":"stack","kind":"single","label":"Stack","choices":[
            {"id":"has-b","label":"Already on B"},{"id":"none","label":"Nothing yet"}]}],
        "rules":[{"id":"legacy","kind":"override","text":"B is in place already.","sources":["s1"],
          "when":{"question":"stack","choice":"has-b"},"option":"b","within":3}]}"#,
    )
    .unwrap()
}

/// The percentages a share link reproduces, pinned for one seed: any change
/// to how samples are drawn or scored (the weights drawn around each answer,
/// the score ranges, a rule's points, the mirrored half of each pair, the
/// "use both" count) moves one of these figures.
#[test]
fn a_seed_gives_the_same_percentages_everywhere() {
    let m = close_call();
    let run = |a: &str| {
        let r = recommend(&m, &answers(a)).unwrap();
        (
            r.win_probability["a"],
            r.win_probability["b"],
            r.confidence_probability,
        )
    };
    assert_eq!(
        run(r#"{"prio":{"px":3,"py":2},"seed":11,"samples":1000}"#),
        (0.374, 0.626, 0.626)
    );
    // The rule's 3 points for B lift B's share of the samples.
    assert_eq!(
        run(r#"{"prio":{"px":3,"py":2},"stack":"has-b","seed":11,"samples":1000}"#),
        (0.269, 0.731, 0.731)
    );
    assert_eq!(
        run(r#"{"prio":{"px":4,"py":2},"stack":"has-b","seed":11,"samples":1000}"#),
        (0.372, 0.628, 0.628)
    );

    let m = default_matrix();
    let run = |a: &str| {
        let r = recommend(&m, &answers(a)).unwrap();
        (
            r.verdict,
            r.win_probability["node"],
            r.confidence_probability,
            r.hybrid_probability,
        )
    };
    assert_eq!(
        run(r#"{"project":"automation","team":"javascript","seed":7,"samples":2000}"#),
        ("node".to_string(), 0.883, 0.883, 0.0)
    );
    assert_eq!(
        run(
            r#"{"project":"realtime","team":"python","needs":["ai"],"priorities":{"performance":4},"seed":7,"samples":2000}"#
        ),
        ("hybrid".to_string(), 0.117, 0.9185, 0.9185)
    );
}
