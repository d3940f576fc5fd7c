//! Reading plain JS values (what `JSON.parse` returns) into Rust values, with
//! the JSON path of the first problem.
//!
//! The wasm build reads its input with these few helpers instead of serde:
//! serde's generic deserializers, wrapped for paths, were half of the `.wasm`
//! (see docs/size.md). The native build keeps serde (`crate::json`), and
//! `tests/wasm/suite.rs` checks that both name the same paths.
//!
//! A type becomes readable by implementing [`FromJs`]; a struct lists its
//! field names once and reads each field with [`Obj::req`] (required) or
//! [`Obj::or_default`] (`#[serde(default)]`); the field's type picks the
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
use crate::map::Map;
use js_sys::{Array, Object};
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
    muted: Cell<bool>,
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
    problems: &'a Problems,
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
fn one_of(names: &[&str]) -> String {
    match names {
        [] => "nothing".to_string(),
        [one] => format!("`{one}`"),
        [a, b] => format!("`{a}` or `{b}`"),
        all => {
            // A loop rather than `join`, whose generic code is 1 KB of wasm.
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
/// by [`Obj::or_default`]).
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

/// A plain object whose values are all `T` (`undefined` values are skipped).
impl<T: FromJs> FromJs for Map<T> {
    fn from_js(value: &JsValue, at: &At) -> Self {
        let mut map = Map::new();
        match plain_object(value) {
            Some(object) => {
                for (key, item) in members(object) {
                    let parsed = T::from_js(&item, &at.key(&key));
                    map.insert(key, parsed);
                }
            }
            None => at.invalid_type(value, "a map"),
        }
        map
    }
}

/// Reads a string naming one of `names` (a unit enum, as serde's
/// `rename_all = "lowercase"` enums are written) and returns its index, or 0
/// after recording the problem. An index rather than the enum value, so that
/// one copy serves every enum (docs/size.md); `src/wasm/input.rs` maps it.
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

fn plain_object(value: &JsValue) -> Option<&Object> {
    (value.is_object() && !Array::is_array(value)).then(|| value.unchecked_ref())
}

/// Joins an object's keys into one string for the trip into wasm: a control
/// character that keys hardly ever hold. A key that holds it makes the
/// split miscount, and the keys are then read one by one.
const KEY_SEPARATOR: &str = "\u{1f}";
const KEY_SEPARATOR_BYTE: u8 = 0x1f;

/// The own enumerable members of `object` whose value is not `undefined`.
///
/// Calls into JS are what reading costs (a cold page's first read of the
/// built-in matrix made 7,600 of them, half its time), so an object takes a
/// fixed few, not a few per member: `Object.keys` joined into one string,
/// `Object.values` (same order), and one `indexOf(undefined)` that is
/// almost always -1; then one `get` per value.
fn members(object: &Object) -> Vec<(String, JsValue)> {
    let keys = Object::keys(object);
    let count = keys.length();
    let mut out = Vec::new();
    if count == 0 {
        return out;
    }
    let values = Object::values(object);
    let joined = String::from(keys.join(KEY_SEPARATOR));
    // By hand: `str::split` brought 1.2 KB of generic search code.
    let mut split: Vec<&str> = Vec::new();
    let mut start = 0;
    for (at, byte) in joined.bytes().enumerate() {
        if byte == KEY_SEPARATOR_BYTE {
            split.push(joined.get(start..at).unwrap_or_default());
            start = at + 1;
        }
    }
    split.push(joined.get(start..).unwrap_or_default());
    let some_undefined = values.index_of(&JsValue::UNDEFINED, 0) >= 0;
    for i in 0..count {
        let value = values.get(i);
        if some_undefined && value.is_undefined() {
            continue;
        }
        let key = match split.get(i as usize) {
            Some(key) if split.len() == count as usize => (*key).to_string(),
            _ => keys.get(i).as_string().unwrap_or_default(),
        };
        out.push((key, value));
    }
    out
}

/// A JS object being read as a struct with a fixed set of fields.
pub struct Obj<'a> {
    /// The object's members, read once; `None` when it is not an object.
    members: Option<Vec<(String, JsValue)>>,
    at: &'a At<'a>,
}

impl<'a> Obj<'a> {
    /// Checks that `value` is a plain object whose keys are all in `fields`
    /// (else records `invalid type` or `unknown field`, and every field then
    /// reads as absent). `what` is serde's name for the type, e.g.
    /// `struct Matrix`.
    pub fn new(value: &'a JsValue, at: &'a At<'a>, what: &str, fields: &[&str]) -> Self {
        let members = plain_object(value).map(members);
        match &members {
            None => at.invalid_type(value, what),
            Some(members) => {
                for (key, _) in members {
                    if !fields.contains(&key.as_str()) {
                        at.key(key).fail(format!(
                            "unknown field `{}`, expected {}",
                            clip(key),
                            one_of(fields)
                        ));
                    }
                }
            }
        }
        Obj { members, at }
    }

    /// A field that must be present (else records `missing field` at the
    /// object's path).
    ///
    /// Never inlined, like [`Obj::or_default`]: inlined into every struct
    /// reader, the two were 0.8 KB more of the gzipped `.wasm` (docs/size.md).
    #[inline(never)]
    pub fn req<T: FromJs>(&self, name: &str) -> T {
        let absent = JsValue::UNDEFINED;
        let found = self.field(name, true);
        // Absent (recorded as missing), or its object is no object (recorded
        // as such): the `undefined` read in its place adds nothing.
        let muted = &self.at.problems.muted;
        let was = muted.get();
        muted.set(was || found.is_none());
        let value = T::from_js(found.unwrap_or(&absent), &self.at.key(name));
        muted.set(was);
        value
    }

    /// A field that may be left out (serde's `#[serde(default)]`).
    #[inline(never)]
    pub fn or_default<T: FromJs + Default>(&self, name: &str) -> T {
        match self.field(name, false) {
            None => T::default(),
            Some(value) => T::from_js(value, &self.at.key(name)),
        }
    }

    /// The field's value as it is, `undefined` when absent: for a reader
    /// that looks at a value before choosing how to read it.
    pub fn value(&self, name: &str) -> JsValue {
        self.field(name, false)
            .cloned()
            .unwrap_or(JsValue::UNDEFINED)
    }

    /// The field's value, `None` when absent (members never hold
    /// `undefined`). A missing required field is recorded here.
    fn field(&self, name: &str, required: bool) -> Option<&JsValue> {
        let members = self.members.as_ref()?;
        let found = members
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value);
        if required && found.is_none() {
            self.at.fail(format!("missing field `{name}`"));
        }
        found
    }
}
