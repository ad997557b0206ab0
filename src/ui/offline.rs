//! Working without a network: the service worker that keeps the app's files,
//! the notice when a new version has arrived, and whether we are online.

use crate::i18n::Msg;
use crate::ui::state::{AppState, NoticeKind};
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

const SEEN_VERSION: &str = "bal/app-version";

/// Registers the service worker (static/sw.js, written by the build) and
/// tells the volunteer when a new version of the app has been installed.
pub fn start(app: AppState) {
    let Some(container) = web_sys::window().map(|w| w.navigator().service_worker()) else {
        return;
    };
    // Browsers without service workers (or file:// pages) simply stay online-only.
    if js_sys::Reflect::get(
        &web_sys::window().unwrap().navigator(),
        &"serviceWorker".into(),
    )
    .map_or(true, |v| v.is_undefined())
    {
        return;
    }
    let _ = container.register("/sw.js");

    // The worker answers with the version it serves; a different version
    // from last time means the app was updated.
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let version = js_sys::Reflect::get(&ev.data(), &"version".into())
                .ok()
                .and_then(|v| v.as_string());
            let Some(version) = version else { return };
            let storage = web_sys::window().and_then(|w| w.local_storage().ok().flatten());
            let Some(storage) = storage else { return };
            let seen = storage.get_item(SEEN_VERSION).ok().flatten();
            if seen.as_deref().is_some_and(|s| s != version) {
                app.notify(NoticeKind::Info, app.text(Msg::AppUpdated).into());
            }
            let _ = storage.set_item(SEEN_VERSION, &version);
        });
    container.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();

    // A new version took over while this page was open: it keeps running the
    // version it loaded, whole; the next load uses the new one.
    let on_change = Closure::<dyn Fn()>::new(move || {
        app.notify(NoticeKind::Info, app.text(Msg::AppUpdatedReload).into());
    });
    container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();

    if let Some(worker) = container.controller() {
        let _ = worker.post_message(&"version".into());
    }
}

/// Whether the browser says it is online, kept up to date.
pub fn online_signal() -> ReadSignal<bool> {
    let (online, set_online) = signal(window().navigator().on_line());
    let up = window_event_listener(leptos::ev::online, move |_| set_online.set(true));
    let down = window_event_listener(leptos::ev::offline, move |_| set_online.set(false));
    on_cleanup(move || {
        up.remove();
        down.remove();
    });
    online
}
