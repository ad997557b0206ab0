//! The spreadsheet reader behind the people import: any text must give a
//! sheet or a `CsvError`, never a panic.
#![no_main]

use bal_register::exchange::csv::read;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = read(&String::from_utf8_lossy(data));
});
