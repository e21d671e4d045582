//! Lists whose items are checked while they are parsed, so a bad item is reported with its own
//! line, column and key path (`classes.auth.signals[0]`), as an unknown key is. No section types here.

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use std::collections::HashSet;
use std::fmt;
use std::marker::PhantomData;

/// A list item that can be checked on its own.
pub(crate) trait Check {
    /// What the item is, as serde's derive names it in "invalid type" errors (`struct Signal`).
    const EXPECTING: &'static str;
    /// `Err(message)` when the item is invalid. `ids` holds what earlier items of the same list
    /// recorded (their ids, for lists whose ids must be unique).
    fn check(&self, ids: &mut HashSet<String>) -> Result<(), String>;
}

/// For `#[serde(deserialize_with = "checked::list")]`: a list of `T`, each item checked by
/// `T::check` inside its own mapping, where the YAML deserialiser knows its position.
pub(crate) fn list<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Check,
{
    d.deserialize_seq(ListVisitor(PhantomData))
}

struct ListVisitor<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de> + Check> Visitor<'de> for ListVisitor<T> {
    type Value = Vec<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a sequence")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
        let mut ids = HashSet::new();
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(item) = seq.next_element_seed(Item {
            ids: &mut ids,
            item: PhantomData,
        })? {
            out.push(item);
        }
        Ok(out)
    }
}

struct Item<'a, T> {
    ids: &'a mut HashSet<String>,
    item: PhantomData<T>,
}

impl<'de, T: Deserialize<'de> + Check> DeserializeSeed<'de> for Item<'_, T> {
    type Value = T;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<T, D::Error> {
        // The check runs inside the item's own `visit_map`, so the deserialiser attaches the
        // item's position and path to its error, as it does for the item's unknown keys.
        d.deserialize_map(self)
    }
}

impl<'de, T: Deserialize<'de> + Check> Visitor<'de> for Item<'_, T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(T::EXPECTING)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        let item = T::deserialize(de::value::MapAccessDeserializer::new(map))?;
        item.check(self.ids).map_err(de::Error::custom)?;
        Ok(item)
    }
}
