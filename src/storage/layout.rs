//! Where the register lives in local storage.
//!
//! ```text
//! {ns}/meta                    the commit point: which chunk holds each bucket
//! {ns}/{kind}/{bucket}/{gen}   one chunk: the records of a kind whose id
//!                              hashes into that bucket, written at `gen`
//! {ns}/settings                the volunteer's settings (plain JSON)
//! {ns}/backup                  the meta as it was before the last import;
//!                              the chunks it names are kept until dropped
//! ```
//!
//! Records are spread over [`BUCKETS`] chunks per kind by a hash of their id,
//! so saving one change rewrites one small chunk, not the whole register.
//! A chunk is never overwritten in place: a commit writes new chunks under a
//! new generation, then switches `meta` to them in a single write, then
//! removes the old ones. A failure before the switch leaves the old state
//! whole; a failure after it leaves only garbage to sweep.

use crate::domain::id::{Id, IdGen};
use crate::domain::record::Record;
use crate::domain::register::Kind;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The storage layout version this app writes and reads.
pub const FORMAT: u32 = 1;
/// Chunks per kind of record.
pub const BUCKETS: u16 = 64;

/// The namespace of the real register. Demonstration data lives elsewhere.
pub const REAL: &str = "bal";

/// The namespace of demonstration data: never the real register's keys, so
/// entering or leaving a demonstration cannot touch real records.
pub const DEMO: &str = "bal-demo";

/// Whether the app shows the demonstration ("demo") or the real register.
pub const MODE_KEY: &str = "bal/mode";

pub type Bucket = u16;

/// The bucket of a record: by its anchor when it has one (a meeting goes
/// with its group), else by its own id.
pub fn bucket_of<T>(record: &Record<T>) -> Bucket {
    bucket_of_key(record.anchor.unwrap_or(record.id))
}

pub fn bucket_of_key(key: Id) -> Bucket {
    (key.stable_hash() % u64::from(BUCKETS)) as Bucket
}

pub fn meta_key(ns: &str) -> String {
    format!("{ns}/meta")
}

/// The register as it was before the last import (see `Repo::take_backup`).
pub fn backup_key(ns: &str) -> String {
    format!("{ns}/backup")
}

pub fn settings_key(ns: &str) -> String {
    format!("{ns}/settings")
}

pub fn chunk_key(ns: &str, kind: Kind, bucket: Bucket, gen: u64) -> String {
    format!("{ns}/{}/{bucket}/{gen}", kind.name())
}

/// Reads a chunk key back into its parts; `None` for any other key.
pub fn parse_chunk_key(ns: &str, key: &str) -> Option<(Kind, Bucket, u64)> {
    let rest = key.strip_prefix(ns)?.strip_prefix('/')?;
    let mut parts = rest.split('/');
    let kind = Kind::from_name(parts.next()?)?;
    let bucket: Bucket = parts.next()?.parse().ok()?;
    let gen: u64 = parts.next()?.parse().ok()?;
    (parts.next().is_none() && bucket < BUCKETS).then_some((kind, bucket, gen))
}

/// The commit point of a register.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    pub format: u32,
    /// Increases with every commit, from any tab.
    pub gen: u64,
    /// This device's id generator, saved with the records it numbered.
    pub ids: IdGen,
    /// For each kind, the generation of the chunk holding each bucket.
    pub chunks: BTreeMap<Kind, BTreeMap<Bucket, u64>>,
    /// Chunks that could not be read; kept untouched, never overwritten.
    #[serde(default)]
    pub quarantine: Vec<String>,
}

impl Meta {
    pub fn new(ids: IdGen) -> Self {
        Meta {
            format: FORMAT,
            gen: 0,
            ids,
            chunks: BTreeMap::new(),
            quarantine: Vec::new(),
        }
    }

    pub fn chunk_gen(&self, kind: Kind, bucket: Bucket) -> Option<u64> {
        self.chunks.get(&kind).and_then(|b| b.get(&bucket)).copied()
    }

    /// Every (kind, bucket, gen) the meta points at.
    pub fn all_chunks(&self) -> impl Iterator<Item = (Kind, Bucket, u64)> + '_ {
        self.chunks
            .iter()
            .flat_map(|(k, b)| b.iter().map(move |(bucket, gen)| (*k, *bucket, *gen)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::id::DeviceTag;

    #[test]
    fn chunk_keys_round_trip() {
        let key = chunk_key("bal", Kind::People, 17, 9);
        assert_eq!(key, "bal/people/17/9");
        assert_eq!(parse_chunk_key("bal", &key), Some((Kind::People, 17, 9)));
    }

    #[test]
    fn other_keys_are_not_chunks() {
        for key in [
            "bal/meta",
            "bal/settings",
            "bal-demo/people/1/1",
            "bal/people/64/1",
            "bal/people/1/1/x",
            "bal/ghosts/1/1",
        ] {
            assert_eq!(parse_chunk_key("bal", key), None, "{key}");
        }
    }

    #[test]
    fn buckets_spread_sequential_ids() {
        let device = DeviceTag::from_random(99);
        let mut counts = [0u32; BUCKETS as usize];
        for seq in 1..=6400 {
            counts[bucket_of_key(Id::new(device, seq)) as usize] += 1;
        }
        assert!(
            counts.iter().all(|&c| (60..=140).contains(&c)),
            "{counts:?}"
        );
    }

    #[test]
    fn meta_is_readable_json() {
        let meta = Meta::new(IdGen::new(DeviceTag::from_random(5)));
        let json = serde_json::to_string(&meta).unwrap();
        assert_eq!(serde_json::from_str::<Meta>(&json).unwrap(), meta);
    }
}
