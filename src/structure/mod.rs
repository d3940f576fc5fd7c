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
    use super::{read_all, Stop};
    use crate::error::Issue;
    use serde::de::{Deserializer, Error as _, Visitor};
    use serde::Deserialize;
    use serde_json::{json, Value};
    use std::fmt;

    /// The (path, message) of each issue.
    fn listed(issues: &[Issue]) -> Vec<(&str, &str)> {
        issues
            .iter()
            .map(|i| (i.path.as_str(), i.message.as_str()))
            .collect()
    }

    /// Any JSON value read as a `serde_json::Value` comes back as it was:
    /// unsigned and negative integers, fractions, strings, bools, null,
    /// lists and objects, nested.
    #[test]
    fn any_value_reads_back_as_it_was() {
        let value = json!({"n": 42, "neg": -3, "x": 1.5, "s": "é", "b": true, "z": null,
            "list": [0, -1, 2.25, [], {}], "obj": {"deep": [u64::MAX, i64::MIN]}});
        assert_eq!(read_all::<Value>(&value, "").unwrap(), value);
    }

    /// The unit type reads null, and names anything else as the wrong type.
    #[test]
    fn unit_reads_null_only() {
        assert_eq!(read_all::<()>(&Value::Null, "answers"), Ok(()));
        let issues = read_all::<()>(&json!(5), "answers").unwrap_err();
        assert_eq!(
            listed(&issues),
            [("answers", "invalid type: integer `5`, expected unit")]
        );
    }

    /// An even number: its visitor refuses an odd one, as a type that
    /// checks its own value does (serde's `try_from`), which ends a pass.
    #[derive(Debug, PartialEq)]
    struct Even(u32);

    impl<'de> Deserialize<'de> for Even {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct Check;
            impl Visitor<'_> for Check {
                type Value = Even;
                fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str("an even number")
                }
                fn visit_u32<E: serde::de::Error>(self, n: u32) -> Result<Even, E> {
                    if n % 2 == 0 {
                        Ok(Even(n))
                    } else {
                        Err(E::custom(format!("{n} is odd")))
                    }
                }
            }
            d.deserialize_u32(Check)
        }
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Pair {
        a: Even,
        list: Vec<Even>,
        c: String,
    }

    /// A value its own type refuses ends a pass; the next pass reads a blank
    /// one in its place (and names it again, in key order) and goes on,
    /// so every problem is listed once, the others' too.
    #[test]
    fn a_refused_value_is_read_as_blank_in_the_next_pass() {
        let value = json!({"a": 1, "list": [2, 3, 4, 5], "c": 6});
        let issues = read_all::<Pair>(&value, "").unwrap_err();
        assert_eq!(
            listed(&issues),
            [
                ("a", "1 is odd"),
                ("c", "invalid type: integer `6`, expected a string"),
                ("list[1]", "3 is odd"),
                ("list[3]", "5 is odd"),
            ]
        );
        let sound = json!({"a": 0, "list": [2], "c": "x"});
        let pair = read_all::<Pair>(&sound, "").unwrap();
        assert_eq!(
            (pair.a, pair.list, pair.c.as_str()),
            (Even(0), vec![Even(2)], "x")
        );
    }

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
