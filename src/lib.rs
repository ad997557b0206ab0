//! Bal Register: an offline, browser-only register for children's and
//! community programmes. See ARCHITECTURE.md for the map of the code.

pub mod crypto;
pub mod domain;
pub mod exchange;
pub mod i18n;
pub mod route;
pub mod storage;

#[cfg(target_arch = "wasm32")]
pub mod ui;
