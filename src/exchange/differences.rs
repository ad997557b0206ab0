//! What differs between two versions of one record: the top-level fields
//! of their bodies, in the order the record declares them, with each
//! side's value. The import preview shows a conflict with these; turning
//! keys into labels and values into text is `i18n::record_fields`'s job.

use super::any_record::AnyRecord;
use serde::de::{Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use serde_json::Value;
use std::fmt;

/// One field that differs. A side is `None` where that version has no
/// such field: it was deleted, or (from an older file) never had it.
#[derive(Clone, Debug, PartialEq)]
pub struct Difference {
    /// The field's key as records are written in exchange files
    /// (`given_name`, `village`…).
    pub field: String,
    pub mine: Option<Value>,
    pub theirs: Option<Value>,
}

/// A JSON object's members in the order they were written. `serde_json`
/// here keeps maps sorted by key, which would list a person's `birth`
/// before their `given_name`.
struct Ordered(Vec<(String, Value)>);

impl<'de> Deserialize<'de> for Ordered {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Members;
        impl<'de> Visitor<'de> for Members {
            type Value = Ordered;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Ordered, A::Error> {
                let mut out = Vec::new();
                while let Some(member) = map.next_entry::<String, Value>()? {
                    out.push(member);
                }
                Ok(Ordered(out))
            }
        }
        d.deserialize_map(Members)
    }
}

/// The top-level fields of a record's body in declaration order; `None`
/// for a deleted record (or a body that is not an object).
pub fn fields(r: &AnyRecord) -> Option<Vec<(String, Value)>> {
    serde_json::from_str::<Ordered>(&r.body_json()?)
        .ok()
        .map(|o| o.0)
}

/// The fields whose values differ between `mine` and `theirs`: `mine`'s
/// fields in order, then any only `theirs` has. A deleted side differs in
/// every field of the other; two deleted versions differ in none.
pub fn differences(mine: &AnyRecord, theirs: &AnyRecord) -> Vec<Difference> {
    between(fields(mine).as_deref(), fields(theirs).as_deref())
}

/// [`differences`] over two lists of fields (`None` = deleted), used also
/// for a nested object such as a programme's rules.
pub fn between(
    mine: Option<&[(String, Value)]>,
    theirs: Option<&[(String, Value)]>,
) -> Vec<Difference> {
    let (a, b) = (mine.unwrap_or_default(), theirs.unwrap_or_default());
    let find = |list: &[(String, Value)], key: &str| {
        list.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone())
    };
    let mut out: Vec<Difference> = a
        .iter()
        .map(|(k, v)| Difference {
            field: k.clone(),
            mine: Some(v.clone()),
            theirs: find(b, k),
        })
        .chain(
            b.iter()
                .filter(|(k, _)| find(a, k).is_none())
                .map(|(k, v)| Difference {
                    field: k.clone(),
                    mine: None,
                    theirs: Some(v.clone()),
                }),
        )
        .collect();
    out.retain(|d| d.mine != d.theirs);
    out
}

/// The members of a JSON object, for comparing nested objects with
/// [`between`]; `None` if `v` is not an object. (A `Value` keeps them
/// sorted by key, so that is their order.)
pub fn members(v: &Value) -> Option<Vec<(String, Value)>> {
    let map = v.as_object()?;
    Some(map.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::record::Record;
    use crate::domain::testkit::{d, World};
    use crate::exchange::any_record::AnyRecord;
    use serde_json::json;

    fn person(w: &World, id: crate::domain::id::Id) -> Record<crate::domain::person::Person> {
        w.reg.people.record(id).unwrap().clone()
    }

    #[test]
    fn only_the_fields_changed_are_listed_with_both_values() {
        let mut w = World::new();
        let id = w.person(crate::domain::person::Sex::Female, d(2016, 3, 14));
        let mine = person(&w, id);
        let mut theirs = mine.clone();
        let body = theirs.body.as_mut().unwrap();
        body.village = "Bero".into();
        body.notes = "Came back".into();
        let found = differences(&AnyRecord::Person(mine.clone()), &AnyRecord::Person(theirs));
        let keys: Vec<&str> = found.iter().map(|d| d.field.as_str()).collect();
        assert_eq!(keys, ["village", "notes"]);
        assert_eq!(
            found[0].mine,
            Some(json!(mine.body.as_ref().unwrap().village))
        );
        assert_eq!(found[0].theirs, Some(json!("Bero")));
        assert_eq!(found[1].theirs, Some(json!("Came back")));
    }

    #[test]
    fn the_same_record_has_no_differences() {
        let mut w = World::new();
        let id = w.person(crate::domain::person::Sex::Male, d(2015, 1, 1));
        let r = AnyRecord::Person(person(&w, id));
        assert!(differences(&r, &r.clone()).is_empty());
    }

    #[test]
    fn fields_come_in_the_order_the_record_declares_them() {
        let mut w = World::new();
        let id = w.person(crate::domain::person::Sex::Male, d(2015, 1, 1));
        let keys: Vec<String> = fields(&AnyRecord::Person(person(&w, id)))
            .unwrap()
            .into_iter()
            .map(|(k, _)| k)
            .collect();
        assert_eq!(keys.first().map(String::as_str), Some("given_name"));
        assert_eq!(keys.get(1).map(String::as_str), Some("family_name"));
        assert_eq!(keys.last().map(String::as_str), Some("notes"));
    }

    #[test]
    fn a_deleted_side_differs_in_every_field_of_the_other() {
        let mut w = World::new();
        let id = w.person(crate::domain::person::Sex::Female, d(2016, 3, 14));
        let live = person(&w, id);
        let mut gone = live.clone();
        gone.body = None;
        let n = fields(&AnyRecord::Person(live.clone())).unwrap().len();
        let found = differences(
            &AnyRecord::Person(live.clone()),
            &AnyRecord::Person(gone.clone()),
        );
        assert_eq!(found.len(), n);
        assert!(found.iter().all(|d| d.mine.is_some() && d.theirs.is_none()));
        let found = differences(&AnyRecord::Person(gone.clone()), &AnyRecord::Person(live));
        assert!(found.iter().all(|d| d.mine.is_none() && d.theirs.is_some()));
        let both = differences(&AnyRecord::Person(gone.clone()), &AnyRecord::Person(gone));
        assert!(both.is_empty());
    }

    #[test]
    fn a_field_only_one_side_has_is_listed_after_the_others() {
        let a = members(&json!({"b": 1, "a": 2})).unwrap();
        let b = members(&json!({"b": 1, "a": 3, "c": 4})).unwrap();
        let found = between(Some(&a), Some(&b));
        assert_eq!(
            found,
            [
                Difference {
                    field: "a".into(),
                    mine: Some(json!(2)),
                    theirs: Some(json!(3))
                },
                Difference {
                    field: "c".into(),
                    mine: None,
                    theirs: Some(json!(4))
                },
            ]
        );
        assert_eq!(members(&json!([1, 2])), None);
    }
}
