//! Writing results as plain JS values: a serde `Serializer` that builds JS
//! objects, arrays, strings and numbers directly, in the shape `serde_json`
//! gives the same value (maps and structs become plain objects, `None`
//! becomes `null`, unit enum variants their names).
//!
//! It replaces `serde_wasm_bindgen::Serializer::json_compatible()`, which
//! costs more for features the results never use (i64/u64 as BigInt, byte
//! arrays, enum payloads, `Map` objects, a cache of interned keys). The
//! golden tests (`tests/wasm/suite.rs`) compare its output with the native
//! engine's JSON.

use js_sys::{Array, Object};
use serde::ser::{self, Serialize, Serializer};
use std::fmt::Display;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    /// A plain object being filled.
    #[wasm_bindgen(extends = Object)]
    type Plain;

    /// `object[key] = value`; cannot throw on the fresh plain objects built here.
    #[wasm_bindgen(method, structural, indexing_setter)]
    fn set(this: &Plain, key: &JsValue, value: &JsValue);
}

/// Converts `value` into plain JS data.
///
/// # Errors
/// Only for shapes results never have (byte arrays, enum variants with data,
/// maps with non-string keys); [`Unsupported`] says nothing more, so that no
/// message formatting is pulled into the `.wasm`.
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, Unsupported> {
    value.serialize(Js)
}

/// A value serde can describe but plain JS data cannot hold (see [`to_js`]).
#[derive(Debug)]
pub struct Unsupported;

impl Display for Unsupported {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the value has a shape JSON cannot hold")
    }
}

impl std::error::Error for Unsupported {}

impl ser::Error for Unsupported {
    fn custom<T: Display>(_: T) -> Self {
        Unsupported
    }
}

struct Js;

type Done = Result<JsValue, Unsupported>;

impl Serializer for Js {
    type Ok = JsValue;
    type Error = Unsupported;
    type SerializeSeq = JsArray;
    type SerializeTuple = JsArray;
    type SerializeTupleStruct = JsArray;
    type SerializeTupleVariant = ser::Impossible<JsValue, Unsupported>;
    type SerializeMap = JsObject;
    type SerializeStruct = JsObject;
    type SerializeStructVariant = ser::Impossible<JsValue, Unsupported>;

    fn serialize_bool(self, v: bool) -> Done {
        Ok(JsValue::from_bool(v))
    }
    fn serialize_i8(self, v: i8) -> Done {
        self.serialize_f64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Done {
        self.serialize_f64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Done {
        self.serialize_f64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Done {
        // Like JSON.parse: beyond 2^53 the nearest double.
        self.serialize_f64(v as f64)
    }
    fn serialize_u8(self, v: u8) -> Done {
        self.serialize_f64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Done {
        self.serialize_f64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Done {
        self.serialize_f64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Done {
        self.serialize_f64(v as f64)
    }
    fn serialize_f32(self, v: f32) -> Done {
        self.serialize_f64(v.into())
    }
    fn serialize_f64(self, v: f64) -> Done {
        Ok(JsValue::from_f64(v))
    }
    fn serialize_char(self, v: char) -> Done {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Done {
        Ok(JsValue::from_str(v))
    }
    fn serialize_bytes(self, _: &[u8]) -> Done {
        Err(Unsupported)
    }
    fn serialize_none(self) -> Done {
        Ok(JsValue::NULL)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Done {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Done {
        Ok(JsValue::NULL)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Done {
        Ok(JsValue::NULL)
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Done {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Done {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Done {
        Err(Unsupported)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<JsArray, Unsupported> {
        Ok(JsArray(Array::new()))
    }
    fn serialize_tuple(self, len: usize) -> Result<JsArray, Unsupported> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<JsArray, Unsupported> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<JsObject, Unsupported> {
        Ok(JsObject {
            object: Object::new().unchecked_into(),
            key: JsValue::UNDEFINED,
        })
    }
    fn serialize_struct(self, _: &'static str, len: usize) -> Result<JsObject, Unsupported> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Unsupported> {
        Err(Unsupported)
    }
}

struct JsArray(Array);

impl ser::SerializeSeq for JsArray {
    type Ok = JsValue;
    type Error = Unsupported;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        self.0.push(&value.serialize(Js)?);
        Ok(())
    }
    fn end(self) -> Done {
        Ok(self.0.into())
    }
}

impl ser::SerializeTuple for JsArray {
    type Ok = JsValue;
    type Error = Unsupported;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Done {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleStruct for JsArray {
    type Ok = JsValue;
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Done {
        ser::SerializeSeq::end(self)
    }
}

struct JsObject {
    object: Plain,
    /// The key given to `serialize_key`, waiting for its value.
    key: JsValue,
}

impl ser::SerializeMap for JsObject {
    type Ok = JsValue;
    type Error = Unsupported;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Unsupported> {
        let key = key.serialize(Js)?;
        if !key.is_string() {
            return Err(Unsupported);
        }
        self.key = key;
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        self.object.set(&self.key, &value.serialize(Js)?);
        Ok(())
    }
    fn end(self) -> Done {
        Ok(self.object.into())
    }
}

impl ser::SerializeStruct for JsObject {
    type Ok = JsValue;
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Unsupported> {
        self.object
            .set(&JsValue::from_str(key), &value.serialize(Js)?);
        Ok(())
    }
    fn end(self) -> Done {
        Ok(self.object.into())
    }
}
