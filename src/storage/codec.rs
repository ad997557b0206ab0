//! One storage chunk: a list of records, encoded densely and checksummed.
//!
//! Layout of the stored text: a one-letter codec tag, then packed bytes
//! (15 bits a UTF-16 unit, see [`super::packing`]):
//!
//! - `A`: `[checksum: u32 LE][postcard(Vec<Record<T>>)]`
//! - `B`: `[checksum: u32 LE][length: u32 LE][lzr(postcard(…))]`, the
//!   length being that of the postcard bytes (see [`super::lzr`]).
//!
//! The checksum covers every byte after it. The tag names the encoding, so
//! this version still reads chunks written by an earlier one: `A` chunks
//! stay readable and become `B` the next time their bucket is saved.

use super::lzr;
use super::packing::{pack, unpack};
use crate::domain::record::Record;
use serde::{de::DeserializeOwned, Serialize};
use std::borrow::Cow;
use std::fmt;

/// Postcard bytes as they are.
const PLAIN: char = 'A';
/// Postcard bytes compressed: a state's register takes an eighth of the
/// room (docs/performance.md).
const COMPRESSED: char = 'B';

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

/// The chunk holding `records`: compressed, unless that would not save
/// room (a chunk of one or two records).
pub fn encode<T: Serialize>(records: &[&Record<T>]) -> String {
    frame(&body(records))
}

/// The bytes a chunk of `records` stores: the quick half of [`encode`].
pub fn body<T: Serialize>(records: &[&Record<T>]) -> Vec<u8> {
    postcard::to_allocvec(records).expect("records always serialise")
}

/// The chunk holding a [`body`]: the slow half of [`encode`], which
/// compresses. It needs nothing but the bytes, so a large save can do it in
/// worker threads (`storage::workers`).
pub fn frame(body: &[u8]) -> String {
    let length = u32::try_from(body.len()).expect("a chunk is far below 4 GiB");
    let mut compressed = Vec::with_capacity(body.len() / 4 + 8);
    compressed.extend_from_slice(&length.to_le_bytes());
    compressed.extend_from_slice(&lzr::compress(body));
    // The compressor is our own code: a stream is only kept once it has
    // been read back whole, so a bug in it costs room, never records.
    let reads_back = || lzr::decompress(&compressed[4..], body.len()).as_deref() == Some(body);
    if compressed.len() < body.len() && reads_back() {
        framed(COMPRESSED, &compressed)
    } else {
        framed(PLAIN, body)
    }
}

/// [`frame`] for each body of a commit, on this thread; `None` (a bucket
/// left empty) stays `None`.
pub fn frame_each(bodies: &[Option<Vec<u8>>]) -> Vec<Option<String>> {
    bodies.iter().map(|b| b.as_deref().map(frame)).collect()
}

/// The chunk as versions before compression wrote it (codec `A`), for
/// tests that such chunks still read.
#[cfg(test)]
pub(crate) fn encode_plain<T: Serialize>(records: &[&Record<T>]) -> String {
    framed(
        PLAIN,
        &postcard::to_allocvec(records).expect("records always serialise"),
    )
}

pub fn decode<T: DeserializeOwned>(text: &str) -> Result<Vec<Record<T>>, DecodeError> {
    let mut chars = text.chars();
    let tag = chars.next();
    if !matches!(tag, Some(PLAIN | COMPRESSED)) {
        return Err(DecodeError::UnknownCodec(tag));
    }
    let bytes = unpack(chars.as_str()).ok_or(DecodeError::Damaged)?;
    if bytes.len() < 4 {
        return Err(DecodeError::Damaged);
    }
    let (sum, payload) = bytes.split_at(4);
    if checksum(payload).to_le_bytes() != sum {
        return Err(DecodeError::ChecksumMismatch);
    }
    let body = if tag == Some(COMPRESSED) {
        Cow::Owned(decompress(payload)?)
    } else {
        Cow::Borrowed(payload)
    };
    postcard::from_bytes(&body).map_err(|e| DecodeError::Malformed(e.to_string()))
}

/// The stored text of a chunk: tag, then the packed checksum and payload.
fn framed(tag: char, payload: &[u8]) -> String {
    let mut bytes = Vec::with_capacity(payload.len() + 4);
    bytes.extend_from_slice(&checksum(payload).to_le_bytes());
    bytes.extend_from_slice(payload);
    let mut out = String::with_capacity(bytes.len() * 2);
    out.push(tag);
    out.push_str(&pack(&bytes));
    out
}

/// The postcard bytes of a `B` payload. The checksum has already matched,
/// so a failure here means a bug or a forgery; the stated length bounds the
/// memory a bad stream can take.
fn decompress(payload: &[u8]) -> Result<Vec<u8>, DecodeError> {
    let (length, stream) = payload.split_at_checked(4).ok_or(DecodeError::Damaged)?;
    let length = u32::from_le_bytes(length.try_into().expect("four bytes")) as usize;
    lzr::decompress(stream, length).ok_or_else(|| {
        DecodeError::Malformed("the compressed stream does not give the stated length".into())
    })
}

/// FNV-1a, 32 bits: enough to notice damage, not a defence against forgery.
fn checksum(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811C_9DC5u32, |h, &b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

#[cfg(test)]
mod tests;
