//! [`Cipher`] natively, with the RustCrypto crates (`aes-gcm`, `pbkdf2`,
//! `sha2`, through `crates/native-crypto`): for tests and tools. They are
//! native-only dependencies, so they add nothing to the app's download,
//! where WebCrypto does the work.

use super::{Cipher, CryptoError, NONCE_LEN};
use bal_native_crypto as rc;
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

/// The native cipher. Its futures are ready when first polled.
#[derive(Clone, Copy, Debug, Default)]
pub struct NativeCipher;

/// A derived key: the 32 bytes AES-256 takes.
#[derive(Clone)]
pub struct NativeKey([u8; 32]);

impl Cipher for NativeCipher {
    type Key = NativeKey;

    async fn derive_key(
        &self,
        passphrase: &str,
        salt: &[u8],
        iterations: u32,
    ) -> Result<NativeKey, CryptoError> {
        Ok(NativeKey(rc::pbkdf2_sha256(
            passphrase.as_bytes(),
            salt,
            iterations,
        )))
    }

    async fn encrypt(
        &self,
        key: &NativeKey,
        nonce: &[u8; NONCE_LEN],
        aad: &[u8],
        plain: &[u8],
    ) -> Result<Vec<u8>, CryptoError> {
        rc::aes256gcm_encrypt(&key.0, nonce, aad, plain)
            .ok_or_else(|| CryptoError::Unavailable("AES-GCM refused to encrypt".into()))
    }

    async fn decrypt(
        &self,
        key: &NativeKey,
        nonce: &[u8; NONCE_LEN],
        aad: &[u8],
        sealed: &[u8],
    ) -> Result<Vec<u8>, CryptoError> {
        rc::aes256gcm_decrypt(&key.0, nonce, aad, sealed).ok_or(CryptoError::Refused)
    }

    fn random(&self, out: &mut [u8]) -> Result<(), CryptoError> {
        rc::random(out).map_err(CryptoError::Unavailable)
    }
}

/// Runs a future that never waits (the native cipher's, the memory
/// store's) to its end.
///
/// # Panics
/// If the future waits for something: nothing here would wake it.
pub fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    match future
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(value) => value,
        Poll::Pending => panic!("block_on: the future waited, and nothing will wake it"),
    }
}
