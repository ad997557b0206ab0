//! The browser's local storage as the register's key-value store.

use super::key_value::{KeyValue, WriteError};
use wasm_bindgen::JsValue;

/// Local storage of this origin. All of the register's records go through
/// here; small JSON values (settings) go through `gloo_storage` directly.
pub struct LocalStore {
    storage: web_sys::Storage,
}

impl LocalStore {
    /// `None` when the browser gives no local storage (disabled, or a
    /// sandboxed frame).
    pub fn open() -> Option<Self> {
        let storage = web_sys::window()?.local_storage().ok()??;
        Some(LocalStore { storage })
    }
}

impl KeyValue for LocalStore {
    fn get(&self, key: &str) -> Option<String> {
        self.storage.get_item(key).ok().flatten()
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), WriteError> {
        self.storage
            .set_item(key, value)
            .map_err(|e| write_error(&e))
    }

    fn remove(&mut self, key: &str) {
        let _ = self.storage.remove_item(key);
    }

    fn keys(&self) -> Vec<String> {
        let n = self.storage.length().unwrap_or(0);
        (0..n)
            .filter_map(|i| self.storage.key(i).ok().flatten())
            .collect()
    }
}

/// Browsers name the quota error differently (Firefox: NS_ERROR_DOM_QUOTA_REACHED).
fn write_error(e: &JsValue) -> WriteError {
    let name = js_sys::Reflect::get(e, &JsValue::from_str("name"))
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    if name.contains("Quota") || name.contains("QUOTA") {
        WriteError::QuotaExceeded
    } else {
        let message = js_sys::Reflect::get(e, &JsValue::from_str("message"))
            .ok()
            .and_then(|n| n.as_string())
            .unwrap_or(name);
        WriteError::Refused(message)
    }
}
