//! Helpers shared by the browser tests.

use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement};

pub fn local_storage() -> web_sys::Storage {
    window().local_storage().unwrap().unwrap()
}

/// Nothing in local storage, no app mounted, and the address at `path`.
/// (The test runner's own output lives in the body too, so only what the
/// tests mounted is removed.)
pub fn fresh_page(path: &str) {
    local_storage().clear().unwrap();
    let mounted = document().query_selector_all(".test-root").unwrap();
    for i in 0..mounted.length() {
        if let Some(node) = mounted.item(i) {
            node.unchecked_into::<web_sys::Element>().remove();
        }
    }
    window()
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
        .unwrap();
}

/// Waits for the app to react (signals, effects, rendering).
pub async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Waits until an element matching `css` exists.
pub async fn wait_for(css: &str) -> HtmlElement {
    for _ in 0..100 {
        if let Some(el) = document().query_selector(css).unwrap() {
            return el.unchecked_into();
        }
        settle().await;
    }
    panic!(
        "{css} never appeared; page: {}",
        document().body().unwrap().inner_html()
    );
}

pub async fn text_of(css: &str) -> String {
    wait_for(css).await.text_content().unwrap_or_default()
}

/// Types into an input as a keyboard would end up: value set, `input` fired.
pub async fn type_into(css: &str, text: &str) {
    let input: HtmlInputElement = wait_for(css).await.unchecked_into();
    input.set_value(text);
    input
        .dispatch_event(
            &web_sys::Event::new_with_event_init_dict("input", &{
                let init = web_sys::EventInit::new();
                init.set_bubbles(true);
                init
            })
            .unwrap(),
        )
        .unwrap();
    settle().await;
}

pub async fn click(css: &str) {
    wait_for(css).await.click();
    settle().await;
}

#[allow(dead_code)]
pub async fn sleep(d: Duration) {
    let ms = d.as_millis() as i32;
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}
