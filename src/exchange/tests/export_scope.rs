//! What an export holds, for everything and for one place, group or
//! programme, and that the same register always gives the same file.

use super::{device, export_all, json_of, EXPORTED_AT};
use crate::domain::group::{Group, GroupStatus};
use crate::domain::id::Id;
use crate::domain::person::Sex;
use crate::domain::place::{Level, Place};
use crate::domain::register::Kind;
use crate::domain::seed::{AUXILIARY_GROUP, BALASABHA, BAL_ASHRAM};
use crate::domain::table::Author;
use crate::domain::testkit::{d, World};
use crate::domain::time::Timestamp;
use crate::exchange::any_record::{ids_in, AnyRecord};
use crate::exchange::envelope::Scope;
use crate::exchange::export::{export, select, ScopeNotFound};
use crate::exchange::import::parse;

/// Tripura › Sepahijala › Bishalgarh › ward A and ward B; a Balasabha in
/// ward A with two children, a mentor and a meeting; an auxiliary group in
/// ward B with one woman; and someone in no group.
struct Map {
    w: World,
    state: Id,
    district: Id,
    ward_a: Id,
    ward_b: Id,
    balasabha: Id,
    auxiliary: Id,
    children: [Id; 2],
    mentor: Id,
    woman: Id,
    loner: Id,
    ended: Id,
}

fn place(w: &mut World, name: &str, level: Level, parent: Option<Id>) -> Id {
    let p = Place {
        name: name.into(),
        level,
        parent,
    };
    w.edit().add_place(p).unwrap()
}

fn group(w: &mut World, programme: Id, place: Id, mentor: Option<Id>) -> Id {
    let g = Group {
        name: "Group".into(),
        programme,
        place,
        formed_on: d(2020, 1, 1),
        status: GroupStatus::Active,
        mentor,
        course: None,
        notes: String::new(),
    };
    w.edit().add_group(g).unwrap()
}

fn map() -> Map {
    let mut w = World::new();
    let state = place(&mut w, "Tripura", Level::State, None);
    let district = place(&mut w, "Sepahijala", Level::District, Some(state));
    let block = place(&mut w, "Bishalgarh", Level::Block, Some(district));
    let ward_a = place(&mut w, "Ward A", Level::Ward, Some(block));
    let ward_b = place(&mut w, "Ward B", Level::Ward, Some(block));
    let mentor = w.woman_aged(35);
    let balasabha = group(&mut w, BALASABHA, ward_a, Some(mentor));
    let auxiliary = group(&mut w, AUXILIARY_GROUP, ward_b, None);
    let children = [
        w.person(Sex::Female, d(2016, 1, 1)),
        w.person(Sex::Male, d(2015, 1, 1)),
    ];
    for child in children {
        w.join(child, balasabha, d(2026, 1, 10)).unwrap();
    }
    w.meet(balasabha, d(2026, 2, 1), &[]).unwrap();
    let woman = w.woman_aged(25);
    w.join(woman, auxiliary, d(2026, 1, 10)).unwrap();
    let loner = w.woman_aged(50);
    // A membership of a child whose record was deleted, then the membership
    // deleted too: only its tombstone is left.
    let extra = w.person(Sex::Female, d(2017, 1, 1));
    let ended = w.join(extra, balasabha, d(2026, 3, 1)).unwrap();
    w.edit().delete_person(extra, d(2026, 3, 2)).unwrap();
    let author = Author {
        device: w.ids.device,
        now: Timestamp(1_764_300_100),
    };
    w.reg.memberships.delete(ended, author).unwrap();
    Map {
        w,
        state,
        district,
        ward_a,
        ward_b,
        balasabha,
        auxiliary,
        children,
        mentor,
        woman,
        loner,
        ended,
    }
}

fn ids(m: &Map, scope: Scope, kind: Kind) -> Vec<Id> {
    let chosen = select(&m.w.reg, scope).unwrap();
    chosen
        .into_iter()
        .filter(|(k, _)| *k == kind)
        .map(|(_, id)| id)
        .collect()
}

fn sorted(mut v: Vec<Id>) -> Vec<Id> {
    v.sort_unstable();
    v
}

#[test]
fn a_district_brings_its_places_path_groups_members_and_programmes() {
    let m = map();
    let scope = Scope::Place(m.district);
    let places = ids(&m, scope, Kind::Places);
    assert!(places.contains(&m.state), "the path up to the state");
    assert!(places.contains(&m.ward_a) && places.contains(&m.ward_b));
    assert!(!places.contains(&m.w.ward), "not a place elsewhere");
    assert_eq!(
        ids(&m, scope, Kind::Groups),
        sorted(vec![m.balasabha, m.auxiliary])
    );
    assert_eq!(
        ids(&m, scope, Kind::Programmes),
        sorted(vec![BALASABHA, AUXILIARY_GROUP])
    );
    let people = ids(&m, scope, Kind::People);
    for p in [m.children[0], m.children[1], m.mentor, m.woman] {
        assert!(people.contains(&p));
    }
    assert!(!people.contains(&m.loner), "not someone in no group there");
}

#[test]
fn a_ward_leaves_out_its_neighbour() {
    let m = map();
    let scope = Scope::Place(m.ward_a);
    assert!(!ids(&m, scope, Kind::Places).contains(&m.ward_b));
    assert_eq!(ids(&m, scope, Kind::Groups), vec![m.balasabha]);
    assert!(!ids(&m, scope, Kind::People).contains(&m.woman));
}

#[test]
fn a_group_brings_its_deleted_membership_found_by_anchor() {
    let m = map();
    let scope = Scope::Group(m.balasabha);
    let memberships = ids(&m, scope, Kind::Memberships);
    assert_eq!(memberships.len(), 3);
    assert!(memberships.contains(&m.ended), "found by its anchor");
    assert_eq!(ids(&m, scope, Kind::Meetings).len(), 1);
    assert!(!ids(&m, Scope::Group(m.auxiliary), Kind::Memberships).contains(&m.ended));
}

#[test]
fn a_programme_brings_its_groups_only() {
    let m = map();
    let scope = Scope::Programme(AUXILIARY_GROUP);
    assert_eq!(ids(&m, scope, Kind::Groups), vec![m.auxiliary]);
    assert_eq!(ids(&m, scope, Kind::People), vec![m.woman]);
    assert_eq!(ids(&m, scope, Kind::Programmes), vec![AUXILIARY_GROUP]);
}

#[test]
fn exporting_what_is_not_there_is_refused() {
    let mut m = map();
    let unknown: Id = "zzzzzzzz1".parse().unwrap();
    for scope in [
        Scope::Place(unknown),
        Scope::Group(m.ward_a),
        Scope::Programme(m.balasabha),
    ] {
        assert_eq!(
            export(&m.w.reg, scope, EXPORTED_AT, device(1)),
            Err(ScopeNotFound)
        );
    }
    m.w.edit().delete_programme(BAL_ASHRAM).unwrap();
    assert_eq!(
        select(&m.w.reg, Scope::Programme(BAL_ASHRAM)),
        Err(ScopeNotFound)
    );
}

#[test]
fn everything_comes_back_exactly_deletions_included() {
    let m = map();
    let envelope = parse(&export_all(&m.w.reg, 3)).unwrap();
    assert!(envelope.invalid.is_empty());
    let read: Vec<AnyRecord> = envelope.records.into_iter().map(|e| e.record).collect();
    let mut expected = Vec::new();
    for kind in Kind::ALL {
        for id in ids_in(&m.w.reg, kind) {
            expected.push(AnyRecord::from_register(&m.w.reg, kind, id).unwrap());
        }
    }
    assert_eq!(read, expected);
    assert!(read.iter().any(|r| r.id() == m.ended && r.is_deleted()));
}

#[test]
fn the_same_register_always_gives_the_same_file() {
    let (a, b) = (map(), map());
    let text = export_all(&a.w.reg, 3);
    assert_eq!(text, export_all(&b.w.reg, 3));
    let json = json_of(&text);
    let keys: Vec<&String> = json["records"].as_object().unwrap().keys().collect();
    assert_eq!(keys.len(), Kind::ALL.len());
    let people: Vec<&str> = json["records"]["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    let in_order = people.windows(2).all(|w| {
        let (x, y): (Id, Id) = (w[0].parse().unwrap(), w[1].parse().unwrap());
        x < y
    });
    assert!(in_order, "records by id");
    assert_eq!(json["exported_at"], "2025-11-29T00:00:00Z");
    assert_eq!(json["scope"]["kind"], "all");
}
