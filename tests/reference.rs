//! `rank` against an independent implementation: the fixtures in
//! tests/fixtures/reference/ were computed by pymcdm (see
//! scripts/reference/generate.py for exactly how), and every score must agree
//! to 1e-9.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value;
use stack_advisor::rank::{rank, Method, RankInput};
use std::path::PathBuf;

const TOLERANCE: f64 = 1e-9;

fn fixtures() -> Vec<(String, Value)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reference");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            let name = p.file_stem().unwrap().to_string_lossy().into_owned();
            (name, serde_json::from_str(&text).unwrap())
        })
        .collect()
}

fn input(fixture: &Value) -> RankInput {
    serde_json::from_value(serde_json::json!({
        "options": fixture["options"],
        "criteria": fixture["criteria"],
        "values": fixture["values"],
    }))
    .unwrap()
}

#[test]
fn scores_and_rankings_match_pymcdm() {
    let all = fixtures();
    assert!(
        all.len() >= 10,
        "expected the generated fixtures, found {}",
        all.len()
    );
    let (mut compared, mut worst, mut near_ties) = (0usize, 0f64, 0usize);
    for (name, fixture) in &all {
        assert_eq!(fixture["generator"]["library"], "pymcdm", "{name}");
        let input = input(fixture);
        let expected = fixture["expected"].as_object().unwrap();
        assert!(
            expected.contains_key("topsis"),
            "{name}: every fixture has TOPSIS"
        );
        for (method_name, want) in expected {
            let method = Method::parse(method_name).unwrap();
            let got =
                rank(&input, method, None).unwrap_or_else(|e| panic!("{name}/{method_name}: {e}"));
            let want_scores: Vec<f64> = want["scores"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_f64().unwrap())
                .collect();
            let score_of = |id: &str| {
                let i = input.options.iter().position(|o| o == id).unwrap();
                want_scores[i]
            };
            for (o, want) in input.options.iter().zip(&want_scores) {
                let diff = (got.scores[o] - want).abs();
                worst = worst.max(diff);
                compared += 1;
                assert!(
                    diff <= TOLERANCE,
                    "{name}/{method_name}/{o}: engine {} vs pymcdm {want} (|Δ| = {diff:e})",
                    got.scores[o]
                );
            }
            // The same order, except that options whose reference scores tie
            // within the tolerance may come either way (rounding decides).
            let want_ranking: Vec<&str> = want["ranking"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap())
                .collect();
            assert_eq!(
                got.ranking.len(),
                want_ranking.len(),
                "{name}/{method_name}"
            );
            for (i, (g, w)) in got.ranking.iter().zip(&want_ranking).enumerate() {
                if g != w {
                    let gap = (score_of(g) - score_of(w)).abs();
                    assert!(
                        gap <= TOLERANCE,
                        "{name}/{method_name}: rank {} is {g} here but {w} in pymcdm (scores {} vs {})",
                        i + 1,
                        score_of(g),
                        score_of(w)
                    );
                    near_ties += 1;
                }
            }
        }
    }
    eprintln!(
        "reference: {} fixtures, {compared} scores, max |engine − pymcdm| = {worst:e}, {near_ties} rank swaps within ties",
        all.len()
    );
}

#[test]
fn identical_options_tie_and_keep_the_input_order() {
    let fixture = fixtures()
        .into_iter()
        .find(|(name, _)| name == "ties-7x4")
        .expect("the ties fixture")
        .1;
    let input = input(&fixture);
    for method in [Method::Wsm, Method::Topsis] {
        let got = rank(&input, method, None).unwrap();
        // o4 repeats o1 and o6 repeats o2: the same score, and the earlier first.
        assert_eq!(got.scores["o1"], got.scores["o4"]);
        assert_eq!(got.scores["o2"], got.scores["o6"]);
        let at = |id: &str| got.ranking.iter().position(|o| o == id).unwrap();
        assert!(
            at("o1") < at("o4") && at("o2") < at("o6"),
            "{:?}",
            got.ranking
        );
    }
}
