//! Opening a register from whatever local storage holds: a meta, chunks
//! and a backup and a lock header of any content (damaged, forged, from a
//! newer app) must open, quarantine or refuse, never panic.
//!
//! The input is split on NUL bytes into alternating keys and values; keys
//! are given the register's namespace, so `meta`, `backup` and
//! `people/3/7` name the register's own entries.
#![no_main]

use bal_register::domain::id::DeviceTag;
use bal_register::storage::key_value::MemoryStore;
use bal_register::storage::repo::Repo;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut store = MemoryStore::default();
    let mut parts = text.split('\0');
    while let (Some(key), Some(value)) = (parts.next(), parts.next()) {
        store.items.insert(format!("bal/{key}"), value.to_string());
    }
    // The passphrase lock's header is read before anything else.
    let _ = bal_register::storage::vault::read_header(&store, "bal");
    if let Ok((mut repo, mut reg, _)) = Repo::open(store, "bal", || DeviceTag::from_random(7)) {
        let _ = repo.sync(&mut reg);
        let _ = repo.restore_backup();
    }
});
