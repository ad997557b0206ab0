use super::*;
use crate::domain::person::fixtures::child;
use crate::domain::person::Sex;
use crate::domain::seed::BALASABHA;
use crate::domain::table::Author;
use crate::domain::testkit::{d, today, World};
use crate::exchange::envelope::Scope;
use crate::exchange::export::export;
use crate::exchange::import::parse;
use crate::exchange::merge::preview;
use crate::storage::key_value::MemoryStore;
use crate::storage::repo::Repo;

const T0: i64 = 1_764_300_000;

/// Runs `change` as the app does: an edit at `at`, signed by `by`.
fn signed<R>(w: &mut World, at: i64, by: &str, change: impl FnOnce(&mut Edit) -> R) -> R {
    let author = Author {
        device: w.ids.device,
        now: Timestamp(at),
    };
    let mut edit = Edit::new(&mut w.reg, &mut w.ids, author);
    let out = change(&mut edit);
    edit.sign(by).unwrap();
    out
}

fn entries(w: &World, kind: Kind, id: Id) -> Vec<(i64, Action, String, Vec<String>)> {
    history(&w.reg, kind, id)
        .into_iter()
        .map(|(_, at, c)| (at.0, c.action, c.by.clone(), c.fields.clone()))
        .collect()
}

#[test]
fn adding_changing_and_deleting_a_child_is_recorded_newest_first() {
    let mut w = World::new();
    let id = signed(&mut w, T0, "Priya", |e| {
        e.add_person(child("Asha")).unwrap()
    });
    let mut p = w.reg.people.get(id).unwrap().clone();
    p.village = "Agartala".into();
    p.notes = "Walks 3 km to school".into();
    signed(&mut w, T0 + 60, "Ravi", |e| e.update_person(id, p).unwrap());
    signed(&mut w, T0 + 120, "Priya", |e| {
        e.delete_person(id, today()).unwrap()
    });

    assert_eq!(
        entries(&w, Kind::People, id),
        vec![
            (T0 + 120, Action::Deleted, "Priya".into(), vec![]),
            (
                T0 + 60,
                Action::Changed,
                "Ravi".into(),
                vec!["notes".into(), "village".into()]
            ),
            (T0, Action::Added, "Priya".into(), vec![]),
        ]
    );
}

#[test]
fn the_trail_names_fields_but_keeps_no_value_of_a_deleted_child() {
    let mut w = World::new();
    let id = signed(&mut w, T0, "Priya", |e| {
        e.add_person(child("Lalthanpuii")).unwrap()
    });
    let mut p = w.reg.people.get(id).unwrap().clone();
    p.given_name = "Lalthanpuii Ralte".into();
    signed(&mut w, T0 + 1, "Priya", |e| e.update_person(id, p).unwrap());
    signed(&mut w, T0 + 2, "Priya", |e| {
        e.delete_person(id, today()).unwrap()
    });
    let trail = serde_json::to_string(&w.reg.changes.records().collect::<Vec<_>>()).unwrap();
    assert!(trail.contains("given_name"), "{trail}");
    assert!(!trail.contains("Lalthanpuii"), "{trail}");
}

#[test]
fn saving_a_record_unchanged_records_nothing() {
    let mut w = World::new();
    let id = signed(&mut w, T0, "Priya", |e| {
        e.add_person(child("Asha")).unwrap()
    });
    let same = w.reg.people.get(id).unwrap().clone();
    signed(&mut w, T0 + 60, "Priya", |e| {
        e.update_person(id, same).unwrap()
    });
    assert_eq!(entries(&w, Kind::People, id).len(), 1);
}

#[test]
fn what_a_change_does_to_other_records_is_recorded_on_them() {
    let mut w = World::new();
    let group = w.group(BALASABHA);
    let child_id = w.person(Sex::Female, d(2016, 3, 14));
    let membership = w.join(child_id, group, d(2026, 11, 1)).unwrap();
    signed(&mut w, T0 + 2, "Ravi", |e| {
        e.delete_person(child_id, today()).unwrap()
    });
    let on_membership = entries(&w, Kind::Memberships, membership);
    assert_eq!(on_membership.len(), 1);
    assert_eq!(on_membership[0].1, Action::Changed);
    assert_eq!(on_membership[0].2, "Ravi");
    assert!(on_membership[0].3.contains(&"left_on".to_string()));
}

#[test]
fn an_unsigned_edit_leaves_no_trail_and_a_trail_is_not_itself_recorded() {
    let mut w = World::new();
    let before = w.reg.changes.records().count();
    w.edit().add_person(child("Asha")).unwrap();
    assert_eq!(w.reg.changes.records().count(), before);
    signed(&mut w, T0, "Priya", |e| {
        e.add_person(child("Mina")).unwrap()
    });
    assert_eq!(w.reg.changes.records().count(), before + 1);
}

#[test]
fn the_trail_travels_in_exports_and_is_kept_in_storage() {
    let mut w = World::new();
    let id = signed(&mut w, T0, "Priya", |e| {
        e.add_person(child("Asha")).unwrap()
    });
    let text = export(&w.reg, Scope::All, Timestamp(T0 + 5), w.ids.device).unwrap();
    assert!(text.contains("\"changes\":[{"), "{text}");
    assert!(text.contains("\"by\":\"Priya\""), "{text}");

    // Another device takes it in as new records, with the history.
    let p = preview(&Default::default(), parse(&text).unwrap());
    let entries = p.new.iter().filter(|r| r.kind() == Kind::Changes).count();
    assert_eq!(entries, 1);
    assert_eq!(
        p.counts().new,
        p.new.len() - 1,
        "history lines are not counted"
    );
    let (_, at, change) = {
        let mut reg = crate::domain::register::Register::default();
        for r in p.new.clone() {
            r.put_into(&mut reg);
        }
        let h = history(&reg, Kind::People, id);
        assert_eq!(h.len(), 1);
        (h[0].0, h[0].1, h[0].2.clone())
    };
    assert_eq!(
        (at.0, change.action, change.by.as_str()),
        (T0, Action::Added, "Priya")
    );

    // Storage keeps it like any record.
    let store = {
        let (mut repo, _, _) = Repo::open(MemoryStore::default(), "t", || {
            crate::domain::id::DeviceTag::from_random(9)
        })
        .unwrap();
        let touched = w
            .reg
            .changes
            .records()
            .map(|r| (Kind::Changes, r.id))
            .chain(std::iter::once((Kind::People, id)))
            .collect();
        repo.commit(&w.reg, &touched).unwrap();
        repo.store().clone()
    };
    let (_, reg, _) =
        Repo::open(store, "t", || crate::domain::id::DeviceTag::from_random(9)).unwrap();
    assert_eq!(history(&reg, Kind::People, id).len(), 1);
}
