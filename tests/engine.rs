//! Behaviour of `recommend` and `validate` on the default matrix and on
//! broken input.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::paths;
use stack_advisor::json::{parse_answers, parse_matrix};
use stack_advisor::{default_matrix, recommend, validate, Error, Matrix};

fn answers(text: &str) -> stack_advisor::Answers {
    parse_answers(text).unwrap()
}

#[test]
fn default_matrix_is_valid_and_fully_cited() {
    let m = default_matrix();
    validate(&m).unwrap();
    for c in &m.criteria {
        assert!(!c.evidence.is_empty(), "criterion {} has no evidence", c.id);
    }
    for s in &m.scores {
        assert!(
            !s.sources.is_empty(),
            "score {}/{} cites nothing",
            s.option,
            s.criterion
        );
    }
    assert!(
        m.sources.iter().any(|s| s.sponsored),
        "the HireNodeJS article is a vendor source"
    );
}

#[test]
fn result_is_well_formed_for_no_answers() {
    let r = recommend(&default_matrix(), &answers("{}")).unwrap();
    for (o, s) in &r.scores {
        assert!((0.0..=100.0).contains(s), "{o}: {s}");
    }
    let total: f64 = r.win_probability.values().sum();
    assert!((total - 1.0).abs() < 1e-9);
    assert_eq!(r.samples, 2000);
    assert!(!r.reasons.is_empty());
    assert_eq!(r.ranking.first(), Some(&r.leader));
    // Contributions add up to the scores.
    for (o, per) in &r.contributions {
        let sum: f64 = per.values().sum();
        assert!(
            (sum - r.scores[o]).abs() < 1e-9,
            "{o}: {sum} vs {}",
            r.scores[o]
        );
    }
    // Every source the reasons cite is listed.
    for reason in &r.reasons {
        for id in &reason.sources {
            assert!(
                r.sources.iter().any(|s| &s.id == id),
                "{id} missing from sources"
            );
        }
    }
}

#[test]
fn reasons_are_ordered_by_gap_and_favour_the_right_option() {
    let r = recommend(&default_matrix(), &answers(r#"{"project":"ai-ml"}"#)).unwrap();
    let gaps: Vec<f64> = r.reasons.iter().map(|x| x.gap).collect();
    assert!(gaps.windows(2).all(|w| w[0] >= w[1]), "{gaps:?}");
    assert_eq!(r.reasons[0].favours, "python");
    assert_eq!(r.reasons[0].criterion, "ai-ml");
}

#[test]
fn monte_carlo_is_deterministic_and_seeded() {
    let m = default_matrix();
    let a = recommend(&m, &answers(r#"{"project":"rest-api","seed":42}"#)).unwrap();
    let b = recommend(&m, &answers(r#"{"project":"rest-api","seed":42}"#)).unwrap();
    assert_eq!(a.win_probability, b.win_probability);
    assert_eq!(a.seed, 42);
    let few = recommend(&m, &answers(r#"{"project":"rest-api","samples":10}"#)).unwrap();
    assert_eq!(few.samples, 10);
    for p in few.win_probability.values() {
        assert_eq!((p * 10.0).round(), p * 10.0, "10 samples give tenths: {p}");
    }
}

/// Re-running with a reported flip weight really changes the leader.
#[test]
fn flip_points_are_exact() {
    let m = default_matrix();
    let profiles = [
        "{}",
        r#"{"project":"realtime"}"#,
        r#"{"project":"ai-ml","team":"javascript"}"#,
        r#"{"project":"rest-api","team":"python","needs":["serverless"]}"#,
        r#"{"project":"mvp","priorities":{"hiring":5}}"#,
    ];
    let mut checked = 0;
    for text in profiles {
        let base = recommend(&m, &answers(text)).unwrap();
        assert!(!base.flip_points.is_empty(), "no flip points for {text}");
        for fp in &base.flip_points {
            let hair = 1e-6 * fp.flip_weight.max(1.0);
            let (past, before) = if fp.flip_weight > fp.weight {
                (fp.flip_weight + hair, fp.flip_weight - hair)
            } else {
                (fp.flip_weight - hair, fp.flip_weight + hair)
            };
            let run = |w: f64| {
                let mut a = answers(text);
                let mut weights: std::collections::BTreeMap<String, f64> = base.weights.clone();
                weights.insert(fp.criterion.clone(), w);
                a.insert(
                    "weights".into(),
                    stack_advisor::AnswerValue::Levels(weights),
                );
                recommend(&m, &a).unwrap().leader
            };
            assert_eq!(
                run(past),
                fp.new_winner,
                "{text}: {} past {}",
                fp.criterion,
                fp.flip_weight
            );
            assert_eq!(
                run(before),
                base.leader,
                "{text}: {} before {}",
                fp.criterion,
                fp.flip_weight
            );
            checked += 1;
        }
    }
    assert!(checked >= 5);
}

#[test]
fn priority_flip_values_match_weights() {
    let m = default_matrix();
    let r = recommend(&m, &answers(r#"{"project":"rest-api"}"#)).unwrap();
    for fp in r
        .flip_points
        .iter()
        .filter_map(|f| f.priority.as_ref().map(|p| (f, p)))
    {
        let (flip, p) = fp;
        assert!((0.0..=5.0).contains(&p.flip_value));
        // Moving the slider to just past the flip value changes the leader.
        let past = if flip.flip_weight > flip.weight {
            p.flip_value + 1e-6
        } else {
            p.flip_value - 1e-6
        };
        let text = format!(
            r#"{{"project":"rest-api","priorities":{{"{}":{past}}}}}"#,
            p.id
        );
        assert_eq!(
            recommend(&m, &answers(&text)).unwrap().leader,
            flip.new_winner,
            "{text}"
        );
    }
}

#[test]
fn weights_override_replaces_computed_weight() {
    let r = recommend(
        &default_matrix(),
        &answers(r#"{"weights":{"ai-ml":0,"io-throughput":7.5}}"#),
    )
    .unwrap();
    assert_eq!(r.weights["ai-ml"], 0.0);
    assert_eq!(r.weights["io-throughput"], 7.5);
}

#[test]
fn bad_answers_name_the_path_and_the_fix() {
    let m = default_matrix();
    let cases = [
        (
            r#"{"team":"rust"}"#,
            "answers.team",
            "expected one of javascript, python, both, neither",
        ),
        (r#"{"colour":"red"}"#, "answers.colour", "expected one of"),
        (
            r#"{"needs":["ai","blockchain"]}"#,
            "answers.needs[1]",
            "expected one of realtime",
        ),
        (r#"{"needs":5}"#, "answers.needs", "list of choice ids"),
        (
            r#"{"project":["ai-ml"]}"#,
            "answers.project",
            "one choice id",
        ),
        (
            r#"{"priorities":{"hiring":9}}"#,
            "answers.priorities.hiring",
            "0 (doesn't matter)",
        ),
        (
            r#"{"priorities":{"nope":1}}"#,
            "answers.priorities.nope",
            "expected one of",
        ),
        (
            r#"{"weights":{"ai-ml":-1}}"#,
            "answers.weights.ai-ml",
            "positive number",
        ),
        (
            r#"{"weights":{"vibes":1}}"#,
            "answers.weights.vibes",
            "expected one of",
        ),
        (r#"{"samples":0}"#, "answers.samples", "2000"),
        (r#"{"samples":1e9}"#, "answers.samples", "2000"),
        (r#"{"seed":-3}"#, "answers.seed", "integer"),
    ];
    for (text, path, hint) in cases {
        let err = recommend(&m, &answers(text)).unwrap_err();
        let issue = err.first().unwrap();
        assert_eq!(issue.path, path, "{text}");
        assert!(
            issue.hint.contains(hint) || issue.message.contains(hint),
            "{text}: {issue}"
        );
    }
    // All problems are reported, not only the first.
    let err = recommend(
        &m,
        &answers(r#"{"team":"rust","project":"x","needs":["y"]}"#),
    )
    .unwrap_err();
    assert_eq!(err.issues().len(), 3);
}

#[test]
fn unparseable_answers_are_errors_not_panics() {
    for text in [
        r#"{"needs":[[1]]}"#,
        "[1,2]",
        r#"{"priorities":{"hiring":"high"}}"#,
        "{",
        r#"{"a":1} trailing"#,
    ] {
        let err = parse_answers(text).unwrap_err();
        assert!(matches!(err, Error::Parse(_)), "{text}");
        assert!(
            err.first().unwrap().path.starts_with("answers"),
            "{text}: {err}"
        );
    }
    // Deep nesting hits serde_json's recursion limit, never the stack.
    let deep = format!(
        r#"{{"needs":{}{}}}"#,
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    assert!(parse_answers(&deep).is_err());
}

fn small_matrix() -> Matrix {
    parse_matrix(
        r#"{"version":1,"id":"db","title":"Which database?",
        "options":[{"id":"pg","label":"PostgreSQL"},{"id":"mongo","label":"MongoDB"}],
        "criteria":[{"id":"joins","label":"Joins","weight":1},{"id":"schema","label":"Schema freedom","weight":1}],
        "scores":[{"option":"pg","criterion":"joins","value":9},{"option":"mongo","criterion":"joins","value":4},
                  {"option":"pg","criterion":"schema","value":5},{"option":"mongo","criterion":"schema","value":9}],
        "sources":[{"id":"s1","title":"Notes","publisher":"Us","date":"2026-01"}]}"#,
    )
    .unwrap()
}

#[test]
fn an_author_matrix_works_without_questions() {
    let m = small_matrix();
    validate(&m).unwrap();
    let r = recommend(&m, &answers("{}")).unwrap();
    assert_eq!(r.verdict, "pg"); // 70 vs 65 points
                                 // Only the two built-in weights are uncertain (×0.5–1.5 each): a 5-point
                                 // lead holds in most samples, but not in nine of ten.
    assert_ne!(r.confidence, stack_advisor::Confidence::Clear);
    assert!((0.5..0.9).contains(&r.confidence_probability));
    assert!((r.margin - 5.0).abs() < 1e-9);
    let r = recommend(&m, &answers(r#"{"weights":{"schema":3}}"#)).unwrap();
    assert_eq!(r.verdict, "mongo");
}

#[test]
fn invalid_matrices_report_every_issue_with_path() {
    let mut m = small_matrix();
    m.options[1].id = "pg".into(); // duplicate
    m.criteria[0].weight = -1.0;
    m.criteria[1].label = "x".repeat(501);
    m.scores[0].value = f64::NAN;
    m.scores[1].high = Some(f64::INFINITY);
    m.scores[2].sources = vec!["nowhere".into()];
    m.sources[0].date = "last year".into();
    m.id = "Not An Id".into();
    let err = validate(&m).unwrap_err();
    let p = paths(&err);
    for expected in [
        "id",
        "options",
        "criteria[0].weight",
        "criteria[1].label",
        "scores[0].value",
        "scores[1].high",
        "scores[2].sources[0]",
        "sources[0].date",
    ] {
        assert!(
            p.iter().any(|x| x == expected),
            "missing {expected} in {p:?}"
        );
    }
    assert!(err.issues().iter().all(|i| !i.hint.is_empty()));
}

/// A score's range must bracket its value: a low end above it or a high
/// end below it (or both) is one issue at the score; ends equal to the
/// value, or left out, pass.
#[test]
fn a_score_range_must_bracket_its_value() {
    let issues = |low: Option<f64>, high: Option<f64>| -> Vec<String> {
        let mut m = small_matrix();
        m.scores[0].low = low;
        m.scores[0].high = high;
        validate(&m).err().map(|e| paths(&e)).unwrap_or_default()
    };
    let v = small_matrix().scores[0].value;
    assert!((1.0..=9.0).contains(&v), "{v}");
    assert!(issues(None, None).is_empty());
    assert!(issues(Some(v), Some(v)).is_empty());
    assert!(issues(Some(v - 1.0), Some(v + 1.0)).is_empty());
    for (low, high) in [
        (Some(v + 0.5), None),
        (None, Some(v - 0.5)),
        (Some(v + 0.5), Some(v - 0.5)),
    ] {
        assert_eq!(issues(low, high), ["scores[0]"], "{low:?} {high:?}");
    }
}

#[test]
fn structural_problems_are_caught() {
    let mut m = small_matrix();
    m.options.truncate(1);
    m.scores.retain(|s| s.option == "pg");
    m.scores.push(m.scores[0].clone());
    let p = paths(&validate(&m).unwrap_err());
    assert!(p.contains(&"options".to_string()), "{p:?}");
    assert!(
        p.iter().any(|x| x.starts_with("scores[")),
        "duplicate score: {p:?}"
    );

    let mut m = small_matrix();
    m.scores.pop();
    let err = validate(&m).unwrap_err();
    assert!(
        err.issues()[0]
            .message
            .contains("no score for option \"mongo\" on criterion \"schema\""),
        "{err}"
    );

    let mut m = small_matrix();
    m.options.clear();
    m.criteria.clear();
    m.scores.clear();
    let p = paths(&validate(&m).unwrap_err());
    assert!(
        p.contains(&"options".to_string()) && p.contains(&"criteria".to_string()),
        "{p:?}"
    );
}

#[test]
fn parse_errors_carry_paths() {
    let cases = [
        (r#"{"version":1}"#, "(root)", "missing field"),
        (r#"{"version":"one"}"#, "version", "invalid type"),
        (
            r#"{"version":1,"id":"a","title":"t","options":[{"id":"a","label":"A","colour":1}]}"#,
            "options[0].colour",
            "unknown field",
        ),
        (
            r#"{"version":1,"id":"a","title":"t","options":[],"criteria":[{"id":"c","label":"C","direction":"up"}]}"#,
            "criteria[0].direction",
            "unknown variant",
        ),
    ];
    for (text, path, message) in cases {
        let err = parse_matrix(text).unwrap_err();
        let issue = err.first().unwrap();
        assert!(issue.path.starts_with(path), "{text}: {issue}");
        assert!(issue.message.contains(message), "{text}: {issue}");
    }
    let huge = format!(r#"{{"version":1,"id":"{}"}}"#, "a".repeat(300_000));
    assert!(parse_matrix(&huge)
        .unwrap_err()
        .to_string()
        .contains("limit"));
}

#[test]
fn cost_criteria_are_turned_around() {
    let mut m = small_matrix();
    m.criteria[0].direction = stack_advisor::model::Direction::Cost; // pg 9 "cost" now bad
    let r = recommend(&m, &answers("{}")).unwrap();
    assert_eq!(r.verdict, "mongo");
}

#[test]
fn monte_carlo_work_is_bounded() {
    use stack_advisor::uncertainty::{affordable_samples, MAX_DRAWS};
    assert_eq!(affordable_samples(2000, 30), 2000);
    // Samples come in antithetic pairs: an even number, within the cap.
    assert_eq!(
        affordable_samples(100_000, 64 * 64),
        (MAX_DRAWS / 4096) as u32 / 2 * 2
    );
    assert_eq!(affordable_samples(5, 0), 6);
    // The default matrix is small enough for the largest request.
    let r = recommend(&default_matrix(), &answers(r#"{"samples":100000}"#)).unwrap();
    assert_eq!(r.samples, 100_000);
}

/// Adds the question "Stack" (choices `has-b` "Already on B", `none`
/// "Nothing yet") that the override and dispute tests answer.
fn add_stack_question(m: &mut Matrix) {
    m.questions.push(
        serde_json::from_str(
            r#"{"id":"stack","kind":"single","label":"Stack","choices":[
              {"id":"has-b","label":"Already on B"},{"id":"none","label":"Nothing yet"}]}"#,
        )
        .unwrap(),
    );
}

/// Adds the override rule `legacy`: "Already on B" makes B the verdict
/// while it trails by at most `within` points, citing `source`.
fn add_legacy_override(m: &mut Matrix, source: &str, within: f64) {
    m.rules.push(
        serde_json::from_value(serde_json::json!({
            "id": "legacy", "kind": "override", "text": "B is in place already.", "sources": [source],
            "when": {"question": "stack", "choice": "has-b"}, "option": "b", "within": within,
        }))
        .unwrap(),
    );
}

/// Three options, three criteria (one a cost), one source per score, one
/// vendor source: every figure below is worked out by hand.
fn three_options() -> Matrix {
    parse_matrix(
        r#"{"version":1,"id":"three","title":"Three options",
        "options":[{"id":"a","label":"A"},{"id":"b","label":"B"},{"id":"c","label":"C"}],
        "criteria":[
          {"id":"x","label":"X","weight":2,"evidence":[
            {"source":"v1","section":"Ad","text":"Vendor says A."},
            {"source":"s1","section":"1","text":"Independent on A."}]},
          {"id":"y","label":"Y","weight":1},
          {"id":"z","label":"Z","weight":1,"direction":"cost"}],
        "scores":[
          {"option":"a","criterion":"x","value":8,"sources":["s1"]},
          {"option":"b","criterion":"x","value":4,"sources":["s4"]},
          {"option":"c","criterion":"x","value":1,"sources":["s7"]},
          {"option":"a","criterion":"y","value":2,"sources":["s2"]},
          {"option":"b","criterion":"y","value":6,"sources":["s5"]},
          {"option":"c","criterion":"y","value":1,"sources":["s7"]},
          {"option":"a","criterion":"z","value":3,"sources":["s3"]},
          {"option":"b","criterion":"z","value":5,"sources":["s4"]},
          {"option":"c","criterion":"z","value":9,"sources":["s7"]}],
        "sources":[
          {"id":"s1","title":"One","publisher":"P1","date":"2026-01"},
          {"id":"s2","title":"Two","publisher":"P2","date":"2026-01"},
          {"id":"s3","title":"Three","publisher":"P3","date":"2026-01"},
          {"id":"s4","title":"Four","publisher":"P4","date":"2026-01"},
          {"id":"s5","title":"Five","publisher":"P5","date":"2026-01"},
          {"id":"s7","title":"Seven","publisher":"P7","date":"2026-01"},
          {"id":"v1","title":"Ad","publisher":"Vendor","date":"2026-01","sponsored":true}]}"#,
    )
    .unwrap()
}

/// Contributions are `10 · weight · value / Σ weights` (a cost criterion's
/// value turned around: 10 − score), and each option's add up to its score.
#[test]
fn contributions_scores_and_margin_are_exact() {
    let r = recommend(&three_options(), &answers("{}")).unwrap();
    let expected = [
        ("a", [("x", 40.0), ("y", 5.0), ("z", 17.5)], 62.5),
        ("b", [("x", 20.0), ("y", 15.0), ("z", 12.5)], 47.5),
        ("c", [("x", 5.0), ("y", 2.5), ("z", 2.5)], 10.0),
    ];
    for (o, per, score) in expected {
        for (c, v) in per {
            let got = r.contributions[o][c];
            assert!((got - v).abs() < 1e-12, "{o}/{c}: {got}, want {v}");
        }
        assert!((r.scores[o] - score).abs() < 1e-12, "{o}: {}", r.scores[o]);
        assert_eq!(r.rule_points[o], 0.0);
    }
    assert_eq!(r.weights["x"], 2.0);
    assert_eq!((r.weights["y"], r.weights["z"]), (1.0, 1.0));
    assert_eq!(r.ranking, ["a", "b", "c"]);
    assert_eq!((r.leader.as_str(), r.runner_up.as_str()), ("a", "b"));
    assert_eq!((r.verdict.as_str(), r.verdict_label.as_str()), ("a", "A"));
    assert!((r.margin - 15.0).abs() < 1e-12, "{}", r.margin);
}

/// A reason cites the sources of its criterion's scores for the two options
/// compared (never the third's), independent evidence before a vendor's;
/// the result lists exactly the sources cited, in the matrix's order.
#[test]
fn reasons_cite_the_sources_of_the_options_compared() {
    let r = recommend(&three_options(), &answers("{}")).unwrap();
    let summary: Vec<(&str, &str, f64, Vec<&str>)> = r
        .reasons
        .iter()
        .chain(&r.outweighed)
        .map(|x| {
            let sources = x.sources.iter().map(String::as_str).collect();
            (x.criterion.as_str(), x.favours.as_str(), x.gap, sources)
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("x", "a", 20.0, vec!["s1", "s4"]),
            ("z", "a", 5.0, vec!["s3", "s4"]),
            ("y", "b", 10.0, vec!["s2", "s5"]),
        ]
    );
    assert_eq!(r.reasons.len(), 2, "x and z favour a; y is outweighed");
    let evidence: Vec<&str> = r.reasons[0]
        .evidence
        .iter()
        .map(|e| e.source.as_str())
        .collect();
    assert_eq!(evidence, ["s1", "v1"], "independent first, the vendor last");
    assert_eq!(r.reasons[0].label, "X");
    let cited: Vec<&str> = r.sources.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(cited, ["s1", "s2", "s3", "s4", "s5", "v1"]);
}

/// A multi-choice question takes one id as a string too, exactly as a list
/// of that one id; an unknown id given so is named at the question itself.
#[test]
fn a_single_id_answers_a_multi_choice_question() {
    let m = default_matrix();
    let one = recommend(&m, &answers(r#"{"needs":"ai"}"#)).unwrap();
    let list = recommend(&m, &answers(r#"{"needs":["ai"]}"#)).unwrap();
    assert_eq!(one.weights, list.weights);
    assert_eq!(one.scores, list.scores);
    let none = recommend(&m, &answers("{}")).unwrap();
    assert_ne!(one.weights, none.weights, "the need counts");
    let err = recommend(&m, &answers(r#"{"needs":"telepathy"}"#)).unwrap_err();
    assert_eq!(paths(&err), ["answers.needs"]);
    let err = recommend(&m, &answers(r#"{"needs":["ai","telepathy"]}"#)).unwrap_err();
    assert_eq!(paths(&err), ["answers.needs[1]"]);
}

/// On a matrix of 11 options × 11 criteria, 100,000 samples would be 12.1
/// million score draws: the result says it drew 82,644 (10 million draws /
/// 121 cells, even), the cap for its size.
#[test]
fn the_samples_drawn_are_capped_by_the_matrix_size() {
    let ids = |p: &'static str| (0..11).map(move |i| format!("{p}{i}"));
    let options: Vec<String> = ids("o")
        .map(|o| format!(r#"{{"id":"{o}","label":"{o}"}}"#))
        .collect();
    let criteria: Vec<String> = ids("c")
        .map(|c| format!(r#"{{"id":"{c}","label":"{c}","weight":1}}"#))
        .collect();
    let mut scores = Vec::new();
    for (i, o) in ids("o").enumerate() {
        for (j, c) in ids("c").enumerate() {
            let value = (i * 7 + j * 3) % 11;
            scores.push(format!(
                r#"{{"option":"{o}","criterion":"{c}","value":{value}}}"#
            ));
        }
    }
    let m = parse_matrix(&format!(
        r#"{{"version":1,"id":"wide","title":"Wide","options":[{}],"criteria":[{}],"scores":[{}]}}"#,
        options.join(","),
        criteria.join(","),
        scores.join(",")
    ))
    .unwrap();
    let r = recommend(&m, &answers(r#"{"samples":100000}"#)).unwrap();
    assert_eq!(r.samples, 82_644);
    let r = recommend(&m, &answers(r#"{"samples":2000}"#)).unwrap();
    assert_eq!(r.samples, 2_000);
}

/// An answer of the wrong JSON type says what an answer may be, at its path,
/// with the hint for types.
#[test]
fn a_wrongly_typed_answer_says_what_answers_may_be() {
    let err = parse_answers(r#"{"team": true}"#).unwrap_err();
    let issue = err.first().unwrap();
    assert_eq!(issue.path, "answers.team");
    assert!(
        issue.message.starts_with(
            "invalid type: boolean `true`, expected a choice id, a list of choice ids, \
             an object of id → number, or a number"
        ),
        "{}",
        issue.message
    );
    assert!(issue
        .hint
        .starts_with("change the value to the expected type"));
}

/// "What would change this" lists the one answer that flips the verdict,
/// and never an answer that would leave every criterion without weight
/// (no verdict can come from that; with no weight, C, listed first, would
/// top a tie of zeros).
#[test]
fn answer_flips_are_listed_but_never_for_all_zero_weights() {
    let mut m = three_options();
    m.options.rotate_right(1);
    m.questions.push(
        serde_json::from_str(
            r#"{"id":"focus","kind":"single","label":"Focus","choices":[
              {"id":"y-matters","label":"Y matters","weights":{"y":5}},
              {"id":"nothing","label":"Nothing matters","weights":{"x":-2,"y":-1,"z":-1}}]}"#,
        )
        .unwrap(),
    );
    validate(&m).unwrap();
    let r = recommend(&m, &answers("{}")).unwrap();
    assert_eq!(r.verdict, "a");
    let flips: Vec<(&str, &str, &str, &str)> = r
        .answer_flips
        .iter()
        .map(|f| {
            let (q, c) = (f.question.as_str(), f.choice.as_str());
            (q, c, f.change.as_str(), f.new_verdict.as_str())
        })
        .collect();
    assert_eq!(flips, [("focus", "y-matters", "pick", "b")]);
}

/// An answer flip counts the rule points of the changed answer, and only
/// of the choice picked: picking "Already on B" earns B an override's 20
/// points and the verdict, picking "Nothing yet" earns nothing.
#[test]
fn answer_flips_count_the_rule_points_of_the_changed_answer() {
    let mut m = three_options();
    add_stack_question(&mut m);
    add_legacy_override(&mut m, "s5", 20.0);
    validate(&m).unwrap();
    let flips = |text: &str| {
        let r = recommend(&m, &answers(text)).unwrap();
        let listed: Vec<(String, String, String)> = r
            .answer_flips
            .iter()
            .map(|f| (f.choice.clone(), f.change.clone(), f.new_verdict.clone()))
            .collect();
        (r.verdict, listed)
    };
    let own = |c: &str, v: &str| (c.to_string(), "pick".to_string(), v.to_string());
    // 62.5 against 47.5 without the rule; B's 20 points make it 67.5.
    assert_eq!(flips("{}"), ("a".to_string(), vec![own("has-b", "b")]));
    assert_eq!(
        flips(r#"{"stack":"has-b"}"#),
        ("b".to_string(), vec![own("none", "a")])
    );
    assert_eq!(
        flips(r#"{"stack":"none"}"#),
        ("a".to_string(), vec![own("has-b", "b")])
    );
}

/// A criterion serialises `segment` only when it is set, as the default
/// matrix's data file writes it: `"segment": true`, else no key at all.
#[test]
fn a_criterion_writes_segment_only_when_set() {
    let m = default_matrix();
    let mut seen = [0, 0];
    for c in &m.criteria {
        let json = serde_json::to_value(c).unwrap();
        let written = json.get("segment").cloned();
        if c.segment {
            assert_eq!(written, Some(serde_json::Value::Bool(true)), "{}", c.id);
            seen[0] += 1;
        } else {
            assert_eq!(written, None, "{}", c.id);
            seen[1] += 1;
        }
    }
    assert!(seen[0] > 0 && seen[1] > 0, "{seen:?}");
}

/// Options A and B on X (built-in weight 0; B 10, A 0) and Y (weight 1; A 6,
/// B 5), with one priority slider `p`, labelled `label`, that moves X by
/// `step` a level and starts at 0.
fn slider_matrix(label: &str, step: u32) -> Matrix {
    parse_matrix(&format!(
        r#"{{"version":1,"id":"slider","title":"Slider",
        "options":[{{"id":"a","label":"A"}},{{"id":"b","label":"B"}}],
        "criteria":[{{"id":"x","label":"X","weight":0}},{{"id":"y","label":"Y","weight":1}}],
        "scores":[{{"option":"a","criterion":"x","value":0}},{{"option":"b","criterion":"x","value":10}},
                  {{"option":"a","criterion":"y","value":6}},{{"option":"b","criterion":"y","value":5}}],
        "questions":[{{"id":"priorities","kind":"priorities","label":"What matters",
          "items":[{{"id":"p","label":"{label}","criteria":{{"x":{step}}},"default":0}}]}}]}}"#
    ))
    .unwrap()
}

/// A priority slider at 0 adds no weight and no uncertainty: with every
/// other weight set exactly, the verdict holds in every sample.
#[test]
fn a_priority_at_zero_adds_no_uncertainty() {
    let m = slider_matrix("P", 1);
    let r = recommend(&m, &answers(r#"{"weights":{"y":1},"priorities":{"p":0}}"#)).unwrap();
    assert_eq!(r.verdict, "a");
    assert_eq!(r.win_probability["a"], 1.0);
    // At 1 the slider does weigh, with its uncertainty: B wins some samples.
    let r = recommend(&m, &answers(r#"{"weights":{"y":1},"priorities":{"p":1}}"#)).unwrap();
    assert!(r.win_probability["b"] > 0.0, "{:?}", r.win_probability);
}

/// A slider that moves its criterion 2 a level states the flip as a slider
/// value: the weight's change divided by the step (X's flip weight 0.1 is
/// slider level 0.05, not 0.2), and the verdict turns exactly there.
#[test]
fn a_priority_flip_divides_by_the_sliders_step() {
    let m = slider_matrix("Speed", 2);
    let run = |p: f64| {
        let text = format!(r#"{{"weights":{{"y":1}},"priorities":{{"p":{p}}}}}"#);
        recommend(&m, &answers(&text)).unwrap()
    };
    let r = run(0.0);
    assert_eq!(r.leader, "a");
    let flip = r.flip_points.iter().find(|f| f.criterion == "x").unwrap();
    assert!((flip.flip_weight - 0.1).abs() < 1e-9, "{flip:?}");
    let p = flip.priority.as_ref().unwrap();
    assert_eq!(
        (p.id.as_str(), p.label.as_str(), p.value),
        ("p", "Speed", 0.0)
    );
    assert!((p.flip_value - 0.05).abs() < 1e-9, "{p:?}");
    assert_eq!(run(p.flip_value + 1e-6).leader, "b");
    assert_eq!(run(p.flip_value - 1e-6).leader, "a");
}

/// A slider's level flips are the nearest whole level above its value and
/// the nearest below, each once: with X's weight at the slider's level, C
/// leads at 1 (6 against 5 and 5), A at 2 (6.7 against 6), B at 0.
#[test]
fn level_flips_are_the_nearest_above_and_below() {
    let m = parse_matrix(
        r#"{"version":1,"id":"levels","title":"Levels",
        "options":[{"id":"a","label":"A"},{"id":"b","label":"B"},{"id":"c","label":"C"}],
        "criteria":[{"id":"x","label":"X","weight":0},{"id":"y","label":"Y","weight":1}],
        "scores":[{"option":"a","criterion":"x","value":10},{"option":"a","criterion":"y","value":0},
                  {"option":"b","criterion":"x","value":0},{"option":"b","criterion":"y","value":10},
                  {"option":"c","criterion":"x","value":6},{"option":"c","criterion":"y","value":6}],
        "questions":[{"id":"priorities","kind":"priorities","label":"What matters",
          "items":[{"id":"p","label":"Speed","criteria":{"x":1},"default":0}]}]}"#,
    )
    .unwrap();
    let flips = |p: f64| {
        let text = format!(r#"{{"weights":{{"y":1}},"priorities":{{"p":{p}}}}}"#);
        let r = recommend(&m, &answers(&text)).unwrap();
        let listed: Vec<(String, f64, f64, String)> = r
            .priority_flips
            .iter()
            .map(|f| (f.id.clone(), f.value, f.flip_value, f.new_verdict.clone()))
            .collect();
        (r.verdict, listed)
    };
    let flip = |value: f64, at: f64, v: &str| ("p".to_string(), value, at, v.to_string());
    assert_eq!(
        flips(1.0),
        (
            "c".to_string(),
            vec![flip(1.0, 2.0, "a"), flip(1.0, 0.0, "b")]
        )
    );
    // From 0 only upwards, to the nearest level that changes it (1, not 2).
    assert_eq!(flips(0.0), ("b".to_string(), vec![flip(0.0, 1.0, "c")]));
    // From 5 only downwards, to the nearest (1: C; 2 to 4 keep A).
    assert_eq!(flips(5.0), ("a".to_string(), vec![flip(5.0, 1.0, "c")]));
    // Between levels, up from the next whole level and down from the one
    // before: at 0.5 (B) only 1 changes it, upwards; at 1.6 (A) only 1, downwards.
    assert_eq!(flips(0.5), ("b".to_string(), vec![flip(0.5, 1.0, "c")]));
    assert_eq!(flips(1.6), ("a".to_string(), vec![flip(1.6, 1.0, "c")]));
}

/// Three options, a hybrid rule whose groups are A on X and B on Y.
fn split_matrix() -> Matrix {
    parse_matrix(
        r#"{"version":1,"id":"split","title":"Split",
        "options":[{"id":"a","label":"A"},{"id":"b","label":"B"},{"id":"c","label":"C"}],
        "criteria":[{"id":"x","label":"X","weight":2},{"id":"y","label":"Y","weight":1}],
        "scores":[
          {"option":"a","criterion":"x","value":8,"sources":["s1"]},
          {"option":"b","criterion":"x","value":4,"sources":["s4"]},
          {"option":"c","criterion":"x","value":4,"sources":["s7"]},
          {"option":"a","criterion":"y","value":2,"sources":["s2"]},
          {"option":"b","criterion":"y","value":6,"sources":["s5"]},
          {"option":"c","criterion":"y","value":1,"sources":["s8"]}],
        "sources":[
          {"id":"s1","title":"One","publisher":"P","date":"2026-01"},
          {"id":"s2","title":"Two","publisher":"P","date":"2026-01"},
          {"id":"s4","title":"Four","publisher":"P","date":"2026-01"},
          {"id":"s5","title":"Five","publisher":"P","date":"2026-01"},
          {"id":"s7","title":"Seven","publisher":"P","date":"2026-01"},
          {"id":"s8","title":"Eight","publisher":"P","date":"2026-01"}],
        "rules":[{"id":"both","kind":"hybrid","label":"A and B","text":"Split it.","sources":["s1"],
          "groups":[{"option":"a","criteria":["x"],"min_weight":1},{"option":"b","criteria":["y"],"min_weight":1}],
          "split":[{"option":"a","role":"Front"},{"option":"b","role":"Back"}]}]}"#,
    )
    .unwrap()
}

/// A hybrid verdict's reasons: each group's criterion against its best
/// rival (the first listed when two tie), citing the scores of those two.
#[test]
fn hybrid_reasons_compare_each_group_with_its_best_rival() {
    let m = split_matrix();
    validate(&m).unwrap();
    let r = recommend(&m, &answers("{}")).unwrap();
    assert_eq!((r.verdict.as_str(), r.leader.as_str()), ("hybrid", "a"));
    let summary: Vec<(&str, &str, Vec<&str>)> = r
        .reasons
        .iter()
        .map(|x| {
            let sources = x.sources.iter().map(String::as_str).collect();
            (x.criterion.as_str(), x.favours.as_str(), sources)
        })
        .collect();
    assert_eq!(
        summary,
        [("x", "a", vec!["s1", "s4"]), ("y", "b", vec!["s2", "s5"])]
    );
    let gaps: Vec<f64> = r.reasons.iter().map(|x| x.gap).collect();
    assert!((gaps[0] - 80.0 / 3.0).abs() < 1e-9, "{gaps:?}");
    assert!((gaps[1] - 40.0 / 3.0).abs() < 1e-9, "{gaps:?}");
    assert!(r.outweighed.is_empty());
    let cited: Vec<&str> = r.sources.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(cited, ["s1", "s2", "s4", "s5"]);
}

/// A choice question lists choices and no sliders, a priorities question
/// sliders and no choices: having both is as wrong as missing its own.
#[test]
fn questions_hold_their_own_kind_of_answers_only() {
    let choice = r#"{"id":"c","label":"C"}"#;
    let item = r#"{"id":"i","label":"I","criteria":{"joins":1}}"#;
    let cases = [
        ("single", format!("[{choice}]"), "[]", None),
        (
            "single",
            format!("[{choice}]"),
            &*format!("[{item}]"),
            Some("needs `choices` and no `items`"),
        ),
        (
            "multi",
            "[]".to_string(),
            "[]",
            Some("needs `choices` and no `items`"),
        ),
        ("priorities", "[]".to_string(), &*format!("[{item}]"), None),
        (
            "priorities",
            format!("[{choice}]"),
            &*format!("[{item}]"),
            Some("needs `items` and no `choices`"),
        ),
        (
            "priorities",
            "[]".to_string(),
            "[]",
            Some("needs `items` and no `choices`"),
        ),
    ];
    for (kind, choices, items, problem) in cases {
        let mut m = small_matrix();
        m.questions.push(
            serde_json::from_str(&format!(
                r#"{{"id":"q","kind":"{kind}","label":"Q","choices":{choices},"items":{items}}}"#
            ))
            .unwrap(),
        );
        let found = validate(&m).err().and_then(|e| {
            e.issues()
                .iter()
                .find(|i| i.path == "questions[0]")
                .cloned()
        });
        match problem {
            None => assert!(found.is_none(), "{kind}: {found:?}"),
            Some(text) => assert!(
                found.is_some_and(|i| i.message.contains(text)),
                "{kind} {choices} {items}"
            ),
        }
    }
}

/// Hybrid reasons with equal gaps keep the order of the rule's criteria.
#[test]
fn equal_hybrid_reasons_keep_the_rules_order() {
    let mut m = split_matrix();
    m.criteria
        .push(serde_json::from_str(r#"{"id":"w","label":"W","weight":2}"#).unwrap());
    for (o, v) in [("a", 8), ("b", 4), ("c", 4)] {
        m.scores.push(
            serde_json::from_str(&format!(
                r#"{{"option":"{o}","criterion":"w","value":{v},"sources":["s1"]}}"#
            ))
            .unwrap(),
        );
    }
    m.rules[0].groups[0].criteria.push("w".into());
    validate(&m).unwrap();
    let r = recommend(&m, &answers("{}")).unwrap();
    assert_eq!(r.verdict, "hybrid");
    let order: Vec<&str> = r.reasons.iter().map(|x| x.criterion.as_str()).collect();
    assert_eq!(order, ["x", "w", "y"]);
    assert_eq!(r.reasons[0].gap, r.reasons[1].gap);
}

/// An override rule applies, with its points, text and sources, exactly when
/// its answer was given.
#[test]
fn an_override_applies_only_when_its_answer_is_given() {
    use stack_advisor::model::RuleKind;
    let mut m = three_options();
    add_stack_question(&mut m);
    add_legacy_override(&mut m, "s5", 3.0);
    validate(&m).unwrap();
    let r = recommend(&m, &answers(r#"{"stack":"has-b"}"#)).unwrap();
    assert_eq!(r.rules.len(), 1, "{:?}", r.rules);
    let rule = &r.rules[0];
    assert_eq!(
        (rule.id.as_str(), rule.kind),
        ("legacy", RuleKind::Override)
    );
    assert_eq!((rule.option.as_deref(), rule.points), (Some("b"), 3.0));
    assert_eq!(
        (rule.text.as_str(), rule.sources.clone()),
        ("B is in place already.", vec!["s5".to_string()])
    );
    assert_eq!((r.rule_points["a"], r.rule_points["b"]), (0.0, 3.0));
    assert!((r.scores["b"] - 50.5).abs() < 1e-12, "{}", r.scores["b"]);
    for other in [r#"{"stack":"none"}"#, "{}"] {
        let r = recommend(&m, &answers(other)).unwrap();
        assert!(r.rules.is_empty(), "{other}: {:?}", r.rules);
        assert_eq!(r.rule_points["b"], 0.0);
    }
}

/// A dispute with no condition always bears on the result; one with
/// conditions only when one of them was answered. Their sides' sources are cited.
#[test]
fn disputes_bear_on_the_result_unconditionally_or_when_answered() {
    let mut m = three_options();
    add_stack_question(&mut m);
    for (id, when) in [
        ("always", "[]"),
        ("legacy", r#"[{"question":"stack","choice":"has-b"}]"#),
    ] {
        m.disputes.push(
            serde_json::from_str(&format!(
                r#"{{"id":"{id}","topic":"T","when":{when},"sides":[
                  {{"option":"a","source":"s7","text":"For A."}},{{"option":"b","source":"s5","text":"For B."}}]}}"#
            ))
            .unwrap(),
        );
    }
    validate(&m).unwrap();
    let ids = |text: &str| -> Vec<String> {
        let r = recommend(&m, &answers(text)).unwrap();
        assert!(
            r.sources.iter().any(|s| s.id == "s7"),
            "a side's source is cited"
        );
        r.disputes.into_iter().map(|d| d.id).collect()
    };
    assert_eq!(ids("{}"), ["always"]);
    assert_eq!(ids(r#"{"stack":"none"}"#), ["always"]);
    assert_eq!(ids(r#"{"stack":"has-b"}"#), ["always", "legacy"]);
}

/// An override's points are 0 to 100, both ends allowed.
#[test]
fn override_points_are_0_to_100() {
    let issues = |within: f64| -> Vec<String> {
        let mut m = three_options();
        m.questions.push(
            serde_json::from_str(
                r#"{"id":"stack","kind":"single","label":"Stack","choices":[{"id":"has-b","label":"B"}]}"#,
            )
            .unwrap(),
        );
        m.rules.push(
            serde_json::from_str(&format!(
                r#"{{"id":"legacy","kind":"override","text":"T","when":{{"question":"stack","choice":"has-b"}},
                  "option":"b","within":{within}}}"#
            ))
            .unwrap(),
        );
        validate(&m).err().map(|e| paths(&e)).unwrap_or_default()
    };
    assert!(issues(0.0).is_empty() && issues(100.0).is_empty());
    for bad in [100.5, -1.0, 1e300] {
        assert_eq!(issues(bad), ["rules[0].within"], "{bad}");
    }
}

/// A hybrid rule splits between two groups or more, each group's weights
/// within 0 to the weight limit.
#[test]
fn hybrid_rules_need_two_groups_and_weights_in_range() {
    let issues = |edit: &dyn Fn(&mut Matrix)| -> Vec<String> {
        let mut m = split_matrix();
        edit(&mut m);
        validate(&m).err().map(|e| paths(&e)).unwrap_or_default()
    };
    assert!(issues(&|_| {}).is_empty());
    let one = issues(&|m| {
        m.rules[0].groups.truncate(1);
    });
    assert_eq!(one, ["rules[0].groups"]);
    let three = issues(&|m| {
        let extra = m.rules[0].groups[1].clone();
        m.rules[0].groups.push(extra);
    });
    assert!(three.is_empty(), "{three:?}");
    for bad in [-1.0, f64::INFINITY] {
        let got = issues(&|m| m.rules[0].groups[1].min_weight = bad);
        assert_eq!(got, ["rules[0].groups[1].min_weight"], "{bad}");
    }
}

/// A dispute needs two sides or more, each citing a listed source.
#[test]
fn disputes_need_two_sides() {
    let mut m = three_options();
    m.disputes.push(
        serde_json::from_str(
            r#"{"id":"lonely","topic":"T","sides":[{"option":"a","source":"s1","text":"For A."}]}"#,
        )
        .unwrap(),
    );
    let err = validate(&m).unwrap_err();
    assert_eq!(paths(&err), ["disputes[0].sides"]);
    assert!(err.to_string().contains("at least two sides"), "{err}");
}

/// Every option a rule or a dispute names (an override's, each hybrid
/// group's and split part's, each dispute side's) must be listed: an
/// unknown one is reported at its path, naming the options there are.
#[test]
fn rules_and_disputes_name_only_listed_options() {
    let mut m = split_matrix();
    m.rules[0].groups[1].option = "d".into();
    m.rules[0].split[0].option = "e".into();
    add_stack_question(&mut m);
    add_legacy_override(&mut m, "s1", 10.0);
    m.rules[1].option = Some("f".into());
    m.disputes.push(
        serde_json::from_str(
            r#"{"id":"speed","topic":"T","sides":[{"option":"a","source":"s1","text":"For A."},
              {"option":"g","source":"s2","text":"For G."}]}"#,
        )
        .unwrap(),
    );
    let err = validate(&m).unwrap_err();
    assert_eq!(
        paths(&err),
        [
            "rules[0].groups[1].option",
            "rules[0].split[0].option",
            "rules[1].option",
            "disputes[0].sides[1].option",
        ]
    );
    for (issue, id) in err.issues().iter().zip(["d", "e", "f", "g"]) {
        assert_eq!(issue.message, format!("\"{id}\" is not an option"));
        assert_eq!(issue.hint, "expected one of a, b, c");
    }
}

/// The no-JavaScript summary words the verdict for its kind: a split
/// "holds", a verdict among three options or more "beats" the runner-up,
/// one of two "wins".
#[test]
fn the_html_summary_words_the_verdict_for_its_kind() {
    use stack_advisor::fallback::{percent, render};
    let cases = [
        (three_options(), "A beats B in"),
        (split_matrix(), "A and B holds in"),
        (small_matrix(), "PostgreSQL wins in"),
    ];
    for (m, want) in cases {
        let r = recommend(&m, &answers("{}")).unwrap();
        let html = render(&m, &r, "");
        let sentence = format!(
            "{want} {} of plausible readings",
            percent(r.confidence_probability)
        );
        assert!(html.contains(&sentence), "{sentence} missing in {html}");
    }
}

/// Each reason in the no-JavaScript summary gives its first passage and
/// publisher, or else the publishers behind its scores.
#[test]
fn the_html_reasons_cite_a_passage_or_the_publishers() {
    let m = three_options();
    let r = recommend(&m, &answers("{}")).unwrap();
    let html = stack_advisor::fallback::render(&m, &r, "");
    for line in [
        "<li>X favours A by 20 points. Independent on A. (P1)</li>",
        "<li>Z favours A by 5 points. Sources: P3; P4.</li>",
    ] {
        assert!(html.contains(line), "{line} missing in {html}");
    }
}

/// A hybrid rule holds when the leader owns one of its groups, every other
/// group weighs at least its `min_weight` and the leader's its `lead_weight`
/// (the ends included).
#[test]
fn a_hybrid_rule_holds_exactly_at_its_weights() {
    let verdict = |m: &Matrix, weights: &str| -> String {
        let text = format!(r#"{{"weights":{weights}}}"#);
        recommend(m, &answers(&text)).unwrap().verdict
    };
    let m = split_matrix();
    assert_eq!(verdict(&m, r#"{"x":2,"y":1}"#), "hybrid");
    assert_eq!(verdict(&m, r#"{"x":2,"y":0.99}"#), "a");
    let mut lead = split_matrix();
    lead.rules[0].groups[0].lead_weight = 3.0;
    assert_eq!(verdict(&lead, r#"{"x":2,"y":1}"#), "a");
    assert_eq!(verdict(&lead, r#"{"x":3,"y":1}"#), "hybrid");
    assert_eq!(verdict(&lead, r#"{"x":2.99,"y":1}"#), "a");
    let mut not_owned = split_matrix();
    not_owned.rules[0].groups[0].option = "c".into();
    not_owned.rules[0].split[0].option = "c".into();
    validate(&not_owned).unwrap();
    assert_eq!(verdict(&not_owned, r#"{"x":2,"y":1}"#), "a");
}

/// `seed` and `samples` take whole numbers only, their ends included; a
/// choice named twice counts once, in the weights and in what `resolve`
/// reports as chosen.
#[test]
fn settings_are_whole_numbers_and_a_repeated_choice_counts_once() {
    use stack_advisor::answers::resolve;
    use stack_advisor::limits::MAX_SAMPLES;
    let m = default_matrix();
    for (text, path) in [
        (r#"{"seed":1.5}"#, "answers.seed"),
        (r#"{"samples":2.5}"#, "answers.samples"),
    ] {
        assert_eq!(paths(&resolve(&m, &answers(text)).unwrap_err()), [path]);
    }
    let low = resolve(&m, &answers(r#"{"seed":0,"samples":1}"#)).unwrap();
    assert_eq!((low.seed, low.samples), (0, 1));
    let text = format!(r#"{{"seed":{},"samples":{MAX_SAMPLES}}}"#, u32::MAX);
    let high = resolve(&m, &answers(&text)).unwrap();
    assert_eq!((high.seed, high.samples), (u32::MAX, MAX_SAMPLES));

    let once = resolve(&m, &answers(r#"{"needs":["ai","realtime"]}"#)).unwrap();
    let twice = resolve(&m, &answers(r#"{"needs":["ai","realtime","ai"]}"#)).unwrap();
    assert_eq!(twice.chosen["needs"], ["ai", "realtime"]);
    assert_eq!(twice.weights, once.weights);
    assert_eq!(twice.terms, once.terms);
}

/// A priority slider named by a criterion id counts as item `items +
/// criterion` of its question (the documented `TermKey`), after every item,
/// so no two weight terms share a key: each slider moves only its own term.
#[test]
fn a_slider_named_by_a_criterion_gets_its_own_term() {
    use stack_advisor::answers::resolve;
    let m = default_matrix();
    let qi = m
        .questions
        .iter()
        .position(|q| q.id == "priorities")
        .unwrap();
    let items = m.questions[qi].items.len();
    let criterion = |id: &str| m.criteria.iter().position(|c| c.id == id).unwrap();
    let r = resolve(
        &m,
        &answers(r#"{"priorities":{"realtime":3,"web-ecosystem":2,"performance":4}}"#),
    )
    .unwrap();
    let key = |id: &str| r.priorities.iter().find(|p| p.id == id).unwrap().key;
    assert_eq!(key("performance"), (qi + 1, 0));
    assert_eq!(key("realtime"), (qi + 1, items + criterion("realtime")));
    assert_eq!(
        key("web-ecosystem"),
        (qi + 1, items + criterion("web-ecosystem"))
    );
    assert!(
        r.terms.windows(2).all(|t| t[0].key < t[1].key),
        "{:?}",
        r.terms.iter().map(|t| t.key).collect::<Vec<_>>()
    );
}

/// Flip points on a matrix worked by hand: per criterion the nearest
/// crossing of any rival, nearest first, a criterion at weight 0 by its
/// absolute flip weight and the others by the relative change; two rivals
/// with equal scores name the first in the matrix's order, and two
/// identical criteria keep the matrix's order.
///
/// a leads b and c (equal rows) by 63⅓ to 56⅔. z (weight 0): 19 + 2z =
/// 17 + 9z at z = 2/7; v (weight 1): 16 + 3v = 8 + 9v at v = 4/3, a change
/// of 1/3; x and y (weight 1 each): 8x + 11 = 4x + 13 at x = 1/2, a change
/// of 1/2. d crosses each later (z = 1/2, v = 8/5, x = 1/4).
#[test]
fn flip_points_go_nearest_first_and_name_the_first_of_equal_rivals() {
    let m = flip_matrix();
    let r = recommend(&m, &answers("{}")).unwrap();
    assert_eq!(r.leader, "a");
    let got: Vec<(&str, f64, &str)> = r
        .flip_points
        .iter()
        .map(|f| (f.criterion.as_str(), f.flip_weight, f.new_winner.as_str()))
        .collect();
    let want = [
        ("z", 2.0 / 7.0, "b"),
        ("v", 4.0 / 3.0, "b"),
        ("x", 0.5, "b"),
        ("y", 0.5, "b"),
    ];
    assert_eq!(got.len(), want.len(), "{got:?}");
    for ((c, w, o), (wc, ww, wo)) in got.iter().zip(want) {
        assert_eq!((*c, *o), (wc, wo), "{got:?}");
        assert!((w - ww).abs() < 1e-12, "{c}: {w} vs {ww}");
    }
}

/// The matrix of `flip_points_go_nearest_first_and_name_the_first_of_equal_rivals`.
fn flip_matrix() -> Matrix {
    parse_matrix(
        r#"{"version":1,"id":"flips","title":"Flips",
        "options":[{"id":"a","label":"A"},{"id":"b","label":"B"},{"id":"c","label":"C"},{"id":"d","label":"D"}],
        "criteria":[{"id":"x","label":"X","weight":1},{"id":"y","label":"Y","weight":1},
                    {"id":"v","label":"V","weight":1},{"id":"z","label":"Z","weight":0}],
        "scores":[{"option":"a","criterion":"x","value":8},{"option":"a","criterion":"y","value":8},
                  {"option":"a","criterion":"v","value":3},{"option":"a","criterion":"z","value":2},
                  {"option":"b","criterion":"x","value":4},{"option":"b","criterion":"y","value":4},
                  {"option":"b","criterion":"v","value":9},{"option":"b","criterion":"z","value":9},
                  {"option":"c","criterion":"x","value":4},{"option":"c","criterion":"y","value":4},
                  {"option":"c","criterion":"v","value":9},{"option":"c","criterion":"z","value":9},
                  {"option":"d","criterion":"x","value":4},{"option":"d","criterion":"y","value":4},
                  {"option":"d","criterion":"v","value":8},{"option":"d","criterion":"z","value":8}],
        "sources":[{"id":"s1","title":"Notes","publisher":"Us","date":"2026-01"}]}"#,
    )
    .unwrap()
}

/// With a rule's points in play (b gets 3 when the reader is on B already),
/// each flip weight is still exact: a hair past it the named option leads, a
/// hair before it the leader still does.
#[test]
fn flip_points_are_exact_with_a_rules_points() {
    let mut m = flip_matrix();
    add_stack_question(&mut m);
    add_legacy_override(&mut m, "s1", 3.0);
    validate(&m).unwrap();
    let text = r#"{"stack":"has-b"}"#;
    let base = recommend(&m, &answers(text)).unwrap();
    assert_eq!((base.leader.as_str(), base.rule_points["b"]), ("a", 3.0));
    assert!(base.flip_points.len() >= 3, "{:?}", base.flip_points);
    for fp in &base.flip_points {
        let hair = 1e-6 * fp.flip_weight.max(1.0);
        let side = if fp.flip_weight > fp.weight {
            1.0
        } else {
            -1.0
        };
        let leader_at = |w: f64| {
            let mut a = answers(text);
            let mut weights = base.weights.clone();
            weights.insert(fp.criterion.clone(), w);
            a.insert(
                "weights".into(),
                stack_advisor::AnswerValue::Levels(weights),
            );
            recommend(&m, &a).unwrap().leader
        };
        let past = leader_at(fp.flip_weight + side * hair);
        let before = leader_at(fp.flip_weight - side * hair);
        assert_eq!(
            past, fp.new_winner,
            "{} past {}",
            fp.criterion, fp.flip_weight
        );
        assert_eq!(before, "a", "{} before {}", fp.criterion, fp.flip_weight);
    }
}

/// A flip point is stated on a slider only when that slider alone moves its
/// criterion and nothing else: not on one that moves two criteria.
#[test]
fn a_flip_is_stated_on_a_slider_only_when_it_moves_that_criterion_alone() {
    let mut m = flip_matrix();
    m.questions.push(
        serde_json::from_str(
            r#"{"id":"prio","kind":"priorities","label":"Priorities","items":[
              {"id":"both","label":"V and X","criteria":{"v":1,"x":1},"default":0},
              {"id":"zed","label":"Z","criteria":{"z":1},"default":0}]}"#,
        )
        .unwrap(),
    );
    validate(&m).unwrap();
    let r = recommend(&m, &answers("{}")).unwrap();
    let slider = |c: &str| {
        let fp = r.flip_points.iter().find(|f| f.criterion == c).unwrap();
        fp.priority.as_ref().map(|p| p.id.clone())
    };
    // z's flip (2/7) and v's (4/3, a third of a step up) are both within 0–5.
    assert_eq!(slider("z"), Some("zed".to_string()));
    assert_eq!(slider("v"), None);
    assert_eq!(slider("x"), None);
}
