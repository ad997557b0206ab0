//! The exchange file: a versioned JSON envelope around the records.
//!
//! ```json
//! {"format": "bal-register", "version": 3, "app_version": "0.1.0",
//!  "exported_at": "2026-11-28T10:00:00Z", "device": "k3m9x2ab",
//!  "scope": {"kind": "place", "id": "k3m9x2ab4"},
//!  "records": {"people": [...], "places": [...], "programmes": [...],
//!              "groups": [...], "memberships": [...], "meetings": [...]}}
//! ```
//!
//! Each record is written as the domain types serialise (ids as text, dates
//! ISO, times RFC 3339) with one exception: `anchor` is written only for
//! deleted records. A live record's anchor is its body's (a meeting's
//! group) and is worked out again on import; a tombstone has no body left
//! to work it out from, so it carries it. See `docs/exchange-format.md`.

use super::checks::{Entry, InvalidRecord};
use crate::domain::id::{DeviceTag, Id};
use crate::domain::record::{Clock, Record};
use crate::domain::time::Timestamp;
use serde::{Deserialize, Deserializer, Serialize};

/// The value of `"format"` in every exchange file.
pub const FORMAT_NAME: &str = "bal-register";
/// The file format version this app writes, and the newest it reads.
pub const VERSION: u32 = 3;
/// The app's version, written into files for people to read; never used to
/// decide how to read a file (that is what `version` is for).
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// What an export holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "ScopeText", into = "ScopeText")]
pub enum Scope {
    /// Every record of the register, deleted ones included.
    All,
    /// A place, the places in it and on its path, its groups and theirs.
    Place(Id),
    /// One group with its memberships, meetings, members and context.
    Group(Id),
    /// A programme with all its groups and theirs.
    Programme(Id),
}

/// How a scope is written: `{"kind": "all"}` or `{"kind": "group", "id": "…"}`.
#[derive(Clone, Serialize, Deserialize)]
struct ScopeText {
    kind: ScopeKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    id: Option<Id>,
}

#[derive(Clone, Copy, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum ScopeKind {
    All,
    Place,
    Group,
    Programme,
}

impl From<Scope> for ScopeText {
    fn from(scope: Scope) -> Self {
        let (kind, id) = match scope {
            Scope::All => (ScopeKind::All, None),
            Scope::Place(id) => (ScopeKind::Place, Some(id)),
            Scope::Group(id) => (ScopeKind::Group, Some(id)),
            Scope::Programme(id) => (ScopeKind::Programme, Some(id)),
        };
        ScopeText { kind, id }
    }
}

impl TryFrom<ScopeText> for Scope {
    type Error = &'static str;
    fn try_from(text: ScopeText) -> Result<Self, Self::Error> {
        match (text.kind, text.id) {
            (ScopeKind::All, None) => Ok(Scope::All),
            (ScopeKind::Place, Some(id)) => Ok(Scope::Place(id)),
            (ScopeKind::Group, Some(id)) => Ok(Scope::Group(id)),
            (ScopeKind::Programme, Some(id)) => Ok(Scope::Programme(id)),
            (ScopeKind::All, Some(_)) => Err("a scope of everything has no id"),
            _ => Err("this scope needs the id of what was exported"),
        }
    }
}

/// Who wrote a file, when, and what it holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header {
    /// The file format version as found in the file, before any migration.
    pub version: u32,
    /// The exporting app's version, cleaned for display.
    pub app_version: String,
    pub exported_at: Timestamp,
    /// The device that exported it.
    pub device: DeviceTag,
    pub scope: Scope,
}

/// A file read and checked on its own (see [`super::import::parse`]):
/// the records that can be merged, and those that cannot, with the reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Envelope {
    pub header: Header,
    /// Records that passed the checks made on the file alone, table by
    /// table in file order.
    pub records: Vec<Entry>,
    pub invalid: Vec<InvalidRecord>,
}

/// One record as read from a file.
#[derive(Deserialize)]
#[serde(bound(deserialize = "T: Deserialize<'de>"))]
pub(crate) struct FileRecord<T> {
    pub id: Id,
    #[serde(default)]
    pub anchor: Option<Id>,
    pub created: Timestamp,
    pub updated: Timestamp,
    pub clock: Clock,
    /// Must be present: `null` deletes the record, so a misspelt or missing
    /// `body` must not read as a deletion.
    #[serde(deserialize_with = "present")]
    pub body: Option<T>,
}

fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<T>, D::Error> {
    Option::<T>::deserialize(d)
}

impl<T> FileRecord<T> {
    /// The record as the register keeps it. The anchor of a live record is
    /// its body's; the file's is used only for a tombstone.
    pub fn into_record(self, body_anchor: impl Fn(&T) -> Option<Id>) -> Record<T> {
        let anchor = match &self.body {
            Some(body) => body_anchor(body),
            None => self.anchor,
        };
        Record {
            id: self.id,
            anchor,
            created: self.created,
            updated: self.updated,
            clock: self.clock,
            body: self.body,
        }
    }
}

/// One record as written to a file.
#[derive(Serialize)]
pub(crate) struct FileRecordOut<'a, T> {
    id: Id,
    #[serde(skip_serializing_if = "Option::is_none")]
    anchor: Option<Id>,
    created: Timestamp,
    updated: Timestamp,
    clock: &'a Clock,
    body: Option<&'a T>,
}

impl<'a, T> FileRecordOut<'a, T> {
    pub fn new(r: &'a Record<T>) -> Self {
        FileRecordOut {
            id: r.id,
            anchor: if r.body.is_none() { r.anchor } else { None },
            created: r.created,
            updated: r.updated,
            clock: &r.clock,
            body: r.body.as_ref(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::person::fixtures::child;
    use crate::domain::person::Person;

    #[test]
    fn scopes_are_written_with_a_kind_and_an_id() {
        let id: Id = "k3m9x2ab4".parse().unwrap();
        assert_eq!(
            serde_json::to_string(&Scope::Place(id)).unwrap(),
            r#"{"kind":"place","id":"k3m9x2ab4"}"#
        );
        assert_eq!(
            serde_json::to_string(&Scope::All).unwrap(),
            r#"{"kind":"all"}"#
        );
        for text in [r#"{"kind":"group"}"#, r#"{"kind":"everything"}"#] {
            assert!(serde_json::from_str::<Scope>(text).is_err(), "{text}");
        }
    }

    #[test]
    fn a_record_without_a_body_field_is_not_read_as_a_deletion() {
        let text = r#"{"id":"k3m9x2ab4","created":"2026-01-01T00:00:00Z",
            "updated":"2026-01-01T00:00:00Z","clock":[["k3m9x2ab",1]]}"#;
        let read = serde_json::from_str::<FileRecord<Person>>(text);
        assert!(read.err().unwrap().to_string().contains("body"));
    }

    #[test]
    fn only_tombstones_carry_their_anchor_in_the_file() {
        let id: Id = "k3m9x2ab4".parse().unwrap();
        let mut record = Record {
            id,
            anchor: Some(id),
            created: Timestamp(0),
            updated: Timestamp(0),
            clock: Clock::default(),
            body: Some(child("Asha")),
        };
        let live = serde_json::to_value(FileRecordOut::new(&record)).unwrap();
        assert!(live.get("anchor").is_none());
        record.body = None;
        let gone = serde_json::to_value(FileRecordOut::new(&record)).unwrap();
        assert_eq!(gone["anchor"], "k3m9x2ab4");
        assert!(gone["body"].is_null());
    }
}
