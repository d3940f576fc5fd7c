//! What the reader sees adds up, over the whole answer space of the default
//! matrix: every project × team × subset of needs, with the traffic answer and
//! the priorities drawn per project (so the pairs compared below share them).
//!
//! - a single-option verdict has the top score and wins at least half of the
//!   samples; the confidence word is the one its probability's threshold gives;
//! - adding a need that favours one side never moves the verdict away from it
//!   (a single option may become "Use both" when the other side weighs heavily);
//! - a JavaScript team instead of none never moves it towards Python, a Python
//!   team never towards Node.js;
//! - every "what would change this" line re-runs to the verdict it states.
//!
//! `make test` runs it in the optimised `test-opt` profile
//! (`cargo test --profile test-opt --test coherence`, about two and a half
//! minutes on two quiet cores); a debug build skips the whole-space sweep.
#![cfg(not(target_arch = "wasm32"))]

use stack_advisor::answers::{AnswerValue, Answers};
use stack_advisor::map::Map;
use stack_advisor::model::{Matrix, QuestionKind};
use stack_advisor::score::Table;
use stack_advisor::uncertainty::SplitMix64;
use stack_advisor::{default_matrix, recommend, Confidence, Recommendation};
use std::sync::atomic::{AtomicUsize, Ordering};

/// −1 Node.js, 0 Use both, +1 Python.
fn side(verdict: &str) -> i32 {
    match verdict {
        "node" => -1,
        "hybrid" => 0,
        "python" => 1,
        other => panic!("unexpected verdict {other}"),
    }
}

fn choices(matrix: &Matrix, question: &str) -> Vec<String> {
    let q = matrix.questions.iter().find(|q| q.id == question).unwrap();
    q.choices.iter().map(|c| c.id.clone()).collect()
}

/// The side a need favours: every criterion it adds weight to scores that
/// side higher (None if it is mixed).
fn favours(matrix: &Matrix, need: &str) -> Option<i32> {
    let table = Table::new(matrix);
    let q = matrix.questions.iter().find(|q| q.id == "needs").unwrap();
    let choice = q.choices.iter().find(|c| c.id == need).unwrap();
    let mut sides = choice
        .weights
        .iter()
        .filter(|(_, w)| **w > 0.0)
        .map(|(id, _)| {
            let c = matrix.criteria.iter().position(|c| &c.id == id).unwrap();
            let gap = table.at(&table.value, 0, c) - table.at(&table.value, 1, c);
            if gap > 0.0 {
                -1
            } else if gap < 0.0 {
                1
            } else {
                0
            }
        });
    let first = sides.next()?;
    sides.all(|s| s == first).then_some(first)
}

fn answers(
    project: Option<&str>,
    team: Option<&str>,
    traffic: Option<&str>,
    needs: &[String],
    priorities: &Map<f64>,
    samples: u32,
) -> Answers {
    let mut a = Answers::new();
    for (key, value) in [("project", project), ("team", team), ("traffic", traffic)] {
        if let Some(v) = value {
            a.insert(key.to_string(), AnswerValue::One(v.to_string()));
        }
    }
    a.insert("needs".to_string(), AnswerValue::Many(needs.to_vec()));
    a.insert(
        "priorities".to_string(),
        AnswerValue::Levels(priorities.clone()),
    );
    a.insert(
        "samples".to_string(),
        AnswerValue::Number(f64::from(samples)),
    );
    a
}

/// Priorities drawn per (project, traffic) case: a whole level 0–5 each.
fn priorities(matrix: &Matrix, case: u64) -> Map<f64> {
    let mut rng = SplitMix64::new(case.wrapping_mul(0x9e37_79b9));
    let mut out = Map::new();
    for q in matrix
        .questions
        .iter()
        .filter(|q| q.kind == QuestionKind::Priorities)
    {
        for item in &q.items {
            out.insert(item.id.clone(), (rng.next_f64() * 6.0).floor());
        }
    }
    out
}

fn check_shown(result: &Recommendation, label: &str) {
    let matrix = default_matrix();
    let p = result.confidence_probability;
    let word = if p >= matrix.confidence.clear {
        Confidence::Clear
    } else if p >= matrix.confidence.lean {
        Confidence::Lean
    } else {
        Confidence::CloseCall
    };
    assert_eq!(result.confidence, word, "{label}: word vs probability {p}");
    if result.verdict != "hybrid" {
        let top = result.scores[&result.verdict];
        let other = result
            .scores
            .iter()
            .filter(|(id, _)| **id != result.verdict)
            .map(|(_, s)| *s)
            .fold(f64::MIN, f64::max);
        assert!(
            top >= other,
            "{label}: verdict {} is not the top score {:?}",
            result.verdict,
            result.scores
        );
        if top > other + 1e-9 {
            assert!(
                p >= 0.5,
                "{label}: verdict {} wins only {p} ({:?})",
                result.verdict,
                result.scores
            );
            assert_eq!(
                p, result.win_probability[&result.verdict],
                "{label}: two options"
            );
        }
    } else {
        assert_eq!(p, result.hybrid_probability, "{label}");
    }
}

#[test]
#[cfg_attr(debug_assertions, ignore = "run by make test in the test-opt profile")]
fn the_whole_answer_space_adds_up() {
    let matrix = default_matrix();
    let stride = 1;
    let needs = choices(&matrix, "needs");
    let need_sides: Vec<Option<i32>> = needs.iter().map(|n| favours(&matrix, n)).collect();
    let mut projects: Vec<Option<String>> = vec![None];
    projects.extend(choices(&matrix, "project").into_iter().map(Some));
    let mut traffics: Vec<Option<String>> = vec![None];
    traffics.extend(choices(&matrix, "traffic").into_iter().map(Some));
    // "both" and no answer weigh like "neither" (no team weight), so three
    // teams cover every verdict the team question can give.
    let teams = [Some("neither"), Some("javascript"), Some("python")];
    let subsets = 1usize << needs.len();
    let checked = AtomicUsize::new(0);
    let flips_checked = AtomicUsize::new(0);
    // Projects split over the machine's cores, each with its own case number.
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let sweep = |first: usize| {
        for (index, project) in projects.iter().enumerate().skip(first).step_by(threads) {
            let case = index as u64 + 1;
            let levels = priorities(&matrix, case);
            let traffic = &traffics[(case as usize * 7) % traffics.len()];
            // verdict side per (team, needs subset)
            let mut sides = vec![[0i32; 3]; subsets];
            for (mask, slot) in sides.iter_mut().enumerate() {
                let picked: Vec<String> = needs
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| mask & (1 << i) != 0)
                    .map(|(_, n)| n.clone())
                    .collect();
                for (t, team) in teams.iter().enumerate() {
                    let label = format!("{project:?} {team:?} {traffic:?} {picked:?} {levels:?}");
                    let a = answers(
                        project.as_deref(),
                        *team,
                        traffic.as_deref(),
                        &picked,
                        &levels,
                        2,
                    );
                    let result = recommend(&matrix, &a).unwrap();
                    slot[t] = side(&result.verdict);
                    if (mask + t) % stride != 0 {
                        continue;
                    }
                    check_shown(&result, &label);
                    checked.fetch_add(1, Ordering::Relaxed);
                    // Every flip line re-runs to the verdict it states (a sample of them).
                    if (mask * 5 + t) % 97 == 0 {
                        for flip in &result.answer_flips {
                            let mut changed = a.clone();
                            let value = match flip.change.as_str() {
                                "pick" => AnswerValue::One(flip.choice.clone()),
                                "add" => {
                                    let mut more = picked.clone();
                                    more.push(flip.choice.clone());
                                    AnswerValue::Many(more)
                                }
                                _ => AnswerValue::Many(
                                    picked
                                        .iter()
                                        .filter(|n| **n != flip.choice)
                                        .cloned()
                                        .collect(),
                                ),
                            };
                            changed.insert(flip.question.clone(), value);
                            let again = recommend(&matrix, &changed).unwrap();
                            assert_eq!(again.verdict, flip.new_verdict, "{label}: flip {flip:?}");
                            flips_checked.fetch_add(1, Ordering::Relaxed);
                        }
                        for flip in &result.priority_flips {
                            let mut changed_levels = levels.clone();
                            changed_levels.insert(flip.id.clone(), flip.flip_value);
                            let mut changed = a.clone();
                            changed.insert(
                                "priorities".to_string(),
                                AnswerValue::Levels(changed_levels),
                            );
                            let again = recommend(&matrix, &changed).unwrap();
                            assert_eq!(
                                again.verdict, flip.new_verdict,
                                "{label}: priority flip {flip:?}"
                            );
                            assert!(
                                (0.0..=5.0).contains(&flip.flip_value)
                                    && flip.flip_value.fract() == 0.0
                            );
                            flips_checked.fetch_add(1, Ordering::Relaxed);
                        }
                    }
                }
                // A JavaScript team never moves it towards Python, a Python team never towards Node.js.
                let label = format!("{project:?} {traffic:?} {picked:?}");
                assert!(
                    slot[1] <= slot[0],
                    "{label}: JavaScript team {} vs none {}",
                    slot[1],
                    slot[0]
                );
                assert!(
                    slot[2] >= slot[0],
                    "{label}: Python team {} vs none {}",
                    slot[2],
                    slot[0]
                );
            }
            // Adding a need that favours one side never moves the verdict away from it.
            for mask in 0..subsets {
                for (i, need_side) in need_sides.iter().enumerate() {
                    let Some(toward) = *need_side else { continue };
                    if mask & (1 << i) != 0 || toward == 0 {
                        continue;
                    }
                    for t in 0..teams.len() {
                        let (before, after) = (sides[mask][t], sides[mask | (1 << i)][t]);
                        let moved_away = (after - before) * toward < 0;
                        // The one exception: a single option becomes "Use both"
                        // (the rule only holds when the other side weighs heavily).
                        let split = after == 0 && before != 0;
                        assert!(
                            !moved_away || split,
                            "{project:?} {:?} {traffic:?} needs {mask:b} + {}: {before} -> {after}",
                            teams[t],
                            needs[i]
                        );
                    }
                }
            }
        }
    };
    std::thread::scope(|scope| {
        for first in 0..threads {
            let sweep = &sweep;
            scope.spawn(move || sweep(first));
        }
    });
    let (checked, flips_checked) = (checked.into_inner(), flips_checked.into_inner());
    assert!(checked > 60_000 / stride, "checked {checked}");
    assert!(
        flips_checked > 100 / stride,
        "flips checked {flips_checked}"
    );
    eprintln!("coherence: {checked} answer sets shown-checked, {flips_checked} flip lines re-run");
}

/// The first-order Monte Carlo keeps the verdict's probability at or above
/// one half with many samples too, and with the built-in priorities.
#[test]
fn many_samples_keep_the_verdict_above_half() {
    let matrix = default_matrix();
    let needs = choices(&matrix, "needs");
    let mut rng = SplitMix64::new(42);
    let n = if cfg!(debug_assertions) { 60 } else { 600 };
    for k in 0..n {
        let projects = choices(&matrix, "project");
        let project = projects.get((rng.next_u64() % 13) as usize).cloned();
        let picked: Vec<String> = needs
            .iter()
            .filter(|_| rng.next_f64() < 0.25)
            .cloned()
            .collect();
        let team = ["javascript", "python", "neither"]
            .get((rng.next_u64() % 4) as usize)
            .copied();
        let levels = if k % 2 == 0 {
            Map::new()
        } else {
            priorities(&matrix, rng.next_u64())
        };
        let a = answers(project.as_deref(), team, None, &picked, &levels, 2_000);
        let result = recommend(&matrix, &a).unwrap();
        check_shown(
            &result,
            &format!("{project:?} {team:?} {picked:?} {levels:?}"),
        );
    }
}
