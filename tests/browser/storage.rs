//! The register's storage against the browser's real local storage.

use crate::support::local_storage;
use bal_register::domain::edit::Edit;
use bal_register::domain::id::DeviceTag;
use bal_register::domain::person::{Birth, Person, Sex};
use bal_register::domain::register::Register;
use bal_register::domain::schooling::SchoolHistory;
use bal_register::domain::table::Author;
use bal_register::domain::text::{fold, Query};
use bal_register::domain::time::Timestamp;
use bal_register::storage::key_value::{KeyValue, WriteError};
use bal_register::storage::local::LocalStore;
use bal_register::storage::repo::Repo;
use chrono::NaiveDate;
use wasm_bindgen_test::wasm_bindgen_test;

const NS: &str = "browser-test";

fn person(name: &str) -> Person {
    Person {
        given_name: name.into(),
        family_name: "കുമാർ".into(),
        sex: Sex::Male,
        birth: Birth::Known {
            date: NaiveDate::from_ymd_opt(2015, 8, 15).unwrap(),
        },
        guardian_name: String::new(),
        guardian_relationship: None,
        phone: String::new(),
        village: "Vizhinjam".into(),
        community: String::new(),
        schooling: SchoolHistory::default(),
        notes: "x".repeat(40),
    }
}

fn open() -> (Repo<LocalStore>, Register) {
    let (repo, reg, report) = Repo::open(LocalStore::open().unwrap(), NS, || {
        DeviceTag::from_random(77)
    })
    .unwrap();
    assert!(report.damaged.is_empty(), "{report:?}");
    (repo, reg)
}

fn add(
    repo: &mut Repo<LocalStore>,
    reg: &mut Register,
    names: impl IntoIterator<Item = String>,
) -> Result<(), WriteError> {
    let author = Author {
        device: repo.meta().ids.device,
        now: Timestamp(1_764_300_000),
    };
    let mut edit = Edit::new(reg, repo.ids_mut(), author);
    for name in names {
        edit.add_person(person(&name)).unwrap();
    }
    let touched = edit.touched();
    let result = repo.commit(reg, &touched);
    if result.is_err() {
        repo.revert(reg, &touched);
    }
    result
}

#[wasm_bindgen_test]
fn local_store_sets_gets_lists_and_removes() {
    local_storage().clear().unwrap();
    let mut store = LocalStore::open().unwrap();
    store.set("k1", "സ്നേഹ \u{3000}\u{AFFF}").unwrap();
    assert_eq!(store.get("k1").as_deref(), Some("സ്നേഹ \u{3000}\u{AFFF}"));
    assert_eq!(store.keys(), vec!["k1".to_string()]);
    store.remove("k1");
    assert_eq!(store.get("k1"), None);
}

#[wasm_bindgen_test]
fn the_register_survives_reopening_from_local_storage() {
    local_storage().clear().unwrap();
    let (mut repo, mut reg) = open();
    add(&mut repo, &mut reg, (0..500).map(|i| format!("Child {i}"))).unwrap();
    let (_, again) = open();
    assert_eq!(again, reg);
    assert_eq!(again.people.live_count(), 500);
}

/// Fills local storage to the brim with a filler value, the way a full phone
/// would be, and returns the filler's key.
fn fill_storage_leaving(room: usize) -> String {
    let storage = local_storage();
    let mut size = 1 << 22;
    let mut filler = String::new();
    while size >= 64 {
        let attempt = "f".repeat(filler.len() + size);
        if storage.set_item("filler", &attempt).is_ok() {
            filler = attempt;
        } else {
            size /= 2;
        }
    }
    let keep = filler.len().saturating_sub(room);
    storage.set_item("filler", &filler[..keep]).unwrap();
    "filler".into()
}

#[wasm_bindgen_test]
fn a_full_storage_refuses_the_save_and_keeps_what_was_saved() {
    local_storage().clear().unwrap();
    let (mut repo, mut reg) = open();
    add(&mut repo, &mut reg, (0..50).map(|i| format!("Saved {i}"))).unwrap();
    let saved = reg.clone();

    let filler = fill_storage_leaving(2_000);
    let result = add(
        &mut repo,
        &mut reg,
        (0..2_000).map(|i| format!("Too many {i}")),
    );
    assert_eq!(result, Err(WriteError::QuotaExceeded));
    assert_eq!(reg, saved, "memory is put back");
    let (_, reopened) = open();
    assert_eq!(reopened, saved, "storage is whole and unchanged");

    local_storage().remove_item(&filler).unwrap();
    add(
        &mut repo,
        &mut reg,
        (0..2_000).map(|i| format!("Room now {i}")),
    )
    .unwrap();
    assert_eq!(open().1.people.live_count(), 2_050);
}

#[wasm_bindgen_test]
fn a_corrupted_value_is_reported_and_the_rest_still_loads() {
    local_storage().clear().unwrap();
    let (mut repo, mut reg) = open();
    add(&mut repo, &mut reg, (0..300).map(|i| format!("Child {i}"))).unwrap();
    let storage = local_storage();
    let key = (0..storage.length().unwrap())
        .filter_map(|i| storage.key(i).unwrap())
        .find(|k| k.starts_with("browser-test/people/"))
        .unwrap();
    storage.set_item(&key, "not a chunk").unwrap();

    let (_, reg, report) = Repo::open(LocalStore::open().unwrap(), NS, || {
        DeviceTag::from_random(77)
    })
    .unwrap();
    assert_eq!(report.damaged.len(), 1);
    assert!(reg.people.live_count() > 250 && reg.people.live_count() < 300);
    assert_eq!(
        storage.get_item(&key).unwrap().as_deref(),
        Some("not a chunk"),
        "kept for recovery"
    );
}

#[wasm_bindgen_test]
fn search_folding_uses_the_browsers_unicode_normalisation() {
    assert_eq!(fold("RÉMI"), "remi");
    assert_eq!(fold("अरु\u{0D7A}"), fold("अरु\u{0D23}\u{0D4D}\u{200D}"));
    assert!(Query::new("\u{095C}").matches(&fold("बड\u{093C}ा")));
    assert_eq!(
        bal_register::domain::text::clean_line("Re\u{0301}mi  "),
        "Rémi"
    );
}
