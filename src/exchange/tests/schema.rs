//! The documented format and the app agree: the JSON Schema beside
//! `docs/exchange-format.md` parses, the app's exports fit it, files that
//! break the format do not, and the document's example reads and merges.

use super::schema_check::{errors, resolve};
use super::{device, json_of, EXPORTED_AT};
use crate::domain::id::Id;
use crate::domain::meeting::{AbsenceReason, Attendance, Mark, Meeting};
use crate::domain::person::{Birth, Person, Sex};
use crate::domain::place::{Level, Place};
use crate::domain::programme::{Members, Programme, Rules};
use crate::domain::register::Register;
use crate::domain::schooling::{SchoolChange, SchoolEvent, SchoolHistory};
use crate::domain::seed::BALASABHA;
use crate::domain::testkit::{d, today, World};
use crate::exchange::envelope::{Scope, FORMAT_NAME, VERSION};
use crate::exchange::export::export;
use crate::exchange::import::parse;
use crate::exchange::merge::preview;
use serde_json::{json, Value};

const SCHEMA: &str = include_str!("../../../docs/exchange-format.schema.json");
const FORMAT_DOC: &str = include_str!("../../../docs/exchange-format.md");

fn schema() -> Value {
    serde_json::from_str(SCHEMA).expect("the schema file is JSON")
}

/// A register with every shape of record the file can hold: a known and
/// an approximate birth, each kind of schooling, places with parents, a
/// programme of its own, an ended membership, a meeting with an absence,
/// and a deleted meeting.
fn every_shape() -> (World, Id, Id) {
    let mut w = World::new();
    let state = w
        .edit()
        .add_place(Place {
            name: "Kerala".into(),
            level: Level::State,
            parent: None,
        })
        .unwrap();
    w.edit()
        .add_place(Place {
            name: "Thrissur".into(),
            level: Level::District,
            parent: Some(state),
        })
        .unwrap();
    w.edit()
        .add_programme(Programme {
            name: "Girls' football".into(),
            description: "Saturday practice".into(),
            rules: Rules {
                members: Members::Children,
                sex: Some(Sex::Female),
                min_age: Some(8),
                max_members: Some(22),
                meetings_per_month: Some(4),
                ..Rules::default()
            },
        })
        .unwrap();
    let group = w.group(BALASABHA);
    let asha = w.person(Sex::Female, d(2016, 1, 1));
    let enrolled = SchoolEvent {
        on: d(2022, 6, 1),
        change: SchoolChange::Enrolled,
        class: Some(1),
        school: "GLPS".into(),
    };
    w.edit()
        .record_school_change(asha, enrolled, today())
        .unwrap();
    let mut ravi = w.reg.people.get(asha).unwrap().clone();
    ravi.sex = Sex::Male;
    ravi.birth = Birth::Approximate {
        years: 9,
        stated_on: d(2025, 6, 1),
    };
    ravi.schooling = history(d(2025, 6, 1), SchoolChange::DroppedOut, None);
    ravi.guardian_relationship = None;
    let ravi = w.edit().add_person(ravi).unwrap();
    let never = Person {
        schooling: history(d(2025, 6, 1), SchoolChange::NeverEnrolled, None),
        ..w.reg.people.get(asha).unwrap().clone()
    };
    w.edit().add_person(never).unwrap();
    let membership = w.join(asha, group, d(2026, 1, 10)).unwrap();
    w.join(ravi, group, d(2026, 1, 10)).unwrap();
    let meeting = Meeting {
        group,
        date: d(2026, 2, 1),
        start: Some(17 * 60),
        facilitator: Some(asha),
        topics: "Games".into(),
        themes: vec!["Science".into()],
        decisions: String::new(),
        notes: String::new(),
        guests: 1,
        attendance: Attendance::new([
            (asha, Mark::Present),
            (ravi, Mark::Absent(AbsenceReason::Illness)),
        ]),
    };
    w.edit().add_meeting(meeting, today()).unwrap();
    let mistake = w.meet(group, d(2026, 3, 1), &[]).unwrap();
    w.edit().delete_meeting(mistake).unwrap();
    // The protection records and a course, each in one of their shapes.
    let flag = crate::domain::risk::Flag {
        person: ravi,
        concern: crate::domain::risk::Concern::Trafficking,
        raised_on: d(2026, 2, 2),
        raised_by: "Rekha".into(),
        note: String::new(),
        cleared_on: None,
    };
    w.edit().raise_flag(flag, today()).unwrap();
    let case = crate::domain::case::Case {
        person: ravi,
        intake_on: d(2026, 2, 2),
        concerns: vec![crate::domain::risk::Concern::ChildLabour],
        referred_by: "Childline".into(),
        rescue_place: String::new(),
        guardian_consent: crate::domain::case::Consent {
            given_on: Some(d(2026, 2, 3)),
        },
        child_assent: crate::domain::case::Consent::default(),
        goals: vec![crate::domain::case::Goal {
            area: crate::domain::case::GoalArea::FamilyTracing,
            text: "Find the family".into(),
            achieved_on: None,
        }],
        status: crate::domain::case::CaseStatus::Open,
        history: Vec::new(),
        notes: String::new(),
    };
    let case = w.edit().open_case(case, today()).unwrap();
    let visit = crate::domain::case::FollowUp {
        case,
        due_on: d(2026, 3, 1),
        plan: "Home visit".into(),
        done_on: None,
        done_by: String::new(),
        outcome: String::new(),
    };
    w.edit().plan_follow_up(visit).unwrap();
    w.edit()
        .add_course(crate::domain::training::Course {
            name: "Tailoring".into(),
            description: String::new(),
        })
        .unwrap();
    // Signed, as the app signs every change: the audit trail.
    let mut e = w.edit();
    e.leave(membership, d(2026, 6, 1), "moved away", today())
        .unwrap();
    e.sign("Priya").unwrap();
    (w, group, state)
}

#[test]
fn the_schema_is_json_of_draft_2020_12_naming_this_format_and_version() {
    let s = schema();
    assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert_eq!(s["properties"]["format"]["const"], FORMAT_NAME);
    assert_eq!(s["properties"]["version"]["const"], VERSION);
    let mut refs = Vec::new();
    collect_refs(&s, &mut refs);
    assert!(refs.len() > 20);
    for r in refs {
        resolve(&s, &r);
    }
}

fn collect_refs(v: &Value, out: &mut Vec<Value>) {
    match v {
        Value::Object(map) => {
            out.extend(map.get("$ref").cloned());
            map.values().for_each(|v| collect_refs(v, out));
        }
        Value::Array(items) => items.iter().for_each(|v| collect_refs(v, out)),
        _ => {}
    }
}

#[test]
fn every_export_the_app_writes_fits_the_schema() {
    let (w, group, state) = every_shape();
    let s = schema();
    for scope in [
        Scope::All,
        Scope::Group(group),
        Scope::Place(state),
        Scope::Programme(BALASABHA),
    ] {
        let text = export(&w.reg, scope, EXPORTED_AT, device(3)).unwrap();
        let file = json_of(&text);
        assert_eq!(errors(&s, &file), Vec::<String>::new(), "{scope:?}");
    }
    let all = export(&w.reg, Scope::All, EXPORTED_AT, device(3)).unwrap();
    for shape in [
        "\"approximate\"",
        "\"dropped_out\"",
        "\"never_enrolled\"",
        "\"enrolled\"",
        "\"attendance\":{\"present\":[\"",
        "\"absent\":{\"",
        "\":\"illness\"}",
        "\"anchor\"",
        "\"body\":null",
        "\"left_on\":\"2026-06-01\"",
        "\"action\":\"changed\"",
    ] {
        assert!(all.contains(shape), "the example register lacks {shape}");
    }
}

#[test]
fn a_file_that_breaks_the_format_does_not_fit_the_schema() {
    let (w, _, _) = every_shape();
    let text = export(&w.reg, Scope::All, EXPORTED_AT, device(3)).unwrap();
    type Breakage = (&'static str, fn(&mut Value));
    let breakages: [Breakage; 12] = [
        ("no body", |f| {
            f["records"]["people"][0]
                .as_object_mut()
                .unwrap()
                .remove("body");
        }),
        ("unknown sex", |f| {
            f["records"]["people"][0]["body"]["sex"] = json!("unknown")
        }),
        ("markup id", |f| {
            f["records"]["people"][0]["id"] = json!("<script>")
        }),
        ("zero count", |f| {
            f["records"]["places"][0]["clock"] = json!([["00000003", 0]])
        }),
        ("extra field", |f| {
            f["records"]["groups"][0]["body"]["colour"] = json!("red")
        }),
        ("scope without id", |f| {
            f["scope"] = json!({"kind": "place"})
        }),
        ("newer version", |f| f["version"] = json!(VERSION + 1)),
        ("attendance as version 2 wrote it", |f| {
            let attendance = &mut f["records"]["meetings"][0]["body"]["attendance"];
            let person = attendance["present"][0].clone();
            *attendance = json!([{"person": person, "mark": "present"}]);
        }),
        ("unknown absence reason", |f| {
            let absent = &mut f["records"]["meetings"][0]["body"]["attendance"]["absent"];
            let (person, _) = absent.as_object().unwrap().iter().next().unwrap();
            *absent = json!({ person.clone(): "sick" });
        }),
        ("absent as a list", |f| {
            let attendance = &mut f["records"]["meetings"][0]["body"]["attendance"];
            attendance["absent"] = attendance["present"].clone();
        }),
        ("present twice", |f| {
            let present = &mut f["records"]["meetings"][0]["body"]["attendance"]["present"];
            let person = present[0].clone();
            present.as_array_mut().unwrap().push(person);
        }),
        ("unknown table", |f| f["records"]["children"] = json!([])),
    ];
    let s = schema();
    for (what, break_it) in breakages {
        let mut file = json_of(&text);
        break_it(&mut file);
        assert!(!errors(&s, &file).is_empty(), "{what} should not fit");
    }
}

#[test]
fn the_example_in_the_format_document_fits_reads_and_merges() {
    let start = FORMAT_DOC.find("```json\n").expect("an example") + "```json\n".len();
    let end = start + FORMAT_DOC[start..].find("\n```").unwrap();
    let example = &FORMAT_DOC[start..end];
    assert_eq!(errors(&schema(), &json_of(example)), Vec::<String>::new());
    let envelope = parse(example).unwrap();
    assert!(envelope.invalid.is_empty(), "{:?}", envelope.invalid);
    let mut reg = Register::default();
    reg.add_missing_built_ins();
    let p = preview(&reg, envelope);
    assert!(p.invalid.is_empty(), "{:?}", p.invalid);
    assert_eq!(
        p.new.len(),
        2 + 2 + 1 + 2 + 2 + 1,
        "people, places, group, members, meetings, the trail"
    );
}

/// A schooling history of one change.
fn history(on: chrono::NaiveDate, change: SchoolChange, class: Option<u8>) -> SchoolHistory {
    let mut h = SchoolHistory::default();
    h.record(SchoolEvent {
        on,
        change,
        class,
        school: String::new(),
    });
    h
}
