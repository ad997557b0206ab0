//! Browser tests (wasm-bindgen-test in headless Chromium): storage against the
//! real local storage, and components mounted into a real page.
//!
//! Run with `scripts/test` (or `cargo test --target wasm32-unknown-unknown`
//! with wasm-bindgen-test-runner and ChromeDriver set up as it does).
#![cfg(target_arch = "wasm32")]

mod components;
mod crypto;
mod import_conflicts;
mod lists_and_storage;
mod storage;
mod support;
mod workers;

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
