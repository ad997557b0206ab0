//! One storage chunk: a list of records, encoded densely and checksummed.
//!
//! Layout of the stored text: a one-letter codec tag, then the packed bytes
//! of `[checksum: u32 LE][postcard(Vec<Record<T>>)]`. The tag names the
//! encoding, so a later version can read chunks written by an earlier one.

use super::packing::{pack, unpack};
use crate::domain::record::Record;
use serde::{de::DeserializeOwned, Serialize};
use std::fmt;

/// Tag of the current chunk encoding.
const CODEC_V1: char = 'A';

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// The tag is one this version does not know (written by a newer app?).
    UnknownCodec(Option<char>),
    /// Not packed text, or cut short.
    Damaged,
    /// The checksum does not match: the text was changed or cut.
    ChecksumMismatch,
    /// The bytes are whole but do not decode as records.
    Malformed(String),
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::UnknownCodec(Some(c)) => write!(f, "unknown chunk encoding {c:?}"),
            DecodeError::UnknownCodec(None) => f.write_str("empty chunk"),
            DecodeError::Damaged => f.write_str("chunk is not packed data"),
            DecodeError::ChecksumMismatch => f.write_str("chunk checksum does not match"),
            DecodeError::Malformed(e) => write!(f, "chunk does not decode: {e}"),
        }
    }
}

pub fn encode<T: Serialize>(records: &[&Record<T>]) -> String {
    let body = postcard::to_allocvec(records).expect("records always serialise");
    let mut bytes = Vec::with_capacity(body.len() + 4);
    bytes.extend_from_slice(&checksum(&body).to_le_bytes());
    bytes.extend_from_slice(&body);
    let mut out = String::with_capacity(bytes.len() * 2);
    out.push(CODEC_V1);
    out.push_str(&pack(&bytes));
    out
}

pub fn decode<T: DeserializeOwned>(text: &str) -> Result<Vec<Record<T>>, DecodeError> {
    let mut chars = text.chars();
    match chars.next() {
        Some(CODEC_V1) => {}
        other => return Err(DecodeError::UnknownCodec(other)),
    }
    let bytes = unpack(chars.as_str()).ok_or(DecodeError::Damaged)?;
    if bytes.len() < 4 {
        return Err(DecodeError::Damaged);
    }
    let (sum, body) = bytes.split_at(4);
    if checksum(body).to_le_bytes() != sum {
        return Err(DecodeError::ChecksumMismatch);
    }
    postcard::from_bytes(body).map_err(|e| DecodeError::Malformed(e.to_string()))
}

/// FNV-1a, 32 bits: enough to notice damage, not a defence against forgery.
fn checksum(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811C_9DC5u32, |h, &b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::id::{DeviceTag, Id};
    use crate::domain::person::{fixtures::child, Person};
    use crate::domain::record::Clock;
    use crate::domain::time::Timestamp;

    fn record(seq: u32, body: Option<Person>) -> Record<Person> {
        let device = DeviceTag::from_random(42);
        let mut clock = Clock::default();
        clock.tick(device);
        Record {
            id: Id::new(device, seq),
            anchor: None,
            created: Timestamp(1_700_000_000),
            updated: Timestamp(1_700_000_100),
            clock,
            body,
        }
    }

    #[test]
    fn records_and_tombstones_round_trip() {
        let mut named = child("സ്നേഹ");
        named.notes = "<img src=x onerror=alert(1)>\nline two".into();
        let rows = [record(1, Some(named)), record(2, None)];
        let text = encode(&rows.iter().collect::<Vec<_>>());
        assert_eq!(decode::<Person>(&text).unwrap(), rows.to_vec());
    }

    #[test]
    fn a_changed_character_is_detected() {
        let rows = [record(1, Some(child("Asha")))];
        let text = encode(&rows.iter().collect::<Vec<_>>());
        let mut chars: Vec<char> = text.chars().collect();
        let mid = chars.len() / 2;
        chars[mid] = char::from_u32(u32::from(chars[mid]) ^ 1).unwrap();
        let damaged: String = chars.into_iter().collect();
        assert_eq!(
            decode::<Person>(&damaged),
            Err(DecodeError::ChecksumMismatch)
        );
    }

    #[test]
    fn a_cut_chunk_is_detected() {
        let rows: Vec<_> = (1..50).map(|i| record(i, Some(child("Asha")))).collect();
        let text = encode(&rows.iter().collect::<Vec<_>>());
        let cut: String = text.chars().take(text.chars().count() / 2).collect();
        assert!(decode::<Person>(&cut).is_err());
    }

    #[test]
    fn foreign_values_are_refused_not_misread() {
        assert_eq!(decode::<Person>(""), Err(DecodeError::UnknownCodec(None)));
        assert_eq!(
            decode::<Person>("[1,2]"),
            Err(DecodeError::UnknownCodec(Some('[')))
        );
        assert_eq!(decode::<Person>("Aabc"), Err(DecodeError::Damaged));
    }
}
