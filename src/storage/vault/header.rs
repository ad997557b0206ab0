//! The lock header, `{ns}/lock`: the format version, the keys as the
//! header keeps them (key derivation and check value), the re-encryption
//! under way, and reading and writing the header. `Task` is here rather
//! than with the change that carries it out because it is part of the
//! header as written.

use crate::crypto::{base64, Kdf};
use crate::storage::key_value::{KeyValue, WriteError};
use serde::{Deserialize, Serialize};

/// The header's format version.
pub const VERSION: u32 = 1;

/// Where a namespace's lock header is kept.
pub fn lock_key(ns: &str) -> String {
    format!("{ns}/lock")
}

/// Names a key in sealed values: the first bytes of its salt.
pub type KeyId = [u8; 4];

/// One key of the lock, as the header keeps it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockKey {
    pub kdf: Kdf,
    /// Base64 of a small known text sealed with the key: a passphrase is
    /// right when it opens this.
    pub check: String,
}

impl LockKey {
    pub fn id(&self) -> Option<KeyId> {
        base64::decode(&self.kdf.salt)?.get(..4)?.try_into().ok()
    }
}

/// A re-encryption under way.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Task {
    /// Plain values are being sealed (a passphrase was set).
    Seal,
    /// Sealed values are being made plain (the passphrase was removed).
    Unseal,
    /// Values are being sealed under the first key (the passphrase was
    /// changed); the second key opens those not done yet.
    Reseal,
}

/// The lock header, `{ns}/lock`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    pub version: u32,
    /// The key values are sealed with first; during a change, the old one
    /// after it.
    pub keys: Vec<LockKey>,
    #[serde(default)]
    pub task: Option<Task>,
}

/// The header cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HeaderError {
    /// Written by a newer app.
    Newer { found: u32 },
    /// Not a header this app wrote.
    Damaged,
}

/// Reads the lock header of `ns`: `Ok(None)` when there is no lock.
pub fn read_header(kv: &impl KeyValue, ns: &str) -> Result<Option<Header>, HeaderError> {
    let Some(text) = kv.get(&lock_key(ns)) else {
        return Ok(None);
    };
    let header: Header = serde_json::from_str(&text).map_err(|_| HeaderError::Damaged)?;
    if header.version > VERSION {
        return Err(HeaderError::Newer {
            found: header.version,
        });
    }
    if header.keys.is_empty() || header.keys.iter().any(|k| k.id().is_none()) {
        return Err(HeaderError::Damaged);
    }
    Ok(Some(header))
}

pub(super) fn write_header(
    kv: &mut impl KeyValue,
    ns: &str,
    header: &Header,
) -> Result<(), WriteError> {
    let text = serde_json::to_string(header).expect("a header always serialises");
    kv.set(&lock_key(ns), &text)
}
