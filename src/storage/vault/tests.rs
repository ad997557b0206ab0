//! The passphrase lock natively: the RustCrypto cipher, a memory store as
//! local storage, failures injected at every write of every change.

use super::*;
use crate::crypto::native::{block_on, NativeCipher};
use crate::crypto::Cipher;
use crate::domain::edit::Edit;
use crate::domain::id::DeviceTag;
use crate::domain::person::fixtures::child;
use crate::domain::register::Register;
use crate::domain::table::Author;
use crate::domain::time::Timestamp;
use crate::storage::key_value::{KeyValue, MemoryStore};
use crate::storage::repo::Repo;

const NS: &str = "bal";
const PASS: &str = "tea garden 1987";
const NEW_PASS: &str = "river stones & rain";
const NAMES: [&str; 5] = ["Asha", "Mina", "Lalthanpuii", "सुनीता", "Ravi"];

type NativeKeys = Keys<<NativeCipher as Cipher>::Key>;

/// A store holding a committed register of five children, a backup and
/// the settings; and that register.
fn disk_with_register() -> (MemoryStore, Register) {
    let (mut repo, mut reg, _) =
        Repo::open(MemoryStore::default(), NS, || DeviceTag::from_random(4)).unwrap();
    let author = Author {
        device: repo.meta().ids.device,
        now: Timestamp(1_764_300_000),
    };
    let mut edit = Edit::new(&mut reg, repo.ids_mut(), author);
    for name in &NAMES[..3] {
        edit.add_person(child(name)).unwrap();
    }
    let touched = edit.touched();
    repo.commit(&reg, &touched).unwrap();
    repo.take_backup(Timestamp(1_764_300_001)).unwrap();
    let mut edit = Edit::new(&mut reg, repo.ids_mut(), author);
    for name in &NAMES[3..] {
        edit.add_person(child(name)).unwrap();
    }
    let touched = edit.touched();
    repo.commit(&reg, &touched).unwrap();
    let mut disk = repo.store().clone();
    disk.set("bal/settings", r#"{"volunteer":"Rekha"}"#)
        .unwrap();
    (disk, reg)
}

/// The register as the app would open it from `disk` with `keys`.
fn open_register(disk: &MemoryStore, keys: &NativeKeys) -> Register {
    let mem = block_on(load(&NativeCipher, disk, NS, keys)).expect("loads");
    let (_, reg, report) = Repo::open(mem, NS, || DeviceTag::from_random(4)).unwrap();
    assert!(report.damaged.is_empty(), "{report:?}");
    reg
}

fn unlock_with(disk: &MemoryStore, passphrases: &[&str]) -> (Option<Header>, NativeKeys) {
    let header = read_header(disk, NS).unwrap();
    let mut keys = Keys::new();
    if let Some(h) = &header {
        for p in passphrases {
            let _ = block_on(unlock(&NativeCipher, h, p, &mut keys));
        }
    }
    (header, keys)
}

fn register_values(disk: &MemoryStore) -> Vec<(&String, &String)> {
    disk.items
        .iter()
        .filter(|(k, _)| is_register_key(NS, k))
        .collect()
}

#[test]
fn a_locked_register_holds_no_readable_name_and_opens_with_the_passphrase() {
    let (mut disk, reg) = disk_with_register();
    let (header, _) = block_on(set_passphrase(&NativeCipher, &mut disk, NS, PASS)).unwrap();
    assert_eq!(header.task, None);
    assert_eq!(header.keys[0].kdf.iterations, 600_000);
    let values = register_values(&disk);
    assert!(values.len() > 3, "meta, backup and chunks");
    for (key, value) in &values {
        assert!(value.starts_with(SEALED), "{key} is sealed");
    }
    let everything = format!("{:?}", disk.items);
    for name in NAMES {
        assert!(!everything.contains(name), "{name} is not readable");
    }
    assert!(
        disk.items["bal/settings"].contains("Rekha"),
        "settings stay plain"
    );
    assert!(!everything.contains(PASS), "the passphrase is not stored");

    let (header, keys) = unlock_with(&disk, &[PASS]);
    assert_eq!(keys.missing(header.as_ref().unwrap()), 0);
    assert_eq!(open_register(&disk, &keys), reg);
}

#[test]
fn a_wrong_passphrase_opens_nothing_and_changes_nothing() {
    let (mut disk, _) = disk_with_register();
    block_on(set_passphrase(&NativeCipher, &mut disk, NS, PASS)).unwrap();
    let before = disk.items.clone();
    let header = read_header(&disk, NS).unwrap().unwrap();
    let mut keys = Keys::new();
    assert_eq!(
        block_on(unlock(&NativeCipher, &header, "tea garden 1988", &mut keys)),
        Err(UnlockError::WrongPassphrase)
    );
    assert_eq!(keys.missing(&header), 1);
    assert_eq!(
        block_on(load(&NativeCipher, &disk, NS, &keys)).err(),
        Some(LoadError::NeedsKey)
    );
    assert_eq!(disk.items, before);
}

#[test]
fn a_changed_or_moved_value_is_refused_and_set_aside() {
    let (mut disk, reg) = disk_with_register();
    block_on(set_passphrase(&NativeCipher, &mut disk, NS, PASS)).unwrap();
    let (_, keys) = unlock_with(&disk, &[PASS]);
    let people: Vec<String> = disk
        .items
        .keys()
        .filter(|k| k.starts_with("bal/people/"))
        .cloned()
        .collect();
    // Flip one unit of one sealed chunk.
    let mut tampered = disk.clone();
    let value = tampered.items.get_mut(&people[0]).unwrap();
    let mut units: Vec<char> = value.chars().collect();
    let i = units.len() / 2;
    units[i] = char::from_u32(units[i] as u32 ^ 1).unwrap();
    *value = units.into_iter().collect();
    let text = block_on(open_value(
        &NativeCipher,
        &keys,
        &people[0],
        &tampered.items[&people[0]],
    ));
    assert_eq!(text, Err(ValueError::Damaged));
    let mem = block_on(load(&NativeCipher, &tampered, NS, &keys)).unwrap();
    let (_, back, report) = Repo::open(mem, NS, || DeviceTag::from_random(4)).unwrap();
    assert_eq!(report.damaged.len(), 1, "the changed chunk is set aside");
    assert!(back.people.live_count() < reg.people.live_count());

    // A sealed value copied under another key does not open there.
    let moved = disk.items[&people[0]].clone();
    assert_eq!(
        block_on(open_value(&NativeCipher, &keys, &people[1], &moved)),
        Err(ValueError::Damaged)
    );
}

#[test]
fn changing_the_passphrase_re_seals_and_the_old_one_no_longer_opens() {
    let (mut disk, reg) = disk_with_register();
    let (header, keys) = block_on(set_passphrase(&NativeCipher, &mut disk, NS, PASS)).unwrap();
    let before = disk.items.clone();
    let (header, _) = block_on(change_passphrase(
        &NativeCipher,
        &mut disk,
        NS,
        &header,
        &keys,
        NEW_PASS,
    ))
    .unwrap();
    assert_eq!((header.keys.len(), header.task), (1, None));
    for (key, value) in register_values(&disk) {
        assert_ne!(Some(value), before.get(key), "{key} is sealed anew");
    }
    let (_, old) = unlock_with(&disk, &[PASS]);
    assert_eq!(old.missing(&header), 1, "the old passphrase opens nothing");
    let (_, new) = unlock_with(&disk, &[NEW_PASS]);
    assert_eq!(open_register(&disk, &new), reg);
}

#[test]
fn removing_the_passphrase_leaves_the_register_plain() {
    let (mut disk, reg) = disk_with_register();
    let (header, keys) = block_on(set_passphrase(&NativeCipher, &mut disk, NS, PASS)).unwrap();
    block_on(remove_passphrase(
        &NativeCipher,
        &mut disk,
        NS,
        &header,
        &keys,
    ))
    .unwrap();
    assert_eq!(read_header(&disk, NS), Ok(None));
    for (key, value) in register_values(&disk) {
        assert!(!value.starts_with(SEALED), "{key}");
    }
    let (_, reg_back, report) = Repo::open(disk, NS, || DeviceTag::from_random(4)).unwrap();
    assert!(report.damaged.is_empty());
    assert_eq!(reg_back, reg);
}

/// Runs `change` with the n-th write failing, for every n until it
/// succeeds; after each failure, the register opens whole with the
/// passphrases given, and finishing the task leaves it as `done` says.
fn at_every_write(
    start: impl Fn() -> (MemoryStore, Register),
    change: impl Fn(&mut MemoryStore) -> Result<(), ChangeError>,
    passphrases: &[&str],
    done: impl Fn(&MemoryStore),
) {
    for n in 0.. {
        let (mut disk, reg) = start();
        disk.fail_write_after = Some(n);
        let outcome = change(&mut disk);
        disk.fail_write_after = None;
        let (header, keys) = unlock_with(&disk, passphrases);
        if let Some(h) = &header {
            assert_eq!(keys.missing(h), 0, "write {n}: every key opens");
        }
        assert_eq!(open_register(&disk, &keys), reg, "write {n}: whole");
        if outcome.is_ok() {
            assert!(n > 3, "the change took several writes");
            done(&disk);
            return;
        }
        // The next unlock finishes what was started.
        if let Some(mut h) = header {
            block_on(finish(&NativeCipher, &mut disk, NS, &mut h, &keys)).unwrap();
            assert_eq!(
                open_register(&disk, &unlock_with(&disk, passphrases).1),
                reg
            );
        }
        done_or_plain(&disk, &done);
    }
}

/// After a failure at the very first write nothing changed; otherwise the
/// task finished and the store is as `done` says.
fn done_or_plain(disk: &MemoryStore, done: &impl Fn(&MemoryStore)) {
    let untouched = read_header(disk, NS).ok().flatten().is_none()
        && register_values(disk)
            .iter()
            .all(|(_, v)| !v.starts_with(SEALED));
    if !untouched {
        done(disk);
    }
}

fn all_sealed(disk: &MemoryStore) {
    let header = read_header(disk, NS).unwrap().unwrap();
    assert_eq!((header.keys.len(), header.task), (1, None));
    let id = header.keys[0].id();
    for (key, value) in register_values(disk) {
        assert_eq!(sealed_by(value), Some(id), "{key}");
    }
}

#[test]
fn setting_a_passphrase_interrupted_at_any_write_loses_nothing() {
    at_every_write(
        disk_with_register,
        |disk| block_on(set_passphrase(&NativeCipher, disk, NS, PASS)).map(|_| ()),
        &[PASS],
        all_sealed,
    );
}

fn locked_disk() -> (MemoryStore, Register) {
    let (mut disk, reg) = disk_with_register();
    block_on(set_passphrase(&NativeCipher, &mut disk, NS, PASS)).unwrap();
    (disk, reg)
}

#[test]
fn changing_a_passphrase_interrupted_at_any_write_loses_nothing() {
    let (disk, reg) = locked_disk();
    at_every_write(
        || (disk.clone(), reg.clone()),
        |disk| {
            let (header, keys) = unlock_with(disk, &[PASS]);
            let header = header.unwrap();
            block_on(change_passphrase(
                &NativeCipher,
                disk,
                NS,
                &header,
                &keys,
                NEW_PASS,
            ))
            .map(|_| ())
        },
        &[PASS, NEW_PASS],
        all_sealed,
    );
}

#[test]
fn removing_a_passphrase_interrupted_at_any_write_loses_nothing() {
    let (disk, reg) = locked_disk();
    at_every_write(
        || (disk.clone(), reg.clone()),
        |disk| {
            let (header, keys) = unlock_with(disk, &[PASS]);
            block_on(remove_passphrase(
                &NativeCipher,
                disk,
                NS,
                &header.unwrap(),
                &keys,
            ))
        },
        &[PASS],
        |disk| {
            // Either still locked as it was, or plain.
            if let Ok(Some(h)) = read_header(disk, NS) {
                assert_eq!(h.task, None);
            }
        },
    );
}

/// Opens the locked register as the app does while unlocked: decrypted
/// into a journal.
fn unlocked_repo(disk: &MemoryStore) -> (Repo<Journal>, Register, (KeyId, NativeKeyOf)) {
    let (header, keys) = unlock_with(disk, &[PASS]);
    let sealing = keys.sealing(header.as_ref().unwrap()).unwrap();
    let mem = block_on(load(&NativeCipher, disk, NS, &keys)).unwrap();
    let (repo, reg, _) = Repo::open(Journal::new(mem), NS, || DeviceTag::from_random(4)).unwrap();
    (repo, reg, sealing)
}

type NativeKeyOf = <NativeCipher as Cipher>::Key;

fn add_child(repo: &mut Repo<Journal>, reg: &mut Register, name: &str) {
    let author = Author {
        device: repo.meta().ids.device,
        now: Timestamp(1_764_400_000),
    };
    let mut edit = Edit::new(reg, repo.ids_mut(), author);
    edit.add_person(child(name)).unwrap();
    let touched = edit.touched();
    repo.commit(reg, &touched).unwrap();
}

#[test]
fn commits_made_in_memory_reach_storage_sealed_in_their_order() {
    let (mut disk, _) = locked_disk();
    let (mut repo, mut reg, (id, key)) = unlocked_repo(&disk);
    repo.store_mut().take(); // what opening wrote, if anything
    add_child(&mut repo, &mut reg, "Priya");
    let ops = repo.store_mut().take();
    assert!(matches!(
        ops.last(),
        Some(Op::Remove(_)) | Some(Op::Set(_, _))
    ));
    block_on(flush(&NativeCipher, &mut disk, (id, &key), ops)).unwrap();
    assert!(!format!("{:?}", disk.items).contains("Priya"));
    let (_, keys) = unlock_with(&disk, &[PASS]);
    assert_eq!(open_register(&disk, &keys), reg);
}

#[test]
fn a_flush_that_fails_at_any_write_leaves_storage_as_before_or_after() {
    let (disk, before) = locked_disk();
    for n in 0.. {
        let mut disk = disk.clone();
        let (mut repo, mut reg, (id, key)) = unlocked_repo(&disk);
        repo.store_mut().take();
        add_child(&mut repo, &mut reg, "Priya");
        let ops = repo.store_mut().take();
        disk.fail_write_after = Some(n);
        let outcome = block_on(flush(&NativeCipher, &mut disk, (id, &key), ops));
        disk.fail_write_after = None;
        let (_, keys) = unlock_with(&disk, &[PASS]);
        let now = open_register(&disk, &keys);
        match outcome {
            Ok(()) => {
                assert_eq!(now, reg);
                assert!(n > 0);
                return;
            }
            Err(FlushError::Storage(_)) => {
                assert_eq!(now, before, "write {n}: as before");
                let (clean, _) = locked_disk();
                assert_eq!(
                    disk.items.keys().collect::<Vec<_>>(),
                    clean.items.keys().collect::<Vec<_>>(),
                    "write {n}: nothing left behind"
                );
            }
            Err(e) => panic!("{e:?}"),
        }
    }
}

#[test]
fn values_are_sealed_small() {
    let (disk, _) = locked_disk();
    let (header, keys) = unlock_with(&disk, &[PASS]);
    let header = header.unwrap();
    let (id, key) = keys.sealing(&header).unwrap();
    let chunk: String = (0..3000u32)
        .map(|i| char::from_u32(0x3000 + i * 7 % 0x8000).unwrap())
        .collect();
    let sealed = block_on(seal_value(
        &NativeCipher,
        (id, &key),
        "bal/people/1/1",
        &chunk,
    ))
    .unwrap();
    let units = |s: &str| s.encode_utf16().count();
    assert!(
        units(&sealed) <= units(&chunk) * 1075 / 1000 + 20,
        "{} units for {}",
        units(&sealed),
        units(&chunk)
    );
    let json = "{\"format\":1}".repeat(100);
    let sealed = block_on(seal_value(&NativeCipher, (id, &key), "bal/meta", &json)).unwrap();
    assert!(units(&sealed) < json.len(), "ASCII is sealed as UTF-8");
    assert_eq!(
        block_on(open_value(&NativeCipher, &keys, "bal/meta", &sealed)).unwrap(),
        json
    );
}
