//! Each kind's table as storage sees it: records to encode by bucket and
//! chunks to decode into it, whatever the record type.

use super::codec::{self, DecodeError};
use super::layout::{bucket_of, bucket_of_key, Bucket, BUCKETS};
use crate::domain::id::Id;
use crate::domain::record::Record;
use crate::domain::register::{Kind, Register};
use crate::domain::sort::{self, Key};
use crate::domain::table::Table;
use serde::{de::DeserializeOwned, Serialize};

pub trait StoredTable {
    /// The bucket of the record with this id; by the id alone if there is
    /// no such record.
    fn bucket_of_id(&self, id: Id) -> Bucket;
    /// The bucket's records encoded as one chunk; `None` when it has none.
    fn encode_bucket(&self, bucket: Bucket) -> Option<String> {
        self.encode_buckets(&[bucket]).pop().flatten()
    }
    /// [`StoredTable::encode_bucket`] for each of `buckets`, in that order,
    /// from one pass over the table: an import rewrites every bucket, and a
    /// pass per bucket made that 64 passes over the whole table.
    fn encode_buckets(&self, buckets: &[Bucket]) -> Vec<Option<String>> {
        self.bucket_bodies(buckets)
            .into_iter()
            .map(|body| body.map(|b| codec::frame(&b)))
            .collect()
    }
    /// The [`codec::body`] of each of `buckets`, in that order (`None`: the
    /// bucket is empty), to be framed later.
    fn bucket_bodies(&self, buckets: &[Bucket]) -> Vec<Option<Vec<u8>>>;
    /// Replaces the bucket's records with those in `chunk`. On error the
    /// table is left as it was.
    fn replace_bucket(&mut self, bucket: Bucket, chunk: &str) -> Result<(), DecodeError>;
    fn clear_bucket(&mut self, bucket: Bucket);
    /// Adds the records in `chunk`, when the table holds none of its bucket
    /// yet (opening the register): unlike [`StoredTable::replace_bucket`],
    /// it does not look through the table for old ones to remove, which
    /// made opening a large register scan it once per chunk. On error
    /// nothing is added.
    fn load_bucket(&mut self, chunk: &str) -> Result<(), DecodeError>;
    /// Whether `chunk` decodes as records of this table's type.
    fn decodes(&self, chunk: &str) -> bool;
    /// Every id, tombstones included.
    fn ids(&self) -> Vec<Id>;
}

impl<T: Serialize + DeserializeOwned> StoredTable for Table<T> {
    fn bucket_of_id(&self, id: Id) -> Bucket {
        self.record(id).map_or_else(|| bucket_of_key(id), bucket_of)
    }

    fn bucket_bodies(&self, buckets: &[Bucket]) -> Vec<Option<Vec<u8>>> {
        let mut wanted = [false; BUCKETS as usize];
        for &b in buckets {
            wanted[usize::from(b)] = true;
        }
        let mut rows: Vec<Vec<&Record<T>>> = (0..BUCKETS).map(|_| Vec::new()).collect();
        for record in self.records() {
            let b = usize::from(bucket_of(record));
            if wanted[b] {
                rows[b].push(record);
            }
        }
        buckets
            .iter()
            .map(|&b| {
                let rows = &mut rows[usize::from(b)];
                // Records with the same anchor side by side: their repeated
                // parts (a group's members in each of its meetings) then
                // compress well.
                sort::by_key(rows, |r| Key::ids(r.anchor, r.id));
                (!rows.is_empty()).then(|| codec::body(rows))
            })
            .collect()
    }

    fn replace_bucket(&mut self, bucket: Bucket, chunk: &str) -> Result<(), DecodeError> {
        let records = codec::decode::<T>(chunk)?;
        self.clear_bucket(bucket);
        for record in records {
            self.put(record);
        }
        Ok(())
    }

    fn clear_bucket(&mut self, bucket: Bucket) {
        self.retain(|r| bucket_of(r) != bucket);
    }

    fn load_bucket(&mut self, chunk: &str) -> Result<(), DecodeError> {
        for record in codec::decode::<T>(chunk)? {
            self.put(record);
        }
        Ok(())
    }

    fn decodes(&self, chunk: &str) -> bool {
        codec::decode::<T>(chunk).is_ok()
    }

    fn ids(&self) -> Vec<Id> {
        self.records().map(|r| r.id).collect()
    }
}

/// The one place that maps a kind to its table.
pub fn table(reg: &Register, kind: Kind) -> &dyn StoredTable {
    match kind {
        Kind::People => &reg.people,
        Kind::Places => &reg.places,
        Kind::Programmes => &reg.programmes,
        Kind::Groups => &reg.groups,
        Kind::Memberships => &reg.memberships,
        Kind::Meetings => &reg.meetings,
        Kind::Flags => &reg.flags,
        Kind::Cases => &reg.cases,
        Kind::FollowUps => &reg.follow_ups,
        Kind::Courses => &reg.courses,
        Kind::Changes => &reg.changes,
    }
}

pub fn table_mut(reg: &mut Register, kind: Kind) -> &mut dyn StoredTable {
    match kind {
        Kind::People => &mut reg.people,
        Kind::Places => &mut reg.places,
        Kind::Programmes => &mut reg.programmes,
        Kind::Groups => &mut reg.groups,
        Kind::Memberships => &mut reg.memberships,
        Kind::Meetings => &mut reg.meetings,
        Kind::Flags => &mut reg.flags,
        Kind::Cases => &mut reg.cases,
        Kind::FollowUps => &mut reg.follow_ups,
        Kind::Courses => &mut reg.courses,
        Kind::Changes => &mut reg.changes,
    }
}
