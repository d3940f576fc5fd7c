//! JSON text in (native builds only): parsing with the path of the first
//! problem, for the CLI and the tests. The wasm build parses JS values instead.

use crate::answers::Answers;
use crate::error::{from_serde, Error, Issue};
use crate::limits::{MAX_DEPTH, MAX_DOCUMENT_BYTES};
use crate::model::Matrix;
use serde::de::DeserializeOwned;
use serde_json::error::Category;

/// Parses a matrix from JSON text (does not validate it; see [`crate::validate()`]).
///
/// # Errors
/// [`Error::Parse`] naming the JSON path of the first problem.
pub fn parse_matrix(text: &str) -> Result<Matrix, Error> {
    matrix_limits(text)?;
    parse(text, "")
}

/// Reads a matrix and checks it against the whole format, reporting every
/// problem (what `stack-advisor check` prints): first every structural one
/// (a missing field, a value of the wrong type, an unknown field or
/// variant), then, once the structure is sound, every rule of the format
/// ([`crate::validate()`]).
///
/// # Errors
/// [`Error::Parse`] (one issue) when the text is not JSON or breaks the
/// size or depth limit; [`Error::InvalidMatrix`] with every structural
/// problem, or else with every broken rule (up to
/// [`MAX_ISSUES`](crate::limits::MAX_ISSUES) issues, then a count).
pub fn check_matrix(text: &str) -> Result<Matrix, Error> {
    matrix_limits(text)?;
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| Error::Parse(syntax_issue("", &e)))?;
    let matrix = crate::structure::read_all(&value, "").map_err(Error::InvalidMatrix)?;
    crate::validate(&matrix)?;
    Ok(matrix)
}

/// The size and depth limits of a matrix.
fn matrix_limits(text: &str) -> Result<(), Error> {
    if text.len() > MAX_DOCUMENT_BYTES {
        return Err(Error::Parse(Issue::new(
            "(root)",
            format!(
                "the matrix is {} bytes, more than the limit of {MAX_DOCUMENT_BYTES}",
                text.len()
            ),
            "split it or shorten its texts",
        )));
    }
    guard(text, "(root)")
}

/// Parses answers from JSON text.
///
/// # Errors
/// [`Error::Parse`] naming the JSON path of the first problem.
pub fn parse_answers(text: &str) -> Result<Answers, Error> {
    if text.len() > MAX_DOCUMENT_BYTES {
        return Err(Error::Parse(Issue::new(
            "answers",
            "the answers are too large",
            "send only question ids and values",
        )));
    }
    guard(text, "answers")?;
    parse(text, "answers")
}

// Its public path before `crate::limits` held it.
#[doc(no_inline)]
pub use crate::limits::MAX_NUMERIC_DOCUMENT_BYTES;

/// Parses the input of `rank`, `ahp` or a weights file (anything but a
/// matrix or answers), at most `max_bytes` long, naming paths under `root`.
///
/// # Errors
/// [`Error::Parse`] naming the JSON path of the first problem.
pub fn parse_input<T: DeserializeOwned>(
    text: &str,
    root: &str,
    max_bytes: usize,
) -> Result<T, Error> {
    if text.len() > max_bytes {
        return Err(Error::Parse(Issue::new(
            root_or(root),
            format!(
                "the input is {} bytes, more than the limit of {max_bytes}",
                text.len()
            ),
            "split it into smaller inputs",
        )));
    }
    guard(text, root_or(root))?;
    parse(text, root)
}

/// True when `text` is a JSON object with a top-level `values` member: the
/// numeric form of `rank`, rather than an author matrix.
pub fn is_numeric_matrix(text: &str) -> bool {
    if json_depth(text) > MAX_DEPTH {
        return false;
    }
    serde_json::from_str::<serde_json::Value>(text)
        .is_ok_and(|v| v.as_object().is_some_and(|o| o.contains_key("values")))
}

/// The limits every input shares with the wasm build: size and depth.
fn guard(text: &str, at: &str) -> Result<(), Error> {
    if json_depth(text) > MAX_DEPTH {
        return Err(Error::Parse(Issue::new(
            at,
            format!("the document nests deeper than {MAX_DEPTH} levels"),
            "flatten it: the format never nests deeper than 8 levels",
        )));
    }
    Ok(())
}

fn parse<T: DeserializeOwned>(text: &str, root: &str) -> Result<T, Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        // Broken JSON has no path to name (serde_path_to_error writes `?`
        // for a key it has not read yet): the whole input is at fault.
        let path = e.path().to_string();
        let data = e.inner().classify() == Category::Data;
        Error::Parse(if data || (path != "." && !path.contains('?')) {
            from_serde(root, e.path(), e.inner())
        } else {
            syntax_issue(root, e.inner())
        })
    })?;
    de.end().map_err(|e| {
        Error::Parse(Issue::new(
            root_or(root),
            e.to_string(),
            "remove what follows the JSON value",
        ))
    })?;
    Ok(value)
}

/// Text that is not JSON: the whole input is at fault (a path inside it
/// would be a guess), and the message has the line and column.
fn syntax_issue(root: &str, error: &serde_json::Error) -> Issue {
    let hint = if root == "answers" {
        "fix the JSON at that line and column; the answers format is in docs/matrix-format.md#answers"
    } else {
        "fix the JSON at that line and column (a missing comma, quote or bracket?)"
    };
    Issue::new(
        root_or(root),
        crate::error::clip_to(&error.to_string(), 200),
        hint,
    )
}

fn root_or(root: &str) -> &str {
    if root.is_empty() {
        "(root)"
    } else {
        root
    }
}

/// Serializes any result as pretty JSON.
pub fn to_pretty<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// The deepest nesting of arrays and objects in JSON text, without recursion
/// (so hostile input cannot exhaust the stack). Brackets inside strings are
/// ignored.
pub fn json_depth(text: &str) -> usize {
    let (mut depth, mut deepest, mut in_string, mut escaped) = (0usize, 0usize, false, false);
    for b in text.bytes() {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

#[cfg(test)]
mod depth_tests {
    use super::json_depth;

    #[test]
    fn depth_counts_nesting_outside_strings() {
        assert_eq!(json_depth("1"), 0);
        assert_eq!(json_depth("{}"), 1);
        assert_eq!(json_depth(r#"{"a":[1,{"b":[]}]}"#), 4);
        assert_eq!(json_depth(r#"{"a":"[[[[\"]]]"}"#), 1);
        assert_eq!(json_depth(&"[".repeat(100_000)), 100_000);
    }
}
