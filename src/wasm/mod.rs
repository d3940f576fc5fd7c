//! The only wasm-bindgen code: thin functions that convert JS values, call
//! the core, and convert back. No rules live here: every check of the
//! values (counts, shapes, weights, which weights may be named) is the
//! core's; this layer only reports where in the JS value a problem is.
//!
//! ## The matrix cache
//!
//! Reading a matrix from JS is most of a `recommend` call, and the element
//! asks about the same matrix on every answer. The cache is this protocol,
//! and this is the one place it is described:
//!
//! 1. `recommend` keeps the matrix of its last successful call here
//!    (`LAST_MATRIX`), as read and validated.
//! 2. `www/engine.js` remembers what that call was given (`lastMatrixText`:
//!    the matrix's JSON text, or a marker for the built-in matrix, which
//!    never changes) and passes `undefined` as the matrix when the next
//!    call's matrix is the same. (`www/element.js` asks for the built-in
//!    matrix by passing `undefined` to `engine.js`, which is not the same
//!    thing: `engine.js` then passes the built-in data, or `undefined` when
//!    that is what was read last.)
//! 3. Here, `undefined` means "the matrix of the last successful call": it
//!    is scored with `recommend_validated`, without reading or checking it
//!    again. Any other matrix is read and validated; a successful call
//!    replaces the cached matrix, a failed one keeps the one before.
//!    `undefined` with nothing cached is an error at `matrix`.
//! 4. The cache lives as long as the module: when the engine traps,
//!    `engine.js` re-creates the module and forgets `lastMatrixText`, so the
//!    next call passes the matrix again.

// A release .wasm has one group of exports (see Cargo.toml's features): code
// only the other group uses is then unused, and that is expected.
#![cfg_attr(
    not(all(feature = "engine", feature = "mcda")),
    allow(dead_code, unused_imports)
)]

mod as_maps;
mod convert;
#[cfg(feature = "fault-injection")]
mod fault;
mod input;
#[cfg(feature = "mcda")]
mod mcda;
mod object;
mod read;
mod types;

use crate::{answers::Answers, model::Matrix, Error, Issue};
use std::cell::Cell;
use wasm_bindgen::prelude::*;

#[cfg(feature = "engine")]
thread_local! {
    /// The matrix of the last successful `recommend`, as read from JS (see
    /// "The matrix cache" in the module doc).
    static LAST_MATRIX: Cell<Option<Matrix>> = const { Cell::new(None) };
}

#[cfg(feature = "engine")]
/// Recommends an option for `answers` on `matrix`.
///
/// `matrix` `undefined` reuses the matrix of the last successful call (see
/// "The matrix cache" in the module doc). Throws an `Error` with `path`, `hint` and `issues`
/// (every problem found) when the matrix or the answers are invalid.
///
/// ```js
/// const result = recommend({ project: "realtime", team: "javascript" }, matrix);
/// result.verdict; // "node"
/// ```
#[wasm_bindgen(js_name = recommend, unchecked_return_type = "Recommendation")]
pub fn recommend(
    #[wasm_bindgen(unchecked_param_type = "Answers | undefined | null")] answers: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Matrix | undefined")] matrix: JsValue,
) -> Result<JsValue, JsValue> {
    #[cfg(feature = "fault-injection")]
    let _busy = fault::Busy::enter();
    let fresh: Option<Matrix> = if matrix.is_undefined() {
        None
    } else {
        Some(convert::from_js(matrix, "")?)
    };
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
    let result = LAST_MATRIX
        .with(|last| {
            let previous = last.take();
            let (result, keep) = match fresh {
                Some(matrix) => {
                    let result = crate::recommend(&matrix, &answers);
                    let keep = if result.is_ok() {
                        Some(matrix)
                    } else {
                        previous
                    };
                    (result, keep)
                }
                None => match &previous {
                    Some(matrix) => (crate::recommend_validated(matrix, &answers), previous),
                    None => (
                        Err(Error::InvalidInput(vec![Issue::new(
                            "matrix",
                            "no matrix given, and no earlier call whose matrix could be reused",
                            "pass the decision matrix",
                        )])),
                        None,
                    ),
                },
            };
            last.set(keep);
            result
        })
        .map_err(convert::to_js_error)?;
    convert::to_js(&result)
}

#[cfg(feature = "engine")]
/// Checks a matrix and returns every problem found as
/// `{path, message, hint}` objects; an empty array means it is valid.
/// Every structural problem (missing field, wrong type, unknown field) is
/// listed; the format's rules are checked once there are none.
#[wasm_bindgen(js_name = validateMatrix, unchecked_return_type = "MatrixIssue[]")]
pub fn validate_matrix(
    #[wasm_bindgen(unchecked_param_type = "unknown")] matrix: JsValue,
) -> Result<JsValue, JsValue> {
    let checked = convert::parse_all::<Matrix>(matrix).and_then(|m| crate::validate(&m));
    // A slice, as `to_js_error` writes its issues: one serializer for both.
    let issues: &[Issue] = match &checked {
        Ok(()) => &[],
        Err(e) => e.issues(),
    };
    convert::to_js(&issues)
}

#[cfg(feature = "mcda")]
/// Ranks the options of a matrix by the weighted sum (`wsm`, 0..100) or by
/// TOPSIS (closeness coefficients, 0..1). `matrix` is an author matrix
/// (ranked with its base weights) or the numeric form
/// `{options, criteria, values}`, where `values` is an array of rows or a
/// flat row-major `Float64Array` (up to 10,000 options × 100 criteria).
/// In the bulk form `options` is the number of rows instead of their ids,
/// `values` a `Float64Array`, and the result is by position: `weights` and
/// `scores` `Float64Array`s in criteria and row order, `ranking` a
/// `Uint32Array` of row indices, best first. No per-option strings cross
/// the boundary. Its criteria may also be given by position, as
/// `{weights: Float64Array, cost?: Uint8Array}` (1 marks a cost column):
/// the fastest form, with no per-criterion object to read.
/// `weights` (criterion id → weight ≥ 0) replaces the weights it names.
///
/// ```js
/// const r = rank(matrix, { method: "topsis", weights: { "ai-ml": 3 } });
/// r.ranking; // ["python", "node"]
/// ```
#[wasm_bindgen(js_name = rank, unchecked_return_type = "Ranking | BulkRanking")]
pub fn rank(
    #[wasm_bindgen(unchecked_param_type = "Matrix | NumericMatrix | BulkMatrix")] matrix: JsValue,
    #[wasm_bindgen(unchecked_param_type = "RankSettings")] settings: JsValue,
) -> Result<JsValue, JsValue> {
    let settings: mcda::RankSettings = read::read(&settings, "").map_err(convert::to_js_error)?;
    let weights = settings.weights.as_ref();
    let result = if mcda::is_numeric(&matrix) {
        match read::read(&matrix, "").map_err(convert::to_js_error)? {
            mcda::Numeric::Ids(input) => crate::rank::rank(&input, settings.method, weights),
            mcda::Numeric::Count {
                options,
                criteria,
                values,
            } => {
                let r =
                    crate::rank::rank_bulk(&values, options, &criteria, settings.method, weights)
                        .map_err(convert::to_js_error)?;
                return Ok(mcda::bulk_result(settings.method, &r));
            }
        }
    } else {
        let matrix: Matrix = convert::from_js(matrix, "")?;
        crate::rank::rank_matrix(&matrix, settings.method, weights)
    };
    convert::to_js(&result.map_err(convert::to_js_error)?)
}

#[cfg(feature = "mcda")]
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

/// Talc instead of Rust's default dlmalloc: smaller, and faster (size: see
/// `crate::small`).
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
