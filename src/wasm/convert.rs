//! JS ⇄ Rust conversion and the JS form of errors.

use crate::error::{from_serde, Error, Issue};
use serde::{de::DeserializeOwned, Serialize};
use wasm_bindgen::{JsCast, JsValue};

/// Deserializes a JS value, keeping the path of the first problem.
pub fn parse<T: DeserializeOwned>(value: JsValue, root: &str) -> Result<T, Error> {
    let de = serde_wasm_bindgen::Deserializer::from(value);
    serde_path_to_error::deserialize(de)
        .map_err(|e| Error::Parse(from_serde(root, e.path(), e.inner())))
}

/// Deserializes a JS value, or returns the error as a JS `Error`.
pub fn from_js<T: DeserializeOwned>(value: JsValue, root: &str) -> Result<T, JsValue> {
    parse(value, root).map_err(to_js_error)
}

/// Serializes a result as plain JS objects and arrays (maps become objects).
pub fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| {
            to_js_error(Error::Parse(Issue::new(
                "(result)",
                e.to_string(),
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
