//! `stack-advisor render`: the result as plain HTML for readers without
//! JavaScript. It says what `recommend` says, and hostile matrix strings come
//! out as text.
#![cfg(not(target_arch = "wasm32"))]

use stack_advisor::fallback::{escape, percent, render};
use stack_advisor::{default_matrix, json, recommend, Answers};

mod common;

/// Exit code, standard output and standard error of the CLI.
fn cli(args: &[&str], stdin: &str) -> (i32, String, String) {
    let out = common::run_cli(args, stdin);
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_summary_says_what_recommend_says() {
    let matrix = default_matrix();
    for text in [
        "{}",
        r#"{"project":"ai-ml","team":"python"}"#,
        r#"{"project":"ai-ml","needs":["realtime"],"team":"javascript"}"#,
    ] {
        let answers = json::parse_answers(text).unwrap();
        let r = recommend(&matrix, &answers).unwrap();
        let html = render(&matrix, &r, "");
        let verdict = if r.verdict == "hybrid" {
            r.verdict_label.clone()
        } else {
            matrix
                .options
                .iter()
                .find(|o| o.id == r.verdict)
                .unwrap()
                .label
                .clone()
        };
        assert!(
            html.contains(&format!("Recommendation: <strong>{verdict}</strong>")),
            "{text}: {html}"
        );
        assert!(html.contains(&percent(r.confidence_probability)), "{text}");
        let word = match r.confidence {
            stack_advisor::Confidence::Clear => "(clear)",
            stack_advisor::Confidence::Lean => "(leaning)",
            stack_advisor::Confidence::CloseCall => "(close call)",
        };
        assert!(html.contains(word), "{text}: {html}");
        // Scores in ranking order, as whole numbers out of 100.
        let mut at = 0;
        for id in &r.ranking {
            let label = &matrix.options.iter().find(|o| &o.id == id).unwrap().label;
            let line = format!("<li>{label}: {} out of 100</li>", r.scores[id].round());
            let found = html[at..]
                .find(&line)
                .unwrap_or_else(|| panic!("{text}: {line}"));
            at += found;
        }
        // The top reasons, and every cited article by name.
        for reason in r.reasons.iter().take(3) {
            assert!(html.contains(&escape(&reason.label)), "{text}");
        }
        for s in &r.sources {
            assert!(html.contains(&escape(&s.title)), "{text}: {}", s.title);
        }
    }
}

#[test]
fn hostile_matrix_strings_come_out_as_text() {
    let mut m: serde_json::Value =
        serde_json::from_str(stack_advisor::DEFAULT_MATRIX_JSON).unwrap();
    m["title"] = "<script>alert(1)</script>".into();
    m["options"][0]["label"] = "\"><img src=x onerror=alert(2)>".into();
    m["criteria"][0]["label"] = "</li><script>alert(3)</script>".into();
    for s in m["sources"].as_array_mut().unwrap() {
        // The validator refuses other schemes; quotes must not end the href.
        s["url"] = "https://example.com/\"><script>alert(4)</script>".into();
        s["title"] = "Title & <b>bold</b>".into();
    }
    let matrix = json::parse_matrix(&m.to_string()).unwrap();
    let answers = Answers::new();
    let r = recommend(&matrix, &answers).unwrap();
    let html = render(&matrix, &r, "<i>note</i>");
    for raw in ["<script", "<img", "<b>", "<i>"] {
        assert!(!html.contains(raw), "{raw} in {html}");
    }
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"));
    assert!(html.contains("Title &amp; &lt;b&gt;bold&lt;/b&gt;"));
    assert!(html.contains(
        "<a href=\"https://example.com/&quot;&gt;&lt;script&gt;alert(4)&lt;/script&gt;\">"
    ));
    // Every tag in the output is one the renderer writes.
    let allowed = [
        "div", "/div", "p", "/p", "strong", "/strong", "ul", "/ul", "ol", "/ol", "li", "/li", "a",
        "/a",
    ];
    for tag in html.split('<').skip(1) {
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '/')
            .collect();
        assert!(allowed.contains(&name.as_str()), "tag <{name} in {html}");
    }
}

#[test]
fn the_cli_prints_html_and_refuses_bad_input_in_one_line() {
    let (code, out, err) = cli(&["render"], "");
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("<div class=\"stack-advisor-fallback\""));
    assert!(out.contains("before any question is answered"));

    let (code, out, _) = cli(
        &["render", "--answers", "-"],
        r#"{"project":"ai-ml","team":"python"}"#,
    );
    assert_eq!(code, 0);
    assert!(
        out.contains("Recommendation: <strong>Python</strong>"),
        "{out}"
    );
    assert!(out.contains("for the answers given"));

    let (code, out, err) = cli(&["render", "--answers", "-"], r#"{"project":"cobol"}"#);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains("answers.project"), "{err}");

    let (code, _, err) = cli(&["render", "--colour", "red"], "");
    assert_eq!(code, 2);
    assert!(err.contains("unknown option"), "{err}");
}
