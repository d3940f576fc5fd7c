//! How the wasm build reads the inputs of `rank` and `ahpWeights` from JS:
//! the numeric matrix (with a `Float64Array` fast path for large ones, and
//! the bulk form: `options` a count, results as typed arrays), the
//! `{method, weights}` settings and a pairwise matrix. The numbers are
//! checked by the core (`crate::rank`, `crate::ahp`).

use super::read::{variant, FromJs, Obj, Path};
use crate::map::Map;
use crate::model::Direction;
use crate::rank::{Method, RankCriterion, RankInput, ValueRanking, MAX_RANK_OPTIONS};
use crate::{Error, Issue};
use js_sys::{Array, Float64Array, Object, Reflect, Uint32Array};
use wasm_bindgen::{JsCast, JsValue};

impl FromJs for Method {
    fn from_js(value: &JsValue, at: &Path) -> Self {
        match variant(value, at, &["wsm", "topsis"]) {
            1 => Method::Topsis,
            _ => Method::Wsm,
        }
    }
}

/// The criteria of a numeric matrix. Each well-formed criterion (a plain
/// object with only `id` (a string), `direction` (`"benefit"`, `"cost"` or
/// absent) and `weight` (a number, null or absent)) is read with a few
/// JS calls and the field names made once, not per criterion: for 100
/// criteria the generic reader's string round trips were most of `rank`'s
/// fixed cost. Anything else goes to the generic reader, which reports it.
fn criteria(value: &JsValue, at: &Path) -> Vec<RankCriterion> {
    let Some(list) = value.dyn_ref::<Array>() else {
        at.invalid_type(value, "a sequence");
        return Vec::new();
    };
    let (id, direction, weight) = (
        &JsValue::from_str("id"),
        &JsValue::from_str("direction"),
        &JsValue::from_str("weight"),
    );
    let (cost, benefit) = (&JsValue::from_str("cost"), &JsValue::from_str("benefit"));
    let mut out = Vec::with_capacity(list.length() as usize);
    for (i, item) in list.iter().enumerate() {
        let get = |key: &JsValue| Reflect::get(&item, key).unwrap_or_default();
        let (i_d, d, w) = (get(id), get(direction), get(weight));
        // Each test below is a call into JS: each is made once.
        let (d_absent, w_absent, w_number) = (d.is_undefined(), w.is_undefined(), w.as_f64());
        let present = 1 + u32::from(!d_absent) + u32::from(!w_absent);
        let fast = item.is_object()
            && !Array::is_array(&item)
            && Object::keys(item.unchecked_ref::<Object>()).length() == present
            && (w_absent || w_number.is_some() || w.is_null());
        let direction = if d_absent || d == *benefit {
            Some(Direction::Benefit)
        } else if d == *cost {
            Some(Direction::Cost)
        } else {
            None
        };
        match (fast, i_d.as_string(), direction) {
            (true, Some(id), Some(direction)) => out.push(RankCriterion {
                id,
                direction,
                weight: w_number.unwrap_or(1.0),
            }),
            _ => out.push(RankCriterion::from_js(&item, &at.index(i as u32))),
        }
    }
    out
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

/// The numeric form as read from JS: with option ids, or in the bulk form
/// with only their count (`options: 10000`), `values` then a flat row-major
/// `Float64Array`.
pub enum Numeric {
    Ids(RankInput),
    Count {
        options: usize,
        criteria: Vec<RankCriterion>,
        values: Vec<f64>,
    },
}

impl FromJs for Numeric {
    fn from_js(value: &JsValue, at: &Path) -> Self {
        let o = Obj::new(
            value,
            at,
            "struct RankInput",
            &["options", "criteria", "values"],
        );
        let field = |key: &str| Reflect::get(value, &JsValue::from_str(key)).unwrap_or_default();
        let (count, values) = (field("options"), field("values"));
        let criteria_at = at.key("criteria");
        let read_criteria = || match field("criteria") {
            list if list.is_undefined() => {
                // Records "missing field `criteria`", as the generic reader.
                o.req::<String>("criteria");
                Vec::new()
            }
            list => criteria(&list, &criteria_at),
        };
        if let Some(n) = count.as_f64() {
            let criteria = read_criteria();
            let (options_at, values_at) = (at.key("options"), at.key("values"));
            if !(n.fract() == 0.0 && (0.0..=MAX_RANK_OPTIONS as f64).contains(&n)) {
                options_at.fail_with(invalid(
                    &options_at,
                    "a count of options must be a whole number from 1 to 10000",
                    "pass the number of rows (or an array of option ids); rank more in batches",
                ));
            }
            let values = match values.dyn_ref::<Float64Array>() {
                Some(flat) => flat.to_vec(),
                None => {
                    values_at.fail_with(invalid(
                        &values_at,
                        "with a count of options, values must be a Float64Array",
                        "pass count × criteria.length values in one Float64Array, row by row",
                    ));
                    Vec::new()
                }
            };
            return Numeric::Count {
                options: n as usize,
                criteria,
                values,
            };
        }
        let options: Vec<String> = o.req("options");
        let criteria = read_criteria();
        let values = if let Some(flat) = values.dyn_ref::<Float64Array>() {
            rows_of(flat, options.len(), criteria.len(), &at.key("values"))
        } else {
            o.req("values")
        };
        Numeric::Ids(RankInput {
            options,
            criteria,
            values,
        })
    }
}

fn invalid(at: &Path, message: &str, hint: &str) -> Error {
    Error::InvalidInput(vec![Issue::new(at.render(), message, hint)])
}

/// The result of the bulk form, by position: `{method, weights:
/// Float64Array (criteria order), scores: Float64Array (row order),
/// ranking: Uint32Array (row indices, best first)}`.
pub fn bulk_result(method: Method, r: &ValueRanking) -> JsValue {
    let mut order = Vec::with_capacity(r.order.len());
    for &i in &r.order {
        order.push(i as u32);
    }
    let out = Object::new();
    let set = |key: &str, value: &JsValue| {
        // Setting a property on a fresh plain object cannot fail.
        let _ = Reflect::set(&out, &JsValue::from_str(key), value);
    };
    set("method", &JsValue::from_str(method.as_str()));
    set("weights", &Float64Array::from(&r.weights[..]));
    set("scores", &Float64Array::from(&r.scores[..]));
    set("ranking", &Uint32Array::from(&order[..]));
    out.into()
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
