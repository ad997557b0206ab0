//! The browser's Storage API (`navigator.storage`): its estimate of what
//! the app keeps on the device, and asking it to keep the records rather
//! than clear them when the device runs short of space. Browsers without
//! it (older ones) answer `None`.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

fn manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    js_sys::Reflect::has(&navigator, &JsValue::from_str("storage"))
        .ok()?
        .then(|| navigator.storage())
}

/// Bytes used and allowed for everything this origin keeps (local storage
/// is left out of it by some browsers, the app's own files are in it).
pub async fn estimate() -> Option<(f64, f64)> {
    let promise = manager()?.estimate().ok()?;
    let estimate: web_sys::StorageEstimate = JsFuture::from(promise).await.ok()?.unchecked_into();
    Some((estimate.get_usage()?, estimate.get_quota()?))
}

/// Whether the browser has agreed to keep this origin's data.
pub async fn persisted() -> Option<bool> {
    let promise = manager()?.persisted().ok()?;
    JsFuture::from(promise).await.ok()?.as_bool()
}

/// Asks the browser to keep this origin's data; whether it agreed. Chrome
/// decides without asking the volunteer; Firefox asks them.
pub async fn persist() -> Option<bool> {
    let promise = manager()?.persist().ok()?;
    JsFuture::from(promise).await.ok()?.as_bool()
}

/// Asks once at start, if not granted already, so the records are not
/// evicted unnoticed.
pub fn request_at_start() {
    leptos::task::spawn_local(async {
        if persisted().await == Some(false) {
            let _ = persist().await;
        }
    });
}
