//! Encryption with a passphrase: AES-256-GCM under a key derived by
//! PBKDF2-HMAC-SHA256 from the passphrase and a random salt, a fresh random
//! 96-bit nonce for every encryption.
//!
//! The algorithms sit behind [`Cipher`]: in the browser the WebCrypto API
//! does the work ([`web`], keys never leave it: they are made
//! non-extractable), natively the RustCrypto crates do ([`native`], for tests
//! and tools; they are not part of the download). Everything above the
//! trait — formats, key checks, which bytes are sealed with what — is
//! plain Rust written once and tested natively, and a browser test opens
//! with WebCrypto what the native side sealed, so both are the same
//! algorithm.
//!
//! Users: [`file`] (encrypted export files) and `storage::vault` (the
//! passphrase lock on local storage).

pub mod base64;
pub mod file;

#[cfg(not(target_arch = "wasm32"))]
pub mod native;
#[cfg(target_arch = "wasm32")]
pub mod web;

use serde::{Deserialize, Serialize};
use std::fmt;

/// The key derivation every key is made with.
pub const KDF_NAME: &str = "PBKDF2-SHA256";
/// PBKDF2 rounds for new keys: OWASP's recommendation for PBKDF2-HMAC-SHA256.
pub const ITERATIONS: u32 = 600_000;
/// The fewest rounds accepted when reading: never below what this app writes.
pub const MIN_ITERATIONS: u32 = ITERATIONS;
/// The most rounds accepted when reading, so that a forged header cannot
/// keep the device busy for minutes.
pub const MAX_ITERATIONS: u32 = 10_000_000;
pub const SALT_LEN: usize = 16;
/// AES-GCM's standard 96-bit nonce.
pub const NONCE_LEN: usize = 12;
/// AES-GCM's 128-bit authentication tag, at the end of every ciphertext.
pub const TAG_LEN: usize = 16;
/// The shortest passphrase the app accepts.
pub const MIN_PASSPHRASE_CHARS: usize = 8;

/// Why encrypting or decrypting did not work.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CryptoError {
    /// The key does not open this ciphertext: a wrong passphrase, or the
    /// data was changed (AES-GCM cannot tell which, and says neither).
    Refused,
    /// The cryptography itself is not available or failed (a browser
    /// without WebCrypto, a page not served securely).
    Unavailable(String),
}

impl fmt::Display for CryptoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CryptoError::Refused => f.write_str("wrong passphrase, or the data was changed"),
            CryptoError::Unavailable(why) => write!(f, "encryption is not available: {why}"),
        }
    }
}

/// AES-256-GCM and PBKDF2-HMAC-SHA256, and a source of random bytes.
///
/// Async because WebCrypto is; the native implementation is ready at once
/// (see [`native::block_on`]).
#[allow(async_fn_in_trait)] // used through generics on one thread, never `dyn`
pub trait Cipher {
    /// A derived AES-256-GCM key.
    type Key: Clone;

    /// The key PBKDF2-HMAC-SHA256 derives from `passphrase` (its UTF-8
    /// bytes) and `salt` in `iterations` rounds.
    async fn derive_key(
        &self,
        passphrase: &str,
        salt: &[u8],
        iterations: u32,
    ) -> Result<Self::Key, CryptoError>;

    /// AES-256-GCM: the ciphertext with its 16-byte tag at the end.
    async fn encrypt(
        &self,
        key: &Self::Key,
        nonce: &[u8; NONCE_LEN],
        aad: &[u8],
        plain: &[u8],
    ) -> Result<Vec<u8>, CryptoError>;

    /// The plaintext, or [`CryptoError::Refused`] if the tag does not match.
    async fn decrypt(
        &self,
        key: &Self::Key,
        nonce: &[u8; NONCE_LEN],
        aad: &[u8],
        sealed: &[u8],
    ) -> Result<Vec<u8>, CryptoError>;

    /// Cryptographically random bytes.
    fn random(&self, out: &mut [u8]) -> Result<(), CryptoError>;
}

/// How a key is made from a passphrase, as written in files and headers:
/// `{"name": "PBKDF2-SHA256", "iterations": 600000, "salt": "<base64>"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kdf {
    pub name: String,
    pub iterations: u32,
    /// Base64 of [`SALT_LEN`] random bytes.
    pub salt: String,
}

/// What is wrong with a [`Kdf`] read from a file or storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KdfProblem {
    UnknownName(String),
    Iterations(u32),
    Salt,
}

impl fmt::Display for KdfProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KdfProblem::UnknownName(n) => write!(f, "unknown key derivation {n:?}"),
            KdfProblem::Iterations(n) => write!(
                f,
                "{n} rounds of key derivation (accepted: {MIN_ITERATIONS} to {MAX_ITERATIONS})"
            ),
            KdfProblem::Salt => write!(f, "the salt is not {SALT_LEN} bytes of base64"),
        }
    }
}

impl Kdf {
    /// New parameters with a fresh random salt.
    pub fn new(cipher: &impl Cipher) -> Result<Kdf, CryptoError> {
        let mut salt = [0u8; SALT_LEN];
        cipher.random(&mut salt)?;
        Ok(Kdf {
            name: KDF_NAME.into(),
            iterations: ITERATIONS,
            salt: base64::encode(&salt),
        })
    }

    /// The salt, once the parameters are checked.
    pub fn salt(&self) -> Result<Vec<u8>, KdfProblem> {
        if self.name != KDF_NAME {
            return Err(KdfProblem::UnknownName(
                self.name.chars().take(40).collect(),
            ));
        }
        if !(MIN_ITERATIONS..=MAX_ITERATIONS).contains(&self.iterations) {
            return Err(KdfProblem::Iterations(self.iterations));
        }
        base64::decode(&self.salt)
            .filter(|s| s.len() == SALT_LEN)
            .ok_or(KdfProblem::Salt)
    }
}

/// Encrypts `plain` under a fresh random nonce: `nonce ‖ ciphertext ‖ tag`.
pub async fn seal<C: Cipher>(
    cipher: &C,
    key: &C::Key,
    aad: &[u8],
    plain: &[u8],
) -> Result<Vec<u8>, CryptoError> {
    let mut nonce = [0u8; NONCE_LEN];
    cipher.random(&mut nonce)?;
    let sealed = cipher.encrypt(key, &nonce, aad, plain).await?;
    let mut out = Vec::with_capacity(NONCE_LEN + sealed.len());
    out.extend_from_slice(&nonce);
    out.extend_from_slice(&sealed);
    Ok(out)
}

/// Decrypts what [`seal`] made. Anything too short to hold a nonce and a
/// tag is refused like a wrong key.
pub async fn open<C: Cipher>(
    cipher: &C,
    key: &C::Key,
    aad: &[u8],
    sealed: &[u8],
) -> Result<Vec<u8>, CryptoError> {
    if sealed.len() < NONCE_LEN + TAG_LEN {
        return Err(CryptoError::Refused);
    }
    let (nonce, body) = sealed.split_at(NONCE_LEN);
    let nonce: &[u8; NONCE_LEN] = nonce.try_into().expect("split at the nonce length");
    cipher.decrypt(key, nonce, aad, body).await
}

/// Whether a new passphrase is long enough: counted in characters, so a
/// passphrase in any script has the same rule.
pub fn passphrase_long_enough(passphrase: &str) -> bool {
    passphrase.chars().count() >= MIN_PASSPHRASE_CHARS
}

#[cfg(test)]
pub(crate) mod tests;
