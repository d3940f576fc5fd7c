//! The only wasm-bindgen code: thin functions that convert JS values, call
//! the core, and convert back. No logic lives here.

mod as_maps;
mod convert;
mod input;
mod mcda;
mod read;
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
    let checked = convert::parse::<Matrix>(matrix, "").and_then(|m| crate::validate(&m));
    // A slice, as `to_js_error` writes its issues: one serializer for both.
    let issues: &[Issue] = match &checked {
        Ok(()) => &[],
        Err(e) => e.issues(),
    };
    convert::to_js(&issues)
}

/// Ranks the options of a matrix by the weighted sum (`wsm`, 0..100) or by
/// TOPSIS (closeness coefficients, 0..1). `matrix` is an author matrix
/// (ranked with its base weights) or the numeric form
/// `{options, criteria, values}`, where `values` is an array of rows or a
/// flat row-major `Float64Array` (up to 10,000 options × 100 criteria).
/// `weights` (criterion id → weight ≥ 0) replaces the weights it names.
///
/// ```js
/// const r = rank(matrix, { method: "topsis", weights: { "ai-ml": 3 } });
/// r.ranking; // ["python", "node"]
/// ```
#[wasm_bindgen(js_name = rank, unchecked_return_type = "Ranking")]
pub fn rank(
    #[wasm_bindgen(unchecked_param_type = "Matrix | NumericMatrix")] matrix: JsValue,
    #[wasm_bindgen(unchecked_param_type = "RankSettings")] settings: JsValue,
) -> Result<JsValue, JsValue> {
    let settings: mcda::RankSettings = read::read(&settings, "").map_err(convert::to_js_error)?;
    let weights = settings.weights.as_ref();
    let result = if mcda::is_numeric(&matrix) {
        let input: crate::rank::RankInput =
            read::read(&matrix, "").map_err(convert::to_js_error)?;
        crate::rank::rank(&input, settings.method, weights)
    } else {
        let matrix: Matrix = convert::from_js(matrix, "")?;
        crate::rank::rank_matrix(&matrix, settings.method, weights)
    };
    convert::to_js(&result.map_err(convert::to_js_error)?)
}

/// AHP weights from a pairwise comparison matrix on Saaty's 1–9 scale
/// (`pairwise[i][j]` = how many times criterion i matters more than j):
/// eigenvector and geometric-mean weights, λmax, consistency index and ratio.
///
/// ```js
/// const r = ahpWeights([[1, 3], [1 / 3, 1]]);
/// r.weights; // [0.75, 0.25]
/// r.consistent; // true (consistency ratio ≤ 0.10)
/// ```
#[wasm_bindgen(js_name = ahpWeights, unchecked_return_type = "AhpWeights")]
pub fn ahp_weights(
    #[wasm_bindgen(unchecked_param_type = "number[][]")] pairwise: JsValue,
) -> Result<JsValue, JsValue> {
    let pairwise: Vec<Vec<f64>> =
        read::read(&pairwise, "pairwise").map_err(convert::to_js_error)?;
    let result = crate::ahp::ahp_weights(&pairwise).map_err(convert::to_js_error)?;
    convert::to_js(&result)
}

/// Talc instead of Rust's default dlmalloc: 2.4 KB gzip smaller, and faster
/// (docs/size.md).
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
