//! Tests of the exchange file as a volunteer meets it: files that are not
//! ours or are broken, records set aside, and exports.

mod export_scope;
mod import_errors;
mod records;

use super::envelope::Scope;
use super::export::export;
use crate::domain::id::DeviceTag;
use crate::domain::register::Register;
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

/// A file with the given tables around a sound envelope, for hand-made
/// broken records.
pub fn file_with(records: Value) -> String {
    json!({
        "format": "bal-register",
        "version": 1,
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
