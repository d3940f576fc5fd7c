//! JS ⇄ Rust conversion and the JS form of errors.

use crate::error::{from_serde, Error, Issue};
use crate::validate::{json_depth, MAX_DEPTH, MAX_DOCUMENT_BYTES};
use serde::{de::DeserializeOwned, Serialize};
use wasm_bindgen::{JsCast, JsValue};

/// Deserializes a JS value, keeping the path of the first problem.
pub fn parse<T: DeserializeOwned>(value: JsValue, root: &str) -> Result<T, Error> {
    guard(&value, root)?;
    let de = serde_wasm_bindgen::Deserializer::from(value);
    serde_path_to_error::deserialize(de)
        .map_err(|e| Error::Parse(from_serde(root, e.path(), e.inner())))
}

/// Rejects values too large or too deep before serde sees them: serde's
/// type errors format the offending JS value, and that formatter recurses.
fn guard(value: &JsValue, root: &str) -> Result<(), Error> {
    let at = if root.is_empty() { "(root)" } else { root };
    let text = js_sys::JSON::stringify(value)
        .ok()
        .and_then(|t| t.as_string());
    let Some(text) = text else {
        return Err(Error::Parse(Issue::new(
            at,
            "the value cannot be written as JSON (a cycle, a BigInt, a function or nesting too deep)",
            "pass plain data: objects, arrays, strings, numbers, booleans",
        )));
    };
    if text.len() > MAX_DOCUMENT_BYTES {
        return Err(Error::Parse(Issue::new(
            at,
            format!(
                "the value is {} bytes as JSON, more than the limit of {MAX_DOCUMENT_BYTES}",
                text.len()
            ),
            "shorten its texts or split it",
        )));
    }
    if json_depth(&text) > MAX_DEPTH {
        return Err(Error::Parse(Issue::new(
            at,
            format!("the value nests deeper than {MAX_DEPTH} levels"),
            "flatten it: the format never nests deeper than 5 levels",
        )));
    }
    Ok(())
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
