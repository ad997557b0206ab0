//! The one-pass reader: a sound file's records read straight from the text
//! in the same pass as its envelope (see [`super::find_fields`]).

use super::{per_kind, PerKind};
use crate::domain::record::{Body, Record};
use crate::domain::register::Kind;
use crate::exchange::any_record::AnyRecord;
use crate::exchange::checks::{check_file, Entry, InvalidRecord};
use crate::exchange::envelope::FileRecord;
use serde::de::{DeserializeOwned, Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use std::fmt;
use std::marker::PhantomData;

/// Each table's records read in the first pass, in the file's order, at
/// [`Kind::ALL`]'s place. Reading fails, and the file goes to the exact
/// reader, on anything that reader would report or resolve: a record that
/// does not read, a table that is not a list or not known, a table given
/// twice.
pub(super) struct ReadTables {
    lists: [Vec<Entry>; Kind::ALL.len()],
}

impl ReadTables {
    /// The records, in [`Kind::ALL`] order like the exact reader's, and
    /// those the file checks set aside.
    pub(super) fn checked(self) -> (Vec<Entry>, Vec<InvalidRecord>) {
        let mut invalid = Vec::new();
        let entries = check_file(
            self.lists.into_iter().flatten().collect(),
            &[],
            &mut invalid,
        );
        (entries, invalid)
    }
}

impl<'de> Deserialize<'de> for ReadTables {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Reader;
        impl<'de> Visitor<'de> for Reader {
            type Value = ReadTables;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object of record lists")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ReadTables, A::Error> {
                let mut lists: [Option<Vec<Entry>>; Kind::ALL.len()] =
                    std::array::from_fn(|_| None);
                while let Some(name) = map.next_key::<String>()? {
                    let i = Kind::ALL
                        .iter()
                        .position(|k| k.name() == name)
                        .ok_or_else(|| serde::de::Error::custom("not a table"))?;
                    if lists[i].is_some() {
                        return Err(serde::de::Error::custom("a table given twice"));
                    }
                    lists[i] = Some(per_kind(Kind::ALL[i], ReadList(&mut map, PhantomData))?);
                }
                Ok(ReadTables {
                    lists: lists.map(Option::unwrap_or_default),
                })
            }
        }
        d.deserialize_map(Reader)
    }
}

/// A table's list, read straight into records in the first pass.
struct ReadList<'m, 'de, A>(&'m mut A, PhantomData<&'de ()>);

impl<'de, A: MapAccess<'de>> PerKind for ReadList<'_, 'de, A> {
    type Out = Result<Vec<Entry>, A::Error>;
    fn run<T: DeserializeOwned + Body>(self, wrap: fn(Record<T>) -> AnyRecord) -> Self::Out {
        let records: Vec<FileRecord<T>> = self.0.next_value()?;
        Ok(records
            .into_iter()
            .enumerate()
            .map(|(position, r)| Entry {
                position,
                record: wrap(r.into_record(T::anchor)),
            })
            .collect())
    }
}
