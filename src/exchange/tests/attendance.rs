//! Attendance in the exchange file. Version 3 writes it as who came and who
//! did not and why; files of version 2 and before, which wrote a list of
//! marks, still read to the same register; a broken attendance sets aside
//! its meeting and nothing else.

use super::{export_all, import_into, json_of};
use crate::domain::id::{Id, IdGen};
use crate::domain::meeting::{AbsenceReason, Attendance, Mark, Meeting};
use crate::domain::person::Sex;
use crate::domain::register::{Kind, Register};
use crate::domain::seed::BALASABHA;
use crate::domain::testkit::{d, today, World};
use crate::domain::time::Timestamp;
use crate::exchange::checks::RecordProblem;
use crate::exchange::envelope::VERSION;
use crate::exchange::import::{parse, ImportError};
use crate::exchange::merge::{preview, Choices};
use serde_json::{json, Value};

/// A Balasabha of eight children and three meetings: one where the first
/// child came and each of the others was absent for another reason, one
/// where all but one came, and one where nobody was expected.
struct Marked {
    world: World,
    children: Vec<Id>,
    meetings: Vec<Id>,
}

fn marked() -> Marked {
    let mut world = World::new();
    let group = world.group(BALASABHA);
    let children: Vec<Id> = (0..8)
        .map(|i| {
            let sex = if i % 2 == 0 { Sex::Female } else { Sex::Male };
            world.person(sex, d(2016, 1, 1 + i))
        })
        .collect();
    for child in &children {
        world.join(*child, group, d(2026, 1, 10)).unwrap();
    }
    let reasons = AbsenceReason::ALL.map(Mark::Absent);
    let marks = [Mark::Present].into_iter().chain(reasons);
    let every_mark = Meeting {
        group,
        date: d(2026, 2, 1),
        start: None,
        facilitator: None,
        topics: "Kites".into(),
        themes: Vec::new(),
        decisions: String::new(),
        notes: String::new(),
        guests: 0,
        attendance: Attendance::new(children.iter().copied().zip(marks)),
    };
    let first = world.edit().add_meeting(every_mark, today()).unwrap();
    let second = world.meet(group, d(2026, 2, 15), &children[3..4]).unwrap();
    let empty = world.meet(group, d(2025, 12, 1), &[]).unwrap();
    Marked {
        world,
        children,
        meetings: vec![first, second, empty],
    }
}

/// `text` taken into a new, empty register.
fn imported(text: &str) -> Register {
    let mut reg = Register::default();
    let mut ids = IdGen::new(super::device(4));
    import_into(&mut reg, &mut ids, text, &Choices::new(), Timestamp(1));
    reg
}

/// The meeting of `id` in a file's JSON.
fn meeting_in(file: &Value, id: Id) -> &Value {
    let meetings = file["records"]["meetings"].as_array().unwrap();
    let found = meetings.iter().find(|m| m["id"] == id.to_string());
    found.expect("the meeting is in the file")
}

#[test]
fn a_version_3_export_round_trips_every_mark() {
    let m = marked();
    let text = export_all(&m.world.reg, 3);
    let file = json_of(&text);
    assert_eq!(file["version"], 3);
    let c: Vec<String> = m.children.iter().map(Id::to_string).collect();
    assert_eq!(
        meeting_in(&file, m.meetings[0])["body"]["attendance"],
        json!({
            "present": [c[0]],
            "absent": {
                &c[1]: "not_given", &c[2]: "illness", &c[3]: "work",
                &c[4]: "family", &c[5]: "studies", &c[6]: "travel", &c[7]: "other",
            }
        })
    );
    let mut present = c.clone();
    present.remove(3);
    assert_eq!(
        meeting_in(&file, m.meetings[1])["body"]["attendance"],
        json!({"present": present, "absent": {&c[3]: "not_given"}})
    );
    assert_eq!(
        meeting_in(&file, m.meetings[2])["body"]["attendance"],
        json!({"present": [], "absent": {}})
    );

    let reg = imported(&text);
    assert_eq!(reg, m.world.reg, "the same register, every mark included");
    let marks = reg.meetings.get(m.meetings[0]).unwrap().attendance.clone();
    for (child, reason) in m.children[1..].iter().zip(AbsenceReason::ALL) {
        assert_eq!(marks.mark_of(*child), Some(Mark::Absent(reason)));
    }
    assert_eq!(export_all(&reg, 3), text, "and the same file again");
}

/// The JSON of `text` as the app wrote it in version 2: attendance as a
/// list of `{"person", "mark"}` in id order, taken from the register so
/// that this does not depend on how version 3 writes it.
fn as_version_2(reg: &Register, text: &str) -> Value {
    let mut file = json_of(text);
    file["version"] = json!(2);
    for record in file["records"]["meetings"].as_array_mut().unwrap() {
        let id: Id = record["id"].as_str().unwrap().parse().unwrap();
        let Some(meeting) = reg.meetings.get(id) else {
            continue;
        };
        let list: Vec<Value> = meeting
            .attendance
            .iter()
            .map(|(person, mark)| {
                let mark = match mark {
                    Mark::Present => json!("present"),
                    Mark::Absent(reason) => json!({ "absent": reason }),
                };
                json!({"person": person.to_string(), "mark": mark})
            })
            .collect();
        record["body"]["attendance"] = Value::Array(list);
    }
    file
}

#[test]
fn a_version_2_file_imports_to_the_same_register_as_its_version_3_export() {
    let m = marked();
    let v3 = export_all(&m.world.reg, 3);
    let v2 = as_version_2(&m.world.reg, &v3);
    let absent = &meeting_in(&v2, m.meetings[0])["body"]["attendance"][1];
    assert_eq!(
        *absent,
        json!({"person": m.children[1].to_string(), "mark": {"absent": "not_given"}}),
        "the list form of version 2"
    );
    let v2 = v2.to_string();
    let envelope = parse(&v2).unwrap();
    assert_eq!(envelope.header.version, 2);
    assert!(envelope.invalid.is_empty(), "{:?}", envelope.invalid);
    assert_eq!(imported(&v2), imported(&v3));
    assert_eq!(imported(&v2), m.world.reg);
}

#[test]
fn a_version_1_file_of_marks_still_imports_its_meetings() {
    let m = marked();
    let v3 = export_all(&m.world.reg, 3);
    let mut v1 = as_version_2(&m.world.reg, &v3);
    v1["version"] = json!(1);
    // Version 1 had no audit trail.
    v1["records"].as_object_mut().unwrap().remove("changes");
    let reg = imported(&v1.to_string());
    assert_eq!(reg.meetings, m.world.reg.meetings);
    assert_eq!(reg.people, m.world.reg.people);
}

/// A version 3 file (a v1 file would be read another way) of the sample's
/// records, with the first meeting's attendance replaced by `attendance`.
fn with_attendance(m: &Marked, attendance: Value) -> String {
    let mut file = json_of(&export_all(&m.world.reg, 3));
    assert_eq!(file["version"], VERSION);
    let meetings = file["records"]["meetings"].as_array_mut().unwrap();
    let first = meetings
        .iter_mut()
        .find(|r| r["id"] == m.meetings[0].to_string());
    first.unwrap()["body"]["attendance"] = attendance;
    file.to_string()
}

#[test]
fn a_malformed_attendance_sets_aside_its_meeting_and_nothing_else() {
    let m = marked();
    let c: Vec<String> = m.children.iter().map(Id::to_string).collect();
    let cases = [
        (
            json!({"present": [c[0]], "absent": {&c[1]: "sick"}}),
            "unknown variant `sick`",
        ),
        (
            json!({"present": [c[0], c[1]], "absent": {&c[1]: "work"}}),
            "is marked both present and absent",
        ),
        (
            json!({"present": [c[0], c[0]], "absent": {}}),
            "is listed as present more than once",
        ),
        (json!("all present"), "expected attendance"),
        (json!(null), "expected attendance"),
        (json!(7), "expected attendance"),
        (
            json!({"present": ["<img src=x>"], "absent": {}}),
            "“<img src=x>” is not a record id",
        ),
        (
            json!({"present": [], "absent": {"k3m9x2au4": "work"}}),
            "“k3m9x2au4” is not a record id",
        ),
        (json!({"present": [c[0]]}), "missing field `absent`"),
        (
            json!({"present": [], "absent": {}, "late": [c[0]]}),
            "unknown field `late`",
        ),
        (
            json!([{"person": c[0], "mark": "late"}]),
            "unknown variant `late`",
        ),
    ];
    let whole = parse(&export_all(&m.world.reg, 3)).unwrap();
    let position = whole
        .records
        .iter()
        .filter(|e| e.record.kind() == Kind::Meetings)
        .find(|e| e.record.id() == m.meetings[0])
        .unwrap()
        .position;
    for (attendance, reason) in cases {
        let envelope = parse(&with_attendance(&m, attendance.clone())).unwrap();
        let [bad] = envelope.invalid.as_slice() else {
            panic!("{attendance}: {:?}", envelope.invalid)
        };
        assert_eq!(
            (bad.kind, bad.id, bad.position),
            (Kind::Meetings, Some(m.meetings[0]), position),
            "{attendance}"
        );
        let [RecordProblem::Unreadable(why)] = bad.problems.as_slice() else {
            panic!("{attendance}: {:?}", bad.problems)
        };
        assert!(why.contains(reason), "{attendance}: {why}");
        assert_eq!(
            envelope.records.len(),
            whole.records.len() - 1,
            "{attendance}: every other record is read"
        );
        let p = preview(&Register::default(), envelope);
        assert_eq!(p.invalid.len(), 1, "{attendance}: nothing else falls");
        assert_eq!(p.new.len(), whole.records.len() - 1);
    }
}

#[test]
fn a_file_claiming_version_4_is_newer_than_this_app() {
    let m = marked();
    let mut file = json_of(&export_all(&m.world.reg, 3));
    file["version"] = json!(4);
    assert_eq!(
        parse(&file.to_string()),
        Err(ImportError::NewerVersion { found: 4, known: 3 })
    );
}

#[test]
fn attendance_takes_less_than_half_the_room_it_took_in_version_2() {
    let m = marked();
    let v3 = export_all(&m.world.reg, 3);
    let v2 = as_version_2(&m.world.reg, &v3);
    let size = |file: &Value| -> usize {
        let meetings = file["records"]["meetings"].as_array().unwrap();
        let of = |r: &Value| r["body"]["attendance"].to_string().len();
        meetings.iter().map(of).sum()
    };
    let (new, old) = (size(&json_of(&v3)), size(&v2));
    assert!(new * 2 < old, "{new} bytes against {old}");
}
