//! The passphrase lock: the register's values in local storage encrypted
//! with a key only the volunteer's passphrase opens.
//!
//! ```text
//! {ns}/lock     JSON header, in the clear: the key derivation (salt,
//!               rounds) of each key, a small value sealed with it to check
//!               a passphrase, and the re-encryption under way, if any
//! {ns}/meta, {ns}/backup, {ns}/{kind}/{bucket}/{gen}
//!               each value either as before (plain) or sealed:
//!               `S` + packed(key id ‖ nonce ‖ AES-GCM ciphertext ‖ tag)
//! ```
//!
//! - A sealed value names the key that sealed it (the first four bytes of
//!   that key's salt) and is bound to its storage key (the key's name is the
//!   additional authenticated data), so a value moved under another key is
//!   refused. The plaintext is the value's text as UTF-8 or UTF-16, whichever
//!   is shorter, after a byte saying which.
//! - Plain and sealed values can sit side by side, so a change of lock is
//!   made one value at a time, each in one write, and storage is readable
//!   at every step: setting a passphrase first writes the header (with the
//!   task `seal`), then seals value after value, then clears the task;
//!   removing it marks the task `unseal`, unseals, then removes the header;
//!   changing it writes the new key first in the header, keeping the old
//!   one, re-seals, then drops the old key. If the page closes half-way,
//!   the next unlock finishes the task (a change interrupted half-way asks
//!   for both passphrases).
//! - The settings, the demonstration and the app's own keys (`mode`,
//!   `app-version`) are not records and stay plain.
//!
//! While unlocked the app works on a decrypted copy in memory ([`Journal`]),
//! and [`flush`] writes each commit's operations to local storage, sealed,
//! in the order the commit made them (chunks, then the meta, then removals),
//! so the commit protocol's crash safety holds on the sealed copy too.
//! Nothing here needs a browser: the cipher and the store are parameters,
//! and the tests run it natively.

use super::key_value::{KeyValue, MemoryStore, WriteError};
use super::layout::{backup_key, meta_key, parse_chunk_key};
use super::packing::{pack, unpack};
use crate::crypto::{self, base64, Cipher, CryptoError, Kdf, SALT_LEN};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The header's format version.
pub const VERSION: u32 = 1;
/// The first character of a sealed value. (Plain values start with `{`
/// or a chunk codec tag, `A` or `B`; `S` is never a codec tag.)
pub const SEALED: char = 'S';
const CHECK_AAD: &[u8] = b"bal-register lock check";
const CHECK_TEXT: &[u8] = b"bal-register";

/// Where a namespace's lock header is kept.
pub fn lock_key(ns: &str) -> String {
    format!("{ns}/lock")
}

/// Whether `key` holds part of the register of `ns` (and so is sealed
/// when the lock is on).
pub fn is_register_key(ns: &str, key: &str) -> bool {
    key == meta_key(ns) || key == backup_key(ns) || parse_chunk_key(ns, key).is_some()
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

fn write_header(kv: &mut impl KeyValue, ns: &str, header: &Header) -> Result<(), WriteError> {
    let text = serde_json::to_string(header).expect("a header always serialises");
    kv.set(&lock_key(ns), &text)
}

/// The keys a passphrase (or two, after an interrupted change) opened.
pub struct Keys<K> {
    opened: Vec<(KeyId, K)>,
}

impl<K: Clone> Keys<K> {
    pub fn new() -> Self {
        Keys { opened: Vec::new() }
    }

    fn get(&self, id: KeyId) -> Option<&K> {
        self.opened.iter().find(|(i, _)| *i == id).map(|(_, k)| k)
    }

    fn add(&mut self, id: KeyId, key: K) {
        if self.get(id).is_none() {
            self.opened.push((id, key));
        }
    }

    /// The keys of `header` not opened yet.
    pub fn missing(&self, header: &Header) -> usize {
        header
            .keys
            .iter()
            .filter(|k| k.id().is_none_or(|id| self.get(id).is_none()))
            .count()
    }

    /// The key new values are sealed with: the header's first.
    pub fn sealing(&self, header: &Header) -> Option<(KeyId, K)> {
        let id = header.keys.first()?.id()?;
        Some((id, self.get(id)?.clone()))
    }
}

impl<K: Clone> Default for Keys<K> {
    fn default() -> Self {
        Keys::new()
    }
}

/// Why unlocking did not open anything.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UnlockError {
    /// The passphrase opens none of the header's keys. Nothing changed.
    WrongPassphrase,
    Crypto(CryptoError),
}

/// Tries `passphrase` on every key of the header not opened yet; adds the
/// keys it opens to `keys`. Storage is only read.
pub async fn unlock<C: Cipher>(
    cipher: &C,
    header: &Header,
    passphrase: &str,
    keys: &mut Keys<C::Key>,
) -> Result<(), UnlockError> {
    let mut opened_any = false;
    for lock in &header.keys {
        let Some(id) = lock.id() else { continue };
        if keys.get(id).is_some() {
            continue;
        }
        let salt = lock.kdf.salt().map_err(|_| UnlockError::WrongPassphrase)?;
        let key = cipher
            .derive_key(passphrase, &salt, lock.kdf.iterations)
            .await
            .map_err(UnlockError::Crypto)?;
        let check = base64::decode(&lock.check).unwrap_or_default();
        match crypto::open(cipher, &key, CHECK_AAD, &check).await {
            Ok(text) if text == CHECK_TEXT => {
                keys.add(id, key);
                opened_any = true;
            }
            Ok(_) | Err(CryptoError::Refused) => {}
            Err(e) => return Err(UnlockError::Crypto(e)),
        }
    }
    if opened_any {
        Ok(())
    } else {
        Err(UnlockError::WrongPassphrase)
    }
}

/// A new key for `passphrase`, with its header entry. Its id differs from
/// those of `taken`.
pub async fn new_key<C: Cipher>(
    cipher: &C,
    passphrase: &str,
    taken: &[LockKey],
) -> Result<(LockKey, KeyId, C::Key), CryptoError> {
    loop {
        let kdf = Kdf::new(cipher)?;
        let salt = base64::decode(&kdf.salt).expect("a salt just made");
        debug_assert_eq!(salt.len(), SALT_LEN);
        let id: KeyId = salt[..4].try_into().expect("four bytes");
        if taken.iter().any(|k| k.id() == Some(id)) {
            continue;
        }
        let key = cipher.derive_key(passphrase, &salt, kdf.iterations).await?;
        let check = crypto::seal(cipher, &key, CHECK_AAD, CHECK_TEXT).await?;
        let lock = LockKey {
            kdf,
            check: base64::encode(&check),
        };
        return Ok((lock, id, key));
    }
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
/// [`super::repo::Repo::open`]. A value that does not open is kept as it is
/// stored: the repository then finds it unreadable and sets it aside, as
/// it does any damaged chunk, and the rest of the register opens.
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

/// Why a change of lock stopped. Storage is readable as it was left (with
/// the header's keys), and the task is finished the next time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChangeError {
    Storage(WriteError),
    Crypto(CryptoError),
    /// A value is sealed with a key that is not open.
    NeedsKey,
}

impl From<WriteError> for ChangeError {
    fn from(e: WriteError) -> Self {
        ChangeError::Storage(e)
    }
}

impl From<CryptoError> for ChangeError {
    fn from(e: CryptoError) -> Self {
        ChangeError::Crypto(e)
    }
}

/// Rewrites every register value of `ns` into the target form: sealed
/// with `target`, or plain when it is `None`. One write a value; a value
/// that cannot be opened (damaged) is left as it is.
async fn convert<C: Cipher>(
    cipher: &C,
    disk: &mut impl KeyValue,
    ns: &str,
    keys: &Keys<C::Key>,
    target: Option<(KeyId, &C::Key)>,
) -> Result<(), ChangeError> {
    // Another tab may write while this runs (until it sees the header and
    // locks itself): go over the keys again until nothing is left to do.
    for _ in 0..4 {
        let mut converted = 0;
        for key in disk.keys() {
            if !is_register_key(ns, &key) {
                continue;
            }
            let Some(stored) = disk.get(&key) else {
                continue;
            };
            let now = sealed_by(&stored);
            let wanted = target.map(|(id, _)| Some(id));
            if now == wanted {
                continue;
            }
            let text = match open_value(cipher, keys, &key, &stored).await {
                Ok(text) => text,
                Err(ValueError::Damaged) => continue,
                Err(ValueError::NoKey) => return Err(ChangeError::NeedsKey),
                Err(ValueError::Crypto(e)) => return Err(ChangeError::Crypto(e)),
            };
            let value = match target {
                Some(t) => seal_value(cipher, t, &key, &text).await?,
                None => text,
            };
            disk.set(&key, &value)?;
            converted += 1;
        }
        if converted == 0 {
            return Ok(());
        }
    }
    Ok(())
}

/// Seals the register of `ns` with a new passphrase. Returns the header
/// and the keys to work with.
pub async fn set_passphrase<C: Cipher>(
    cipher: &C,
    disk: &mut impl KeyValue,
    ns: &str,
    passphrase: &str,
) -> Result<(Header, Keys<C::Key>), ChangeError> {
    let (lock, id, key) = new_key(cipher, passphrase, &[]).await?;
    let mut header = Header {
        version: VERSION,
        keys: vec![lock],
        task: Some(Task::Seal),
    };
    let mut keys = Keys::new();
    keys.add(id, key);
    write_header(disk, ns, &header)?;
    finish(cipher, disk, ns, &mut header, &keys).await?;
    Ok((header, keys))
}

/// Re-seals the register of `ns` under a new passphrase; `keys` must hold
/// the current key. The old key is kept in the header until every value
/// is re-sealed.
pub async fn change_passphrase<C: Cipher>(
    cipher: &C,
    disk: &mut impl KeyValue,
    ns: &str,
    header: &Header,
    keys: &Keys<C::Key>,
    passphrase: &str,
) -> Result<(Header, Keys<C::Key>), ChangeError> {
    if keys.missing(header) > 0 {
        return Err(ChangeError::NeedsKey);
    }
    let (lock, id, key) = new_key(cipher, passphrase, &header.keys).await?;
    let mut all = Keys::new();
    all.add(id, key.clone());
    for (i, k) in &keys.opened {
        all.add(*i, k.clone());
    }
    let mut next = Header {
        version: VERSION,
        keys: std::iter::once(lock)
            .chain(header.keys.iter().cloned())
            .collect(),
        task: Some(Task::Reseal),
    };
    write_header(disk, ns, &next)?;
    finish(cipher, disk, ns, &mut next, &all).await?;
    let mut keys = Keys::new();
    keys.add(id, key);
    Ok((next, keys))
}

/// Makes the register of `ns` plain again and removes the lock; `keys`
/// must hold every key of the header.
pub async fn remove_passphrase<C: Cipher>(
    cipher: &C,
    disk: &mut impl KeyValue,
    ns: &str,
    header: &Header,
    keys: &Keys<C::Key>,
) -> Result<(), ChangeError> {
    if keys.missing(header) > 0 {
        return Err(ChangeError::NeedsKey);
    }
    let mut next = header.clone();
    next.task = Some(Task::Unseal);
    write_header(disk, ns, &next)?;
    finish(cipher, disk, ns, &mut next, keys).await
}

/// Finishes the header's task, if any (after an unlock, for a change the
/// page did not live to finish). Writes the header without the task, or
/// removes it once everything is plain.
pub async fn finish<C: Cipher>(
    cipher: &C,
    disk: &mut impl KeyValue,
    ns: &str,
    header: &mut Header,
    keys: &Keys<C::Key>,
) -> Result<(), ChangeError> {
    let Some(task) = header.task else {
        return Ok(());
    };
    if keys.missing(header) > 0 {
        return Err(ChangeError::NeedsKey);
    }
    match task {
        Task::Seal | Task::Reseal => {
            let (id, key) = keys.sealing(header).ok_or(ChangeError::NeedsKey)?;
            convert(cipher, disk, ns, keys, Some((id, &key))).await?;
            header.keys.truncate(1);
            header.task = None;
            write_header(disk, ns, header)?;
        }
        Task::Unseal => {
            convert(cipher, disk, ns, keys, None).await?;
            disk.remove(&lock_key(ns));
        }
    }
    Ok(())
}

/// One write or removal a commit made, in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Op {
    Set(String, String),
    Remove(String),
}

/// The decrypted register in memory, noting every change to it so that
/// [`flush`] can make the same changes, sealed, in local storage. Writes
/// to it never fail: storage's refusals come at the flush.
#[derive(Debug, Default)]
pub struct Journal {
    pub mem: MemoryStore,
    ops: Vec<Op>,
}

impl Journal {
    pub fn new(mem: MemoryStore) -> Self {
        Journal {
            mem,
            ops: Vec::new(),
        }
    }

    /// The operations since the last call, to flush.
    pub fn take(&mut self) -> Vec<Op> {
        std::mem::take(&mut self.ops)
    }
}

impl KeyValue for Journal {
    fn get(&self, key: &str) -> Option<String> {
        self.mem.get(key)
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), WriteError> {
        self.mem.set(key, value)?;
        self.ops.push(Op::Set(key.to_string(), value.to_string()));
        Ok(())
    }

    fn remove(&mut self, key: &str) {
        self.mem.remove(key);
        self.ops.push(Op::Remove(key.to_string()));
    }

    fn keys(&self) -> Vec<String> {
        self.mem.keys()
    }
}

/// Why a flush did not reach storage. Storage holds what it held before
/// the flush (new keys it wrote are removed again); the caller reloads
/// from it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FlushError {
    Storage(WriteError),
    Crypto(CryptoError),
}

/// Makes `ops` in `disk`, each value sealed with `key`. Everything is
/// sealed first (the slow, asynchronous part), then written in one go in
/// the commit's order, so the commit point (the meta) is still written
/// after the chunks it names and before the old ones are removed.
pub async fn flush<C: Cipher>(
    cipher: &C,
    disk: &mut impl KeyValue,
    key: (KeyId, &C::Key),
    ops: Vec<Op>,
) -> Result<(), FlushError> {
    let mut sealed = Vec::with_capacity(ops.len());
    for op in ops {
        sealed.push(match op {
            Op::Set(k, v) => {
                let value = seal_value(cipher, key, &k, &v)
                    .await
                    .map_err(FlushError::Crypto)?;
                Op::Set(k, value)
            }
            remove => remove,
        });
    }
    let existing: BTreeSet<String> = disk.keys().into_iter().collect();
    let mut created: Vec<String> = Vec::new();
    for op in &sealed {
        match op {
            Op::Set(k, v) => {
                if let Err(e) = disk.set(k, v) {
                    for k in &created {
                        disk.remove(k);
                    }
                    return Err(FlushError::Storage(e));
                }
                if k.ends_with("/meta") {
                    // Committed: the chunks written so far are the register now.
                    created.clear();
                } else if !existing.contains(k) {
                    created.push(k.clone());
                }
            }
            Op::Remove(k) => disk.remove(k),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
