//! The RustCrypto primitives Bal Register's native `Cipher` uses, behind
//! plain (non-generic) functions.

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};

/// PBKDF2-HMAC-SHA256 with a 32-byte output.
pub fn pbkdf2_sha256(passphrase: &[u8], salt: &[u8], iterations: u32) -> [u8; 32] {
    let mut key = [0u8; 32];
    pbkdf2::pbkdf2_hmac::<sha2::Sha256>(passphrase, salt, iterations, &mut key);
    key
}

/// AES-256-GCM: the ciphertext with its 16-byte tag at the end.
pub fn aes256gcm_encrypt(
    key: &[u8; 32],
    nonce: &[u8; 12],
    aad: &[u8],
    plain: &[u8],
) -> Option<Vec<u8>> {
    Aes256Gcm::new(key.into())
        .encrypt(Nonce::from_slice(nonce), Payload { msg: plain, aad })
        .ok()
}

/// The plaintext, or `None` when the tag does not match.
pub fn aes256gcm_decrypt(
    key: &[u8; 32],
    nonce: &[u8; 12],
    aad: &[u8],
    sealed: &[u8],
) -> Option<Vec<u8>> {
    Aes256Gcm::new(key.into())
        .decrypt(Nonce::from_slice(nonce), Payload { msg: sealed, aad })
        .ok()
}

/// Random bytes from the operating system.
pub fn random(out: &mut [u8]) -> Result<(), String> {
    getrandom::fill(out).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 7914 section 11: PBKDF2-HMAC-SHA256 test vector.
    #[test]
    fn pbkdf2_matches_rfc_7914() {
        let key = pbkdf2_sha256(b"passwd", b"salt", 1);
        assert_eq!(
            key[..16],
            [
                0x55, 0xac, 0x04, 0x6e, 0x56, 0xe3, 0x08, 0x9f, 0xec, 0x16, 0x91, 0xc2, 0x25, 0x44,
                0xb6, 0x05
            ]
        );
    }
}
