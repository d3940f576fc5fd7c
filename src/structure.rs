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

use crate::error::{parse_issue, push_index, push_key, Issue, Issues};
use crate::limits::MAX_ISSUES;
use serde::de::value::StrDeserializer;
use serde::de::{
    self, DeserializeOwned, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Unexpected,
    Visitor,
};
use serde::Deserialize;
use serde_json::{Map, Value};
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
            return Err(issues.then(Issue::new(
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

/// A value in the document, at `path`.
#[derive(Clone, Copy)]
struct Node<'a> {
    value: &'a Value,
    path: &'a str,
    pass: &'a Pass<'a>,
}

impl Node<'_> {
    /// The fix for this node, if an earlier pass stopped here (its issue is
    /// then recorded again, in document order).
    fn blank(&self) -> bool {
        let fix = self
            .pass
            .fixes
            .iter()
            .find(|f| f.missing.is_none() && f.path == self.path);
        if let Some(fix) = fix {
            self.pass.record_fix(fix);
        }
        fix.is_some()
    }

    /// Notes this node as the origin of an error, unless a deeper one was.
    fn guard<T>(&self, read: Result<T, Stop>) -> Result<T, Stop> {
        if read.is_err() {
            let mut origin = self.pass.origin.borrow_mut();
            if origin.is_none() {
                *origin = Some(self.path.to_string());
            }
        }
        read
    }

    fn wrong_type(&self, expected: &dyn de::Expected) {
        let stop = <Stop as de::Error>::invalid_type(unexpected(self.value), expected);
        self.pass.record(self.path, &stop.message);
    }

    fn members<'de, V: Visitor<'de>>(
        self,
        object: &Map<String, Value>,
        fields: Option<&'static [&'static str]>,
        visitor: V,
    ) -> Result<V::Value, Stop> {
        // Its missing fields come first, then its members' problems.
        let supply: std::collections::VecDeque<&Fix> = self
            .pass
            .fixes
            .iter()
            .filter(|f| f.path == self.path && f.missing.is_some())
            .collect();
        for fix in &supply {
            self.pass.record_fix(fix);
        }
        let read = visitor.visit_map(Members {
            entries: object.iter(),
            fields,
            supply,
            next: None,
            path: self.path,
            pass: self.pass,
        });
        self.guard(read)
    }

    fn items<'de, V: Visitor<'de>>(self, items: &[Value], visitor: V) -> Result<V::Value, Stop> {
        let read = visitor.visit_seq(Items {
            items,
            at: 0,
            path: self.path,
            pass: self.pass,
        });
        self.guard(read)
    }
}

/// A number, bool, char or string: read with serde_json's own reader of
/// values (its messages), or recorded and read as the type's default.
macro_rules! scalar {
    ($($method:ident: $ty:ty => $visit:ident;)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Stop> {
            if self.blank() {
                return self.guard(Blank.$method(visitor));
            }
            let read = match <$ty>::deserialize(self.value) {
                Ok(x) => x,
                Err(e) => {
                    self.pass.record(self.path, &e.to_string());
                    <$ty>::default()
                }
            };
            self.guard(visitor.$visit(read))
        }
    )*};
}

impl<'de> Deserializer<'de> for Node<'_> {
    type Error = Stop;

    scalar! {
        deserialize_bool: bool => visit_bool;
        deserialize_i8: i8 => visit_i8;
        deserialize_i16: i16 => visit_i16;
        deserialize_i32: i32 => visit_i32;
        deserialize_i64: i64 => visit_i64;
        deserialize_u8: u8 => visit_u8;
        deserialize_u16: u16 => visit_u16;
        deserialize_u32: u32 => visit_u32;
        deserialize_u64: u64 => visit_u64;
        deserialize_f32: f32 => visit_f32;
        deserialize_f64: f64 => visit_f64;
        deserialize_char: char => visit_char;
        deserialize_string: String => visit_string;
    }

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Stop> {
        if self.blank() {
            return self.guard(Blank.deserialize_any(visitor));
        }
        match self.value {
            Value::Null => self.guard(visitor.visit_unit()),
            Value::Bool(b) => self.guard(visitor.visit_bool(*b)),
            Value::Number(n) => self.guard(match (n.as_u64(), n.as_i64()) {
                (Some(u), _) => visitor.visit_u64(u),
                (None, Some(i)) => visitor.visit_i64(i),
                _ => visitor.visit_f64(n.as_f64().unwrap_or(0.0)),
            }),
            Value::String(s) => self.guard(visitor.visit_str(s)),
            Value::Array(items) => self.items(items, visitor),
            Value::Object(object) => self.members(object, None, visitor),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Stop> {
        self.deserialize_string(visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Stop> {
        self.deserialize_any(visitor)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Stop> {
        self.deserialize_any(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Stop> {
        if self.blank() {
            return self.guard(Blank.deserialize_option(visitor));
        }
        match self.value {
            Value::Null => self.guard(visitor.visit_none()),
            _ => self.guard(visitor.visit_some(self)),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Stop> {
        if !self.blank() && !self.value.is_null() {
            self.wrong_type(&visitor);
        }
        self.guard(visitor.visit_unit())
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Stop> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Stop> {
        self.guard(visitor.visit_newtype_struct(self))
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Stop> {
        if self.blank() {
            return self.guard(Blank.deserialize_seq(visitor));
        }
        match self.value {
            Value::Array(items) => self.items(items, visitor),
            _ => {
                self.wrong_type(&visitor);
                self.items(&[], visitor)
            }
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Stop> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Stop> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Stop> {
        if self.blank() {
            return self.guard(Blank.deserialize_map(visitor));
        }
        match self.value {
            Value::Object(object) => self.members(object, None, visitor),
            _ => {
                self.wrong_type(&visitor);
                self.members(&Map::new(), None, visitor)
            }
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Stop> {
        if self.blank() {
            return self.guard(Blank.deserialize_struct(name, fields, visitor));
        }
        match self.value {
            Value::Object(object) => self.members(object, Some(fields), visitor),
            _ => {
                self.wrong_type(&visitor);
                self.guard(Blank.deserialize_struct(name, fields, visitor))
            }
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Stop> {
        if self.blank() {
            return self.guard(Blank.deserialize_enum(name, variants, visitor));
        }
        match self.value {
            Value::String(s) if variants.contains(&s.as_str()) => {
                self.guard(visitor.visit_enum(StrDeserializer::<Stop>::new(s)))
            }
            Value::String(s) => {
                let stop = <Stop as de::Error>::unknown_variant(s, variants);
                self.pass.record(self.path, &stop.message);
                self.guard(Blank.deserialize_enum(name, variants, visitor))
            }
            _ => {
                self.wrong_type(&visitor);
                self.guard(Blank.deserialize_enum(name, variants, visitor))
            }
        }
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Stop> {
        self.deserialize_string(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Stop> {
        self.guard(visitor.visit_unit())
    }
}

/// The elements of an array.
struct Items<'a> {
    items: &'a [Value],
    at: usize,
    path: &'a str,
    pass: &'a Pass<'a>,
}

impl<'de> SeqAccess<'de> for Items<'_> {
    type Error = Stop;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Stop> {
        let Some(value) = self.items.get(self.at) else {
            return Ok(None);
        };
        let mut path = self.path.to_string();
        push_index(&mut path, self.at);
        self.at += 1;
        seed.deserialize(Node {
            value,
            path: &path,
            pass: self.pass,
        })
        .map(Some)
    }
}

/// What the next call of `next_value_seed` reads.
enum Next<'a> {
    Value(&'a Value, String),
    Blank,
}

/// The members of an object: for a struct, its known fields (unknown ones
/// are recorded and skipped), then the missing fields earlier passes found
/// (read as blank).
struct Members<'a> {
    entries: serde_json::map::Iter<'a>,
    fields: Option<&'static [&'static str]>,
    supply: std::collections::VecDeque<&'a Fix>,
    next: Option<Next<'a>>,
    path: &'a str,
    pass: &'a Pass<'a>,
}

impl<'de> MapAccess<'de> for Members<'_> {
    type Error = Stop;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Stop> {
        for (key, value) in self.entries.by_ref() {
            let path = key_path(self.path, key);
            if let Some(fields) = self.fields {
                if !fields.contains(&key.as_str()) {
                    let stop = <Stop as de::Error>::unknown_field(key, fields);
                    self.pass.record(&path, &stop.message);
                    continue;
                }
            }
            self.next = Some(Next::Value(value, path));
            return seed
                .deserialize(StrDeserializer::<Stop>::new(key))
                .map(Some);
        }
        match self.supply.pop_front() {
            Some(fix) => {
                self.next = Some(Next::Blank);
                let field = fix.missing.unwrap_or_default();
                seed.deserialize(StrDeserializer::<Stop>::new(field))
                    .map(Some)
            }
            None => Ok(None),
        }
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, Stop> {
        match self.next.take() {
            Some(Next::Value(value, path)) => seed.deserialize(Node {
                value,
                path: &path,
                pass: self.pass,
            }),
            Some(Next::Blank) => seed.deserialize(Blank),
            None => Err(de::Error::custom("a value without a key")),
        }
    }
}

/// A blank value of whatever type is asked for: `false`, 0, `""`, `None`,
/// empty sequences and maps, a struct with every field blank, an enum's
/// first variant. Stands in for a value that is missing or wrong.
struct Blank;

impl<'de> Deserializer<'de> for Blank {
    type Error = Stop;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Stop> {
        visitor.visit_unit()
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Stop> {
        visitor.visit_bool(false)
    }

    fn deserialize_i8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Stop> {
        visitor.visit_i8(0)
    }

    fn deserialize_i16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Stop> {
        visitor.visit_i16(0)
    }

    fn deserialize_i32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Stop> {
        visitor.visit_i32(0)
    }

    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Stop> {
        visitor.visit_i64(0)
    }

    fn deserialize_u8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Stop> {
        visitor.visit_u8(0)
    }

    fn deserialize_u16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Stop> {
        visitor.visit_u16(0)
    }

    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Stop> {
        visitor.visit_u32(0)
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Stop> {
        visitor.visit_u64(0)
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Stop> {
        visitor.visit_f32(0.0)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Stop> {
        visitor.visit_f64(0.0)
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Stop> {
        visitor.visit_char('\0')
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Stop> {
        visitor.visit_str("")
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Stop> {
        visitor.visit_str("")
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Stop> {
        visitor.visit_bytes(&[])
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Stop> {
        visitor.visit_bytes(&[])
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Stop> {
        visitor.visit_none()
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Stop> {
        visitor.visit_unit()
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Stop> {
        visitor.visit_unit()
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Stop> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Stop> {
        visitor.visit_seq(BlankFields(&[]))
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Stop> {
        visitor.visit_seq(BlankFields(&[]))
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Stop> {
        visitor.visit_seq(BlankFields(&[]))
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Stop> {
        visitor.visit_map(BlankFields(&[]))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Stop> {
        visitor.visit_map(BlankFields(fields))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Stop> {
        let first = variants.first().copied().unwrap_or_default();
        visitor.visit_enum(StrDeserializer::<Stop>::new(first))
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Stop> {
        visitor.visit_str("")
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Stop> {
        visitor.visit_unit()
    }
}

/// Every field of a blank struct, each blank (no fields: an empty sequence
/// or map).
struct BlankFields(&'static [&'static str]);

impl<'de> MapAccess<'de> for BlankFields {
    type Error = Stop;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Stop> {
        let Some((first, rest)) = self.0.split_first() else {
            return Ok(None);
        };
        self.0 = rest;
        seed.deserialize(StrDeserializer::<Stop>::new(first))
            .map(Some)
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, Stop> {
        seed.deserialize(Blank)
    }
}

impl<'de> SeqAccess<'de> for BlankFields {
    type Error = Stop;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        _seed: T,
    ) -> Result<Option<T::Value>, Stop> {
        Ok(None)
    }
}
