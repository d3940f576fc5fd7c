//! A value of the document as a serde `Deserializer` that records a
//! problem and goes on (see the parent module), and the elements and
//! members it hands out.

use super::blank::Blank;
use super::{key_path, unexpected, Fix, Pass, Stop};
use crate::error::push_index;
use serde::de::value::StrDeserializer;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::{Map, Value};

/// A value in the document, at `path`.
#[derive(Clone, Copy)]
pub(super) struct Node<'a> {
    pub(super) value: &'a Value,
    pub(super) path: &'a str,
    pub(super) pass: &'a Pass<'a>,
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
