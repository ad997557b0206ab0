//! Pages and components. They stay thin: rules live in `domain`, saving in
//! `storage`, words in `i18n`.

mod app;
pub mod components;
mod device_storage;
mod files;
mod i18n;
mod importing;
mod lookup;
pub mod offline;
mod pages;
pub mod router;
pub mod state;
pub mod vault;

pub use app::App;
pub use i18n::{tr, use_i18n, I18n};

use leptos::prelude::*;

/// Mounts the app into the page's body.
pub fn start() {
    // Storage workers run this same module (storage::workers): there is no
    // page to mount in them.
    if web_sys::window().is_none() {
        return;
    }
    install_panic_notice();
    if let Some(loading) = document().get_element_by_id("app-loading") {
        loading.remove();
    }
    mount_to_body(App);
}

/// A panic stops the app; say so in the page instead of freezing silently.
/// Saved records are safe: every save is committed before it is confirmed.
fn install_panic_notice() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        if let (Ok(div), Some(body)) = (document.create_element("div"), document.body()) {
            div.set_class_name("crash");
            div.set_attribute("role", "alert").ok();
            div.set_text_content(Some(
                "Bal Register stopped because of an error. Your saved records are safe. Please reload the page.",
            ));
            let _ = body.prepend_with_node_1(&div);
        }
    }));
}
