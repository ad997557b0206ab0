//! The write-ahead while unlocked: the [`Journal`] notes each commit's
//! writes to the decrypted copy in memory, and [`flush`] makes them in
//! local storage, sealed, in the commit's order.

use super::header::KeyId;
use super::value::seal_value;
use crate::crypto::{Cipher, CryptoError};
use crate::storage::key_value::{KeyValue, MemoryStore, WriteError};
use std::collections::BTreeSet;

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
