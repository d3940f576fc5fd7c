//! JS ⇄ Rust conversion and the JS form of errors.

use super::as_maps::AsMaps;
use super::read::{read, FromJs};
use crate::error::{Error, Issue};
use crate::limits::MAX_DOCUMENT_BYTES;
use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};

/// Reads a JS value (see `read.rs`), keeping the path of the first problem.
pub fn parse<T: FromJs>(value: JsValue, root: &str) -> Result<T, Error> {
    guard(&value, root)?;
    read(&value, root)
}

/// Reads a JS value (see `read.rs`), keeping every parse problem:
/// [`Error::InvalidMatrix`] lists them.
#[cfg(feature = "engine")]
pub fn parse_all<T: FromJs>(value: JsValue) -> Result<T, Error> {
    guard(&value, "")?;
    super::read::read_all(&value, "")
}

/// Applies the native parser's size limit to a JS value, and rejects values
/// that are not plain data (cycles, BigInt). Depth needs no limit here: the
/// reader (`read.rs`) descends only as deep as the format does, whatever the
/// value holds.
fn guard(value: &JsValue, root: &str) -> Result<(), Error> {
    let at = if root.is_empty() { "(root)" } else { root };
    // Measured in JS (UTF-16 code units): the text is never copied into the
    // wasm memory.
    let length = js_sys::JSON::stringify(value)
        .ok()
        .filter(|text| text.is_string())
        .map(|text| text.length() as usize);
    let Some(length) = length else {
        return Err(Error::Parse(Issue::new(
            at,
            "the value cannot be written as JSON (a cycle, a BigInt, a function or nesting too deep)",
            "pass plain data: objects, arrays, strings, numbers, booleans",
        )));
    };
    if length > MAX_DOCUMENT_BYTES {
        return Err(Error::Parse(Issue::new(
            at,
            format!(
                "the value is {length} characters as JSON, more than the limit of {MAX_DOCUMENT_BYTES}"
            ),
            "shorten its texts or split it",
        )));
    }
    Ok(())
}

/// Reads a JS value, or returns the error as a JS `Error`.
pub fn from_js<T: FromJs>(value: JsValue, root: &str) -> Result<T, JsValue> {
    parse(value, root).map_err(to_js_error)
}

/// Serializes a result as plain JS objects and arrays (maps become objects),
/// with serde-wasm-bindgen's `json_compatible()` serializer; structs go
/// through its map serializer ([`AsMaps`]: the same objects, less code).
#[inline(never)]
pub fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(AsMaps(&serde_wasm_bindgen::Serializer::json_compatible()))
        .map_err(|_| {
            to_js_error(Error::Parse(Issue::new(
                "(result)",
                "the result has a shape JSON cannot hold",
                "report this as a bug",
            )))
        })
}

/// A real JS `Error` whose message names the path and the fix, with `path`,
/// `hint` and `issues` properties for programs.
pub fn to_js_error(error: Error) -> JsValue {
    let js = js_sys::Error::new(&error.to_string());
    let first = error.first();
    let set = |key: &str, value: &JsValue| {
        // Setting a property on a fresh Error object cannot fail.
        let _ = js_sys::Reflect::set(&js, &JsValue::from_str(key), value);
    };
    set(
        "path",
        &JsValue::from_str(first.map_or("", |i| i.path.as_str())),
    );
    set(
        "hint",
        &JsValue::from_str(first.map_or("", |i| i.hint.as_str())),
    );
    let issues = to_js(&error.issues()).unwrap_or(JsValue::NULL);
    set("issues", &issues);
    js.unchecked_into()
}
