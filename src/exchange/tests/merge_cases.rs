//! Merging one file into a register, case by case: new records, newer and
//! older versions, deletions, conflicts and their answers, and a register
//! that changed between the preview and the import.

use super::{device, export_all, import_into, preview_of};
use crate::domain::edit::Edit;
use crate::domain::id::{Id, IdGen};
use crate::domain::person::{Person, Sex};
use crate::domain::record::Version;
use crate::domain::register::{Kind, Register};
use crate::domain::seed::BALASABHA;
use crate::domain::table::Author;
use crate::domain::testkit::{d, today, World};
use crate::domain::time::Timestamp;
use crate::exchange::any_record::AnyRecord;
use crate::exchange::checks::RecordProblem;
use crate::exchange::import::parse;
use crate::exchange::integrity::{issues_touching, Issue};
use crate::exchange::merge::{plan, preview, ApplyError, Choice, Choices, Counts, Unchanged};

/// Device A (the test world, device 3) with a child in a Balasabha, and
/// device B (device 4) that took in A's whole register.
struct Two {
    a: World,
    b: Register,
    b_ids: IdGen,
    child: Id,
    membership: Id,
}

fn two() -> Two {
    let mut a = World::new();
    let child = a.person(Sex::Female, d(2016, 1, 1));
    let group = a.group(BALASABHA);
    let membership = a.join(child, group, d(2026, 1, 10)).unwrap();
    let mut b = Register::default();
    let mut b_ids = IdGen::new(device(4));
    let file = export_all(&a.reg, 3);
    import_into(&mut b, &mut b_ids, &file, &Choices::new(), Timestamp(1));
    Two {
        a,
        b,
        b_ids,
        child,
        membership,
    }
}

fn on_b(t: &mut Two, now: i64) -> Edit<'_> {
    let author = Author {
        device: t.b_ids.device,
        now: Timestamp(now),
    };
    Edit::new(&mut t.b, &mut t.b_ids, author)
}

fn renamed(reg: &Register, id: Id, name: &str) -> Person {
    Person {
        given_name: name.into(),
        ..reg.people.get(id).unwrap().clone()
    }
}

fn given_name(reg: &Register, id: Id) -> Option<String> {
    reg.people.get(id).map(|p| p.given_name.clone())
}

#[test]
fn everything_is_new_to_an_empty_register_and_arrives_whole() {
    let t = two();
    assert_eq!(t.b, t.a.reg, "B now holds exactly what A holds");
    let p = preview_of(&Register::default(), &export_all(&t.a.reg, 3));
    let people_places_programmes_group_membership = 1 + 1 + 6 + 1 + 1;
    assert_eq!(
        p.counts(),
        Counts {
            new: people_places_programmes_group_membership,
            ..Counts::default()
        }
    );
}

#[test]
fn a_newer_version_replaces_the_older_one() {
    let mut t = two();
    let name = renamed(&t.a.reg, t.child, "Asha Rani");
    t.a.edit().update_person(t.child, name).unwrap();
    let file = export_all(&t.a.reg, 3);
    let p = preview_of(&t.b, &file);
    assert_eq!(p.updated.len(), 1);
    assert_eq!(p.updated[0].mine.id(), t.child);
    let touched = import_into(&mut t.b, &mut t.b_ids, &file, &Choices::new(), Timestamp(2));
    assert_eq!(
        touched.into_iter().collect::<Vec<_>>(),
        vec![(Kind::People, t.child)]
    );
    assert_eq!(given_name(&t.b, t.child).as_deref(), Some("Asha Rani"));
}

#[test]
fn an_older_file_changes_nothing_here() {
    let mut t = two();
    let old_file = export_all(&t.a.reg, 3);
    let name = renamed(&t.b, t.child, "Asha B");
    let child = t.child;
    on_b(&mut t, 5).update_person(child, name).unwrap();
    let p = preview_of(&t.b, &old_file);
    assert!(p.changes_nothing());
    assert!(p
        .unchanged
        .contains(&(Kind::People, t.child, Unchanged::MineNewer)));
}

#[test]
fn a_deleted_record_does_not_come_back_from_an_old_file() {
    let mut t = two();
    let old_file = export_all(&t.a.reg, 3);
    let child = t.child;
    on_b(&mut t, 5).delete_person(child, today()).unwrap();
    let before = t.b.clone();
    import_into(
        &mut t.b,
        &mut t.b_ids,
        &old_file,
        &Choices::new(),
        Timestamp(6),
    );
    assert_eq!(t.b, before);
    assert!(t.b.people.get(t.child).is_none());
}

#[test]
fn a_deletion_travels_and_takes_the_ended_membership_with_it() {
    let mut t = two();
    t.a.edit().delete_person(t.child, today()).unwrap();
    let file = export_all(&t.a.reg, 3);
    import_into(&mut t.b, &mut t.b_ids, &file, &Choices::new(), Timestamp(6));
    assert!(t.b.people.record(t.child).unwrap().is_deleted());
    assert_eq!(
        t.b.memberships.get(t.membership).unwrap().left_on,
        Some(today())
    );
    assert_eq!(t.b, t.a.reg);
}

/// A and B both rename the child since they last met.
fn conflicting() -> (Two, String) {
    let mut t = two();
    let name = renamed(&t.a.reg, t.child, "Asha A");
    t.a.edit().update_person(t.child, name).unwrap();
    let name = renamed(&t.b, t.child, "Asha B");
    let child = t.child;
    on_b(&mut t, 5).update_person(child, name).unwrap();
    let file = export_all(&t.a.reg, 3);
    (t, file)
}

#[test]
fn changes_on_both_sides_are_shown_side_by_side() {
    let (t, file) = conflicting();
    let p = preview_of(&t.b, &file);
    assert_eq!(p.counts().conflicts, 1);
    let c = &p.conflicts[0];
    let name = |r: &AnyRecord| match r {
        AnyRecord::Person(r) => r.body.as_ref().unwrap().given_name.clone(),
        _ => panic!("a person"),
    };
    assert_eq!(
        (name(&c.mine), name(&c.theirs)),
        ("Asha B".into(), "Asha A".into())
    );
}

#[test]
fn an_unanswered_conflict_stops_the_whole_import() {
    let (t, file) = conflicting();
    let p = preview_of(&t.b, &file);
    let author = Author {
        device: device(4),
        now: Timestamp(9),
    };
    assert_eq!(
        plan(&p, &Choices::new(), author),
        Err(ApplyError::Unresolved {
            kind: Kind::People,
            id: t.child
        })
    );
}

#[test]
fn either_answer_makes_a_version_both_devices_see_as_newer() {
    for (choice, expected) in [(Choice::KeepMine, "Asha B"), (Choice::TakeTheirs, "Asha A")] {
        let (mut t, file) = conflicting();
        let choices = Choices::from([((Kind::People, t.child), choice)]);
        let theirs = t.a.reg.people.record(t.child).unwrap().clock.clone();
        let mine = t.b.people.record(t.child).unwrap().clock.clone();
        import_into(&mut t.b, &mut t.b_ids, &file, &choices, Timestamp(9));
        let resolved = t.b.people.record(t.child).unwrap();
        assert_eq!(given_name(&t.b, t.child).as_deref(), Some(expected));
        assert_eq!(resolved.clock.compare(&theirs), Version::Newer);
        assert_eq!(resolved.clock.compare(&mine), Version::Newer);
        assert_eq!(resolved.updated, Timestamp(9));

        // Back on A, B's answer is simply newer: no second conflict.
        let back = export_all(&t.b, 4);
        let p = preview_of(&t.a.reg, &back);
        assert_eq!((p.counts().conflicts, p.counts().updated), (0, 1));
        let mut a_ids = t.a.ids.clone();
        import_into(
            &mut t.a.reg,
            &mut a_ids,
            &back,
            &Choices::new(),
            Timestamp(10),
        );
        assert_eq!(t.a.reg, t.b);
    }
}

#[test]
fn a_change_here_after_the_preview_stops_the_import_and_changes_nothing() {
    let mut t = two();
    let name = renamed(&t.a.reg, t.child, "Asha A");
    t.a.edit().update_person(t.child, name).unwrap();
    t.a.woman_aged(30);
    let p = preview(&t.b, parse(&export_all(&t.a.reg, 3)).unwrap());
    let author = Author {
        device: device(4),
        now: Timestamp(9),
    };
    let changes = plan(&p, &Choices::new(), author).unwrap();
    // Meanwhile, in another tab:
    let name = renamed(&t.b, t.child, "Asha B");
    let child = t.child;
    on_b(&mut t, 8).update_person(child, name).unwrap();
    let before = t.b.clone();
    assert_eq!(
        changes.apply_to(&mut t.b, &mut t.b_ids),
        Err(ApplyError::ChangedMeanwhile {
            kind: Kind::People,
            id: t.child
        })
    );
    assert_eq!(t.b, before, "not even the new woman went in");
}

#[test]
fn a_membership_moved_to_another_group_is_not_a_version_of_it() {
    let mut t = two();
    let other = t.a.group(BALASABHA);
    let mut m = t.a.reg.memberships.get(t.membership).unwrap().clone();
    m.group = other;
    let author = Author {
        device: t.a.ids.device,
        now: Timestamp(7),
    };
    t.a.reg.memberships.update(t.membership, m, author).unwrap();
    let p = preview_of(&t.b, &export_all(&t.a.reg, 3));
    let invalid = p
        .invalid
        .iter()
        .find(|i| i.id == Some(t.membership))
        .unwrap();
    assert_eq!(invalid.problems, vec![RecordProblem::MovedToAnotherGroup]);
}

#[test]
fn this_device_never_reuses_an_id_that_came_back_in_a_file() {
    let mut t = two();
    // B's own records come back to B after its id counter was lost.
    let mary = renamed(&t.a.reg, t.child, "Mary");
    let mary = on_b(&mut t, 5).add_person(mary).unwrap();
    let file = export_all(&t.b, 4);
    let mut fresh_ids = IdGen::new(device(4));
    let mut reg = Register::default();
    import_into(
        &mut reg,
        &mut fresh_ids,
        &file,
        &Choices::new(),
        Timestamp(6),
    );
    assert!(fresh_ids.next_id().unwrap() > mary);
}

#[test]
fn a_deletion_that_leaves_a_current_membership_here_is_reported() {
    let mut t = two();
    t.a.edit().delete_person(t.child, today()).unwrap();
    // A file without the membership A ended (as a scoped file may be).
    let mut envelope = parse(&export_all(&t.a.reg, 3)).unwrap();
    envelope.records.retain(|e| e.record.id() != t.membership);
    let p = preview(&t.b, envelope);
    let author = Author {
        device: device(4),
        now: Timestamp(9),
    };
    let touched = plan(&p, &Choices::new(), author)
        .unwrap()
        .apply_to(&mut t.b, &mut t.b_ids)
        .unwrap();
    let issues = issues_touching(&t.b, &touched);
    assert_eq!(issues.len(), 1);
    let Issue::Deleted { kind, id, link } = issues[0] else {
        panic!("{issues:?}")
    };
    assert_eq!(
        (kind, id, link.field, link.id),
        (Kind::Memberships, t.membership, "person", t.child)
    );
}

#[test]
fn two_devices_answering_one_conflict_differently_meet_a_conflict_again() {
    let (mut t, a_file) = conflicting();
    let b_file = export_all(&t.b, 4);
    // B keeps its own name; A, on its side, also keeps its own.
    let keep = Choices::from([((Kind::People, t.child), Choice::KeepMine)]);
    import_into(&mut t.b, &mut t.b_ids, &a_file, &keep, Timestamp(9));
    let mut a_ids = t.a.ids.clone();
    import_into(&mut t.a.reg, &mut a_ids, &b_file, &keep, Timestamp(9));
    // Without a change of their own in each answer the two would carry the
    // same version with different names, and never notice.
    let p = preview_of(&t.a.reg, &export_all(&t.b, 4));
    assert_eq!(p.counts().conflicts, 1);
}

#[test]
fn the_same_deletion_on_both_sides_is_not_a_question() {
    let mut t = two();
    t.a.edit().delete_person(t.child, today()).unwrap();
    let child = t.child;
    on_b(&mut t, 5).delete_person(child, today()).unwrap();
    let a_file = export_all(&t.a.reg, 3);
    let b_file = export_all(&t.b, 4);
    let p = preview_of(&t.b, &a_file);
    assert_eq!(
        p.counts().conflicts,
        0,
        "both deleted the child and ended the membership alike"
    );
    import_into(
        &mut t.b,
        &mut t.b_ids,
        &a_file,
        &Choices::new(),
        Timestamp(9),
    );
    let mut a_ids = t.a.ids.clone();
    import_into(
        &mut t.a.reg,
        &mut a_ids,
        &b_file,
        &Choices::new(),
        Timestamp(9),
    );
    assert_eq!(t.a.reg, t.b, "each side worked out the same version");
    assert!(t.b.people.record(child).unwrap().is_deleted());
}
