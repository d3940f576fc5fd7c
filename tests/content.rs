//! Content rules for the default matrix (data/node-vs-python.json) that the
//! engine's validator does not know about: every cited source exists, each
//! cited section is a real heading of its article, independent evidence comes
//! before the vendor's, vendor-reliant scores carry wider ranges, and no text
//! says "Unnamed" or points into the project's private seed folder.
//!
//! Each rule is a function from the matrix (as plain JSON, so the test does not
//! depend on the model's Rust types) to a list of problems; the tests at the end
//! feed each rule a broken copy to show that it can fail.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value;

const MATRIX: &str = include_str!("../data/node-vs-python.json");

/// The section headings of each article, as printed in it (see data/SOURCES.md).
const HEADINGS: &[(&str, &[&str])] = &[
    (
        "s000",
        &[
            "Performance Benchmarks: Node.js vs Python in 2026",
            "Developer Ecosystem & Package Maturity",
            "Hiring & Talent Availability",
            "When to Choose Node.js",
            "When to Choose Python",
            "The Hybrid Approach: Best of Both Worlds",
            "Total Cost of Ownership Comparison",
            "Our Verdict for 2026",
            "Frequently Asked Questions",
        ],
    ),
    (
        "s001",
        &[
            "Node.js: What It Is and Why It Matters",
            "Python: The Versatile Development Language",
            "Performance Comparison: Speed and Concurrency",
            "Ecosystem and Libraries: npm vs PyPI",
            "Use Cases: Where Each Excels",
            "Learning Curve",
            "Job Market Demand in 2026",
            "Choosing by Project Type: Decision Matrix",
            "The Verdict: Which Should You Choose?",
            "Conclusion",
        ],
    ),
    (
        "s002",
        &[
            "1. What Each Technology Is Actually Used For",
            "2. Node.js vs Python: Side-by-Side Comparison",
            "3. What You're Building: The Hiring Decision Guide",
            "4. When You Actually Need Both",
            "5. The Candidate Market in 2026: What to Expect",
            "6. Key Interview Questions by Technology",
            "7. Red Flags Specific to Each Technology",
            "The Bottom Line",
        ],
    ),
    (
        "s003",
        &[
            "Quick Comparison Table",
            "Performance: Where Each Excels",
            "I/O-Bound Workloads (APIs, Database Queries, HTTP Calls)",
            "CPU-Bound Workloads (Computation, Data Processing)",
            "The Honest Take",
            "Ecosystem and Libraries",
            "Library Comparison by Task",
            "TypeScript Changes the Node.js Story",
            "The Full-Stack Advantage",
            "Python's Readability Advantage",
            "When to Choose Node.js",
            "When to Choose Python",
            "Our Recommendation for Most Projects",
            "Frequently Asked Questions",
        ],
    ),
    (
        "s004",
        &[
            "TL;DR",
            "What Node.js Actually Is",
            "What Python Actually Is",
            "Performance: Where Each Runtime Wins",
            "Ecosystem and Package Availability",
            "AI and ML Integration: Python Wins Clearly",
            "UK Hiring Market Rates in 2026",
            "Side-by-Side Code Example: Simple REST Endpoint",
            "Decision Framework: When to Choose Each",
            "Key Takeaways",
            "Frequently Asked Questions",
        ],
    ),
];

/// Scores whose value leans on a figure only the vendor gives, with the figure.
/// Their range must be wider than any other score's on the same criterion.
const VENDOR_RELIANT: &[(&str, &str, &str)] = &[
    ("node", "hiring", "000's \"23% lower hiring costs\""),
    ("node", "running-cost", "000's \"15–25% lower TCO\""),
];

fn matrix() -> Value {
    serde_json::from_str(MATRIX).unwrap()
}

fn list<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v.get(key)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

fn str_of<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or("")
}

/// Source id → sponsored.
fn sources(m: &Value) -> Vec<(String, bool)> {
    list(m, "sources")
        .iter()
        .map(|s| {
            let sponsored = s.get("sponsored").and_then(Value::as_bool).unwrap_or(false);
            (str_of(s, "id").to_string(), sponsored)
        })
        .collect()
}

fn is_sponsored(m: &Value, id: &str) -> bool {
    sources(m).iter().any(|(s, sp)| s == id && *sp)
}

/// Every `source` and every list of `sources` ids anywhere in the matrix (the
/// top-level list of source objects aside) names a declared source.
fn undeclared_sources(m: &Value) -> Vec<String> {
    fn walk(v: &Value, path: &str, known: &[String], out: &mut Vec<String>) {
        match v {
            Value::Object(map) => {
                for (k, child) in map {
                    let here = format!("{path}.{k}");
                    match (k.as_str(), child) {
                        ("source", Value::String(id)) if !known.contains(id) => {
                            out.push(format!("{here}: unknown source {id}"));
                        }
                        ("sources", Value::Array(ids)) => {
                            for (i, id) in ids.iter().enumerate() {
                                if let Value::String(id) = id {
                                    if !known.contains(id) {
                                        out.push(format!("{here}[{i}]: unknown source {id}"));
                                    }
                                }
                            }
                        }
                        _ => walk(child, &here, known, out),
                    }
                }
            }
            Value::Array(items) => {
                for (i, child) in items.iter().enumerate() {
                    walk(child, &format!("{path}[{i}]"), known, out);
                }
            }
            _ => {}
        }
    }
    let known: Vec<String> = sources(m).into_iter().map(|(id, _)| id).collect();
    let mut out = Vec::new();
    if let Value::Object(map) = m {
        for (k, child) in map {
            if k != "sources" {
                walk(child, k, &known, &mut out);
            }
        }
    }
    out
}

/// Every cited `section` of an evidence entry or dispute side is a heading of
/// that source's article (an empty section cites the untitled opening).
fn unknown_sections(m: &Value) -> Vec<String> {
    let mut cited = Vec::new();
    for c in list(m, "criteria") {
        for e in list(c, "evidence") {
            cited.push((format!("criterion {}", str_of(c, "id")), e));
        }
    }
    for d in list(m, "disputes") {
        for s in list(d, "sides") {
            cited.push((format!("dispute {}", str_of(d, "id")), s));
        }
    }
    let mut out = Vec::new();
    for (place, e) in cited {
        let (source, section) = (str_of(e, "source"), str_of(e, "section"));
        let headings = HEADINGS
            .iter()
            .find(|(id, _)| *id == source)
            .map(|(_, h)| *h);
        let ok = section.is_empty() || headings.is_some_and(|h| h.contains(&section));
        if !ok {
            out.push(format!("{place}: {source} has no heading {section:?}"));
        }
    }
    out
}

/// In each criterion's evidence, no independent citation follows a sponsored one.
fn vendor_before_independent(m: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for c in list(m, "criteria") {
        let mut seen_vendor = false;
        for (i, e) in list(c, "evidence").iter().enumerate() {
            let sponsored = is_sponsored(m, str_of(e, "source"));
            if seen_vendor && !sponsored {
                out.push(format!(
                    "criterion {}: evidence[{i}] ({}) comes after a sponsored citation",
                    str_of(c, "id"),
                    str_of(e, "source")
                ));
            }
            seen_vendor |= sponsored;
        }
    }
    out
}

/// (option, criterion, width of the low–high range, all sources sponsored).
fn score_ranges(m: &Value) -> Vec<(String, String, f64, bool)> {
    list(m, "scores")
        .iter()
        .map(|s| {
            let value = s.get("value").and_then(Value::as_f64).unwrap_or(0.0);
            let low = s.get("low").and_then(Value::as_f64).unwrap_or(value);
            let high = s.get("high").and_then(Value::as_f64).unwrap_or(value);
            let ids = list(s, "sources");
            let vendor_only = !ids.is_empty()
                && ids
                    .iter()
                    .all(|id| id.as_str().is_some_and(|id| is_sponsored(m, id)));
            (
                str_of(s, "option").to_string(),
                str_of(s, "criterion").to_string(),
                high - low,
                vendor_only,
            )
        })
        .collect()
}

/// A score resting on sponsored sources alone has a range at least as wide as
/// the widest independently sourced range on its criterion; each score listed
/// in `VENDOR_RELIANT` has a range wider than every other on its criterion.
fn narrow_vendor_ranges(m: &Value) -> Vec<String> {
    let ranges = score_ranges(m);
    let mut out = Vec::new();
    for (option, criterion, width, vendor_only) in &ranges {
        let others = ranges
            .iter()
            .filter(|r| &r.1 == criterion && &r.0 != option);
        if *vendor_only {
            let widest = others
                .clone()
                .filter(|r| !r.3)
                .map(|r| r.2)
                .fold(0.0, f64::max);
            if *width < widest {
                out.push(format!(
                    "{option}/{criterion} rests on sponsored sources only but its range ({width}) is narrower than {widest}"
                ));
            }
        }
        if let Some((_, _, figure)) = VENDOR_RELIANT
            .iter()
            .find(|(o, c, _)| o == option && c == criterion)
        {
            let widest = others.map(|r| r.2).fold(0.0, f64::max);
            if *width <= widest {
                out.push(format!(
                    "{option}/{criterion} leans on {figure} but its range ({width}) is not wider than {widest}"
                ));
            }
        }
    }
    for (option, criterion, _) in VENDOR_RELIANT {
        if !ranges.iter().any(|r| &r.0 == option && &r.1 == criterion) {
            out.push(format!(
                "no score {option}/{criterion} (update VENDOR_RELIANT)"
            ));
        }
    }
    out
}

/// No text anywhere says "Unnamed" or points into ../shared (a user's clone has
/// no such folder).
fn forbidden_text(m: &Value) -> Vec<String> {
    fn walk(v: &Value, path: &str, out: &mut Vec<String>) {
        match v {
            Value::String(s) => {
                let lower = s.to_lowercase();
                for bad in ["unnamed", "../shared", "shared/seeds"] {
                    if lower.contains(bad) {
                        out.push(format!("{path}: contains {bad:?}"));
                    }
                }
            }
            Value::Array(items) => {
                for (i, child) in items.iter().enumerate() {
                    walk(child, &format!("{path}[{i}]"), out);
                }
            }
            Value::Object(map) => {
                for (k, child) in map {
                    walk(child, &format!("{path}.{k}"), out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(m, "$", &mut out);
    out
}

fn all_problems(m: &Value) -> Vec<String> {
    let mut out = undeclared_sources(m);
    out.extend(unknown_sections(m));
    out.extend(vendor_before_independent(m));
    out.extend(narrow_vendor_ranges(m));
    out.extend(forbidden_text(m));
    out
}

#[test]
fn the_default_matrix_keeps_the_content_rules() {
    let problems = all_problems(&matrix());
    assert!(
        problems.is_empty(),
        "content problems:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_matrix_has_sponsored_and_independent_sources() {
    // Otherwise the ordering and range rules would hold trivially.
    let s = sources(&matrix());
    assert!(
        s.iter().any(|(_, sp)| *sp) && s.iter().any(|(_, sp)| !*sp),
        "{s:?}"
    );
}

// ------------------------------------------------ each rule catches a break

/// The criterion with the given id.
fn criterion<'a>(m: &'a mut Value, id: &str) -> &'a mut Value {
    let list = m["criteria"].as_array_mut().unwrap();
    list.iter_mut().find(|c| c["id"] == id).unwrap()
}

#[test]
fn an_unknown_source_is_caught() {
    let mut m = matrix();
    m["disputes"][0]["sides"][0]["source"] = Value::from("s999");
    m["rules"][0]["sources"][0] = Value::from("s998");
    let problems = undeclared_sources(&m);
    assert!(problems.iter().any(|p| p.contains("s999")), "{problems:?}");
    assert!(problems.iter().any(|p| p.contains("s998")), "{problems:?}");
}

#[test]
fn a_wrong_section_is_caught() {
    let mut m = matrix();
    criterion(&mut m, "cold-start")["evidence"][0]["section"] = Value::from("The Bottom Line");
    let problems = unknown_sections(&m);
    assert!(
        problems.iter().any(|p| p.contains("cold-start")),
        "{problems:?}"
    );
}

#[test]
fn vendor_evidence_first_is_caught() {
    let mut m = matrix();
    let evidence = criterion(&mut m, "io-throughput")["evidence"]
        .as_array_mut()
        .unwrap();
    let last = evidence.pop().unwrap();
    assert_eq!(last["source"], "s000");
    evidence.insert(0, last);
    let problems = vendor_before_independent(&m);
    assert!(
        problems.iter().any(|p| p.contains("io-throughput")),
        "{problems:?}"
    );
}

#[test]
fn a_narrow_vendor_only_range_is_caught() {
    let mut m = matrix();
    let scores = m["scores"].as_array_mut().unwrap();
    let s = scores
        .iter_mut()
        .find(|s| s["option"] == "node" && s["criterion"] == "cold-start")
        .unwrap();
    s["sources"] = serde_json::json!(["s000"]);
    s["low"] = s["value"].clone();
    s["high"] = s["value"].clone();
    let problems = narrow_vendor_ranges(&m);
    assert!(
        problems.iter().any(|p| p.contains("node/cold-start")),
        "{problems:?}"
    );
}

#[test]
fn a_vendor_reliant_range_no_wider_than_the_rest_is_caught() {
    let mut m = matrix();
    let scores = m["scores"].as_array_mut().unwrap();
    let s = scores
        .iter_mut()
        .find(|s| s["option"] == "node" && s["criterion"] == "hiring")
        .unwrap();
    s["low"] = Value::from(6);
    s["high"] = Value::from(8);
    let problems = narrow_vendor_ranges(&m);
    assert!(
        problems.iter().any(|p| p.contains("node/hiring")),
        "{problems:?}"
    );
}

#[test]
fn unnamed_and_shared_paths_are_caught() {
    let mut m = matrix();
    m["sources"][1]["publisher"] = Value::from("Unnamed web-development blog");
    m["criteria"][0]["description"] = Value::from("See ../shared/seeds/003.txt.");
    let problems = forbidden_text(&m);
    assert!(
        problems.iter().any(|p| p.contains("publisher")),
        "{problems:?}"
    );
    assert!(
        problems.iter().any(|p| p.contains("description")),
        "{problems:?}"
    );
}
