//! How the wasm build reads a matrix and answers from JS: one line per field,
//! mirroring the serde attributes in `src/model.rs` (`req` for a required
//! field, `or_default` for `#[serde(default)]`). A field added to a model
//! struct fails to compile here until it is listed, so the two cannot drift.

use super::object::Obj;
use super::read::{variant, At, FromJs};
use crate::answers::AnswerValue;
use crate::model::{
    Choice, Citation, Condition, ConfidenceThresholds, Criterion, Direction, Dispute, DisputeSide,
    GuidanceItem, GuidanceKind, GuidanceSection, HybridGroup, Matrix, OptionDef, PriorityItem,
    Question, QuestionKind, Rule, RuleKind, Score, Source, SplitPart,
};
use wasm_bindgen::JsValue;

/// `FromJs` for a struct with named fields: `field: req` or
/// `field: or_default`, and `field as "json-name": …` for a renamed field.
macro_rules! from_js_struct {
    ($ty:ident { $($field:ident $(as $name:literal)? : $how:ident),* $(,)? }) => {
        impl FromJs for $ty {
            fn from_js(value: &JsValue, at: &At) -> Self {
                let o = Obj::new(
                    value,
                    at,
                    concat!("struct ", stringify!($ty)),
                    &[$(from_js_struct!(@name $field $($name)?)),*],
                );
                $ty {
                    $($field: o.$how(from_js_struct!(@name $field $($name)?)),)*
                }
            }
        }
    };
    (@name $field:ident) => { stringify!($field) };
    (@name $field:ident $name:literal) => { $name };
}

/// `FromJs` for a unit enum written as a lowercase string.
macro_rules! from_js_enum {
    ($ty:ident { $($name:literal => $variant:ident),* $(,)? }) => {
        impl FromJs for $ty {
            fn from_js(value: &JsValue, at: &At) -> Self {
                let all = [$($ty::$variant),*];
                all.get(variant(value, at, &[$($name),*]))
                    .copied()
                    .unwrap_or(all[0])
            }
        }
    };
}

from_js_struct!(Matrix {
    schema as "$schema": or_default,
    version: req,
    id: req,
    title: req,
    options: req,
    criteria: req,
    scores: req,
    sources: or_default,
    questions: or_default,
    rules: or_default,
    disputes: or_default,
    confidence: or_default,
});

from_js_struct!(OptionDef {
    id: req,
    label: req,
    summary: or_default,
    guidance: or_default,
});

from_js_struct!(GuidanceSection {
    id: req,
    kind: req,
    title: req,
    items: or_default,
    language: or_default,
    code: or_default,
    note: or_default,
    sources: or_default,
});

from_js_enum!(GuidanceKind { "list" => List, "code" => Code });

from_js_struct!(GuidanceItem {
    label: or_default,
    text: req,
    sources: req,
});

from_js_enum!(Direction { "benefit" => Benefit, "cost" => Cost });

from_js_struct!(Criterion {
    id: req,
    label: req,
    description: or_default,
    direction: or_default,
    weight: or_default,
    evidence: or_default,
    segment: or_default,
});

from_js_struct!(Citation {
    source: req,
    section: or_default,
    text: req,
});

from_js_struct!(Score {
    option: req,
    criterion: req,
    value: req,
    low: or_default,
    high: or_default,
    sources: or_default,
});

from_js_struct!(Source {
    id: req,
    title: req,
    publisher: req,
    date: req,
    url: or_default,
    sponsored: or_default,
    note: or_default,
});

from_js_enum!(QuestionKind {
    "single" => Single,
    "multi" => Multi,
    "priorities" => Priorities,
});

from_js_struct!(Question {
    id: req,
    kind: req,
    label: req,
    help: or_default,
    choices: or_default,
    items: or_default,
});

from_js_struct!(Choice {
    id: req,
    label: req,
    weights: or_default,
});

from_js_struct!(PriorityItem {
    id: req,
    label: req,
    criteria: req,
    default: or_default,
});

from_js_struct!(Condition {
    question: req,
    choice: req,
});

from_js_struct!(Rule {
    id: req,
    kind: req,
    text: req,
    sources: or_default,
    when: or_default,
    option: or_default,
    within: or_default,
    groups: or_default,
    split: or_default,
    label: or_default,
    guidance: or_default,
});

from_js_enum!(RuleKind { "override" => Override, "hybrid" => Hybrid });

from_js_struct!(HybridGroup {
    option: req,
    criteria: req,
    min_weight: req,
    lead_weight: or_default,
});

from_js_struct!(SplitPart {
    option: req,
    role: req,
});

from_js_struct!(Dispute {
    id: req,
    topic: req,
    when: or_default,
    sides: req,
});

from_js_struct!(DisputeSide {
    option: req,
    source: req,
    section: or_default,
    text: req,
});

from_js_struct!(ConfidenceThresholds {
    clear: req,
    lean: req,
});

/// One answer, as `AnswerValue`'s serde visitor reads it: a string, a list
/// of strings, an object of numbers, a number, or `null`.
impl FromJs for AnswerValue {
    fn from_js(value: &JsValue, at: &At) -> Self {
        if value.is_null() || value.is_undefined() {
            AnswerValue::Unset
        } else if let Some(s) = value.as_string() {
            AnswerValue::One(s)
        } else if let Some(n) = value.as_f64() {
            AnswerValue::Number(n)
        } else if js_sys::Array::is_array(value) {
            AnswerValue::Many(FromJs::from_js(value, at))
        } else if value.is_object() {
            AnswerValue::Levels(FromJs::from_js(value, at))
        } else {
            at.invalid_type(
                value,
                "a choice id, a list of choice ids, an object of id → number, or a number",
            );
            AnswerValue::Unset
        }
    }
}
