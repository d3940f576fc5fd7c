//! Invariants of the engine over random answers (proptest).
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use stack_advisor::{default_matrix, recommend, AnswerValue, Answers, Matrix, Recommendation};
use std::collections::BTreeMap;
use std::sync::OnceLock;

const PROJECTS: [&str; 12] = [
    "realtime",
    "rest-api",
    "fullstack-spa",
    "microservices",
    "serverless",
    "ai-ml",
    "data-pipeline",
    "analytics",
    "automation",
    "scientific",
    "mvp",
    "enterprise",
];
const TEAMS: [&str; 4] = ["javascript", "python", "both", "neither"];
const NEEDS: [&str; 9] = [
    "realtime",
    "ai",
    "data-processing",
    "cpu-numeric",
    "serverless",
    "react-frontend",
    "high-concurrency",
    "type-safety",
    "fast-hiring",
];

fn matrix() -> &'static Matrix {
    static M: OnceLock<Matrix> = OnceLock::new();
    M.get_or_init(default_matrix)
}

fn priority_ids() -> Vec<String> {
    matrix()
        .questions
        .iter()
        .flat_map(|q| q.items.iter().map(|i| i.id.clone()))
        .collect()
}

/// A reader's answers as plain parts, so tests can vary one part at a time.
#[derive(Debug, Clone)]
struct Profile {
    project: Option<usize>,
    team: Option<usize>,
    needs: Vec<usize>,
    priorities: Vec<Option<u8>>,
}

impl Profile {
    fn answers(&self) -> Answers {
        let mut a = Answers::new();
        if let Some(p) = self.project {
            a.insert("project".into(), AnswerValue::One(PROJECTS[p].into()));
        }
        if let Some(t) = self.team {
            a.insert("team".into(), AnswerValue::One(TEAMS[t].into()));
        }
        if !self.needs.is_empty() {
            a.insert(
                "needs".into(),
                AnswerValue::Many(self.needs.iter().map(|&n| NEEDS[n].to_string()).collect()),
            );
        }
        let levels: BTreeMap<String, f64> = priority_ids()
            .into_iter()
            .zip(&self.priorities)
            .filter_map(|(id, p)| p.map(|v| (id, f64::from(v))))
            .collect();
        if !levels.is_empty() {
            a.insert("priorities".into(), AnswerValue::Levels(levels));
        }
        a.insert("samples".into(), AnswerValue::Number(300.0));
        a
    }
}

fn profile() -> impl Strategy<Value = Profile> {
    let n = priority_ids().len();
    (
        proptest::option::of(0..PROJECTS.len()),
        proptest::option::of(0..TEAMS.len()),
        proptest::collection::btree_set(0..NEEDS.len(), 0..4),
        proptest::collection::vec(proptest::option::of(0u8..=5), n),
    )
        .prop_map(|(project, team, needs, priorities)| Profile {
            project,
            team,
            needs: needs.into_iter().collect(),
            priorities,
        })
}

fn run(a: &Answers) -> Recommendation {
    recommend(matrix(), a).unwrap()
}

fn node_margin(r: &Recommendation) -> f64 {
    r.scores["node"] - r.scores["python"]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn scores_and_probabilities_are_in_range(p in profile()) {
        let r = run(&p.answers());
        for s in r.scores.values() {
            prop_assert!((0.0..=100.0).contains(s));
        }
        let total: f64 = r.win_probability.values().sum();
        prop_assert!((total - 1.0).abs() < 1e-9);
        prop_assert!(r.win_probability.values().all(|p| (0.0..=1.0).contains(p)));
        prop_assert!(r.margin >= 0.0);
    }

    #[test]
    fn answer_order_does_not_matter(p in profile()) {
        let mut reversed = p.clone();
        reversed.needs.reverse();
        prop_assert_eq!(run(&p.answers()), run(&reversed.answers()));
    }

    #[test]
    fn option_order_does_not_matter(p in profile()) {
        let a = p.answers();
        let r = run(&a);
        let mut flipped = matrix().clone();
        flipped.options.reverse();
        flipped.scores.reverse();
        let f = recommend(&flipped, &a).unwrap();
        for (o, s) in &r.scores {
            prop_assert!((s - f.scores[o]).abs() < 1e-9);
        }
        if r.margin > 1e-9 {
            prop_assert_eq!(&r.verdict, &f.verdict);
        }
    }

    #[test]
    fn scaling_all_weights_keeps_the_scores_and_leader(p in profile(), k in 0.01f64..100.0) {
        let a = p.answers();
        let r = run(&a);
        let mut scaled = a.clone();
        scaled.insert("weights".into(), AnswerValue::Levels(r.weights.iter().map(|(c, w)| (c.clone(), w * k)).collect()));
        let s = run(&scaled);
        // An exact tie may be broken either way by rounding. (The verdict
        // may change: "Use both" is decided by absolute weights.)
        if r.margin > 1e-9 {
            prop_assert_eq!(&r.leader, &s.leader);
        }
        for (o, x) in &r.scores {
            prop_assert!((x - s.scores[o]).abs() < 1e-6);
        }
    }

    #[test]
    fn needing_ai_never_raises_nodes_margin(mut p in profile()) {
        p.needs.retain(|&n| NEEDS[n] != "ai");
        let without = run(&p.answers());
        p.needs.push(NEEDS.iter().position(|n| *n == "ai").unwrap());
        let with = run(&p.answers());
        prop_assert!(node_margin(&with) <= node_margin(&without) + 1e-9);
        if without.leader == "python" {
            prop_assert_eq!(with.leader.as_str(), "python");
        }
    }

    #[test]
    fn a_javascript_team_never_lowers_nodes_margin(mut p in profile()) {
        p.team = Some(3); // neither
        let neither = run(&p.answers());
        p.team = Some(0); // javascript
        let js = run(&p.answers());
        prop_assert!(node_margin(&js) >= node_margin(&neither) - 1e-9);
        if neither.leader == "node" {
            prop_assert_eq!(js.leader.as_str(), "node");
        }
    }

    #[test]
    fn flip_points_really_flip(p in profile()) {
        let a = p.answers();
        let r = run(&a);
        for fp in r.flip_points.iter().take(3) {
            let hair = 1e-7 * fp.flip_weight.max(1.0);
            let past = if fp.flip_weight > fp.weight { fp.flip_weight + hair } else { fp.flip_weight - hair };
            let mut weights = r.weights.clone();
            weights.insert(fp.criterion.clone(), past);
            let mut moved = a.clone();
            moved.insert("weights".into(), AnswerValue::Levels(weights));
            prop_assert_eq!(&run(&moved).leader, &fp.new_winner);
        }
    }

    #[test]
    fn answer_flips_really_flip(p in profile()) {
        let a = p.answers();
        let r = run(&a);
        for flip in &r.answer_flips {
            let mut changed = a.clone();
            let value = match flip.change.as_str() {
                "pick" => AnswerValue::One(flip.choice.clone()),
                change => {
                    let mut ids: Vec<String> = match a.get(&flip.question) {
                        Some(AnswerValue::Many(ids)) => ids.clone(),
                        _ => Vec::new(),
                    };
                    if change == "add" { ids.push(flip.choice.clone()) } else { ids.retain(|c| *c != flip.choice) }
                    AnswerValue::Many(ids)
                }
            };
            changed.insert(flip.question.clone(), value);
            let after = run(&changed);
            prop_assert_eq!(&after.verdict, &flip.new_verdict);
            prop_assert_ne!(&after.verdict, &r.verdict);
        }
    }

    #[test]
    fn priority_flips_are_real_and_nearest(p in profile(), halves in proptest::collection::vec(0u8..=10, 7)) {
        // Half levels as well as whole ones: a shared link may carry either.
        let mut a = p.answers();
        let mut levels = match a.get("priorities") {
            Some(AnswerValue::Levels(l)) => l.clone(),
            _ => Default::default(),
        };
        for (id, h) in priority_ids().into_iter().zip(&halves) {
            if *h % 3 == 0 {
                levels.insert(id, f64::from(*h) / 2.0);
            }
        }
        a.insert("priorities".into(), AnswerValue::Levels(levels.clone()));
        let r = run(&a);
        let verdict_at = |id: &str, level: f64| {
            let mut changed_levels = levels.clone();
            changed_levels.insert(id.to_string(), level);
            let mut changed = a.clone();
            changed.insert("priorities".into(), AnswerValue::Levels(changed_levels));
            run(&changed).verdict
        };
        for flip in &r.priority_flips {
            prop_assert_eq!(&verdict_at(&flip.id, flip.flip_value), &flip.new_verdict);
            prop_assert_ne!(&flip.new_verdict, &r.verdict);
            // No whole level between the slider and the flip changes the verdict.
            let (from, to) = (flip.value, flip.flip_value);
            let mut level = if to > from { from.floor() + 1.0 } else { from.ceil() - 1.0 };
            while (to > from && level < to) || (to < from && level > to) {
                prop_assert_eq!(&verdict_at(&flip.id, level), &r.verdict, "{} at {}", flip.id, level);
                level += if to > from { 1.0 } else { -1.0 };
            }
        }
    }

    #[test]
    fn win_probabilities_sum_to_one_for_any_level(level in prop_oneof![Just(1.454993e-317), Just(f64::MIN_POSITIVE), 0.0f64..=5.0], which in 0usize..7) {
        // A level near 0 once made the weight draws infinite (fuzzing found it).
        let mut a = Answers::new();
        let id = priority_ids()[which].clone();
        a.insert("priorities".into(), AnswerValue::Levels([(id, level)].into_iter().collect()));
        a.insert("samples".into(), AnswerValue::Number(32.0));
        let r = run(&a);
        let total: f64 = r.win_probability.values().sum();
        prop_assert!((total - 1.0).abs() < 1e-9, "sum {}", total);
        prop_assert!((0.0..=1.0).contains(&r.confidence_probability));
    }
}
