//! The passphrase lock: the register's values in local storage encrypted
//! with a key only the volunteer's passphrase opens.
//!
//! ```text
//! {ns}/lock     JSON header, in the clear: the key derivation (salt,
//!               rounds) of each key, a small value sealed with it to check
//!               a passphrase, and the re-encryption under way, if any
//! {ns}/meta, {ns}/backup, {ns}/{kind}/{bucket}/{gen}
//!               each value either as before (plain) or sealed:
//!               `S` + packed(key id ‖ nonce ‖ AES-GCM ciphertext ‖ tag)
//! ```
//!
//! - A sealed value names the key that sealed it (the first four bytes of
//!   that key's salt) and is bound to its storage key (the key's name is the
//!   additional authenticated data), so a value moved under another key is
//!   refused. The plaintext is the value's text as UTF-8 or UTF-16, whichever
//!   is shorter, after a byte saying which.
//! - Plain and sealed values can sit side by side, so a change of lock is
//!   made one value at a time, each in one write, and storage is readable
//!   at every step: setting a passphrase first writes the header (with the
//!   task `seal`), then seals value after value, then clears the task;
//!   removing it marks the task `unseal`, unseals, then removes the header;
//!   changing it writes the new key first in the header, keeping the old
//!   one, re-seals, then drops the old key. If the page closes half-way,
//!   the next unlock finishes the task (a change interrupted half-way asks
//!   for both passphrases).
//! - The settings, the demonstration and the app's own keys (`mode`,
//!   `app-version`) are not records and stay plain.
//!
//! While unlocked the app works on a decrypted copy in memory ([`Journal`]),
//! and [`flush`] writes each commit's operations to local storage, sealed,
//! in the order the commit made them (chunks, then the meta, then removals),
//! so the commit protocol's crash safety holds on the sealed copy too.
//! Nothing here needs a browser: the cipher and the store are parameters,
//! and the tests run it natively.
//!
//! The parts, each in a submodule and used from here: `header` (the lock
//! header), `keys` (opening keys with a passphrase), `value` (sealing and
//! opening values, loading the register), `change` (setting, changing and
//! removing the passphrase) and `journal` (the journal and its flush).

mod change;
mod header;
mod journal;
mod keys;
mod value;

pub use change::{change_passphrase, finish, remove_passphrase, set_passphrase, ChangeError};
pub use header::{lock_key, read_header, Header, HeaderError, KeyId, LockKey, Task, VERSION};
pub use journal::{flush, FlushError, Journal, Op};
pub use keys::{new_key, unlock, Keys, UnlockError};
pub use value::{
    is_register_key, load, open_value, seal_value, sealed_by, LoadError, ValueError, SEALED,
};

#[cfg(test)]
mod tests;
