//! [`Cipher`] in the browser: the WebCrypto API (`crypto.subtle`). Keys are
//! derived non-extractable: the page holds a handle, and the key's bytes
//! never reach wasm memory, storage or any script.

use super::{Cipher, CryptoError, NONCE_LEN};
use js_sys::{Array, ArrayBuffer, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AesGcmParams, AesKeyGenParams, CryptoKey, Pbkdf2Params, SubtleCrypto};

/// The browser's WebCrypto.
#[derive(Clone)]
pub struct WebCipher {
    crypto: web_sys::Crypto,
    subtle: SubtleCrypto,
}

impl WebCipher {
    /// `None` when the page has no WebCrypto (very old browsers, or a page
    /// not served securely: `crypto.subtle` needs https or localhost).
    pub fn new() -> Option<WebCipher> {
        let crypto = web_sys::window()?.crypto().ok()?;
        let subtle = js_sys::Reflect::get(&crypto, &"subtle".into()).ok()?;
        if subtle.is_undefined() {
            return None;
        }
        Some(WebCipher {
            subtle: subtle.unchecked_into(),
            crypto,
        })
    }
}

fn unavailable(e: JsValue) -> CryptoError {
    let name = js_sys::Reflect::get(&e, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_else(|| "WebCrypto failed".into());
    CryptoError::Unavailable(name)
}

async fn call(promise: Result<js_sys::Promise, JsValue>) -> Result<JsValue, JsValue> {
    JsFuture::from(promise?).await
}

fn bytes(buffer: JsValue) -> Vec<u8> {
    Uint8Array::new(&buffer.unchecked_into::<ArrayBuffer>()).to_vec()
}

impl Cipher for WebCipher {
    type Key = CryptoKey;

    async fn derive_key(
        &self,
        passphrase: &str,
        salt: &[u8],
        iterations: u32,
    ) -> Result<CryptoKey, CryptoError> {
        let base = call(self.subtle.import_key_with_object(
            "raw",
            &Uint8Array::from(passphrase.as_bytes()),
            &JsValue::from_str("PBKDF2").unchecked_into(),
            false,
            &Array::of1(&"deriveKey".into()),
        ))
        .await
        .map_err(unavailable)?;
        let params =
            Pbkdf2Params::new_with_str("PBKDF2", "SHA-256", iterations, &Uint8Array::from(salt));
        let key = call(self.subtle.derive_key_with_object_and_object(
            &params,
            &base.unchecked_into(),
            &AesKeyGenParams::new("AES-GCM", 256),
            false, // never extractable
            &Array::of2(&"encrypt".into(), &"decrypt".into()),
        ))
        .await
        .map_err(unavailable)?;
        Ok(key.unchecked_into())
    }

    async fn encrypt(
        &self,
        key: &CryptoKey,
        nonce: &[u8; NONCE_LEN],
        aad: &[u8],
        plain: &[u8],
    ) -> Result<Vec<u8>, CryptoError> {
        let params = AesGcmParams::new_with_u8_array("AES-GCM", &Uint8Array::from(&nonce[..]));
        params.set_additional_data_u8_array(&Uint8Array::from(aad));
        let sealed = call(
            self.subtle
                .encrypt_with_object_and_u8_array(&params, key, plain),
        )
        .await
        .map_err(unavailable)?;
        Ok(bytes(sealed))
    }

    async fn decrypt(
        &self,
        key: &CryptoKey,
        nonce: &[u8; NONCE_LEN],
        aad: &[u8],
        sealed: &[u8],
    ) -> Result<Vec<u8>, CryptoError> {
        let params = AesGcmParams::new_with_u8_array("AES-GCM", &Uint8Array::from(&nonce[..]));
        params.set_additional_data_u8_array(&Uint8Array::from(aad));
        match call(
            self.subtle
                .decrypt_with_object_and_u8_array(&params, key, sealed),
        )
        .await
        {
            Ok(plain) => Ok(bytes(plain)),
            // WebCrypto rejects a tag that does not match with an
            // OperationError, and says nothing more (as it should).
            Err(e)
                if js_sys::Reflect::get(&e, &"name".into())
                    .ok()
                    .and_then(|n| n.as_string())
                    .as_deref()
                    == Some("OperationError") =>
            {
                Err(CryptoError::Refused)
            }
            Err(e) => Err(unavailable(e)),
        }
    }

    fn random(&self, out: &mut [u8]) -> Result<(), CryptoError> {
        self.crypto
            .get_random_values_with_u8_array(out)
            .map(|_| ())
            .map_err(unavailable)
    }
}
