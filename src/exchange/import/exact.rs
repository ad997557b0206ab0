//! The exact reader: `records` taken apart table by table, then record by
//! record from each record's own text, so that each record that does not
//! read is set aside with the reader's reason and the rest is still read.
//! Files that the one-pass reader cannot read come here.

use super::{field, message, per_kind, short, ImportError, PerKind};
use crate::domain::id::Id;
use crate::domain::record::{Body, Record};
use crate::domain::register::Kind;
use crate::exchange::any_record::AnyRecord;
use crate::exchange::checks::{check_file, Entry, InvalidRecord, RecordProblem};
use crate::exchange::envelope::FileRecord;
use serde::de::{DeserializeOwned, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;
use std::fmt;
use std::marker::PhantomData;

/// Reads `records`, kept as its text by the first pass: the first thing
/// wrong with its tables is named, and each record that does not read is
/// set aside.
pub(super) fn read_records(
    records: &RawValue,
) -> Result<(Vec<Entry>, Vec<InvalidRecord>), ImportError> {
    read_tables(lists_of(field(Some(records), "records")?)?)
}

/// The lists of `records` in [`Kind::ALL`] order, each as `L` (its text,
/// or its records' texts), and the first name that is not a kind of record.
struct Tables<L> {
    lists: [Option<L>; Kind::ALL.len()],
    unknown: Option<String>,
}

impl<L> Default for Tables<L> {
    fn default() -> Self {
        Tables {
            lists: std::array::from_fn(|_| None),
            unknown: None,
        }
    }
}

impl<'de, L: Deserialize<'de>> Deserialize<'de> for Tables<L> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Finder<L>(PhantomData<L>);
        impl<'de, L: Deserialize<'de>> Visitor<'de> for Finder<L> {
            type Value = Tables<L>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object of record lists")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Tables<L>, A::Error> {
                let mut tables = Tables::default();
                while let Some(name) = map.next_key::<String>()? {
                    match Kind::ALL.iter().position(|k| k.name() == name) {
                        Some(i) => tables.lists[i] = Some(map.next_value()?),
                        None => {
                            map.next_value::<IgnoredAny>()?;
                            tables.unknown.get_or_insert(name);
                        }
                    }
                }
                Ok(tables)
            }
        }
        d.deserialize_map(Finder(PhantomData))
    }
}

/// A table this app does not know is named before any table that is not
/// a list.
fn known<L>(tables: &Tables<L>) -> Result<(), ImportError> {
    match &tables.unknown {
        Some(name) => Err(ImportError::UnknownTable { name: short(name) }),
        None => Ok(()),
    }
}

/// The records of each table of a `records` that the first pass could not
/// read as lists: the first table, in [`Kind::ALL`] order, that is not a
/// list is named.
fn lists_of(tables: Tables<&RawValue>) -> Result<Tables<Vec<&RawValue>>, ImportError> {
    known(&tables)?;
    let mut lists = Tables::default();
    for ((kind, text), list) in Kind::ALL
        .into_iter()
        .zip(tables.lists)
        .zip(&mut lists.lists)
    {
        if let Some(text) = text {
            let items = serde_json::from_str(text.get())
                .map_err(|_| ImportError::BadTable { table: kind })?;
            *list = Some(items);
        }
    }
    Ok(lists)
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
    tables: Tables<Vec<&RawValue>>,
) -> Result<(Vec<Entry>, Vec<InvalidRecord>), ImportError> {
    known(&tables)?;
    let mut reading = Reading::default();
    // In a fixed order, whatever the order in the file.
    for (kind, list) in Kind::ALL.into_iter().zip(tables.lists) {
        // A table left out holds nothing.
        let items = list.unwrap_or_default();
        per_kind(
            kind,
            ReadTable {
                reading: &mut reading,
                kind,
                items,
            },
        );
    }
    let Reading {
        entries,
        mut invalid,
        unreadable_ids,
    } = reading;
    let entries = check_file(entries, &unreadable_ids, &mut invalid);
    Ok((entries, invalid))
}

/// Just the id of a record, to name one that cannot be read whole.
#[derive(Deserialize)]
struct IdOnly {
    id: Id,
}

/// A table's records read one by one from their texts, each that does not
/// read set aside with the reader's reason.
struct ReadTable<'r, 'a> {
    reading: &'r mut Reading,
    kind: Kind,
    items: Vec<&'a RawValue>,
}

impl PerKind for ReadTable<'_, '_> {
    type Out = ();
    fn run<T: DeserializeOwned + Body>(self, wrap: fn(Record<T>) -> AnyRecord) {
        let ReadTable {
            reading,
            kind,
            items,
        } = self;
        read_table(reading, kind, items, wrap);
    }
}

fn read_table<T: DeserializeOwned + Body>(
    reading: &mut Reading,
    kind: Kind,
    items: Vec<&RawValue>,
    wrap: fn(Record<T>) -> AnyRecord,
) {
    for (position, item) in items.into_iter().enumerate() {
        match serde_json::from_str::<FileRecord<T>>(item.get()) {
            Ok(record) => reading.entries.push(Entry {
                position,
                record: wrap(record.into_record(T::anchor)),
            }),
            Err(e) => {
                let id = serde_json::from_str::<IdOnly>(item.get())
                    .ok()
                    .map(|i| i.id);
                reading.unreadable_ids.extend(id);
                reading.invalid.push(InvalidRecord {
                    kind,
                    id,
                    position,
                    problems: vec![RecordProblem::Unreadable(message(&e))],
                });
            }
        }
    }
}
