//! Moving records between devices and out to spreadsheets, without a
//! server: a versioned JSON file that one volunteer exports and another
//! imports and merges, and CSV lists for spreadsheets.
//!
//! The way through, for the JSON file:
//!
//! ```text
//! export::export(reg, scope, …) ──> text ──> import::parse(text) ──> Envelope
//!   Envelope ──> merge::preview(reg, envelope) ──> Preview (new / updated /
//!   unchanged / conflicts / invalid) ──> merge::plan(preview, choices, author)
//!   ──> Changes ──> Changes::apply_to(reg, ids) ──> Touched (for storage)
//! ```
//!
//! Nothing here needs a browser; every module is tested natively. The file
//! format is documented in `docs/exchange-format.md`.

pub mod any_record;
pub mod checks;
pub mod csv;
pub mod csv_export;
pub mod differences;
pub mod envelope;
pub mod export;
pub mod import;
pub mod integrity;
pub mod merge;
pub mod migrate;
pub mod people_import;
pub mod people_mapping;

#[cfg(test)]
mod tests;
