//! The result as plain, accessible HTML: what readers without JavaScript,
//! feed readers, e-mail and search engines see in place of the widget.
//!
//! Text only (no script, no style attribute, no image): a heading line, the
//! verdict with its confidence and probability, the scores, the main reasons
//! with their sources, and the articles it draws on. Every string from the
//! matrix is escaped, and only `http:`/`https:` source URLs become links.
//! English, like the CLI; the matrix's own strings are shown as written.

use crate::model::{Matrix, Source};
use crate::result::{Confidence, Recommendation};
use std::fmt::Write;

/// How many reasons the summary lists.
const REASONS: usize = 3;

/// Escapes `text` for HTML element content and double-quoted attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A probability as the widget words it: whole percent, halves rounded up
/// (as `Intl.NumberFormat` does), "<1%" and ">99%" at the ends so that a
/// near-certainty never reads as certain (0.995 would round to 100%).
pub fn percent(p: f64) -> String {
    if p > 0.0 && p < 0.005 {
        "<1%".to_string()
    } else if (0.995..1.0).contains(&p) {
        ">99%".to_string()
    } else {
        format!("{:.0}%", (100.0 * p).round())
    }
}

/// One decimal, without a trailing `.0` (e.g. "3.5", "12").
fn points(x: f64) -> String {
    let text = format!("{x:.1}");
    text.strip_suffix(".0").unwrap_or(&text).to_string()
}

/// The summary of `result` for `matrix` as an HTML fragment. `note` is a
/// last sentence (e.g. that the interactive advisor tailors the verdict);
/// it is escaped like everything else.
pub fn render(matrix: &Matrix, result: &Recommendation, note: &str) -> String {
    let label = |id: &str| -> String {
        if id == "hybrid" {
            return result.verdict_label.clone();
        }
        matrix
            .options
            .iter()
            .find(|o| o.id == id)
            .map_or_else(|| id.to_string(), |o| o.label.clone())
    };
    let mut html = String::new();
    let _ = writeln!(
        html,
        "<div class=\"stack-advisor-fallback\" data-verdict=\"{}\">",
        escape(&result.verdict)
    );
    let _ = writeln!(html, "<p><strong>{}</strong></p>", escape(&matrix.title));

    // The verdict, its confidence word and the probability behind it.
    let word = match result.confidence {
        Confidence::Clear => "clear",
        Confidence::Lean => "leaning",
        Confidence::CloseCall => "close call",
    };
    let verdict = escape(&label(&result.verdict));
    let pct = percent(result.confidence_probability);
    let sentence = if result.verdict == "hybrid" {
        format!(
            "{verdict} holds in {pct} of plausible readings of the evidence and your priorities."
        )
    } else if matrix.options.len() > 2 {
        format!(
            "{verdict} beats {} in {pct} of plausible readings of the evidence and your priorities.",
            escape(&label(&result.runner_up))
        )
    } else {
        format!(
            "{verdict} wins in {pct} of plausible readings of the evidence and your priorities."
        )
    };
    let _ = writeln!(
        html,
        "<p>Recommendation: <strong>{verdict}</strong> ({word}). {sentence}</p>"
    );
    if let Some(hybrid) = &result.hybrid {
        html.push_str("<ul>\n");
        for part in &hybrid.split {
            let _ = writeln!(
                html,
                "<li>{}: {}</li>",
                escape(&label(&part.option)),
                escape(&part.role)
            );
        }
        html.push_str("</ul>\n");
    }

    // The scores, in ranking order.
    html.push_str("<p>Weighted score out of 100:</p>\n<ul>\n");
    for id in &result.ranking {
        let score = result.scores.get(id).copied().unwrap_or(0.0);
        let _ = writeln!(
            html,
            "<li>{}: {} out of 100</li>",
            escape(&label(id)),
            score.round()
        );
    }
    html.push_str("</ul>\n");

    // The main reasons, each with the sources behind it.
    if !result.reasons.is_empty() {
        html.push_str("<p>Why:</p>\n<ol>\n");
        for reason in result.reasons.iter().take(REASONS) {
            let _ = write!(
                html,
                "<li>{} favours {} by {} points.",
                escape(&reason.label),
                escape(&label(&reason.favours)),
                points(reason.gap)
            );
            // The first passage (independent sources come first), with its
            // publisher; else the publishers behind the scores.
            if let Some(e) = reason.evidence.first() {
                let by = source(matrix, &e.source).map_or(e.source.as_str(), |s| &s.publisher);
                let _ = write!(html, " {} ({})", escape(&e.text), escape(by));
            } else {
                let mut by = Vec::new();
                for s in reason.sources.iter().filter_map(|id| source(matrix, id)) {
                    by.push(escape(&s.publisher));
                }
                if !by.is_empty() {
                    let _ = write!(html, " Sources: {}.", by.join("; "));
                }
            }
            html.push_str("</li>\n");
        }
        html.push_str("</ol>\n");
    }

    // The articles the result cites.
    if !result.sources.is_empty() {
        html.push_str("<p>Based on:</p>\n<ul>\n");
        for s in &result.sources {
            let title = escape(&s.title);
            let title = match s.url.as_deref().filter(|u| is_web_url(u)) {
                Some(url) => format!("<a href=\"{}\">{title}</a>", escape(url)),
                None => title,
            };
            let sponsored = if s.sponsored {
                " (written by a vendor)"
            } else {
                ""
            };
            let _ = writeln!(
                html,
                "<li>{title}, {}, {}{sponsored}</li>",
                escape(&s.publisher),
                escape(&s.date)
            );
        }
        html.push_str("</ul>\n");
    }
    if !note.is_empty() {
        let _ = writeln!(html, "<p>{}</p>", escape(note));
    }
    html.push_str("</div>\n");
    html
}

fn source<'m>(matrix: &'m Matrix, id: &str) -> Option<&'m Source> {
    matrix.sources.iter().find(|s| s.id == id)
}

/// True for an absolute `http:` or `https:` URL (no `javascript:` or data
/// URLs as links).
fn is_web_url(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && !url.chars().any(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape(r#"<script>"a" & 'b'</script>"#),
            "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;"
        );
    }

    #[test]
    fn percents_never_read_as_certain() {
        assert_eq!(percent(0.999), ">99%");
        assert_eq!(percent(1.0), "100%");
        assert_eq!(percent(0.001), "<1%");
        assert_eq!(percent(0.0), "0%");
        assert_eq!(percent(0.834), "83%");
        // The ends: 10 or 1,990 wins in 2,000 samples.
        assert_eq!(percent(0.005), "1%");
        assert_eq!(percent(0.995), ">99%");
        assert_eq!(percent(0.994), "99%");
        assert_eq!(percent(0.125), "13%");
    }

    #[test]
    fn points_have_one_decimal_at_most() {
        assert_eq!(points(3.5), "3.5");
        assert_eq!(points(12.0), "12");
        assert_eq!(points(4.26), "4.3");
        assert_eq!(points(0.04), "0");
    }

    #[test]
    fn only_web_urls_are_links() {
        assert!(is_web_url("https://example.com/a"));
        assert!(is_web_url("HTTP://example.com"));
        assert!(!is_web_url("javascript:alert(1)"));
        assert!(!is_web_url("data:text/html,x"));
        assert!(!is_web_url("https://exa mple.com"));
    }
}
