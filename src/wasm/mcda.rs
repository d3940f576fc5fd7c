//! How the wasm build reads the inputs of `rank` and `ahpWeights` from JS:
//! the numeric matrix (with a `Float64Array` fast path for large ones, and
//! the bulk form: `options` a count, criteria as objects or by position,
//! results as typed arrays), the `{method, weights}` settings and a pairwise
//! matrix. The numbers are checked by the core (`crate::rank`, `crate::ahp`).
//!
//! The bulk form is read with the field names made once ([`NAMES`]) and
//! compared as JS values: no string crosses the boundary for a well-formed
//! call, whose fixed cost was otherwise mostly names going back and forth.
//! An object with anything unusual (an unknown or a missing field) is read
//! by the generic reader instead, which reports it.

use super::object::Obj;
use super::read::{variant, At, FromJs};
use crate::map::Map;
use crate::model::Direction;
use crate::rank::{
    option_count, rows_from_flat, BulkCriteria, Method, RankCriterion, RankInput, ValueRanking,
};
use crate::{Error, Issue};
use js_sys::{Array, Float64Array, Object, Reflect, Uint32Array, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};

/// The JS strings `rank` reads, compares and writes ([`NAMES`]), by index.
const NAME_TEXT: [&str; 14] = [
    "options",
    "criteria",
    "values",
    "method",
    "weights",
    "cost",
    "benefit",
    "id",
    "direction",
    "weight",
    "wsm",
    "topsis",
    "scores",
    "ranking",
];
const OPTIONS: usize = 0;
const CRITERIA: usize = 1;
const VALUES: usize = 2;
const METHOD: usize = 3;
const WEIGHTS: usize = 4;
const COST: usize = 5;
const BENEFIT: usize = 6;
const ID: usize = 7;
const DIRECTION: usize = 8;
const WEIGHT: usize = 9;
const WSM: usize = 10;
const TOPSIS: usize = 11;
const SCORES: usize = 12;
const RANKING: usize = 13;

type Names = [JsValue; NAME_TEXT.len()];

thread_local! {
    /// [`NAME_TEXT`] as JS strings, made once per instance: making one (its
    /// UTF-8 decoded by JS) costs more than the call that uses it.
    static NAMES: Names = core::array::from_fn(|i| {
        JsValue::from_str(NAME_TEXT.get(i).copied().unwrap_or_default())
    });
}

/// Whether `value` is a plain object whose own keys are all among `fields`
/// and whose first `required` fields are present: what the generic reader
/// would accept, found out in a few calls. When it is, `out` holds the
/// fields' values, in the order of `fields` (`undefined` for an absent
/// one); when it is not, the caller reads `value` with the generic reader,
/// which says what is wrong. Keys are compared as JS values: no string is
/// copied.
fn quick_fields(
    value: &JsValue,
    fields: &[&JsValue],
    required: usize,
    out: &mut [JsValue],
) -> bool {
    if !value.is_object() || Array::is_array(value) {
        return false;
    }
    for key in Object::keys(value.unchecked_ref::<Object>()).iter() {
        let slot = fields
            .iter()
            .position(|name| **name == key)
            .and_then(|i| out.get_mut(i));
        match slot {
            // Reflect.get only throws for a Proxy with a throwing trap:
            // the field is then absent.
            Some(slot) => *slot = Reflect::get(value, &key).unwrap_or_default(),
            None => return false,
        }
    }
    out.iter().take(required).all(|field| !field.is_undefined())
}

impl FromJs for Method {
    fn from_js(value: &JsValue, at: &At) -> Self {
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
fn criteria(value: &JsValue, at: &At) -> Vec<RankCriterion> {
    let Some(list) = value.dyn_ref::<Array>() else {
        at.invalid_type(value, "a sequence");
        return Vec::new();
    };
    NAMES.with(|names| criteria_list(list, at, names))
}

fn criteria_list(list: &Array, at: &At, names: &Names) -> Vec<RankCriterion> {
    let fields = [&names[ID], &names[DIRECTION], &names[WEIGHT]];
    let (cost, benefit) = (&names[COST], &names[BENEFIT]);
    let mut out = Vec::with_capacity(list.length() as usize);
    for (i, item) in list.iter().enumerate() {
        let mut f = [const { JsValue::UNDEFINED }; 3];
        let quick = if quick_fields(&item, &fields, 1, &mut f) {
            let [id, d, w] = &f;
            // Each test is a call into JS: the common case first.
            let direction = if *d == *benefit || d.is_undefined() {
                Some(Direction::Benefit)
            } else if *d == *cost {
                Some(Direction::Cost)
            } else {
                None
            };
            // Absent or null: weight 1, as the generic reader reads it.
            let weight = match w.as_f64() {
                Some(x) => Some(x),
                None if w.is_undefined() || w.is_null() => Some(1.0),
                None => None,
            };
            match (id.as_string(), direction, weight) {
                (Some(id), Some(direction), Some(weight)) => Some(RankCriterion {
                    id,
                    direction,
                    weight,
                }),
                _ => None,
            }
        } else {
            None
        };
        out.push(match quick {
            Some(criterion) => criterion,
            None => RankCriterion::from_js(&item, &at.index(i as u32)),
        });
    }
    out
}

impl FromJs for RankCriterion {
    fn from_js(value: &JsValue, at: &At) -> Self {
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
        criteria: BulkCriteria,
        values: Vec<f64>,
    },
}

impl FromJs for Numeric {
    fn from_js(value: &JsValue, at: &At) -> Self {
        NAMES.with(|names| {
            let mut f = [const { JsValue::UNDEFINED }; 3];
            let quick = quick_fields(
                value,
                &[&names[OPTIONS], &names[CRITERIA], &names[VALUES]],
                3,
                &mut f,
            );
            if quick {
                let [count, criteria, values] = f;
                return numeric(at, count, criteria, values, names, None);
            }
            let o = Obj::new(
                value,
                at,
                "struct RankInput",
                &["options", "criteria", "values"],
            );
            let (count, criteria) = (o.value("options"), o.value("criteria"));
            numeric(at, count, criteria, o.value("values"), names, Some(&o))
        })
    }
}

/// Reads the numeric form from its three fields; `generic` is the generic
/// reader of the object when it was needed (it then has recorded any
/// unknown field, and reports missing ones).
fn numeric(
    at: &At,
    count: JsValue,
    criteria_value: JsValue,
    values: JsValue,
    names: &Names,
    generic: Option<&Obj>,
) -> Numeric {
    let criteria_at = at.key("criteria");
    let missing_criteria = || {
        if let Some(o) = generic {
            // Records "missing field `criteria`", as the generic reader.
            o.req::<String>("criteria");
        }
    };
    if let Some(n) = count.as_f64() {
        let criteria = if criteria_value.is_undefined() {
            missing_criteria();
            BulkCriteria::Listed(Vec::new())
        } else if let Some(list) = criteria_value.dyn_ref::<Array>() {
            BulkCriteria::Listed(criteria_list(list, &criteria_at, names))
        } else if criteria_value.is_object() {
            columns(&criteria_value, &criteria_at, names)
        } else {
            criteria_at.invalid_type(&criteria_value, "a sequence, or {weights, cost}");
            BulkCriteria::Listed(Vec::new())
        };
        let (options_at, values_at) = (at.key("options"), at.key("values"));
        let options = option_count(n).unwrap_or_else(|error| {
            options_at.fail_with(error);
            0
        });
        let values = match values.dyn_ref::<Float64Array>() {
            Some(flat) => flat.to_vec(),
            None => {
                values_at.fail_with(Error::InvalidInput(vec![Issue::new(
                    values_at.render(),
                    "with a count of options, values must be a Float64Array",
                    "pass count × criteria.length values in one Float64Array, row by row",
                )]));
                Vec::new()
            }
        };
        return Numeric::Count {
            options,
            criteria,
            values,
        };
    }
    let options: Vec<String> = match generic {
        Some(o) => o.req("options"),
        None => FromJs::from_js(&count, &at.key("options")),
    };
    let criteria = if criteria_value.is_undefined() {
        missing_criteria();
        Vec::new()
    } else {
        criteria(&criteria_value, &criteria_at)
    };
    let values = if let Some(flat) = values.dyn_ref::<Float64Array>() {
        rows_of(flat, options.len(), criteria.len(), &at.key("values"))
    } else {
        match generic {
            Some(o) => o.req("values"),
            None => FromJs::from_js(&values, &at.key("values")),
        }
    };
    Numeric::Ids(RankInput {
        options,
        criteria,
        values,
    })
}

/// The bulk form's criteria by position, `{weights: Float64Array, cost?:
/// Uint8Array}` (`cost[c]` 1 for a cost column, 0 for a benefit one; no
/// `cost`: all benefit).
fn columns(value: &JsValue, at: &At, names: &Names) -> BulkCriteria {
    let mut f = [const { JsValue::UNDEFINED }; 2];
    let (weights, cost): (F64s, Option<Cost>) =
        if quick_fields(value, &[&names[WEIGHTS], &names[COST]], 1, &mut f) {
            let [weights, cost] = f;
            (
                FromJs::from_js(&weights, &at.key("weights")),
                FromJs::from_js(&cost, &at.key("cost")),
            )
        } else {
            let o = Obj::new(value, at, "struct ColumnCriteria", &["weights", "cost"]);
            (o.req("weights"), o.or_default("cost"))
        };
    let weights = weights.0;
    let directions = match cost {
        Some(cost) => cost.0,
        None => vec![Direction::Benefit; weights.len()],
    };
    BulkCriteria::Columns {
        weights,
        directions,
    }
}

/// A `Float64Array`, copied.
struct F64s(Vec<f64>);

impl FromJs for F64s {
    fn from_js(value: &JsValue, at: &At) -> Self {
        F64s(match value.dyn_ref::<Float64Array>() {
            Some(array) => array.to_vec(),
            None => {
                at.invalid_type(value, "a Float64Array");
                Vec::new()
            }
        })
    }
}

/// A `Uint8Array` of directions: 0 benefit, 1 cost.
struct Cost(Vec<Direction>);

impl FromJs for Cost {
    fn from_js(value: &JsValue, at: &At) -> Self {
        let Some(array) = value.dyn_ref::<Uint8Array>() else {
            at.invalid_type(value, "a Uint8Array");
            return Cost(Vec::new());
        };
        let bytes = array.to_vec();
        let mut directions = Vec::with_capacity(bytes.len());
        for (c, byte) in bytes.into_iter().enumerate() {
            directions.push(match byte {
                0 => Direction::Benefit,
                1 => Direction::Cost,
                _ => {
                    at.index(c as u32)
                        .fail("invalid value, expected 0 (benefit) or 1 (cost)".to_string());
                    Direction::Benefit
                }
            });
        }
        Cost(directions)
    }
}

/// The result of the bulk form, by position: `{method, weights:
/// Float64Array (criteria order), scores: Float64Array (row order),
/// ranking: Uint32Array (row indices, best first)}`.
pub fn bulk_result(method: Method, r: &ValueRanking) -> JsValue {
    let mut order = vec![0u32; r.order.len()];
    for (slot, &i) in order.iter_mut().zip(&r.order) {
        *slot = i as u32;
    }
    let out = Object::new();
    NAMES.with(|names| {
        let set = |key: &JsValue, value: &JsValue| {
            // Setting a property on a fresh plain object cannot fail.
            let _ = Reflect::set(&out, key, value);
        };
        let name = match method {
            Method::Wsm => &names[WSM],
            Method::Topsis => &names[TOPSIS],
        };
        set(&names[METHOD], name);
        set(&names[WEIGHTS], &Float64Array::from(&r.weights[..]));
        set(&names[SCORES], &Float64Array::from(&r.scores[..]));
        set(&names[RANKING], &Uint32Array::from(&order[..]));
    });
    out.into()
}

/// A flat row-major `Float64Array` of `rows × columns` values, as rows
/// (the shape is checked by the core: [`rows_from_flat`]).
fn rows_of(flat: &Float64Array, rows: usize, columns: usize, at: &At) -> Vec<Vec<f64>> {
    rows_from_flat(&flat.to_vec(), rows, columns).unwrap_or_else(|error| {
        at.fail_with(error);
        Vec::new()
    })
}

/// True when `value` is the numeric form (`{options, criteria, values}`)
/// rather than an author matrix.
pub fn is_numeric(value: &JsValue) -> bool {
    value.is_object()
        && !Array::is_array(value)
        && NAMES.with(|names| Reflect::has(value, &names[VALUES]).unwrap_or(false))
}

/// The settings of `rank`: `{method: "wsm" | "topsis", weights?}`.
pub struct RankSettings {
    pub method: Method,
    pub weights: Option<Map<f64>>,
}

impl FromJs for RankSettings {
    fn from_js(value: &JsValue, at: &At) -> Self {
        NAMES.with(|names| {
            let mut f = [const { JsValue::UNDEFINED }; 2];
            if quick_fields(value, &[&names[METHOD], &names[WEIGHTS]], 1, &mut f) {
                let [method, weights] = f;
                RankSettings {
                    method: if method == names[WSM] {
                        Method::Wsm
                    } else if method == names[TOPSIS] {
                        Method::Topsis
                    } else {
                        Method::from_js(&method, &at.key("method"))
                    },
                    weights: FromJs::from_js(&weights, &at.key("weights")),
                }
            } else {
                let o = Obj::new(value, at, "{method, weights?}", &["method", "weights"]);
                RankSettings {
                    method: o.req("method"),
                    weights: o.or_default("weights"),
                }
            }
        })
    }
}
