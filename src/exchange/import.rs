//! Reading an exchange file. A file that is not ours, too new, cut short or
//! broken in its envelope is refused as a whole with a specific reason; a
//! broken record inside a sound file is set aside with its own reasons and
//! the rest is read.

use super::any_record::AnyRecord;
use super::checks::{check_file, Entry, InvalidRecord, RecordProblem};
use super::envelope::{Envelope, FileRecord, Header, FORMAT_NAME, VERSION};
use super::migrate::migrate;
use crate::domain::id::Id;
use crate::domain::record::{Body, Record};
use crate::domain::register::Kind;
use crate::domain::text::clean_line;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

/// The largest file taken in: 100 MB. A register of many thousand people
/// and years of meetings is a few MB; anything near this is not ours.
pub const MAX_FILE_BYTES: u64 = 100_000_000;

/// Why a whole file is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// Larger than [`MAX_FILE_BYTES`]; refused before it is read.
    TooLarge { bytes: u64, limit: u64 },
    /// Nothing in it.
    Empty,
    /// The JSON stops in the middle: the file was cut short (an interrupted
    /// download or copy).
    Truncated,
    /// Not JSON at all (a spreadsheet, a photo…); where reading stopped.
    NotJson { line: usize, column: usize },
    /// JSON, but not a Bal Register file; `found` is its `format` if any.
    NotOurFormat { found: Option<String> },
    /// Written by a newer app than this one: update the app to read it.
    NewerVersion { found: u64, known: u32 },
    /// Older than the oldest version this app can bring up to date.
    TooOld { found: u32, oldest: u32 },
    /// Bringing an old file up to date failed at the step from `from`.
    MigrationFailed { from: u32, reason: String },
    /// A field of the envelope is missing or wrong (`version`,
    /// `exported_at`, `device`, `scope`, `app_version`, `records`).
    BadHeader { field: &'static str, reason: String },
    /// A table of `records` is not a list.
    BadTable { table: Kind },
    /// `records` holds a table this app does not know; reading on would
    /// silently drop it.
    UnknownTable { name: String },
}

/// Refuses a file too large to read, from its size alone, so that the
/// browser never loads it into memory.
pub fn check_size(bytes: u64) -> Result<(), ImportError> {
    if bytes > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            bytes,
            limit: MAX_FILE_BYTES,
        });
    }
    Ok(())
}

/// Reads a file's text into its envelope: the header, the records that
/// can be merged and those set aside. References between records are
/// checked later, against the register too (see [`super::merge::preview`]).
pub fn parse(text: &str) -> Result<Envelope, ImportError> {
    check_size(text.len() as u64)?;
    // Some editors save JSON with a byte order mark; it is not content.
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let value: Value = serde_json::from_str(text).map_err(|e| match e.classify() {
        serde_json::error::Category::Eof => ImportError::Truncated,
        _ => ImportError::NotJson {
            line: e.line(),
            column: e.column(),
        },
    })?;
    let Value::Object(mut doc) = value else {
        return Err(ImportError::NotOurFormat { found: None });
    };
    match doc.get("format") {
        Some(Value::String(name)) if name == FORMAT_NAME => {}
        Some(Value::String(name)) => {
            return Err(ImportError::NotOurFormat {
                found: Some(short(name)),
            })
        }
        _ => return Err(ImportError::NotOurFormat { found: None }),
    }
    let version = read_version(&doc)?;
    if version < VERSION {
        migrate(&mut doc, version)?;
    }
    let header = Header {
        version,
        app_version: short(&field::<String>(&mut doc, "app_version")?),
        exported_at: field(&mut doc, "exported_at")?,
        device: field(&mut doc, "device")?,
        scope: field(&mut doc, "scope")?,
    };
    let Some(Value::Object(tables)) = doc.remove("records") else {
        return Err(bad("records", "missing, or not an object".into()));
    };
    let (records, invalid) = read_tables(tables)?;
    Ok(Envelope {
        header,
        records,
        invalid,
    })
}

fn read_version(doc: &Map<String, Value>) -> Result<u32, ImportError> {
    let found = doc
        .get("version")
        .and_then(Value::as_u64)
        .ok_or_else(|| bad("version", "missing, or not a whole number".into()))?;
    match u32::try_from(found) {
        Ok(v) if v <= VERSION => Ok(v),
        _ => Err(ImportError::NewerVersion {
            found,
            known: VERSION,
        }),
    }
}

fn field<T: DeserializeOwned>(
    doc: &mut Map<String, Value>,
    name: &'static str,
) -> Result<T, ImportError> {
    let value = doc.remove(name).unwrap_or(Value::Null);
    serde_json::from_value(value).map_err(|e| bad(name, short(&e.to_string())))
}

fn bad(field: &'static str, reason: String) -> ImportError {
    ImportError::BadHeader { field, reason }
}

/// Text from a file made fit to show: one clean line, at most 200
/// characters (a reader's message may quote a huge hostile value).
fn short(text: &str) -> String {
    const MAX: usize = 200;
    let clean = clean_line(text);
    match clean.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}…", &clean[..cut]),
        None => clean,
    }
}

/// Everything read from the tables of a file, before the checks.
#[derive(Default)]
struct Reading {
    entries: Vec<Entry>,
    invalid: Vec<InvalidRecord>,
    /// Ids of records that could not be read, for the duplicate check.
    unreadable_ids: Vec<Id>,
}

fn read_tables(
    mut tables: Map<String, Value>,
) -> Result<(Vec<Entry>, Vec<InvalidRecord>), ImportError> {
    if let Some(name) = tables.keys().find(|n| Kind::from_name(n).is_none()) {
        return Err(ImportError::UnknownTable { name: short(name) });
    }
    let mut reading = Reading::default();
    // In a fixed order, whatever the order in the file.
    for kind in Kind::ALL {
        let items = match tables.remove(kind.name()) {
            // A table left out holds nothing.
            None => Vec::new(),
            Some(Value::Array(items)) => items,
            Some(_) => return Err(ImportError::BadTable { table: kind }),
        };
        match kind {
            Kind::People => read_table(&mut reading, kind, items, AnyRecord::Person),
            Kind::Places => read_table(&mut reading, kind, items, AnyRecord::Place),
            Kind::Programmes => read_table(&mut reading, kind, items, AnyRecord::Programme),
            Kind::Groups => read_table(&mut reading, kind, items, AnyRecord::Group),
            Kind::Memberships => read_table(&mut reading, kind, items, AnyRecord::Membership),
            Kind::Meetings => read_table(&mut reading, kind, items, AnyRecord::Meeting),
        }
    }
    let Reading {
        entries,
        mut invalid,
        unreadable_ids,
    } = reading;
    let entries = check_file(entries, &unreadable_ids, &mut invalid);
    Ok((entries, invalid))
}

fn read_table<T: DeserializeOwned + Body>(
    reading: &mut Reading,
    kind: Kind,
    items: Vec<Value>,
    wrap: fn(Record<T>) -> AnyRecord,
) {
    for (position, item) in items.into_iter().enumerate() {
        let id: Option<Id> = item
            .get("id")
            .and_then(Value::as_str)
            .and_then(|s| s.parse().ok());
        match serde_json::from_value::<FileRecord<T>>(item) {
            Ok(record) => reading.entries.push(Entry {
                position,
                record: wrap(record.into_record(T::anchor)),
            }),
            Err(e) => {
                reading.unreadable_ids.extend(id);
                reading.invalid.push(InvalidRecord {
                    kind,
                    id,
                    position,
                    problems: vec![RecordProblem::Unreadable(short(&e.to_string()))],
                });
            }
        }
    }
}
