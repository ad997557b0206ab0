//! Records that refer to others: taken in when what they refer to is in
//! the file or the register, set aside with the reason otherwise.

use super::records::{problems_of, read, sample, Sample};
use crate::domain::register::{Kind, Register};
use crate::exchange::any_record::Link;
use crate::exchange::checks::RecordProblem;
use crate::exchange::merge::{preview, Preview};
use serde_json::{json, Value};

fn membership_json(s: &Sample) -> Value {
    s.file["records"]["memberships"][0].clone()
}

fn into_empty(records: Value) -> Preview {
    preview(&Register::default(), read(records))
}

#[test]
fn a_membership_of_someone_in_neither_file_nor_register_is_set_aside() {
    let s = sample();
    let p = into_empty(json!({
        "groups": [s.file["records"]["groups"][0].clone()],
        "places": s.file["records"]["places"].clone(),
        "programmes": s.file["records"]["programmes"].clone(),
        "memberships": [membership_json(&s)],
    }));
    assert_eq!(
        problems_of(&p.invalid, s.membership),
        vec![RecordProblem::UnknownReference(Link {
            field: "person",
            kind: Kind::People,
            id: s.child
        })]
    );
    assert_eq!(p.new.len(), 1 + 1 + 6, "group, ward and programmes go in");
}

#[test]
fn a_reference_found_in_the_register_is_enough() {
    let s = sample();
    let p = preview(
        &s.world.reg,
        read(json!({"memberships": [membership_json(&s)]})),
    );
    assert!(p.invalid.is_empty());
    assert_eq!(p.unchanged.len(), 1);
}

#[test]
fn records_that_lean_on_a_set_aside_record_are_set_aside_too() {
    let s = sample();
    let mut records = s.file["records"].clone();
    records["groups"][0]["body"]["name"] = json!("");
    let p = into_empty(records);
    let group_link = |field| Link {
        field,
        kind: Kind::Groups,
        id: s.group,
    };
    assert_eq!(
        problems_of(&p.invalid, s.membership),
        vec![RecordProblem::RefersToInvalid(group_link("group"))]
    );
    let meeting = s.world.reg.meetings.live().next().unwrap().0;
    assert_eq!(
        problems_of(&p.invalid, meeting),
        vec![RecordProblem::RefersToInvalid(group_link("group"))]
    );
    assert_eq!(p.invalid.len(), 3, "the group, its membership and meeting");
    assert!(
        p.new.iter().any(|r| r.id() == s.child),
        "the child is still taken in"
    );
}
