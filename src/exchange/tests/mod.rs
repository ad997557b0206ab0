//! Tests of the exchange file as a volunteer meets it: files that are not
//! ours or are broken, records set aside, exports, merges between devices,
//! and properties checked over generated registers.

mod attendance;
mod csv_lists;
mod export_scope;
mod generator;
mod import_errors;
mod merge_cases;
mod people_sheet;
mod properties;
mod records;
mod references;
mod schema;
mod schema_check;

use super::envelope::{Scope, VERSION};
use super::export::export;
use super::import::parse;
use super::merge::{plan, preview, Changes, Choices, Preview};
use crate::domain::edit::Touched;
use crate::domain::id::{DeviceTag, IdGen};
use crate::domain::register::Register;
use crate::domain::table::Author;
use crate::domain::time::Timestamp;
use serde_json::{json, Value};

/// When the test files were exported: 29 November 2025.
pub const EXPORTED_AT: Timestamp = Timestamp(1_764_374_400);

pub fn device(n: u64) -> DeviceTag {
    DeviceTag::from_random(n)
}

/// Everything in `reg`, exported by device `n`.
pub fn export_all(reg: &Register, n: u64) -> String {
    export(reg, Scope::All, EXPORTED_AT, device(n)).unwrap()
}

/// The preview of importing `text` into `reg`; the file must be readable.
pub fn preview_of(reg: &Register, text: &str) -> Preview {
    preview(reg, parse(text).expect("a readable file"))
}

/// Imports `text` into `reg` on device `n`, answering conflicts from
/// `choices`; returns what was touched.
pub fn import_into(
    reg: &mut Register,
    ids: &mut IdGen,
    text: &str,
    choices: &Choices,
    now: Timestamp,
) -> Touched {
    let p = preview_of(reg, text);
    let author = Author {
        device: ids.device,
        now,
    };
    let changes: Changes = plan(&p, choices, author).expect("every conflict answered");
    changes
        .apply_to(reg, ids)
        .expect("nothing changed meanwhile")
}

/// A file of the current version with the given tables around a sound
/// envelope, for hand-made broken records.
pub fn file_with(records: Value) -> String {
    json!({
        "format": "bal-register",
        "version": VERSION,
        "app_version": "0.1.0",
        "exported_at": "2026-11-29T00:00:00Z",
        "device": device(1).to_string(),
        "scope": {"kind": "all"},
        "records": records,
    })
    .to_string()
}

/// The JSON of a file, to take apart in tests.
pub fn json_of(text: &str) -> Value {
    serde_json::from_str(text).unwrap()
}
