//! Records of a sound file that are set aside, each with its id and reasons,
//! while the rest of the file is still read.

use super::{export_all, file_with, json_of};
use crate::domain::form::{Problem, MAX_NAME_CHARS};
use crate::domain::id::Id;
use crate::domain::person::Sex;
use crate::domain::register::Kind;
use crate::domain::seed::BALASABHA;
use crate::domain::testkit::{d, World};
use crate::exchange::any_record::AnyRecord;
use crate::exchange::checks::{InvalidRecord, RecordProblem};
use crate::exchange::envelope::Envelope;
use crate::exchange::import::parse;
use serde_json::{json, Value};

/// A register with a child in a Balasabha that met once, and its export.
pub(super) struct Sample {
    pub world: World,
    pub child: Id,
    pub group: Id,
    pub membership: Id,
    pub file: Value,
}

pub(super) fn sample() -> Sample {
    let mut world = World::new();
    let child = world.person(Sex::Female, d(2016, 1, 1));
    let group = world.group(BALASABHA);
    let membership = world.join(child, group, d(2026, 1, 10)).unwrap();
    world.meet(group, d(2026, 2, 1), &[]).unwrap();
    let file = json_of(&export_all(&world.reg, 3));
    Sample {
        world,
        child,
        group,
        membership,
        file,
    }
}

fn person_json(s: &Sample) -> Value {
    s.file["records"]["people"][0].clone()
}

pub(super) fn read(records: Value) -> Envelope {
    parse(&file_with(records)).expect("the envelope is sound")
}

pub(super) fn problems_of(invalid: &[InvalidRecord], id: Id) -> Vec<RecordProblem> {
    let found = invalid.iter().find(|i| i.id == Some(id));
    found.expect("set aside").problems.clone()
}

#[test]
fn an_impossible_date_sets_aside_that_record_only() {
    let s = sample();
    let mut bad = person_json(&s);
    bad["body"]["birth"]["known"]["date"] = json!("2019-02-30");
    bad["id"] = json!("k3m9x2ab9");
    let env = read(json!({"people": [person_json(&s), bad]}));
    assert_eq!(env.records.len(), 1, "the good record is still read");
    let invalid = &env.invalid[0];
    assert_eq!(
        (invalid.kind, invalid.id, invalid.position),
        (Kind::People, Some("k3m9x2ab9".parse().unwrap()), 1)
    );
    let [RecordProblem::Unreadable(why)] = invalid.problems.as_slice() else {
        panic!("{:?}", invalid.problems)
    };
    assert!(why.contains("2019-02-30"), "{why}");
}

#[test]
fn a_record_whose_id_cannot_be_read_is_reported_by_position() {
    let s = sample();
    let mut bad = person_json(&s);
    bad["id"] = json!("<img src=x>");
    let env = read(json!({"people": [bad]}));
    assert_eq!((env.invalid[0].id, env.invalid[0].position), (None, 0));
}

#[test]
fn a_malformed_or_empty_clock_is_refused() {
    let s = sample();
    let (a, b) = ("aaaaaaaa", "bbbbbbbb");
    for clock in [
        json!([[b, 1], [a, 1]]),
        json!([[a, 1], [a, 2]]),
        json!([[a, 0]]),
        json!([]),
    ] {
        let mut bad = person_json(&s);
        bad["clock"] = clock.clone();
        let env = read(json!({"people": [bad]}));
        assert_eq!(
            problems_of(&env.invalid, s.child),
            vec![RecordProblem::BadClock],
            "{clock}"
        );
    }
    let mut bad = person_json(&s);
    bad["clock"] = json!([[a, -1]]);
    let env = read(json!({"people": [bad]}));
    assert!(matches!(
        problems_of(&env.invalid, s.child)[0],
        RecordProblem::Unreadable(_)
    ));
}

#[test]
fn an_id_used_twice_sets_aside_every_copy() {
    let s = sample();
    let env = read(json!({"people": [person_json(&s), person_json(&s)]}));
    assert!(env.records.is_empty());
    assert_eq!(env.invalid.len(), 2);
    assert!(env
        .invalid
        .iter()
        .all(|i| i.problems == vec![RecordProblem::DuplicateId]));

    // Even when one copy is unreadable, the other cannot be trusted.
    let mut broken = person_json(&s);
    broken["body"]["sex"] = json!("unknown");
    let env = read(json!({"people": [person_json(&s), broken]}));
    assert!(env.records.is_empty());
    assert_eq!(
        problems_of(&env.invalid[1..], s.child),
        vec![RecordProblem::DuplicateId]
    );
}

#[test]
fn an_id_used_in_another_table_or_three_times_is_caught_wherever_the_copies_are() {
    let s = sample();
    let mut records = s.file["records"].clone();
    let kept = envelope_count(&read(records.clone()));
    // The child's id on a copy of the group, after the group, in a later
    // table than the child; and a third copy of the child at the end.
    let mut group = records["groups"][0].clone();
    group["id"] = json!(s.child.to_string());
    records["groups"].as_array_mut().unwrap().push(group);
    let child = records["people"][0].clone();
    records["people"].as_array_mut().unwrap().push(child);
    let env = read(records);
    let copies: Vec<(Kind, usize)> = env
        .invalid
        .iter()
        .map(|i| {
            assert_eq!(i.id, Some(s.child));
            assert_eq!(i.problems[0], RecordProblem::DuplicateId);
            (i.kind, i.position)
        })
        .collect();
    assert_eq!(
        copies,
        vec![(Kind::People, 0), (Kind::People, 1), (Kind::Groups, 1)]
    );
    assert_eq!(env.records.len(), kept - 1, "only the child's copies go");
    assert!(env.records.iter().any(|e| e.record.id() == s.group));
}

fn envelope_count(env: &Envelope) -> usize {
    assert!(env.invalid.is_empty());
    env.records.len()
}

#[test]
fn markup_stays_text_and_control_characters_go() {
    let s = sample();
    let mut p = person_json(&s);
    p["body"]["given_name"] = json!("<script>alert(1)</script>\u{0007}  Asha");
    p["body"]["notes"] = json!("line one\u{0000}\r\n  line two  ");
    let env = read(json!({"people": [p]}));
    let AnyRecord::Person(r) = &env.records[0].record else {
        panic!()
    };
    let person = r.body.as_ref().unwrap();
    assert_eq!(person.given_name, "<script>alert(1)</script> Asha");
    assert_eq!(person.notes, "line one\nline two");
}

#[test]
fn a_name_that_is_only_control_characters_or_too_long_is_refused() {
    let s = sample();
    let mut p = person_json(&s);
    p["body"]["given_name"] = json!("\u{0001}\u{0002}  ");
    p["body"]["village"] = json!("v".repeat(MAX_NAME_CHARS + 1));
    let env = read(json!({"people": [p]}));
    assert_eq!(
        problems_of(&env.invalid, s.child),
        vec![
            RecordProblem::Field {
                field: "given_name",
                problem: Problem::Required
            },
            RecordProblem::Field {
                field: "village",
                problem: Problem::TooLong {
                    max: MAX_NAME_CHARS
                }
            },
        ]
    );
}

#[test]
fn a_meeting_starting_after_midnight_is_refused() {
    let s = sample();
    let mut m = s.file["records"]["meetings"][0].clone();
    m["body"]["start"] = json!(24 * 60);
    let env = read(json!({"meetings": [m]}));
    assert_eq!(
        env.invalid[0].problems,
        vec![RecordProblem::Field {
            field: "start",
            problem: Problem::OutOfRange { min: 0, max: 1439 }
        }]
    );
}

#[test]
fn a_record_without_body_is_not_a_deletion() {
    let s = sample();
    let mut p = person_json(&s);
    p.as_object_mut().unwrap().remove("body");
    let env = read(json!({"people": [p]}));
    let [RecordProblem::Unreadable(why)] = env.invalid[0].problems.as_slice() else {
        panic!()
    };
    assert!(why.contains("body"), "{why}");
}

#[test]
fn a_live_record_gets_its_anchor_from_its_body_whatever_the_file_says() {
    let s = sample();
    let mut m = s.file["records"]["memberships"][0].clone();
    m["anchor"] = json!(s.child.to_string());
    let env = read(json!({"memberships": [m]}));
    assert_eq!(env.records[0].record.anchor(), Some(s.group));
}

/// A sound file is read in one pass straight into records; the exact
/// reader, which takes each record from its own text, must read it alike,
/// whatever the order of the tables in the file.
#[test]
fn the_one_pass_reader_and_the_exact_reader_agree() {
    use crate::domain::generate::{generate, Scale, Spec};
    use crate::exchange::import::parse_exactly;
    let reg = generate(&Spec::seed_documents(Scale::percent(1))).unwrap();
    let text = export_all(&reg, 3);
    let fast = parse(&text).unwrap();
    assert_eq!(fast, parse_exactly(&text).unwrap());
    assert!(fast.invalid.is_empty());
    for kind in [
        Kind::People,
        Kind::Groups,
        Kind::Memberships,
        Kind::Meetings,
    ] {
        let n = fast
            .records
            .iter()
            .filter(|e| e.record.kind() == kind)
            .count();
        assert_eq!(n, reg.live_count(kind), "{kind:?}");
    }
    // Re-written through a JSON tree, the tables come in name order.
    let reordered = serde_json::to_string(&json_of(&text)).unwrap();
    assert_ne!(reordered, text);
    assert_eq!(parse(&reordered).unwrap(), fast);
}
