//! [`Map`]: id → value, ordered by id, for the engine's small maps (choice
//! weights, answers, result scores).
//!
//! Natively it is `std::collections::BTreeMap<String, V>`. The wasm build
//! uses [`IdMap`] instead, a `Vec` of pairs kept sorted by id: the same
//! iteration order and the same JSON, but none of BTreeMap's node code
//! (insert, split, search, drop and clone, once per value type), which is
//! large in the `.wasm` for maps of a few dozen entries (size: see
//! `crate::small`). Code built for both targets uses only what both have:
//! `new`, `insert`, `get`, `contains_key`, `iter`, `keys`, `values`, `len`,
//! `is_empty`, indexing, `for … in &map` and `collect`.

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, Serializer};
use std::fmt;
use std::marker::PhantomData;

/// Id → value, ordered by id: `BTreeMap<String, V>` natively, [`IdMap`] in
/// the wasm build.
#[cfg(not(target_arch = "wasm32"))]
pub type Map<V> = std::collections::BTreeMap<String, V>;

/// Id → value, ordered by id: `BTreeMap<String, V>` natively, [`IdMap`] in
/// the wasm build.
#[cfg(target_arch = "wasm32")]
pub type Map<V> = IdMap<V>;

/// A map from ids to values, kept as a `Vec` sorted by id. Lookups and
/// inserts are binary searches; an insert shifts the entries after it,
/// which is cheap for the few dozen entries the engine's maps hold.
#[derive(Debug, Clone, PartialEq)]
pub struct IdMap<V> {
    entries: Vec<(String, V)>,
}

impl<V> Default for IdMap<V> {
    fn default() -> Self {
        IdMap {
            entries: Vec::new(),
        }
    }
}

impl<V> IdMap<V> {
    /// An empty map.
    pub fn new() -> Self {
        Self::default()
    }

    fn find(&self, id: &str) -> Result<usize, usize> {
        self.entries.binary_search_by(|(k, _)| k.as_str().cmp(id))
    }

    /// Sets `id` to `value`, returning the value it replaces.
    pub fn insert(&mut self, id: String, value: V) -> Option<V> {
        match self.find(&id) {
            Ok(i) => self
                .entries
                .get_mut(i)
                .map(|entry| std::mem::replace(&mut entry.1, value)),
            Err(i) => {
                self.entries.insert(i, (id, value));
                None
            }
        }
    }

    /// The value of `id`.
    pub fn get(&self, id: &str) -> Option<&V> {
        let i = self.find(id).ok()?;
        self.entries.get(i).map(|(_, v)| v)
    }

    /// True when `id` has a value.
    pub fn contains_key(&self, id: &str) -> bool {
        self.find(id).is_ok()
    }

    /// The entries, ordered by id.
    pub fn iter(&self) -> Iter<'_, V> {
        self.entries.iter().map(|(k, v)| (k, v))
    }

    /// The ids, in order.
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.entries.iter().map(|(k, _)| k)
    }

    /// The values, ordered by id.
    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.entries.iter().map(|(_, v)| v)
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// The iterator of [`IdMap::iter`].
pub type Iter<'a, V> =
    std::iter::Map<std::slice::Iter<'a, (String, V)>, fn(&'a (String, V)) -> (&'a String, &'a V)>;

/// `map["id"]`, which panics when `id` has no value (as `BTreeMap` does): for
/// callers that know the id is there, never for input.
impl<V> std::ops::Index<&str> for IdMap<V> {
    type Output = V;

    fn index(&self, id: &str) -> &V {
        self.get(id).expect("no entry found for key")
    }
}

impl<'a, V> IntoIterator for &'a IdMap<V> {
    type Item = (&'a String, &'a V);
    type IntoIter = Iter<'a, V>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<V> IntoIterator for IdMap<V> {
    type Item = (String, V);
    type IntoIter = std::vec::IntoIter<(String, V)>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

/// Later pairs replace earlier ones with the same id, as in `BTreeMap`.
impl<V> FromIterator<(String, V)> for IdMap<V> {
    fn from_iter<I: IntoIterator<Item = (String, V)>>(pairs: I) -> Self {
        let mut map = IdMap::new();
        for (id, value) in pairs {
            map.insert(id, value);
        }
        map
    }
}

/// A JSON object, keys in order (as `BTreeMap` writes it).
impl<V: Serialize> Serialize for IdMap<V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.entries.len()))?;
        for (id, value) in &self.entries {
            map.serialize_entry(id, value)?;
        }
        map.end()
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for IdMap<V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct IdMapVisitor<V>(PhantomData<V>);

        impl<'de, V: Deserialize<'de>> Visitor<'de> for IdMapVisitor<V> {
            type Value = IdMap<V>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<IdMap<V>, A::Error> {
                let mut map = IdMap::new();
                while let Some((id, value)) = access.next_entry()? {
                    map.insert(id, value);
                }
                Ok(map)
            }
        }

        deserializer.deserialize_map(IdMapVisitor(PhantomData))
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::IdMap;
    use std::collections::BTreeMap;

    /// Same pairs in, same order and values out as `BTreeMap`.
    #[test]
    fn behaves_like_a_btreemap() {
        let ids = ["b", "a", "c-1", "c", "", "a", "é", "B", "b"];
        let mut ours = IdMap::new();
        let mut std = BTreeMap::new();
        for (n, id) in ids.iter().enumerate() {
            assert_eq!(
                ours.insert(id.to_string(), n),
                std.insert(id.to_string(), n)
            );
        }
        assert!(ours.iter().eq(std.iter()));
        assert_eq!(ours.len(), std.len());
        assert_eq!(ours["a"], std["a"]);
        for id in ids.iter().chain(&["zz", "a-"]) {
            assert_eq!(ours.get(id), std.get(*id));
            assert_eq!(ours.contains_key(id), std.contains_key(*id));
        }
        let collected: IdMap<usize> = std.clone().into_iter().rev().collect();
        assert!(collected.into_iter().eq(std.into_iter()));
    }

    #[test]
    fn serializes_like_a_btreemap() {
        let pairs = [("z", 1.5), ("a", 2.0), ("m", -0.25)];
        let ours: IdMap<f64> = pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect();
        let std: BTreeMap<String, f64> = pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect();
        let json = serde_json::to_string(&ours).unwrap();
        assert_eq!(json, serde_json::to_string(&std).unwrap());
        let back: IdMap<f64> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, ours);
    }

    /// The ids and values in id order, `for … in &map`, emptiness, and what
    /// a JSON value other than an object is refused with, as `BTreeMap`.
    #[test]
    fn keys_values_and_emptiness_like_a_btreemap() {
        let mut ours = IdMap::new();
        let mut std = BTreeMap::new();
        assert!(ours.is_empty());
        for (n, id) in ["b", "a", "c"].iter().enumerate() {
            ours.insert(id.to_string(), n);
            std.insert(id.to_string(), n);
        }
        assert!(!ours.is_empty());
        assert_eq!(ours.keys().collect::<Vec<_>>(), ["a", "b", "c"]);
        assert_eq!(ours.values().collect::<Vec<_>>(), [&1, &0, &2]);
        assert!(ours.keys().eq(std.keys()) && ours.values().eq(std.values()));
        let mut seen = Vec::new();
        for (id, n) in &ours {
            seen.push((id.as_str(), *n));
        }
        assert_eq!(seen, [("a", 1), ("b", 0), ("c", 2)]);
        for json in ["[1]", "2"] {
            let ours = serde_json::from_str::<IdMap<u8>>(json).unwrap_err();
            let std = serde_json::from_str::<BTreeMap<String, u8>>(json).unwrap_err();
            assert_eq!(ours.to_string(), std.to_string());
            assert!(ours.to_string().contains("expected a map"), "{ours}");
        }
    }
}
