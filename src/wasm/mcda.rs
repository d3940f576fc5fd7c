//! How the wasm build reads the inputs of `rank` and `ahpWeights` from JS:
//! the numeric matrix (with a `Float64Array` fast path for large ones), the
//! `{method, weights}` settings and a pairwise matrix. Reading only; the
//! numbers are checked by the core (`crate::rank`, `crate::ahp`).

use super::read::{variant, FromJs, Obj, Path};
use crate::map::Map;
use crate::rank::{Method, RankCriterion, RankInput};
use crate::{Error, Issue};
use js_sys::{Array, Float64Array, Reflect};
use wasm_bindgen::{JsCast, JsValue};

impl FromJs for Method {
    fn from_js(value: &JsValue, at: &Path) -> Self {
        match variant(value, at, &["wsm", "topsis"]) {
            1 => Method::Topsis,
            _ => Method::Wsm,
        }
    }
}

impl FromJs for RankCriterion {
    fn from_js(value: &JsValue, at: &Path) -> Self {
        let o = Obj::new(
            value,
            at,
            "struct RankCriterion",
            &["id", "direction", "weight"],
        );
        RankCriterion {
            id: o.req("id"),
            direction: o.or_default("direction"),
            // Absent (or null): weight 1, equal weights by default.
            weight: o.or_default::<Option<f64>>("weight").unwrap_or(1.0),
        }
    }
}

impl FromJs for RankInput {
    fn from_js(value: &JsValue, at: &Path) -> Self {
        let o = Obj::new(
            value,
            at,
            "struct RankInput",
            &["options", "criteria", "values"],
        );
        let options: Vec<String> = o.req("options");
        let criteria: Vec<RankCriterion> = o.req("criteria");
        let values = Reflect::get(value, &JsValue::from_str("values")).unwrap_or_default();
        let values = if let Some(flat) = values.dyn_ref::<Float64Array>() {
            rows_of(flat, options.len(), criteria.len(), &at.key("values"))
        } else {
            o.req("values")
        };
        RankInput {
            options,
            criteria,
            values,
        }
    }
}

/// A flat row-major `Float64Array` of `rows × columns` values, as rows.
fn rows_of(flat: &Float64Array, rows: usize, columns: usize, at: &Path) -> Vec<Vec<f64>> {
    let all = flat.to_vec();
    if columns == 0 || rows.checked_mul(columns) != Some(all.len()) {
        at.fail_with(Error::InvalidInput(vec![Issue::new(
            at.render(),
            format!(
                "a Float64Array of {} values for {rows} options × {columns} criteria",
                all.len()
            ),
            "pass options.length × criteria.length values, row by row (option by option)",
        )]));
        return Vec::new();
    }
    let mut out = Vec::with_capacity(rows);
    for row in all.chunks(columns) {
        out.push(row.to_vec());
    }
    out
}

/// True when `value` is the numeric form (`{options, criteria, values}`)
/// rather than an author matrix.
pub fn is_numeric(value: &JsValue) -> bool {
    value.is_object()
        && !Array::is_array(value)
        && Reflect::has(value, &JsValue::from_str("values")).unwrap_or(false)
}

/// The settings of `rank`: `{method: "wsm" | "topsis", weights?}`.
pub struct RankSettings {
    pub method: Method,
    pub weights: Option<Map<f64>>,
}

impl FromJs for RankSettings {
    fn from_js(value: &JsValue, at: &Path) -> Self {
        let o = Obj::new(value, at, "{method, weights?}", &["method", "weights"]);
        RankSettings {
            method: o.req("method"),
            weights: o.or_default("weights"),
        }
    }
}
