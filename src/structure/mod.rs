//! Every structural problem of a JSON document at once (native builds):
//! what `stack-advisor check` lists before the format's rules.
//!
//! serde stops at the first problem. This module reads a parsed
//! [`serde_json::Value`] into a model type through the type's own
//! `Deserialize` impl (so `src/model.rs` stays the one description of the
//! format), with a deserializer that records a problem and goes on: a value
//! of the wrong type reads as a blank one (0, "", [], every field blank), an
//! unknown key is skipped. The problems only serde's generated code sees (a
//! missing field, a number out of range for its type) end a pass; the next
//! pass puts a blank value where that one arose, and so on until a pass gets
//! through, at most one pass per problem. Paths and messages are the ones
//! the first-problem parser (`json.rs`) gives, with the same hints.

mod blank;
mod node;

use crate::error::{parse_issue, push_key, Issue, Issues};
use crate::limits::MAX_ISSUES;
use node::Node;
use serde::de::{self, DeserializeOwned, Unexpected};
use serde_json::Value;
use std::cell::RefCell;
use std::fmt;

/// Reads `value` as a `T`, naming paths under `root` (`""` for a matrix,
/// `answers` for answers).
///
/// # Errors
/// Every missing field, value of the wrong type, unknown field and unknown
/// variant: an object's missing fields, then its members' problems in key
/// order. At most [`MAX_ISSUES`] issues are listed, then a count; at most
/// [`MAX_ISSUES`] passes are made, then a note says that reading stopped.
pub fn read_all<T: DeserializeOwned>(value: &Value, root: &str) -> Result<T, Vec<Issue>> {
    let mut fixes: Vec<Fix> = Vec::new();
    loop {
        let pass = Pass {
            fixes: &fixes,
            issues: RefCell::new(Issues::new()),
            origin: RefCell::new(None),
        };
        let read = T::deserialize(Node {
            value,
            path: root,
            pass: &pass,
        });
        let mut issues = pass.issues.into_inner();
        let stop = match read {
            Ok(parsed) if issues.is_empty() => return Ok(parsed),
            Ok(_) => return Err(issues.into_vec()),
            Err(stop) => stop,
        };
        let path = pass.origin.into_inner().unwrap_or_else(|| root.to_string());
        let issue = parse_issue(shown(&path), &stop.message);
        let again = fixes
            .iter()
            .any(|f| f.path == path && f.missing == stop.missing);
        if again || fixes.len() >= MAX_ISSUES {
            issues.add(issue);
            return Err(issues.listed_then(Issue::new(
                shown(root),
                format!(
                    "reading stopped after {} problems; there may be more",
                    fixes.len() + 1
                ),
                "fix the problems above and check again",
            )));
        }
        fixes.push(Fix {
            path,
            missing: stop.missing,
            issue,
        });
    }
}

/// A problem an earlier pass stopped at, and what this pass does instead:
/// supply the missing field `missing` of the object at `path`, or read the
/// value at `path` as blank.
struct Fix {
    path: String,
    missing: Option<&'static str>,
    issue: Issue,
}

/// One pass over the document.
struct Pass<'f> {
    fixes: &'f [Fix],
    issues: RefCell<Issues>,
    /// Where the error that ended the pass arose (the deepest node it
    /// passed through).
    origin: RefCell<Option<String>>,
}

impl Pass<'_> {
    fn record(&self, path: &str, message: &str) {
        self.issues
            .borrow_mut()
            .add(parse_issue(shown(path), message));
    }

    fn record_fix(&self, fix: &Fix) {
        self.issues.borrow_mut().add(fix.issue.clone());
    }
}

/// A path as issues show it: `(root)` for a matrix's root.
fn shown(path: &str) -> String {
    crate::error::shown(path.to_string())
}

/// The path of member `key` of the object at `parent`.
fn key_path(parent: &str, key: &str) -> String {
    let mut path = parent.to_string();
    push_key(&mut path, key);
    path
}

/// The error that ends a pass. `missing` is set for a missing field.
#[derive(Debug)]
pub struct Stop {
    message: String,
    missing: Option<&'static str>,
}

impl fmt::Display for Stop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Stop {}

impl de::Error for Stop {
    fn custom<T: fmt::Display>(message: T) -> Self {
        Stop {
            message: message.to_string(),
            missing: None,
        }
    }

    fn missing_field(field: &'static str) -> Self {
        Stop {
            message: format!("missing field `{field}`"),
            missing: Some(field),
        }
    }
}

/// How serde names what a JSON value is, in an `invalid type` message.
fn unexpected(value: &Value) -> Unexpected<'_> {
    match value {
        Value::Null => Unexpected::Other("null"),
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => Unexpected::Unsigned(u),
            (None, Some(i)) => Unexpected::Signed(i),
            _ => Unexpected::Float(n.as_f64().unwrap_or(0.0)),
        },
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

#[cfg(test)]
mod tests {
    use super::Stop;
    use serde::de::Error as _;

    /// A `Stop` reads as its message wherever it is shown as an error.
    #[test]
    fn a_stop_displays_its_message() {
        assert_eq!(
            Stop::missing_field("title").to_string(),
            "missing field `title`"
        );
        let boxed: Box<dyn std::error::Error> = Box::new(Stop::custom("a bad value"));
        assert_eq!(boxed.to_string(), "a bad value");
    }
}
