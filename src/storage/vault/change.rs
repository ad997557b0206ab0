//! Setting, changing and removing the passphrase: the header first names
//! the task, then values are rewritten one write at a time, then the task
//! is cleared, so a change the page did not live to finish is finished at
//! the next unlock ([`finish`]).

use super::header::{lock_key, write_header, Header, KeyId, Task, VERSION};
use super::keys::{new_key, Keys};
use super::value::{is_register_key, open_value, seal_value, sealed_by, ValueError};
use crate::crypto::{Cipher, CryptoError};
use crate::storage::key_value::{KeyValue, WriteError};

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
