//! Shared by the native golden test and the wasm tests: the golden cases and
//! a JSON comparison that treats `2` and `2.0` as the same number.

use serde_json::Value;

/// The default matrix, as JSON text.
pub const MATRIX: &str = include_str!("../../data/node-vs-python.json");
/// Named answer sets.
pub const CASES: &str = include_str!("../golden/cases.json");
/// The native engine's results for `CASES`, in the same order.
pub const RESULTS: &str = include_str!("../golden/results.json");

/// Structural equality, numbers compared as f64 bit patterns; returns the
/// path of the first difference.
pub fn diff(a: &Value, b: &Value, path: &str) -> Option<String> {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            let (x, y) = (x.as_f64()?, y.as_f64()?);
            (x.to_bits() != y.to_bits()).then(|| format!("{path}: {x} vs {y}"))
        }
        (Value::Array(x), Value::Array(y)) => {
            if x.len() != y.len() {
                return Some(format!("{path}: {} vs {} items", x.len(), y.len()));
            }
            x.iter()
                .zip(y)
                .enumerate()
                .find_map(|(i, (x, y))| diff(x, y, &format!("{path}[{i}]")))
        }
        (Value::Object(x), Value::Object(y)) => {
            if x.len() != y.len() {
                return Some(format!(
                    "{path}: keys {:?} vs {:?}",
                    x.keys().collect::<Vec<_>>(),
                    y.keys().collect::<Vec<_>>()
                ));
            }
            x.iter().find_map(|(k, v)| match y.get(k) {
                Some(w) => diff(v, w, &format!("{path}.{k}")),
                None => Some(format!("{path}.{k}: missing")),
            })
        }
        _ => (a != b).then(|| format!("{path}: {a} vs {b}")),
    }
}
