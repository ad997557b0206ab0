//! Helpers shared by the browser tests.

use bal_register::domain::edit::Edit;
use bal_register::domain::id::{DeviceTag, Id};
use bal_register::domain::person::{Birth, Person, Sex};
use bal_register::domain::schooling::SchoolHistory;
use bal_register::domain::table::Author;
use bal_register::domain::time::Timestamp;
use bal_register::storage::local::LocalStore;
use bal_register::storage::repo::Repo;
use bal_register::ui::App;
use chrono::NaiveDate;
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

/// Waits until an element matching `css` holds `expected` in its text (work
/// the page does after a frame, such as saving an import), and returns it.
pub async fn wait_text(css: &str, expected: &str) -> String {
    let mut text = String::new();
    for _ in 0..250 {
        if let Some(el) = document().query_selector(css).unwrap() {
            text = el.text_content().unwrap_or_default();
            if text.contains(expected) {
                return text;
            }
        }
        settle().await;
    }
    panic!("{css} never said {expected:?}; it says {text:?}");
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

/// A girl born on 2 January 2017 in `village`, with nothing else filled in.
pub fn girl(given: &str, village: &str) -> Person {
    Person {
        given_name: given.to_string(),
        family_name: String::new(),
        sex: Sex::Female,
        birth: Birth::Known {
            date: NaiveDate::from_ymd_opt(2017, 1, 2).unwrap(),
        },
        guardian_name: String::new(),
        guardian_relationship: None,
        phone: String::new(),
        village: village.to_string(),
        community: String::new(),
        schooling: SchoolHistory::default(),
        notes: String::new(),
    }
}

/// Saves `people` into the register kept in local storage under `ns`, as
/// an earlier session would have; returns their ids.
pub fn save_people(ns: &str, people: impl IntoIterator<Item = Person>) -> Vec<Id> {
    let (mut repo, mut reg, _) = Repo::open(LocalStore::open().unwrap(), ns, || {
        DeviceTag::from_random(5)
    })
    .unwrap();
    let author = Author {
        device: repo.meta().ids.device,
        now: Timestamp(1_764_300_000),
    };
    let mut edit = Edit::new(&mut reg, repo.ids_mut(), author);
    let ids = people
        .into_iter()
        .map(|p| edit.add_person(p).unwrap())
        .collect();
    let touched = edit.touched();
    repo.commit(&reg, &touched).unwrap();
    ids
}

/// Mounts the whole app into a fresh element of the page (removed again by
/// [`fresh_page`]).
pub fn mount_app() -> leptos::mount::UnmountHandle<impl Mountable> {
    let parent = document().create_element("div").unwrap();
    parent.set_class_name("test-root");
    document().body().unwrap().append_child(&parent).unwrap();
    leptos::mount::mount_to(parent.unchecked_into(), App)
}
