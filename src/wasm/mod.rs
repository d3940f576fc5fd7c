//! The only wasm-bindgen code: thin functions that convert JS values, call
//! the core, and convert back. No logic lives here.

mod convert;
mod types;

use crate::{answers::Answers, model::Matrix, Error, Issue};
use wasm_bindgen::prelude::*;

/// Recommends an option for `answers` on `matrix`.
///
/// Throws an `Error` with `path`, `hint` and `issues` (every problem found)
/// when the matrix or the answers are invalid.
///
/// ```js
/// const result = recommend({ project: "realtime", team: "javascript" }, matrix);
/// result.verdict; // "node"
/// ```
#[wasm_bindgen(js_name = recommend, unchecked_return_type = "Recommendation")]
pub fn recommend(
    #[wasm_bindgen(unchecked_param_type = "Answers | undefined | null")] answers: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Matrix")] matrix: JsValue,
) -> Result<JsValue, JsValue> {
    let matrix: Matrix = convert::from_js(matrix, "")?;
    let answers: Answers = if answers.is_undefined() || answers.is_null() {
        Answers::new()
    } else if !answers.is_object() || js_sys::Array::is_array(&answers) {
        // serde-wasm-bindgen would read an array of entries as a map.
        return Err(convert::to_js_error(Error::Parse(Issue::new(
            "answers",
            "answers must be an object of question id → answer",
            "pass e.g. {\"project\": \"realtime\"}, or nothing for no answers",
        ))));
    } else {
        convert::from_js(answers, "answers")?
    };
    let result = crate::recommend(&matrix, &answers).map_err(convert::to_js_error)?;
    convert::to_js(&result)
}

/// Checks a matrix and returns every problem found as
/// `{path, message, hint}` objects; an empty array means it is valid.
#[wasm_bindgen(js_name = validateMatrix, unchecked_return_type = "MatrixIssue[]")]
pub fn validate_matrix(
    #[wasm_bindgen(unchecked_param_type = "unknown")] matrix: JsValue,
) -> Result<JsValue, JsValue> {
    let issues = match convert::parse::<Matrix>(matrix, "") {
        Ok(matrix) => match crate::validate(&matrix) {
            Ok(()) => Vec::new(),
            Err(e) => e.issues().to_vec(),
        },
        Err(e) => e.issues().to_vec(),
    };
    convert::to_js(&issues)
}
