//! Reading plain JS values (what `JSON.parse` returns) into Rust values, with
//! the JSON path of the first problem.
//!
//! The wasm build reads its input with these few helpers instead of serde:
//! serde's generic deserializers, wrapped for paths, were half of the `.wasm`
//! (see docs/size.md). The native build keeps serde (`crate::json`), and
//! `tests/wasm/suite.rs` checks that both name the same paths.
//!
//! A type becomes readable by implementing [`FromJs`]; a struct lists its
//! field names once and reads each field with [`Obj::req`](super::object::Obj::req) (required) or
//! [`Obj::or_default`](super::object::Obj::or_default) (`#[serde(default)]`); the field's type picks the
//! reader. `src/wasm/input.rs` has a macro that writes this for a struct:
//!
//! ```text
//! impl FromJs for SplitPart {
//!     fn from_js(value: &JsValue, at: &At) -> Self {
//!         let o = Obj::new(value, at, "struct SplitPart", &["option", "role"]);
//!         SplitPart { option: o.req("option"), role: o.req("role") }
//!     }
//! }
//! ```
//!
//! Readers never return early: a problem is recorded and reading goes on
//! with a default value, so one read finds every problem (`validateMatrix`
//! lists them all; the other exports throw the first). Early returns with
//! `?` made every field drop the fields read before it on the way out,
//! which was most of the reader's code.
//!
//! The messages follow serde's (`missing field`, `unknown field`,
//! `invalid type`, `unknown variant`) so that the hints are the same.
//! `undefined` counts as absent, as `JSON.stringify` would drop it.

use crate::error::{clip, parse_issue, Error, Issues, Path};
use js_sys::Array;
use std::cell::Cell;
use wasm_bindgen::{JsCast, JsValue};

/// Reads `value` as a `T`, or returns the first problem found.
///
/// # Errors
/// [`Error::Parse`] naming the JSON path of the first problem.
// Never inlined (nor `convert::to_js`): one call per export is smaller.
#[inline(never)]
pub fn read<T: FromJs>(value: &JsValue, root: &str) -> Result<T, Error> {
    let problems = Problems::default();
    let parsed = read_into(value, root, &problems);
    match problems.first() {
        Some(error) => Err(error),
        None => Ok(parsed),
    }
}

/// Reads `value` as a `T`, or returns every parse problem found
/// ([`Error::InvalidMatrix`]: the structural problems of a matrix).
///
/// # Errors
/// [`Error::InvalidMatrix`] with every problem (up to
/// [`MAX_ISSUES`](crate::limits::MAX_ISSUES), then a count).
#[cfg(feature = "engine")]
pub fn read_all<T: FromJs>(value: &JsValue, root: &str) -> Result<T, Error> {
    let problems = Problems::default();
    problems.all.set(true);
    let parsed = read_into(value, root, &problems);
    match problems.all() {
        Some(error) => Err(error),
        None => Ok(parsed),
    }
}

/// The one call of a type's reader that [`read`] and [`read_all`] share.
#[inline(never)]
fn read_into<T: FromJs>(value: &JsValue, root: &str, problems: &Problems) -> T {
    T::from_js(value, &At::root(root, problems))
}

/// What a read found: its parse issues (the first, or with `all` up to
/// [`MAX_ISSUES`](crate::limits::MAX_ISSUES) and a count of the rest, in the one collector
/// [`Issues`]), or the first problem that is no parse issue; and whether
/// problems are being ignored (while a missing field's `undefined` is read,
/// which would otherwise add a second problem for the same cause). Bounded,
/// so that an input with a million wrong values costs no more than one with
/// a few.
#[derive(Default)]
pub struct Problems {
    issues: Cell<Issues>,
    other: Cell<Option<Error>>,
    pub(super) muted: Cell<bool>,
    all: Cell<bool>,
}

// Out of the generic readers, so that each is in the `.wasm` once.
impl Problems {
    /// The first problem, if any.
    #[inline(never)]
    fn first(self) -> Option<Error> {
        let issues = self.issues.into_inner();
        match (self.other.into_inner(), issues.first()) {
            (Some(error), _) => Some(error),
            (None, first) => first.cloned().map(Error::Parse),
        }
    }

    /// Every problem, if any.
    #[cfg(feature = "engine")]
    #[inline(never)]
    fn all(self) -> Option<Error> {
        let issues = self.issues.into_inner();
        match self.other.into_inner() {
            Some(error) => Some(error),
            None if issues.is_empty() => None,
            None => Some(Error::InvalidMatrix(issues.into_vec())),
        }
    }
}

/// Where a reader is: the JSON path of the value being read (the one
/// builder, [`Path`]), and the [`Problems`] that record what goes wrong
/// there. Built level by level on the stack, like the path.
#[derive(Clone, Copy)]
pub struct At<'a> {
    path: Path<'a>,
    pub(super) problems: &'a Problems,
}

impl<'a> At<'a> {
    /// The root, named `root` (`""` for a matrix), recording into `problems`.
    fn root(root: &'a str, problems: &'a Problems) -> Self {
        At {
            path: Path::root(root),
            problems,
        }
    }

    /// The member `key` of the object here.
    #[inline(never)]
    pub fn key(&'a self, key: &'a str) -> At<'a> {
        At {
            path: self.path.key(key),
            problems: self.problems,
        }
    }

    /// The element `index` of the array here.
    #[inline(never)]
    pub fn index(&'a self, index: u32) -> At<'a> {
        At {
            path: self.path.index(index as usize),
            problems: self.problems,
        }
    }

    /// `options[0].label`, `answers.team`, or `(root)` for the root itself:
    /// the same form as the native parser's paths.
    pub fn render(&self) -> String {
        self.path.render()
    }

    /// Records a problem here.
    pub fn fail(&self, message: String) {
        let problems = self.problems;
        if problems.muted.get() {
            return;
        }
        let mut issues = problems.issues.take();
        // Without `all` only the first is kept: the rest need no path.
        if problems.all.get() || issues.is_empty() {
            issues.add_with(|| parse_issue(self.render(), &message));
        }
        problems.issues.set(issues);
    }

    /// Records `error` (one that is not a parse error), unless an earlier
    /// problem was recorded.
    pub fn fail_with(&self, error: Error) {
        let problems = self.problems;
        let issues = problems.issues.take();
        let other = problems.other.take();
        let first = issues.is_empty() && other.is_none();
        problems.issues.set(issues);
        problems.other.set(if first { Some(error) } else { other });
    }

    /// Records serde's "invalid type" problem: what `value` is, and what was
    /// expected.
    pub fn invalid_type(&self, value: &JsValue, expected: &str) {
        self.fail(format!(
            "invalid type: {}, expected {expected}",
            describe(value)
        ));
    }
}

/// What a JS value is, in serde's words (`integer `3``, `string "x"`, `map`).
/// Numbers are written by JS, so no float formatting lands in the `.wasm`.
fn describe(value: &JsValue) -> String {
    if let Some(s) = value.as_string() {
        format!("string \"{}\"", clip(&s))
    } else if let Some(n) = value.as_f64() {
        let text = number_text(n);
        let kind = if n.fract() == 0.0 {
            "integer"
        } else {
            "floating point"
        };
        format!("{kind} `{text}`")
    } else if let Some(b) = value.as_bool() {
        format!("boolean `{b}`")
    } else if value.is_null() {
        "null".to_string()
    } else if value.is_undefined() {
        "undefined".to_string()
    } else if Array::is_array(value) {
        "sequence".to_string()
    } else if value.is_object() {
        "map".to_string()
    } else {
        "a value JSON cannot hold".to_string()
    }
}

/// A number as JS writes it (`3`, `-0.5`): no integer or float formatting
/// code lands in the `.wasm`.
fn number_text(n: f64) -> String {
    js_sys::Number::from(n)
        .to_string_with_radix(10)
        .map(String::from)
        .unwrap_or_default()
}

/// `` `a` ``, `` `a` or `b` ``, `` one of `a`, `b`, `c` `` (serde's wording).
pub(super) fn one_of(names: &[&str]) -> String {
    match names {
        [] => "nothing".to_string(),
        [one] => format!("`{one}`"),
        [a, b] => format!("`{a}` or `{b}`"),
        all => {
            // A loop rather than `join` (size: see `crate::small`).
            let mut out = String::from("one of ");
            for (i, name) in all.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push('`');
                out.push_str(name);
                out.push('`');
            }
            out
        }
    }
}

/// A Rust value that can be read from a plain JS value.
pub trait FromJs: Sized {
    /// Reads `value`, found at `at`. On a problem, records it with
    /// [`At::fail`] and returns any value (it is thrown away).
    fn from_js(value: &JsValue, at: &At) -> Self;
}

impl FromJs for String {
    fn from_js(value: &JsValue, at: &At) -> Self {
        value.as_string().unwrap_or_else(|| {
            at.invalid_type(value, "a string");
            String::new()
        })
    }
}

impl FromJs for f64 {
    /// Any JS number, NaN and ±Infinity included: the core's validation
    /// reports those with the field's own rule.
    fn from_js(value: &JsValue, at: &At) -> Self {
        value.as_f64().unwrap_or_else(|| {
            at.invalid_type(value, "f64");
            0.0
        })
    }
}

impl FromJs for u32 {
    fn from_js(value: &JsValue, at: &At) -> Self {
        match value.as_f64() {
            Some(n) if n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&n) => n as u32,
            Some(n) if n.fract() == 0.0 && n.is_finite() => {
                at.fail(format!(
                    "invalid value: integer `{}`, expected u32",
                    number_text(n)
                ));
                0
            }
            _ => {
                at.invalid_type(value, "u32");
                0
            }
        }
    }
}

impl FromJs for bool {
    fn from_js(value: &JsValue, at: &At) -> Self {
        value.as_bool().unwrap_or_else(|| {
            at.invalid_type(value, "a boolean");
            false
        })
    }
}

/// `null` is `None`, as serde reads JSON `null` (absent fields are handled
/// by [`Obj::or_default`](super::object::Obj::or_default)).
impl<T: FromJs> FromJs for Option<T> {
    fn from_js(value: &JsValue, at: &At) -> Self {
        if value.is_null() || value.is_undefined() {
            None
        } else {
            Some(T::from_js(value, at))
        }
    }
}

impl<T: FromJs> FromJs for Vec<T> {
    fn from_js(value: &JsValue, at: &At) -> Self {
        let mut items = Vec::new();
        match value.dyn_ref::<Array>() {
            Some(array) => {
                for i in 0..array.length() {
                    items.push(T::from_js(&array.get(i), &at.index(i)));
                }
            }
            None => at.invalid_type(value, "a sequence"),
        }
        items
    }
}

/// Reads a string naming one of `names` (a unit enum, as serde's
/// `rename_all = "lowercase"` enums are written) and returns its index, or 0
/// after recording the problem. An index rather than the enum value, so that
/// one copy serves every enum (size: see `crate::small`); `src/wasm/input.rs` maps it.
pub fn variant(value: &JsValue, at: &At, names: &[&str]) -> usize {
    let name = String::from_js(value, at);
    if let Some(i) = names.iter().position(|n| *n == name) {
        return i;
    }
    if value.is_string() {
        at.fail(format!(
            "unknown variant `{}`, expected {}",
            clip(&name),
            one_of(names)
        ));
    }
    0
}
