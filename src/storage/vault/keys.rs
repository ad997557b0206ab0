//! The keys in memory: those a passphrase opens ([`unlock`]), and a new
//! key with its header entry ([`new_key`]). A key is right when it opens
//! the small check value the header keeps with it.

use super::header::{Header, KeyId, LockKey};
use crate::crypto::{self, base64, Cipher, CryptoError, Kdf, SALT_LEN};

const CHECK_AAD: &[u8] = b"bal-register lock check";
const CHECK_TEXT: &[u8] = b"bal-register";

/// The keys a passphrase (or two, after an interrupted change) opened.
pub struct Keys<K> {
    pub(super) opened: Vec<(KeyId, K)>,
}

impl<K: Clone> Keys<K> {
    pub fn new() -> Self {
        Keys { opened: Vec::new() }
    }

    pub(super) fn get(&self, id: KeyId) -> Option<&K> {
        self.opened.iter().find(|(i, _)| *i == id).map(|(_, k)| k)
    }

    pub(super) fn add(&mut self, id: KeyId, key: K) {
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
