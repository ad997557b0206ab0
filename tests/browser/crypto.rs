//! WebCrypto against the native side: a file sealed natively (the fixture)
//! opens here, so both are the same algorithm and format; and the
//! passphrase lock over the real local storage.

use crate::support::{girl, local_storage, save_people};
use bal_register::crypto::file::{self, FileError};
use bal_register::crypto::web::WebCipher;
use bal_register::domain::id::DeviceTag;
use bal_register::storage::key_value::KeyValue;
use bal_register::storage::local::LocalStore;
use bal_register::storage::repo::Repo;
use bal_register::storage::vault;
use wasm_bindgen_test::wasm_bindgen_test;

const FIXTURE: &str = include_str!("../fixtures/encrypted-export.json");
const FIXTURE_PLAIN: &str = include_str!("../fixtures/encrypted-export.plain.json");
const PASSPHRASE: &str = "correct horse battery staple";

#[wasm_bindgen_test]
async fn a_file_sealed_natively_opens_with_webcrypto() {
    let cipher = WebCipher::new().expect("WebCrypto in a test page");
    let sealed = file::read(FIXTURE).unwrap();
    assert_eq!(
        sealed.open(&cipher, PASSPHRASE).await.unwrap(),
        FIXTURE_PLAIN
    );
    assert_eq!(
        sealed.open(&cipher, "correct horse battery stapler").await,
        Err(FileError::WrongPassphrase)
    );
}

#[wasm_bindgen_test]
async fn webcrypto_seals_files_it_can_open_and_refuses_changed_ones() {
    let cipher = WebCipher::new().unwrap();
    let text = file::seal_file(&cipher, PASSPHRASE, "{\"Asha\":1}")
        .await
        .unwrap();
    assert!(!text.contains("Asha"));
    let sealed = file::read(&text).unwrap();
    assert_eq!(
        sealed.open(&cipher, PASSPHRASE).await.unwrap(),
        "{\"Asha\":1}"
    );
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let c = v["ciphertext"].as_str().unwrap().to_string();
    let flipped = if c.starts_with('A') { "B" } else { "A" };
    v["ciphertext"] = format!("{flipped}{}", &c[1..]).into();
    let changed = file::read(&v.to_string()).unwrap();
    assert_eq!(
        changed.open(&cipher, PASSPHRASE).await,
        Err(FileError::WrongPassphrase)
    );
}

#[wasm_bindgen_test]
async fn the_lock_seals_real_local_storage_and_opens_it_again() {
    const NS: &str = "browser-vault";
    local_storage().clear().unwrap();
    save_people(NS, [girl("Lalthanpuii", "Aizawl")]);
    // The register as it reads in the plain, to compare with after the lock.
    let (_, reg, _) = Repo::open(LocalStore::open().unwrap(), NS, || {
        DeviceTag::from_random(5)
    })
    .unwrap();

    let cipher = WebCipher::new().unwrap();
    let mut disk = LocalStore::open().unwrap();
    vault::set_passphrase(&cipher, &mut disk, NS, PASSPHRASE)
        .await
        .unwrap();
    let everything: String = disk.keys().iter().filter_map(|k| disk.get(k)).collect();
    assert!(!everything.contains("Lalthanpuii"));

    let header = vault::read_header(&disk, NS).unwrap().unwrap();
    let mut keys = vault::Keys::new();
    assert_eq!(
        vault::unlock(&cipher, &header, "not it at all", &mut keys).await,
        Err(vault::UnlockError::WrongPassphrase)
    );
    vault::unlock(&cipher, &header, PASSPHRASE, &mut keys)
        .await
        .unwrap();
    let mem = vault::load(&cipher, &disk, NS, &keys).await.unwrap();
    let (_, back, report) = Repo::open(mem, NS, || DeviceTag::from_random(5)).unwrap();
    assert!(report.damaged.is_empty());
    assert_eq!(back, reg);
    local_storage().clear().unwrap();
}
