//! Whole files that are refused, each with a reason the volunteer can act on.

use super::{export_all, file_with, json_of};
use crate::domain::register::Kind;
use crate::domain::testkit::World;
use crate::exchange::envelope::VERSION;
use crate::exchange::import::{check_size, parse, ImportError, MAX_FILE_BYTES};
use serde_json::json;

fn refused(text: &str) -> ImportError {
    parse(text).expect_err("the file should be refused")
}

fn with_header(change: impl FnOnce(&mut serde_json::Map<String, serde_json::Value>)) -> String {
    let mut value = json_of(&file_with(json!({})));
    change(value.as_object_mut().unwrap());
    value.to_string()
}

#[test]
fn a_file_over_100_mb_is_refused_from_its_size_alone() {
    assert_eq!(
        check_size(MAX_FILE_BYTES + 1),
        Err(ImportError::TooLarge {
            bytes: MAX_FILE_BYTES + 1,
            limit: MAX_FILE_BYTES
        })
    );
    assert_eq!(check_size(MAX_FILE_BYTES), Ok(()));
}

#[test]
fn an_empty_file_says_so() {
    assert_eq!(refused(""), ImportError::Empty);
    assert_eq!(refused(" \n\t"), ImportError::Empty);
}

#[test]
fn a_spreadsheet_is_not_json_and_says_where() {
    assert_eq!(
        refused("Name,Sex\nAsha,F\n"),
        ImportError::NotJson { line: 1, column: 1 }
    );
    assert!(matches!(
        refused("{\"format\": \"bal-register\",\n oops}"),
        ImportError::NotJson { line: 2, .. }
    ));
}

#[test]
fn a_file_cut_short_is_reported_as_truncated() {
    let mut w = World::new();
    w.woman_aged(30);
    let text = export_all(&w.reg, 1);
    for cut in [1, text.len() / 3, text.len() / 2, text.len() - 1] {
        assert_eq!(
            refused(&text[..cut]),
            ImportError::Truncated,
            "cut at {cut}"
        );
    }
}

#[test]
fn json_of_another_app_is_not_our_format() {
    assert_eq!(
        refused(r#"{"format": "other-app", "version": 1}"#),
        ImportError::NotOurFormat {
            found: Some("other-app".into())
        }
    );
    // An array holding the right values in field order is not a file either.
    let array = r#"["bal-register", 1, "0.1.0", "2026-11-29T00:00:00Z"]"#;
    for text in [
        "[1, 2]",
        array,
        "\"bal-register\"",
        r#"{"records": {}}"#,
        "null",
    ] {
        assert_eq!(
            refused(text),
            ImportError::NotOurFormat { found: None },
            "{text}"
        );
    }
}

#[test]
fn an_encrypted_export_is_named_as_such() {
    let sealed = crate::crypto::tests::FIXTURE;
    assert_eq!(refused(sealed), ImportError::Encrypted);
}

#[test]
fn a_hostile_format_name_comes_back_as_short_plain_text() {
    let name = format!("<b>x</b>\u{0007}{}", "y".repeat(5000));
    let ImportError::NotOurFormat { found: Some(found) } =
        refused(&json!({"format": name}).to_string())
    else {
        panic!("expected NotOurFormat")
    };
    assert!(
        found.starts_with("<b>x</b>y"),
        "markup is text, control gone"
    );
    assert!(found.chars().count() <= 201);
}

#[test]
fn a_file_from_a_newer_app_says_which_version() {
    let text = with_header(|doc| {
        doc.insert("version".into(), json!(VERSION + 1));
    });
    assert_eq!(
        refused(&text),
        ImportError::NewerVersion {
            found: u64::from(VERSION + 1),
            known: VERSION
        }
    );
    let text = with_header(|doc| {
        doc.insert("version".into(), json!(u64::MAX));
    });
    assert_eq!(
        refused(&text),
        ImportError::NewerVersion {
            found: u64::MAX,
            known: VERSION
        }
    );
}

#[test]
fn a_version_older_than_any_known_is_refused() {
    let text = with_header(|doc| {
        doc.insert("version".into(), json!(0));
    });
    assert_eq!(
        refused(&text),
        ImportError::TooOld {
            found: 0,
            oldest: 1
        }
    );
}

#[test]
fn envelope_fields_that_are_missing_or_wrong_are_named() {
    let cases: [(&str, serde_json::Value, &str); 6] = [
        ("version", json!("1"), "version"),
        ("version", json!(1.5), "version"),
        ("exported_at", json!("yesterday"), "exported_at"),
        ("device", json!("<script>"), "device"),
        ("scope", json!({"kind": "group"}), "scope"),
        ("records", json!([]), "records"),
    ];
    for (key, value, field) in cases {
        let text = with_header(|doc| {
            doc.insert(key.into(), value.clone());
        });
        match refused(&text) {
            ImportError::BadHeader { field: f, .. } => assert_eq!(f, field, "{key}: {value}"),
            other => panic!("{key}: {value} gave {other:?}"),
        }
    }
    let text = with_header(|doc| {
        doc.remove("app_version");
    });
    assert!(matches!(
        refused(&text),
        ImportError::BadHeader {
            field: "app_version",
            ..
        }
    ));
}

#[test]
fn a_table_that_is_not_a_list_or_not_known_is_refused() {
    assert_eq!(
        refused(&file_with(json!({"people": {"id": "x"}}))),
        ImportError::BadTable {
            table: Kind::People
        }
    );
    assert_eq!(
        refused(&file_with(json!({"children": []}))),
        ImportError::UnknownTable {
            name: "children".into()
        }
    );
}

#[test]
fn tables_left_out_are_empty_and_a_byte_order_mark_is_fine() {
    let text = format!("\u{FEFF}{}", file_with(json!({"people": []})));
    let envelope = parse(&text).unwrap();
    assert!(envelope.records.is_empty() && envelope.invalid.is_empty());
    assert_eq!(envelope.header.version, VERSION);
    assert_eq!(envelope.header.app_version, "0.1.0");
}

/// The text of a sound file whose `records` is `{"people":[]}`, with that
/// part replaced by `records`, to write what `json!` cannot (a key twice).
fn with_records_text(records: &str) -> String {
    let text = file_with(json!({"people": []}));
    assert!(text.contains(r#""records":{"people":[]}"#));
    text.replace(
        r#""records":{"people":[]}"#,
        &format!(r#""records":{records}"#),
    )
}

#[test]
fn records_missing_or_not_an_object_are_named_with_the_reason() {
    let text = with_header(|doc| {
        doc.remove("records");
    });
    assert_eq!(
        refused(&text),
        ImportError::BadHeader {
            field: "records",
            reason: "missing".into()
        }
    );
    for (records, reason) in [
        (
            "[]",
            "invalid type: sequence, expected an object of record lists",
        ),
        (
            "null",
            "invalid type: null, expected an object of record lists",
        ),
        (
            "7",
            "invalid type: integer `7`, expected an object of record lists",
        ),
        (
            r#""people""#,
            r#"invalid type: string "people", expected an object of record lists"#,
        ),
    ] {
        assert_eq!(
            refused(&with_records_text(records)),
            ImportError::BadHeader {
                field: "records",
                reason: reason.into()
            },
            "{records}"
        );
    }
}

#[test]
fn a_table_that_is_null_or_a_number_is_not_a_list() {
    for (records, table) in [
        (r#"{"people":null}"#, Kind::People),
        (r#"{"people":[],"meetings":3}"#, Kind::Meetings),
        (r#"{"changes":"x","people":[]}"#, Kind::Changes),
        // The first in the order of kinds, whatever the file's order.
        (r#"{"meetings":1,"people":2}"#, Kind::People),
    ] {
        assert_eq!(
            refused(&with_records_text(records)),
            ImportError::BadTable { table },
            "{records}"
        );
    }
}

#[test]
fn what_is_wrong_first_is_named_first() {
    // An unknown table before a table that is not a list.
    assert_eq!(
        refused(&with_records_text(r#"{"people":5,"children":[],"kids":1}"#)),
        ImportError::UnknownTable {
            name: "children".into()
        }
    );
    // A header field before the records.
    let text = with_header(|doc| {
        doc.insert("device".into(), json!("<script>"));
        doc.insert("records".into(), json!([]));
    });
    assert!(matches!(
        refused(&text),
        ImportError::BadHeader {
            field: "device",
            ..
        }
    ));
    let text = with_header(|doc| {
        doc.insert("scope".into(), json!(1));
        doc.insert("records".into(), json!({"people": 5}));
    });
    assert!(matches!(
        refused(&text),
        ImportError::BadHeader { field: "scope", .. }
    ));
    // The format and the version before anything in the records.
    let text = with_header(|doc| {
        doc.insert("format".into(), json!("other-app"));
        doc.insert("records".into(), json!([]));
    });
    assert_eq!(
        refused(&text),
        ImportError::NotOurFormat {
            found: Some("other-app".into())
        }
    );
    let text = with_header(|doc| {
        doc.insert("version".into(), json!(VERSION + 1));
        doc.insert("records".into(), json!({"people": 5}));
    });
    assert!(matches!(refused(&text), ImportError::NewerVersion { .. }));
}

#[test]
fn a_key_given_twice_is_read_from_its_last_value() {
    let sound = |records: &str| {
        let envelope = parse(&with_records_text(records)).expect(records);
        assert!(envelope.records.is_empty() && envelope.invalid.is_empty());
    };
    sound(r#"{"people":5,"people":[]}"#);
    sound(r#"[],"records":{"people":[]}"#);
    sound(r#"{"people":{"a":1}},"records":{"people":[]}"#);
    assert_eq!(
        refused(&with_records_text(r#"{"people":[],"people":5}"#)),
        ImportError::BadTable {
            table: Kind::People
        }
    );
    assert!(matches!(
        refused(&with_records_text(r#"{"people":[]},"records":[]"#)),
        ImportError::BadHeader {
            field: "records",
            ..
        }
    ));
}

#[test]
fn broken_json_inside_a_record_says_where() {
    let mut w = World::new();
    w.woman_aged(30);
    // Laid out on many lines, as an editor would save it.
    let text = serde_json::to_string_pretty(&json_of(&export_all(&w.reg, 1))).unwrap();
    let at = text.find(r#""body": {"#).expect("a record with a body");
    let line = text[..at].matches('\n').count() + 1;
    let column = at - text[..at].rfind('\n').map_or(0, |n| n + 1) + 1;
    assert!(line > 5, "deep in the records");
    // A key's opening quote lost, and a stray comma, in a record.
    let lost = format!("{}{}", &text[..at], &text[at + 1..]);
    let comma = format!("{},{}", &text[..at], &text[at..]);
    for broken in [lost, comma] {
        assert_eq!(refused(&broken), ImportError::NotJson { line, column });
    }
    // A stray value where a table's list should end.
    let stray = text.replacen("]", "] 1", 1);
    assert!(matches!(refused(&stray), ImportError::NotJson { .. }));
}

#[test]
fn a_version_1_file_is_refused_for_its_records_as_a_current_one() {
    let v1 = |records: &str| {
        with_records_text(records).replace(&format!(r#""version":{VERSION}"#), r#""version":1"#)
    };
    assert!(v1("[]").contains(r#""version":1"#));
    assert_eq!(
        refused(&v1("[]")),
        ImportError::BadHeader {
            field: "records",
            reason: "invalid type: sequence, expected an object of record lists".into()
        }
    );
    assert_eq!(
        refused(&v1(r#"{"people":5}"#)),
        ImportError::BadTable {
            table: Kind::People
        }
    );
    assert_eq!(
        refused(&v1(r#"{"children":[]}"#)),
        ImportError::UnknownTable {
            name: "children".into()
        }
    );
}
