//! Reading an exchange file. A file that is not ours, too new, cut short or
//! broken in its envelope is refused as a whole with a specific reason; a
//! broken record inside a sound file is set aside with its own reasons and
//! the rest is read.

use super::any_record::AnyRecord;
use super::envelope::{Envelope, Header, FORMAT_NAME, VERSION};
use super::migrate::{migrate, needs_rewrite, OLDEST};
use crate::domain::record::{Body, Record};
use crate::domain::register::Kind;
use crate::domain::text::clean_line;
use exact::read_records;
use one_pass::ReadTables;
use serde::de::{DeserializeOwned, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::Deserialize;
use serde_json::error::Category;
use serde_json::value::RawValue;
use serde_json::{Map, Value};
use std::fmt;
use std::marker::PhantomData;

mod exact;
mod one_pass;

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
    /// An encrypted export (see `crypto::file`): it must be opened with
    /// its passphrase before it is read.
    Encrypted,
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
///
/// The file is not held as a whole JSON tree, which would take several
/// times its size in memory: a sound file's envelope and records are read
/// in one pass over the text (`one_pass`); any other is read again by
/// `exact`, which reads each record from its own slice of the text. Only
/// a version 1 file, which a migration step must rewrite, is a tree for a
/// while.
pub fn parse(text: &str) -> Result<Envelope, ImportError> {
    parse_with(text, FirstPass::ReadRecords)
}

/// [`parse`] by the exact reader alone, as a file the first pass cannot
/// read is: for tests that both readers agree.
#[cfg(test)]
pub(crate) fn parse_exactly(text: &str) -> Result<Envelope, ImportError> {
    parse_with(text, FirstPass::KeepText)
}

/// What the first pass over a file does with `records` (see [`find_fields`]).
#[derive(Clone, Copy)]
enum FirstPass {
    ReadRecords,
    // Only tests send a sound file to the exact reader.
    #[cfg_attr(not(test), allow(dead_code))]
    KeepText,
}

fn parse_with(text: &str, first: FirstPass) -> Result<Envelope, ImportError> {
    check_size(text.len() as u64)?;
    // Some editors save JSON with a byte order mark; it is not content.
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let fields = find_fields(text, first)?;
    match fields
        .format
        .map(|raw| serde_json::from_str::<String>(raw.get()))
    {
        Some(Ok(name)) if name == FORMAT_NAME => {}
        Some(Ok(name)) if name == crate::crypto::file::FORMAT_NAME => {
            return Err(ImportError::Encrypted)
        }
        Some(Ok(name)) => {
            return Err(ImportError::NotOurFormat {
                found: Some(short(&name)),
            })
        }
        _ => return Err(ImportError::NotOurFormat { found: None }),
    }
    let version = read_version(fields.version)?;
    if version < OLDEST {
        return Err(ImportError::TooOld {
            found: version,
            oldest: OLDEST,
        });
    }
    if needs_rewrite(version) {
        // Only a file that a migration step rewrites (version 1) is read as
        // a whole tree, to be rewritten step by step. A version 2 file is
        // read from its text like a current one: version 3 changed only how
        // attendance is written, and the attendance reader takes version
        // 2's form too. Rewriting it instead would hold a state's 95 MB
        // file as a tree, several times that in memory on a phone (see
        // `migrate`).
        let upgraded = upgrade(text, version)?;
        return read(find_fields(&upgraded, first)?, version);
    }
    read(fields, version)
}

/// Finds the top-level fields and, in the same pass, reads each table's
/// records.
///
/// Each pass over a state's 71 MB file costs a tenth of a second or more
/// (several in the browser), so a sound file is read once: `records` is
/// not first kept as text, then read again for its tables and again for
/// each record. A file that this pass cannot read (not JSON, cut short,
/// `records` not an object of lists, an unknown table, a record that does
/// not read) is read again by the exact reader, with `records` kept as its
/// text: each bad record is then set aside with its reasons, and the
/// reader's error and its place, and the order in which [`read`] names
/// what is wrong, stay exactly what they were. Only such a file pays for
/// the second reading.
fn find_fields(text: &str, first: FirstPass) -> Result<Fields<'_>, ImportError> {
    if let FirstPass::ReadRecords = first {
        if let Ok(fields) = serde_json::from_str::<Fields<ReadTables>>(text) {
            return Ok(fields.with_records(|t| Records::Read(Box::new(t))));
        }
    }
    let fields =
        serde_json::from_str::<Fields<&RawValue>>(text).map_err(|e| match e.classify() {
            Category::Eof => ImportError::Truncated,
            // Valid JSON, but not an object.
            Category::Data => ImportError::NotOurFormat { found: None },
            Category::Syntax | Category::Io => ImportError::NotJson {
                line: e.line(),
                column: e.column(),
            },
        })?;
    Ok(fields.with_records(Records::Text))
}

fn upgrade(text: &str, version: u32) -> Result<String, ImportError> {
    let mut doc: Map<String, Value> =
        serde_json::from_str(text).map_err(|e| bad("records", message(&e)))?;
    migrate(&mut doc, version)?;
    Ok(serde_json::to_string(&doc).expect("JSON always serialises"))
}

fn read(fields: Fields, version: u32) -> Result<Envelope, ImportError> {
    let header = Header {
        version,
        app_version: short(&field::<String>(fields.app_version, "app_version")?),
        exported_at: field(fields.exported_at, "exported_at")?,
        device: field(fields.device, "device")?,
        scope: field(fields.scope, "scope")?,
    };
    let (records, invalid) = match fields.records {
        Some(Records::Read(tables)) => tables.checked(),
        Some(Records::Text(text)) => read_records(text)?,
        None => return Err(bad("records", "missing".into())),
    };
    Ok(Envelope {
        header,
        records,
        invalid,
    })
}

/// The top-level fields of a file, each still as its JSON text but
/// `records` (see [`find_fields`]).
struct Fields<'a, R = Records<'a>> {
    format: Option<&'a RawValue>,
    version: Option<&'a RawValue>,
    app_version: Option<&'a RawValue>,
    exported_at: Option<&'a RawValue>,
    device: Option<&'a RawValue>,
    scope: Option<&'a RawValue>,
    records: Option<R>,
}

impl<'a, R> Fields<'a, R> {
    fn with_records<S>(self, f: impl FnOnce(R) -> S) -> Fields<'a, S> {
        Fields {
            format: self.format,
            version: self.version,
            app_version: self.app_version,
            exported_at: self.exported_at,
            device: self.device,
            scope: self.scope,
            records: self.records.map(f),
        }
    }
}

/// `records` as the first pass found it.
enum Records<'a> {
    /// Every record of every table, read.
    Read(Box<ReadTables>),
    /// Anything else, as its text, for the exact reader.
    Text(&'a RawValue),
}

/// Work done with one kind's record type: [`per_kind`] calls `run` with
/// the type of the kind it is given.
trait PerKind {
    type Out;
    fn run<T: DeserializeOwned + Body>(self, wrap: fn(Record<T>) -> AnyRecord) -> Self::Out;
}

/// The one place that maps a kind to its record type, for reading.
fn per_kind<P: PerKind>(kind: Kind, p: P) -> P::Out {
    match kind {
        Kind::People => p.run(AnyRecord::Person),
        Kind::Places => p.run(AnyRecord::Place),
        Kind::Programmes => p.run(AnyRecord::Programme),
        Kind::Groups => p.run(AnyRecord::Group),
        Kind::Memberships => p.run(AnyRecord::Membership),
        Kind::Meetings => p.run(AnyRecord::Meeting),
        Kind::Flags => p.run(AnyRecord::Flag),
        Kind::Cases => p.run(AnyRecord::Case),
        Kind::FollowUps => p.run(AnyRecord::FollowUp),
        Kind::Courses => p.run(AnyRecord::Course),
        Kind::Changes => p.run(AnyRecord::Change),
    }
}

// Written out rather than derived: a derived struct would also accept a
// JSON array in field order, which is not a file of ours.
impl<'de, R: Deserialize<'de>> Deserialize<'de> for Fields<'de, R> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Finder<R>(PhantomData<R>);
        impl<'de, R: Deserialize<'de>> Visitor<'de> for Finder<R> {
            type Value = Fields<'de, R>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an exchange file")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut fields = Fields {
                    format: None,
                    version: None,
                    app_version: None,
                    exported_at: None,
                    device: None,
                    scope: None,
                    records: None,
                };
                while let Some(key) = map.next_key::<String>()? {
                    let slot = match key.as_str() {
                        "format" => &mut fields.format,
                        "version" => &mut fields.version,
                        "app_version" => &mut fields.app_version,
                        "exported_at" => &mut fields.exported_at,
                        "device" => &mut fields.device,
                        "scope" => &mut fields.scope,
                        "records" => {
                            fields.records = Some(map.next_value()?);
                            continue;
                        }
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                            continue;
                        }
                    };
                    *slot = Some(map.next_value()?);
                }
                Ok(fields)
            }
        }
        d.deserialize_map(Finder(PhantomData))
    }
}

fn read_version(raw: Option<&RawValue>) -> Result<u32, ImportError> {
    let found = raw
        .and_then(|raw| serde_json::from_str::<u64>(raw.get()).ok())
        .ok_or_else(|| bad("version", "missing, or not a whole number".into()))?;
    match u32::try_from(found) {
        Ok(v) if v <= VERSION => Ok(v),
        _ => Err(ImportError::NewerVersion {
            found,
            known: VERSION,
        }),
    }
}

/// Reads one top-level field, naming it if it is missing or wrong.
fn field<'a, T: Deserialize<'a>>(
    raw: Option<&'a RawValue>,
    name: &'static str,
) -> Result<T, ImportError> {
    let raw = raw.ok_or_else(|| bad(name, "missing".into()))?;
    serde_json::from_str(raw.get()).map_err(|e| bad(name, message(&e)))
}

/// The reader's message about a slice of the file, without its position
/// in that slice (which would not be the position in the file).
fn message(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let place = format!(" at line {} column {}", e.line(), e.column());
    short(text.strip_suffix(&place).unwrap_or(&text))
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
