//! Writes starting inputs for the fuzz targets (see `scripts/fuzz`): a
//! small generated register as an exchange file, as a spreadsheet, and as
//! the chunks and meta storage keeps, so the fuzzer starts from inputs the
//! readers accept and mutates them from there.
//!
//! ```text
//! cargo run --example fuzz_seeds -- fuzz/corpus
//! ```

use bal_register::domain::edit::Touched;
use bal_register::domain::generate::{generate, Scale, Spec};
use bal_register::domain::register::Kind;
use bal_register::domain::time::Timestamp;
use bal_register::exchange::csv_export;
use bal_register::exchange::envelope::Scope;
use bal_register::exchange::export::export;
use bal_register::storage::key_value::MemoryStore;
use bal_register::storage::layout::{BUCKETS, REAL};
use bal_register::storage::repo::Repo;
use bal_register::storage::tables::table;
use std::fs;
use std::path::Path;

fn main() {
    let out = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "fuzz/corpus".into());
    let out = Path::new(&out);
    let spec = Spec::seed_documents(Scale::per_mille(1));
    let reg = generate(&spec).expect("a valid spec");
    let write = |target: &str, name: &str, bytes: &[u8]| {
        let dir = out.join(target);
        fs::create_dir_all(&dir).expect("corpus directory");
        fs::write(dir.join(name), bytes).expect("seed written");
    };

    if let Some((id, _)) = reg.groups.live().next() {
        let file = export(
            &reg,
            Scope::Group(id),
            Timestamp(1_764_300_000),
            spec.device(),
        );
        write("import_file", "export-group.json", file.unwrap().as_bytes());
    }
    write(
        "csv_sheet",
        "people.csv",
        csv_export::people(&reg, Scope::All).unwrap().as_bytes(),
    );

    for (n, kind) in Kind::ALL.into_iter().enumerate() {
        let Some(chunk) = (0..BUCKETS).find_map(|b| table(&reg, kind).encode_bucket(b)) else {
            continue;
        };
        // The storage_chunk target reads a kind byte, then UTF-16 units.
        let mut bytes = vec![n as u8];
        bytes.extend(chunk.encode_utf16().flat_map(u16::to_le_bytes));
        write("storage_chunk", &format!("{}.bin", kind.name()), &bytes);
    }

    // storage_open reads `key NUL value NUL …`, keys without the namespace:
    // the register as a commit writes it, with a backup.
    let (mut repo, _, _) = Repo::open(MemoryStore::default(), REAL, || spec.device()).unwrap();
    let everything: Touched = Kind::ALL
        .into_iter()
        .flat_map(|k| table(&reg, k).ids().into_iter().map(move |id| (k, id)))
        .collect();
    repo.commit(&reg, &everything)
        .expect("a store without quota");
    repo.take_backup(Timestamp(1_764_300_000)).unwrap();
    let mut seed = String::new();
    for (key, value) in &repo.store().items {
        let key = key.strip_prefix("bal/").unwrap_or(key);
        seed.push_str(&format!("{key}\0{value}\0"));
    }
    write("storage_open", "register.txt", seed.as_bytes());
    println!("seeds written under {}", out.display());
}
