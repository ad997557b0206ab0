use super::*;
use crate::domain::id::DeviceTag;
use serde_json::json;

fn id(n: u32) -> Id {
    Id::new(DeviceTag::from_random(4), n)
}

#[test]
fn attendance_is_kept_in_person_order_without_repeats() {
    let a = Attendance::new([
        (id(3), Mark::Present),
        (id(1), Mark::Present),
        (id(3), Mark::Absent(AbsenceReason::Illness)),
    ]);
    assert_eq!(
        a.iter().map(|(p, _)| p).collect::<Vec<_>>(),
        vec![id(1), id(3)]
    );
    assert_eq!(
        a.mark_of(id(3)),
        Some(Mark::Absent(AbsenceReason::Illness)),
        "the last mark counts"
    );
    assert_eq!((a.expected(), a.present()), (2, 1));
    assert_eq!(a.mark_of(id(2)), None);
}

/// One of each mark: present, and absent for every reason.
fn every_mark() -> Attendance {
    let absent = AbsenceReason::ALL
        .iter()
        .enumerate()
        .map(|(i, r)| (id(i as u32 + 2), Mark::Absent(*r)));
    Attendance::new(absent.chain([(id(1), Mark::Present), (id(40), Mark::Present)]))
}

#[test]
fn attendance_is_written_as_who_came_and_who_did_not_and_why_in_json() {
    let a = Attendance::new([
        (id(1), Mark::Present),
        (id(2), Mark::Absent(AbsenceReason::Work)),
        (id(3), Mark::Present),
    ]);
    let (one, two, three) = (id(1), id(2), id(3));
    assert_eq!(
        serde_json::to_string(&a).unwrap(),
        format!(r#"{{"present":["{one}","{three}"],"absent":{{"{two}":"work"}}}}"#)
    );
    assert_eq!(
        serde_json::to_string(&Attendance::default()).unwrap(),
        r#"{"present":[],"absent":{}}"#,
        "both always written"
    );
}

#[test]
fn attendance_round_trips_in_json_with_every_reason() {
    let a = every_mark();
    let text = serde_json::to_string(&a).unwrap();
    assert_eq!(serde_json::from_str::<Attendance>(&text).unwrap(), a);
    let tree = serde_json::to_value(&a).unwrap();
    assert_eq!(serde_json::from_value::<Attendance>(tree).unwrap(), a);
    assert_eq!(
        serde_json::from_str::<Attendance>(r#"{"present":[],"absent":{}}"#).unwrap(),
        Attendance::default()
    );
}

#[test]
fn ids_are_written_in_id_order_not_text_order() {
    // Sequence numbers are written without leading zeros: the 32nd id
    // of a device reads "…10", after the 31st's "…z" in id order but
    // before it as text.
    let a = Attendance::new([(id(32), Mark::Present), (id(31), Mark::Present)]);
    let json = serde_json::to_value(&a).unwrap();
    assert_eq!(
        json["present"],
        json!([id(31).to_string(), id(32).to_string()])
    );
    let read: Attendance = serde_json::from_value(json).unwrap();
    assert_eq!(read, a);
}

#[test]
fn attendance_in_any_order_reads_as_the_same_record() {
    let (one, two, three) = (id(1), id(2), id(3));
    let text =
        format!(r#"{{"absent":{{"{three}":"illness","{one}":"other"}},"present":["{two}"]}}"#);
    assert_eq!(
        serde_json::from_str::<Attendance>(&text).unwrap(),
        Attendance::new([
            (one, Mark::Absent(AbsenceReason::Other)),
            (two, Mark::Present),
            (three, Mark::Absent(AbsenceReason::Illness)),
        ])
    );
}

#[test]
fn the_list_of_marks_of_version_2_files_still_reads() {
    let a = every_mark();
    let list: Vec<serde_json::Value> = a
        .iter()
        .map(|(person, mark)| json!({"person": person.to_string(), "mark": mark}))
        .collect();
    assert_eq!(list[0]["mark"], "present");
    assert_eq!(list[1]["mark"], json!({"absent": "not_given"}));
    let text = serde_json::to_string(&list).unwrap();
    assert_eq!(serde_json::from_str::<Attendance>(&text).unwrap(), a);
    assert_eq!(
        serde_json::from_value::<Attendance>(json!(list)).unwrap(),
        a
    );
    // As version 2 read it: any order, the last of two marks counts.
    let (one, two) = (id(1), id(2));
    let text = format!(
        r#"[{{"person":"{two}","mark":"present"}},{{"person":"{one}","mark":"present"}},
            {{"person":"{two}","mark":{{"absent":"travel"}}}}]"#
    );
    assert_eq!(
        serde_json::from_str::<Attendance>(&text).unwrap(),
        Attendance::new([
            (one, Mark::Present),
            (two, Mark::Absent(AbsenceReason::Travel))
        ])
    );
}

/// The reader's message for attendance written as `text`.
fn refused(text: &str) -> String {
    serde_json::from_str::<Attendance>(text)
        .expect_err(text)
        .to_string()
}

#[test]
fn malformed_attendance_is_refused_with_the_reason() {
    let (one, two) = (id(1), id(2));
    let cases = [
        (
            format!(r#"{{"present":["{one}"],"absent":{{"{one}":"work"}}}}"#),
            format!("{one} is marked both present and absent"),
        ),
        (
            format!(r#"{{"present":["{one}","{two}","{one}"],"absent":{{}}}}"#),
            format!("{one} is listed as present more than once"),
        ),
        (
            format!(r#"{{"present":[],"absent":{{"{two}":"work","{two}":"family"}}}}"#),
            format!("{two} is listed as absent more than once"),
        ),
        (
            format!(r#"{{"present":[],"absent":{{"{two}":"sick"}}}}"#),
            "unknown variant `sick`".into(),
        ),
        (
            r#"{"present":["<b>x</b>"],"absent":{}}"#.into(),
            "“<b>x</b>” is not a record id".into(),
        ),
        (
            r#"{"present":[],"absent":{"k3m9x2au4":"work"}}"#.into(),
            "“k3m9x2au4” is not a record id".into(),
        ),
        (
            format!(r#"{{"present":["{one}"]}}"#),
            "missing field `absent`".into(),
        ),
        (r#"{"absent":{}}"#.into(), "missing field `present`".into()),
        (
            r#"{"present":[],"absent":{},"late":[]}"#.into(),
            "unknown field `late`".into(),
        ),
        (
            r#"{"present":[],"present":[],"absent":{}}"#.into(),
            "duplicate field `present`".into(),
        ),
        (
            format!(r#"{{"present":"{one}","absent":{{}}}}"#),
            "invalid type".into(),
        ),
        (
            format!(r#"{{"present":[],"absent":["{one}"]}}"#),
            "invalid type".into(),
        ),
        (r#""everyone came""#.into(), "expected attendance".into()),
        ("42".into(), "expected attendance".into()),
        ("null".into(), "expected attendance".into()),
    ];
    for (text, reason) in cases {
        let message = refused(&text);
        assert!(message.contains(&reason), "{text}: {message}");
    }
}

#[test]
fn attendance_round_trips_in_the_compact_store() {
    let a = Attendance::new([
        (id(1), Mark::Present),
        (id(2), Mark::Absent(AbsenceReason::Travel)),
    ]);
    let bytes = postcard::to_allocvec(&a).unwrap();
    assert_eq!(postcard::from_bytes::<Attendance>(&bytes).unwrap(), a);
    // The stored form is the two lists as they are: registers already
    // saved must keep decoding, whatever the exchange file does.
    let lists = (
        vec![id(1), id(2)],
        vec![Mark::Present, Mark::Absent(AbsenceReason::Travel)],
    );
    assert_eq!(bytes, postcard::to_allocvec(&lists).unwrap());
    let every = every_mark();
    let bytes = postcard::to_allocvec(&every).unwrap();
    assert_eq!(postcard::from_bytes::<Attendance>(&bytes).unwrap(), every);
    let broken =
        postcard::to_allocvec(&(vec![id(2), id(1)], vec![Mark::Present, Mark::Present])).unwrap();
    assert!(
        postcard::from_bytes::<Attendance>(&broken).is_err(),
        "unordered lists are refused"
    );
}
