//! Sealing and opening stored values one at a time, and loading the
//! register of a namespace, opened, into memory.

use super::header::KeyId;
use super::keys::Keys;
use crate::crypto::{self, Cipher, CryptoError};
use crate::storage::key_value::{KeyValue, MemoryStore};
use crate::storage::layout::{backup_key, meta_key, parse_chunk_key};
use crate::storage::packing::{pack, unpack};

/// The first character of a sealed value. (Plain values start with `{`
/// or a chunk codec tag, `A` or `B`; `S` is never a codec tag.)
pub const SEALED: char = 'S';

/// Whether `key` holds part of the register of `ns` (and so is sealed
/// when the lock is on).
pub fn is_register_key(ns: &str, key: &str) -> bool {
    key == meta_key(ns) || key == backup_key(ns) || parse_chunk_key(ns, key).is_some()
}

/// Why a value could not be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ValueError {
    /// Sealed with a key that is not open.
    NoKey,
    /// Not a sealed value of ours, or changed since it was sealed.
    Damaged,
    Crypto(CryptoError),
}

/// `text` sealed for storage under `storage_key`.
pub async fn seal_value<C: Cipher>(
    cipher: &C,
    (id, key): (KeyId, &C::Key),
    storage_key: &str,
    text: &str,
) -> Result<String, CryptoError> {
    // Chunks are packed text (three UTF-8 bytes a unit, two in UTF-16);
    // JSON is ASCII (one byte in UTF-8).
    let utf16_len = text.encode_utf16().count() * 2;
    let mut plain = Vec::with_capacity(1 + text.len().min(utf16_len));
    if utf16_len < text.len() {
        plain.push(1);
        plain.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    } else {
        plain.push(0);
        plain.extend_from_slice(text.as_bytes());
    }
    let sealed = crypto::seal(cipher, key, storage_key.as_bytes(), &plain).await?;
    let mut bytes = Vec::with_capacity(4 + sealed.len());
    bytes.extend_from_slice(&id);
    bytes.extend_from_slice(&sealed);
    let mut out = String::with_capacity(bytes.len() + 4);
    out.push(SEALED);
    out.push_str(&pack(&bytes));
    Ok(out)
}

/// Which key sealed a stored value; `None` for a plain one.
pub fn sealed_by(stored: &str) -> Option<Option<KeyId>> {
    let packed = stored.strip_prefix(SEALED)?;
    Some(unpack(packed).and_then(|b| b.get(..4)?.try_into().ok()))
}

/// The text of a stored value: a plain one as it is, a sealed one opened.
pub async fn open_value<C: Cipher>(
    cipher: &C,
    keys: &Keys<C::Key>,
    storage_key: &str,
    stored: &str,
) -> Result<String, ValueError> {
    let Some(packed) = stored.strip_prefix(SEALED) else {
        return Ok(stored.to_string());
    };
    let bytes = unpack(packed).ok_or(ValueError::Damaged)?;
    if bytes.len() < 4 {
        return Err(ValueError::Damaged);
    }
    let (id, sealed) = bytes.split_at(4);
    let key = keys
        .get(id.try_into().expect("four bytes"))
        .ok_or(ValueError::NoKey)?;
    let plain = crypto::open(cipher, key, storage_key.as_bytes(), sealed)
        .await
        .map_err(|e| match e {
            CryptoError::Refused => ValueError::Damaged,
            other => ValueError::Crypto(other),
        })?;
    match plain.split_first() {
        Some((0, utf8)) => String::from_utf8(utf8.to_vec()).map_err(|_| ValueError::Damaged),
        Some((1, utf16)) if utf16.len() % 2 == 0 => {
            let units: Vec<u16> = utf16
                .chunks(2)
                .map(|p| u16::from_le_bytes([p[0], p[1]]))
                .collect();
            String::from_utf16(&units).map_err(|_| ValueError::Damaged)
        }
        _ => Err(ValueError::Damaged),
    }
}

/// Why the register could not be read from storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// A value is sealed with a key that is not open.
    NeedsKey,
    Crypto(CryptoError),
}

/// The register's values of `ns`, opened, in a store of their own for
/// [`crate::storage::repo::Repo::open`]. A value that does not open is
/// kept as it is stored: the repository then finds it unreadable and sets
/// it aside, as it does any damaged chunk, and the rest of the register
/// opens.
pub async fn load<C: Cipher>(
    cipher: &C,
    disk: &impl KeyValue,
    ns: &str,
    keys: &Keys<C::Key>,
) -> Result<MemoryStore, LoadError> {
    let mut mem = MemoryStore::default();
    for key in disk.keys() {
        if !is_register_key(ns, &key) {
            continue;
        }
        let Some(stored) = disk.get(&key) else {
            continue;
        };
        let text = match open_value(cipher, keys, &key, &stored).await {
            Ok(text) => text,
            Err(ValueError::NoKey) => return Err(LoadError::NeedsKey),
            Err(ValueError::Crypto(e)) => return Err(LoadError::Crypto(e)),
            Err(ValueError::Damaged) => stored,
        };
        mem.items.insert(key, text);
    }
    Ok(mem)
}
