//! Realistic reader profiles, each with why its verdict follows from the
//! five articles (named by their ids: 000 the Node.js hiring vendor, 001 the
//! web-development blog, 002 the hiring guide, 003 the agency's comparison,
//! 004 the UK article; data/SOURCES.md names them).
#![cfg(not(target_arch = "wasm32"))]

use stack_advisor::json::parse_answers;
use stack_advisor::{default_matrix, recommend};

/// (answers, allowed verdicts, why)
const PROFILES: &[(&str, &[&str], &str)] = &[
    (r#"{"project":"realtime","team":"javascript","traffic":"thousands"}"#, &["node"],
     "A chat app for thousands at once, JS team: every article puts real-time on Node.js (001, 002, 004) and the team already knows it."),
    (r#"{"project":"ai-ml","team":"python","needs":["ai"]}"#, &["python"],
     "An LLM product built by a Python team: AI is Python's territory in all five, and 004's team rule agrees."),
    (r#"{"project":"ai-ml","team":"javascript","needs":["ai","react-frontend","realtime"]}"#, &["hybrid"],
     "An AI assistant with a streaming chat UI and a React frontend, JS team: 000, 003 and 004 describe exactly this split (Node.js at the edge, Python for inference)."),
    (r#"{"project":"fullstack-spa","needs":["ai"]}"#, &["hybrid"],
     "An SPA with an AI feature: 003 says two runtimes are worth it when genuine ML sits next to a web frontend; 002 calls this the standard AI-augmented architecture."),
    (r#"{"project":"rest-api","team":"python"}"#, &["python"],
     "A CRUD API with a Python team: 001 rates CRUD APIs 'either' and 004's table says REST API + Python team -> Python."),
    (r#"{"project":"rest-api","team":"javascript"}"#, &["node"],
     "The same API with a JS team: 004's table says Node.js, 002 says Node.js for REST APIs."),
    (r#"{"project":"data-pipeline","team":"javascript"}"#, &["python"],
     "An ETL pipeline even for a JS team: 003 calls Python the only realistic option for data work, 002 and 004 agree."),
    (r#"{"project":"scientific","needs":["cpu-numeric"]}"#, &["python"],
     "Simulations and numerics: numpy/scipy (003: ~12 ms vs ~850 ms matrix multiply) make Python the choice."),
    (r#"{"project":"serverless","team":"javascript","needs":["serverless"]}"#, &["node"],
     "Cloud functions with a JS team: 002 and 003 give Node.js faster cold starts (~60 ms vs ~350 ms)."),
    (r#"{"project":"mvp","team":"python"}"#, &["python"],
     "A startup MVP by Python people: 001 recommends Django for MVPs and the team knows Python."),
    (r#"{"project":"mvp","team":"javascript"}"#, &["node"],
     "A startup MVP by a JS team: 000 and 003 favour one language across the stack for fast iteration; 004's team rule tips it."),
    (r#"{"project":"analytics","needs":["analysts","data-processing"]}"#, &["python"],
     "A BI platform whose code analysts read: 003's readability point plus data processing, Python in 001, 002 and 004."),
    (r#"{"project":"microservices","needs":["high-concurrency"],"traffic":"very-high"}"#, &["node"],
     "High-concurrency microservices at tens of thousands of connections: 004 says this is where Node.js pulls ahead."),
    (r#"{"project":"realtime","needs":["ai"]}"#, &["hybrid"],
     "Live updates plus AI features: 000's hybrid architecture (Node.js gateway, Python ML services)."),
    (r#"{"project":"realtime","needs":["ai-planned"]}"#, &["hybrid"],
     "A real-time app with AI planned within 18 months: 004 says look 18 months ahead because retrofitting ML onto Node.js is much more work; the real-time edge stays Node.js."),
    (r#"{"project":"rest-api","needs":["ai"],"team":"python"}"#, &["python"],
     "A Python team's API with an AI feature: Python handles both (004: AI tips it; team rule agrees)."),
    (r#"{"project":"enterprise","team":"python"}"#, &["python"],
     "An enterprise web app: 002 says either, pick by the team's skills — here Python."),
    (r#"{"project":"enterprise","team":"javascript"}"#, &["node"],
     "The same with a JS team: Node.js (002's 'either', decided by the team)."),
    (r#"{"project":"automation"}"#, &["python"],
     "Automation and scripting: 002 and 003 put scripting on Python."),
    (r#"{"project":"fullstack-spa","needs":["react-frontend","type-safety"]}"#, &["node"],
     "A Next.js app with end-to-end types: 003's shared TypeScript types and one language across the stack."),
    (r#"{"project":"realtime","team":"python","traffic":"small"}"#, &["node", "python"],
     "A small real-time app by a Python team: 004 says Python is viable for most real-time apps, others say Node.js; either is defensible, so the test only asks for a single option."),
    (r#"{"team":"neither","needs":["ai"]}"#, &["python"],
     "A greenfield project with AI features and no team yet: 004's table says it depends on AI plans, which are there."),
    (r#"{"project":"ai-ml","needs":["high-concurrency"]}"#, &["hybrid"],
     "AI behind an API that holds thousands of connections: 004's Node.js gateway in front of Python services."),
    (r#"{"project":"analytics","team":"javascript","needs":["data-processing","react-frontend"]}"#, &["hybrid"],
     "An analytics product with a React frontend and a JS team: 002's SaaS example (Node.js customer-facing API, Python data layer)."),
];

#[test]
fn reader_profiles_get_the_verdict_the_articles_support() {
    let matrix = default_matrix();
    let mut wrong = Vec::new();
    for (answers, allowed, why) in PROFILES {
        let result = recommend(&matrix, &parse_answers(answers).unwrap()).unwrap();
        if !allowed.contains(&result.verdict.as_str()) {
            wrong.push(format!(
                "{answers}: got {} ({:?}, {:.2}), expected {allowed:?} — {why}",
                result.verdict, result.scores, result.confidence_probability
            ));
        }
    }
    assert!(PROFILES.len() >= 20);
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
