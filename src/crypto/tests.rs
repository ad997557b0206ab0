//! The encryption format natively: round trips, wrong passphrases and
//! changed bytes refused, and the fixture the browser test opens with
//! WebCrypto.

use super::file::{self, FileError};
use super::native::{block_on, NativeCipher};
use super::*;

const PASSPHRASE: &str = "correct horse battery staple";

/// An exchange file sealed natively with [`PASSPHRASE`]; the browser test
/// (`tests/browser/crypto.rs`) opens the same file with WebCrypto.
pub const FIXTURE: &str = include_str!("../../tests/fixtures/encrypted-export.json");
/// What [`FIXTURE`] holds.
pub const FIXTURE_PLAIN: &str = include_str!("../../tests/fixtures/encrypted-export.plain.json");

fn sealed(plain: &str) -> String {
    block_on(file::seal_file(&NativeCipher, PASSPHRASE, plain)).unwrap()
}

fn open_with(text: &str, passphrase: &str) -> Result<String, FileError> {
    let sealed = file::read(text)?;
    block_on(sealed.open(&NativeCipher, passphrase))
}

#[test]
fn a_sealed_file_opens_with_its_passphrase_and_hides_its_text() {
    let plain = r#"{"format":"bal-register","records":{"people":[{"given_name":"Asha"}]}}"#;
    let text = sealed(plain);
    assert!(file::is_encrypted(&text));
    assert!(!text.contains("Asha"), "{text}");
    assert_eq!(open_with(&text, PASSPHRASE).unwrap(), plain);
}

#[test]
fn every_seal_has_its_own_salt_and_nonce() {
    let a: serde_json::Value = serde_json::from_str(&sealed("same")).unwrap();
    let b: serde_json::Value = serde_json::from_str(&sealed("same")).unwrap();
    assert_ne!(a["kdf"]["salt"], b["kdf"]["salt"]);
    assert_ne!(a["cipher"]["nonce"], b["cipher"]["nonce"]);
    assert_ne!(a["ciphertext"], b["ciphertext"]);
    assert_eq!(a["kdf"]["iterations"], 600_000);
}

#[test]
fn a_wrong_passphrase_is_refused() {
    let text = sealed("secret");
    for wrong in [
        "",
        "correct horse battery stapl",
        "Correct horse battery staple",
    ] {
        assert_eq!(
            open_with(&text, wrong),
            Err(FileError::WrongPassphrase),
            "{wrong:?}"
        );
    }
}

/// The file with one base64 character of `field` changed.
fn tampered(text: &str, pointer: &str) -> String {
    let mut v: serde_json::Value = serde_json::from_str(text).unwrap();
    let s = v.pointer_mut(pointer).unwrap();
    let mut chars: Vec<char> = s.as_str().unwrap().chars().collect();
    chars[2] = if chars[2] == 'A' { 'B' } else { 'A' };
    *s = serde_json::Value::String(chars.into_iter().collect());
    v.to_string()
}

#[test]
fn a_changed_ciphertext_nonce_or_salt_is_refused() {
    let text = sealed("the register of Vizhinjam");
    for field in ["/ciphertext", "/cipher/nonce", "/kdf/salt"] {
        assert_eq!(
            open_with(&tampered(&text, field), PASSPHRASE),
            Err(FileError::WrongPassphrase),
            "{field}"
        );
    }
    // Cutting the tag off.
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let c = base64::decode(v["ciphertext"].as_str().unwrap()).unwrap();
    v["ciphertext"] = base64::encode(&c[..c.len() - 1]).into();
    assert_eq!(
        open_with(&v.to_string(), PASSPHRASE),
        Err(FileError::WrongPassphrase)
    );
}

#[test]
fn broken_headers_say_what_is_wrong() {
    let text = sealed("x");
    let with = |pointer: &str, value: serde_json::Value| {
        let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
        *v.pointer_mut(pointer).unwrap() = value;
        file::read(&v.to_string()).unwrap_err()
    };
    assert_eq!(
        with("/version", 2.into()),
        FileError::NewerVersion { found: 2 }
    );
    let cases = [
        ("/kdf/iterations", serde_json::json!(1000), "rounds"),
        (
            "/kdf/iterations",
            serde_json::json!(4_000_000_000u32),
            "rounds",
        ),
        ("/kdf/name", "scrypt".into(), "key derivation"),
        ("/kdf/salt", "AAAA".into(), "salt"),
        ("/cipher/name", "ChaCha20".into(), "cipher"),
        ("/cipher/nonce", "!!".into(), "nonce"),
        ("/ciphertext", 7.into(), "ciphertext"),
    ];
    for (pointer, value, says) in cases {
        match with(pointer, value) {
            FileError::Damaged(why) => assert!(why.contains(says), "{pointer}: {why}"),
            other => panic!("{pointer}: {other:?}"),
        }
    }
    assert_eq!(
        file::read(r#"{"format":"bal-register"}"#),
        Err(FileError::NotEncrypted)
    );
    assert_eq!(file::read("not json"), Err(FileError::NotEncrypted));
}

#[test]
fn the_fixture_opens_natively() {
    assert_eq!(open_with(FIXTURE, PASSPHRASE).unwrap(), FIXTURE_PLAIN);
}

/// Writes a new fixture: `cargo test --lib write_fixture -- --ignored`.
#[test]
#[ignore = "writes tests/fixtures; run by hand when the format changes"]
fn write_fixture() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    std::fs::write(
        format!("{dir}/encrypted-export.json"),
        sealed(FIXTURE_PLAIN),
    )
    .unwrap();
}

#[test]
fn seal_and_open_bytes_bind_the_additional_data() {
    let key = block_on(NativeCipher.derive_key(PASSPHRASE, &[7; SALT_LEN], ITERATIONS)).unwrap();
    let sealed = block_on(seal(&NativeCipher, &key, b"bal/people/3/9", b"chunk")).unwrap();
    assert_eq!(
        block_on(open(&NativeCipher, &key, b"bal/people/3/9", &sealed)).unwrap(),
        b"chunk"
    );
    assert_eq!(
        block_on(open(&NativeCipher, &key, b"bal/people/4/9", &sealed)),
        Err(CryptoError::Refused),
        "a value moved to another key is refused"
    );
    assert_eq!(
        block_on(open(&NativeCipher, &key, b"", &sealed[..10])),
        Err(CryptoError::Refused)
    );
}

#[test]
fn passphrases_are_counted_in_characters() {
    assert!(!passphrase_long_enough("seven77"));
    assert!(passphrase_long_enough("eight888"));
    assert!(passphrase_long_enough("सुनीता कुमारी"));
}
