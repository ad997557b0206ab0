//! How the register is kept in the browser's local storage: a dense chunk
//! encoding, a layout that commits atomically, and the repository that loads
//! and saves. Everything but `local` and `workers` is plain Rust, tested natively.

pub mod codec;
pub mod key_value;
pub mod layout;
pub use bal_lzr as lzr;
pub mod packing;
pub mod repo;
pub mod settings;
pub mod tables;
pub mod usage;
pub mod vault;

#[cfg(target_arch = "wasm32")]
pub mod local;
#[cfg(target_arch = "wasm32")]
pub mod workers;
