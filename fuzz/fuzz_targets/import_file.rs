//! The exchange file reader and the protected file's: any text must give
//! an envelope or a clear `ImportError` (or `FileError`), never a panic; a
//! file that reads must preview against a register without panicking
//! either.
#![no_main]

use bal_register::domain::register::Register;
use bal_register::exchange::import::parse;
use bal_register::exchange::merge::preview;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    // A protected file is read (its header, salt, nonce, ciphertext) first.
    let _ = bal_register::crypto::file::read(&text);
    if let Ok(envelope) = parse(&text) {
        let _ = preview(&Register::default(), envelope);
    }
});
