//! [`AsMaps`]: serde-wasm-bindgen's `json_compatible()` serializer with two
//! calls renamed. A struct is handed to its map serializer (`serialize_map`
//! with the field names as keys) and a unit variant to `serialize_str`.
//!
//! The JS values are the same: plain objects, keys in field order, enum
//! variants as strings. Everything else goes to serde-wasm-bindgen unchanged,
//! and it still builds every JS value.
//!
//! Why: serde-wasm-bindgen's struct and unit-variant paths intern each field
//! name in a thread-local `HashMap` (hashbrown, thread-local setup and the
//! cache's drop code): large in the `.wasm` for results of a few dozen
//! objects (size: see `crate::small`).
//!
//! Every value is first serialized on its own, then handed to
//! serde-wasm-bindgen's array or object as a finished `JsValue` (its
//! `preserve` mechanism): its generic element and value code then exists once,
//! not once per field type.
//!
//! Only the shapes the results use are supported: structs, sequences, maps
//! with string keys, options, unit variants and scalars. Tuples and data
//! carrying enum variants return an error (none is ever serialized).

use serde::ser::{self, Impossible, Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_wasm_bindgen::{Error, Serializer as Js};
use wasm_bindgen::JsValue;

/// serde-wasm-bindgen's serializer (`json_compatible()`); see the module
/// documentation.
#[derive(Clone, Copy)]
pub struct AsMaps<'s>(pub &'s Js);

impl AsMaps<'_> {
    /// `value` as a finished JS value, nested structs as maps too.
    fn built<T: ?Sized + Serialize>(self, value: &T) -> Result<Built, Error> {
        value.serialize(self).map(Built)
    }
}

/// A finished JS value, passed through serde-wasm-bindgen as it is.
struct Built(JsValue);

impl Serialize for Built {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serde_wasm_bindgen::preserve::serialize(&self.0, serializer)
    }
}

/// A sequence of values serialized through [`AsMaps`].
pub struct Seq<'s> {
    js: AsMaps<'s>,
    inner: <&'s Js as Serializer>::SerializeSeq,
}

impl SerializeSeq for Seq<'_> {
    type Ok = JsValue;
    type Error = Error;

    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        let value = self.js.built(value)?;
        self.inner.serialize_element(&value)
    }

    fn end(self) -> Result<JsValue, Error> {
        self.inner.end()
    }
}

/// A map, or a struct written as a map, of values serialized through
/// [`AsMaps`].
pub struct Map<'s> {
    js: AsMaps<'s>,
    inner: <&'s Js as Serializer>::SerializeMap,
}

impl SerializeMap for Map<'_> {
    type Ok = JsValue;
    type Error = Error;

    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), Error> {
        // Keys are ids (strings): nothing to rename inside them.
        self.inner.serialize_key(key)
    }

    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        let value = self.js.built(value)?;
        self.inner.serialize_value(&value)
    }

    fn end(self) -> Result<JsValue, Error> {
        self.inner.end()
    }
}

impl ser::SerializeStruct for Map<'_> {
    type Ok = JsValue;
    type Error = Error;

    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        let value = self.js.built(value)?;
        self.inner.serialize_entry(key, &value)
    }

    fn end(self) -> Result<JsValue, Error> {
        self.inner.end()
    }
}

fn unsupported() -> Error {
    ser::Error::custom("tuples and enum variants with data are not supported")
}

/// Passes a scalar straight to serde-wasm-bindgen.
macro_rules! forward {
    ($($method:ident($type:ty);)*) => {
        $(
            fn $method(self, value: $type) -> Result<JsValue, Error> {
                self.0.$method(value)
            }
        )*
    };
}

impl<'s> Serializer for AsMaps<'s> {
    type Ok = JsValue;
    type Error = Error;
    type SerializeSeq = Seq<'s>;
    type SerializeTuple = Impossible<JsValue, Error>;
    type SerializeTupleStruct = Impossible<JsValue, Error>;
    type SerializeTupleVariant = Impossible<JsValue, Error>;
    type SerializeMap = Map<'s>;
    type SerializeStruct = Map<'s>;
    type SerializeStructVariant = Impossible<JsValue, Error>;

    forward! {
        serialize_bool(bool);
        serialize_i8(i8);
        serialize_i16(i16);
        serialize_i32(i32);
        serialize_i64(i64);
        serialize_u8(u8);
        serialize_u16(u16);
        serialize_u32(u32);
        serialize_u64(u64);
        serialize_f32(f32);
        serialize_f64(f64);
        serialize_char(char);
        serialize_str(&str);
        serialize_bytes(&[u8]);
    }

    fn serialize_none(self) -> Result<JsValue, Error> {
        self.0.serialize_none()
    }

    /// `Some(v)` as `v`, as serde-wasm-bindgen writes it.
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<JsValue, Error> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<JsValue, Error> {
        self.0.serialize_unit()
    }

    fn serialize_unit_struct(self, name: &'static str) -> Result<JsValue, Error> {
        self.0.serialize_unit_struct(name)
    }

    /// The variant's name as a string, as serde-wasm-bindgen writes it.
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<JsValue, Error> {
        self.0.serialize_str(variant)
    }

    /// A newtype as its inner value, as serde-wasm-bindgen writes it.
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<JsValue, Error> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<JsValue, Error> {
        Err(unsupported())
    }

    fn serialize_seq(self, len: Option<usize>) -> Result<Seq<'s>, Error> {
        let inner = self.0.serialize_seq(len)?;
        Ok(Seq { js: self, inner })
    }

    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, Error> {
        Err(unsupported())
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        Err(unsupported())
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(unsupported())
    }

    fn serialize_map(self, len: Option<usize>) -> Result<Map<'s>, Error> {
        let inner = self.0.serialize_map(len)?;
        Ok(Map { js: self, inner })
    }

    /// A struct as a map of its fields, in order.
    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Map<'s>, Error> {
        self.serialize_map(Some(len))
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(unsupported())
    }
}
