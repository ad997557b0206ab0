//! Encrypted export files: an exchange file sealed with a passphrase.
//!
//! ```json
//! {"format": "bal-register-encrypted", "version": 1,
//!  "kdf": {"name": "PBKDF2-SHA256", "iterations": 600000, "salt": "<16 bytes, base64>"},
//!  "cipher": {"name": "AES-256-GCM", "nonce": "<12 bytes, base64>"},
//!  "ciphertext": "<base64: the AES-GCM ciphertext, 16-byte tag at the end>"}
//! ```
//!
//! The plaintext is the exchange file's UTF-8 text, exactly as an
//! unprotected export would be written; the additional authenticated data
//! is the ASCII text `bal-register-encrypted/1`. See
//! `docs/exchange-format.md`.

use super::{base64, open, seal, Cipher, CryptoError, Kdf, KdfProblem, NONCE_LEN, TAG_LEN};
use serde::{Deserialize, Serialize};

/// The value of `"format"` in an encrypted file.
pub const FORMAT_NAME: &str = "bal-register-encrypted";
/// The encrypted file version this app writes and reads.
pub const VERSION: u32 = 1;
pub const CIPHER_NAME: &str = "AES-256-GCM";
const AAD: &[u8] = b"bal-register-encrypted/1";

/// Why an encrypted file cannot be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileError {
    /// Not an encrypted file: read it as a plain exchange file.
    NotEncrypted,
    /// Written by a newer app.
    NewerVersion { found: u64 },
    /// The file says it is encrypted, but a part of it is missing or wrong.
    Damaged(String),
    /// The passphrase does not open it, or the file was changed since it
    /// was written.
    WrongPassphrase,
    /// The browser could not do the decryption.
    Unavailable(String),
}

#[derive(Serialize)]
struct FileText {
    format: String,
    version: u64,
    kdf: Kdf,
    cipher: CipherText,
    ciphertext: String,
}

#[derive(Serialize, Deserialize)]
struct CipherText {
    name: String,
    nonce: String,
}

/// A file's format name, read leniently (whatever else the file holds).
#[derive(Deserialize)]
struct FormatOnly {
    format: Option<serde_json::Value>,
}

/// Whether `text` is an encrypted file (without checking the rest of it).
pub fn is_encrypted(text: &str) -> bool {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    serde_json::from_str::<FormatOnly>(text)
        .ok()
        .and_then(|f| f.format)
        .is_some_and(|f| f == FORMAT_NAME)
}

/// An encrypted file whose header has been checked: it waits for the
/// passphrase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sealed {
    kdf: Kdf,
    salt: Vec<u8>,
    nonce: [u8; NONCE_LEN],
    ciphertext: Vec<u8>,
}

/// Reads and checks an encrypted file's header and payload.
pub fn read(text: &str) -> Result<Sealed, FileError> {
    if !is_encrypted(text) {
        return Err(FileError::NotEncrypted);
    }
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    #[derive(Deserialize)]
    struct VersionOnly {
        version: Option<u64>,
    }
    match serde_json::from_str::<VersionOnly>(text).map(|v| v.version) {
        Ok(Some(found)) if found > u64::from(VERSION) => {
            return Err(FileError::NewerVersion { found })
        }
        _ => {}
    }
    let mut map: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(text).map_err(|e| damaged(&e.to_string()))?;
    let mut field = |name: &str| {
        map.remove(name)
            .ok_or_else(|| damaged(&format!("{name} is missing")))
    };
    let version = field("version")?;
    if version != u64::from(VERSION) {
        return Err(damaged("the version is not 1"));
    }
    let kdf: Kdf =
        serde_json::from_value(field("kdf")?).map_err(|e| damaged(&format!("kdf: {e}")))?;
    let cipher: CipherText =
        serde_json::from_value(field("cipher")?).map_err(|e| damaged(&format!("cipher: {e}")))?;
    let ciphertext = field("ciphertext")?;
    if cipher.name != CIPHER_NAME {
        return Err(damaged("the cipher is not AES-256-GCM"));
    }
    let salt = kdf
        .salt()
        .map_err(|p: KdfProblem| damaged(&p.to_string()))?;
    let nonce = base64::decode(&cipher.nonce)
        .and_then(|n| <[u8; NONCE_LEN]>::try_from(n).ok())
        .ok_or_else(|| damaged("the nonce is not 12 bytes of base64"))?;
    let ciphertext = ciphertext
        .as_str()
        .and_then(base64::decode)
        .filter(|c| c.len() >= TAG_LEN)
        .ok_or_else(|| damaged("the ciphertext is not base64"))?;
    Ok(Sealed {
        kdf,
        salt,
        nonce,
        ciphertext,
    })
}

fn damaged(why: &str) -> FileError {
    FileError::Damaged(crate::domain::text::clean_line(
        &why.chars().take(200).collect::<String>(),
    ))
}

impl Sealed {
    /// The exchange file inside, if `passphrase` opens it.
    pub async fn open<C: Cipher>(&self, cipher: &C, passphrase: &str) -> Result<String, FileError> {
        let key = cipher
            .derive_key(passphrase, &self.salt, self.kdf.iterations)
            .await
            .map_err(unavailable)?;
        let mut sealed = Vec::with_capacity(NONCE_LEN + self.ciphertext.len());
        sealed.extend_from_slice(&self.nonce);
        sealed.extend_from_slice(&self.ciphertext);
        let plain = open(cipher, &key, AAD, &sealed)
            .await
            .map_err(|e| match e {
                CryptoError::Refused => FileError::WrongPassphrase,
                other => unavailable(other),
            })?;
        // Only this app's own text was sealed; anything else was forged
        // with the passphrase, and is refused like a broken file.
        String::from_utf8(plain).map_err(|_| damaged("the content is not text"))
    }
}

fn unavailable(e: CryptoError) -> FileError {
    match e {
        CryptoError::Unavailable(why) => FileError::Unavailable(why),
        CryptoError::Refused => FileError::WrongPassphrase,
    }
}

/// `plain` (an exchange file's text) sealed with `passphrase` as an
/// encrypted file, under a new salt and nonce.
pub async fn seal_file<C: Cipher>(
    cipher: &C,
    passphrase: &str,
    plain: &str,
) -> Result<String, CryptoError> {
    let kdf = Kdf::new(cipher)?;
    let salt = base64::decode(&kdf.salt).expect("a salt just made");
    let key = cipher.derive_key(passphrase, &salt, kdf.iterations).await?;
    let sealed = seal(cipher, &key, AAD, plain.as_bytes()).await?;
    let (nonce, ciphertext) = sealed.split_at(NONCE_LEN);
    let file = FileText {
        format: FORMAT_NAME.into(),
        version: u64::from(VERSION),
        kdf,
        cipher: CipherText {
            name: CIPHER_NAME.into(),
            nonce: base64::encode(nonce),
        },
        ciphertext: base64::encode(ciphertext),
    };
    Ok(serde_json::to_string(&file).expect("a file always serialises"))
}
