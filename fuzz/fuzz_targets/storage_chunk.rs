//! The storage chunk decoder, for every kind of record: any stored text
//! must decode or give a `DecodeError`, never a panic. The first byte picks
//! the kind; the rest is the chunk's text.
#![no_main]

use bal_register::domain::register::{Kind, Register};
use bal_register::storage::tables::table_mut;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let kind = Kind::ALL[pick as usize % Kind::ALL.len()];
    // Chunks are text; the packed part is in U+3000..=U+AFFF, so build the
    // text from UTF-16 units to reach it, as well as from plain bytes.
    let units: Vec<u16> = rest
        .chunks(2)
        .map(|p| u16::from_le_bytes([p[0], *p.get(1).unwrap_or(&0)]))
        .collect();
    let wide = String::from_utf16_lossy(&units);
    let narrow = String::from_utf8_lossy(rest);
    for text in [wide.as_str(), &narrow] {
        let mut reg = Register::default();
        let _ = table_mut(&mut reg, kind).replace_bucket(0, text);
    }
});
