//! Reading JS objects: their members in a fixed few calls into JS, a map
//! of them ([`Map`]), and a struct's fields ([`Obj`]).

use super::read::{one_of, At, FromJs};
use crate::error::clip;
use crate::map::Map;
use crate::small::split_at_byte;
use js_sys::{Array, Object};
use wasm_bindgen::{JsCast, JsValue};

/// A plain object whose values are all `T` (`undefined` values are skipped).
impl<T: FromJs> FromJs for Map<T> {
    fn from_js(value: &JsValue, at: &At) -> Self {
        let mut map = Map::new();
        match plain_object(value) {
            Some(object) => {
                for (key, item) in members(object) {
                    let parsed = T::from_js(&item, &at.key(&key));
                    map.insert(key, parsed);
                }
            }
            None => at.invalid_type(value, "a map"),
        }
        map
    }
}

fn plain_object(value: &JsValue) -> Option<&Object> {
    (value.is_object() && !Array::is_array(value)).then(|| value.unchecked_ref())
}

/// Joins an object's keys into one string for the trip into wasm: a control
/// character that keys hardly ever hold. A key that holds it makes the
/// split miscount, and the keys are then read one by one.
const KEY_SEPARATOR: &str = "\u{1f}";
const KEY_SEPARATOR_BYTE: u8 = 0x1f;

/// The own enumerable members of `object` whose value is not `undefined`.
///
/// Calls into JS are what reading costs (a cold page's first read of the
/// built-in matrix made 7,600 of them, half its time), so an object takes a
/// fixed few, not a few per member: `Object.keys` joined into one string,
/// `Object.values` (same order), and one `indexOf(undefined)` that is
/// almost always -1; then one `get` per value.
fn members(object: &Object) -> Vec<(String, JsValue)> {
    let keys = Object::keys(object);
    let count = keys.length();
    let mut out = Vec::new();
    if count == 0 {
        return out;
    }
    let values = Object::values(object);
    let joined = String::from(keys.join(KEY_SEPARATOR));
    let split = split_at_byte(&joined, KEY_SEPARATOR_BYTE);
    let some_undefined = values.index_of(&JsValue::UNDEFINED, 0) >= 0;
    for i in 0..count {
        let value = values.get(i);
        if some_undefined && value.is_undefined() {
            continue;
        }
        let key = match split.get(i as usize) {
            Some(key) if split.len() == count as usize => (*key).to_string(),
            _ => keys.get(i).as_string().unwrap_or_default(),
        };
        out.push((key, value));
    }
    out
}

/// A JS object being read as a struct with a fixed set of fields.
pub struct Obj<'a> {
    /// The object's members, read once; `None` when it is not an object.
    members: Option<Vec<(String, JsValue)>>,
    at: &'a At<'a>,
}

impl<'a> Obj<'a> {
    /// Checks that `value` is a plain object whose keys are all in `fields`
    /// (else records `invalid type` or `unknown field`, and every field then
    /// reads as absent). `what` is serde's name for the type, e.g.
    /// `struct Matrix`.
    pub fn new(value: &'a JsValue, at: &'a At<'a>, what: &str, fields: &[&str]) -> Self {
        let members = plain_object(value).map(members);
        match &members {
            None => at.invalid_type(value, what),
            Some(members) => {
                for (key, _) in members {
                    if !fields.contains(&key.as_str()) {
                        at.key(key).fail(format!(
                            "unknown field `{}`, expected {}",
                            clip(key),
                            one_of(fields)
                        ));
                    }
                }
            }
        }
        Obj { members, at }
    }

    /// A field that must be present (else records `missing field` at the
    /// object's path).
    ///
    /// Never inlined, like [`Obj::or_default`]: it is called from every
    /// struct reader (size: see `crate::small`).
    #[inline(never)]
    pub fn req<T: FromJs>(&self, name: &str) -> T {
        let absent = JsValue::UNDEFINED;
        let found = self.field(name, true);
        // Absent (recorded as missing), or its object is no object (recorded
        // as such): the `undefined` read in its place adds nothing.
        let muted = &self.at.problems.muted;
        let was = muted.get();
        muted.set(was || found.is_none());
        let value = T::from_js(found.unwrap_or(&absent), &self.at.key(name));
        muted.set(was);
        value
    }

    /// A field that may be left out (serde's `#[serde(default)]`).
    #[inline(never)]
    pub fn or_default<T: FromJs + Default>(&self, name: &str) -> T {
        match self.field(name, false) {
            None => T::default(),
            Some(value) => T::from_js(value, &self.at.key(name)),
        }
    }

    /// The field's value as it is, `undefined` when absent: for a reader
    /// that looks at a value before choosing how to read it.
    pub fn value(&self, name: &str) -> JsValue {
        self.field(name, false)
            .cloned()
            .unwrap_or(JsValue::UNDEFINED)
    }

    /// The field's value, `None` when absent (members never hold
    /// `undefined`). A missing required field is recorded here.
    fn field(&self, name: &str, required: bool) -> Option<&JsValue> {
        let members = self.members.as_ref()?;
        let found = members
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value);
        if required && found.is_none() {
            self.at.fail(format!("missing field `{name}`"));
        }
        found
    }
}
