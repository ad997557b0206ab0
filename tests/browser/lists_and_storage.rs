//! Long lists a page at a time, and the storage figure in settings, in a
//! real page with real local storage.

use crate::support::{
    click, fresh_page, girl, local_storage, mount_app, save_people, settle, text_of, type_into,
    wait_for,
};
use bal_register::domain::paging::PAGE;
use bal_register::i18n::formats::group_digits;
use bal_register::storage::layout::REAL;
use bal_register::storage::usage::CHROME_QUOTA_UNITS;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

/// Saves `n` people into the real register, as an earlier session would
/// have, each in a village of their own.
fn seed_people(n: usize) {
    save_people(
        REAL,
        (0..n).map(|i| girl(&format!("Child {i:03}"), &format!("Village {i:03}"))),
    );
}

fn rows() -> u32 {
    document()
        .query_selector_all(".person-row")
        .unwrap()
        .length()
}

fn disabled(css: &str) -> bool {
    document()
        .query_selector(css)
        .unwrap()
        .unwrap_or_else(|| panic!("no {css}"))
        .has_attribute("disabled")
}

#[wasm_bindgen_test]
async fn a_long_list_shows_a_page_of_rows_at_a_time() {
    // A page and a half: the second page holds only what is left.
    let total = PAGE + PAGE / 2;
    fresh_page("/people");
    seed_people(total);
    let _app = mount_app();
    assert_eq!(
        text_of("#result-count").await,
        format!("Showing 1–{PAGE} of {total}")
    );
    assert_eq!(rows(), PAGE as u32);
    assert_eq!(text_of(".pager-place").await, "Page 1 of 2");
    assert!(disabled("#people-page-previous"));

    click("#people-page-next").await;
    assert_eq!(
        text_of("#result-count").await,
        format!("Showing {}–{total} of {total}", PAGE + 1)
    );
    assert_eq!(
        rows(),
        (PAGE / 2) as u32,
        "the page holds only its own rows"
    );
    assert_eq!(
        text_of(".person-row .record-name").await,
        format!("Child {PAGE:03}")
    );
    assert!(disabled("#people-page-next"));

    click("#people-page-previous").await;
    assert_eq!(text_of(".person-row .record-name").await, "Child 000");
    assert_eq!(rows(), PAGE as u32);
}

fn village_options() -> Vec<String> {
    let options = document()
        .query_selector_all("#known-villages option")
        .unwrap();
    (0..options.length())
        .map(|i| {
            options
                .item(i)
                .unwrap()
                .unchecked_into::<web_sys::Element>()
                .get_attribute("value")
                .unwrap_or_default()
        })
        .collect()
}

#[wasm_bindgen_test]
async fn the_form_offers_villages_a_few_at_a_time_as_they_are_typed() {
    fresh_page("/people/new");
    seed_people(150);
    let _app = mount_app();
    wait_for("#village").await;
    settle().await;
    let offered = village_options();
    assert_eq!(offered.len(), 50, "not all 150 villages at once");
    assert_eq!(offered[0], "Village 000");

    type_into("#village", "village 12").await;
    settle().await;
    let narrowed = village_options();
    // Every word typed is in each one: 012, 112 and 120 to 129.
    let expected: Vec<String> = (0..150)
        .map(|i| format!("Village {i:03}"))
        .filter(|v| v.contains("12"))
        .collect();
    assert_eq!(expected.len(), 12);
    assert_eq!(narrowed, expected);
}

/// Local storage as Chrome counts it: UTF-16 units of keys and values.
fn units_in_storage() -> usize {
    let storage = local_storage();
    (0..storage.length().unwrap())
        .map(|i| {
            let key = storage.key(i).unwrap().unwrap();
            let value = storage.get_item(&key).unwrap().unwrap();
            key.encode_utf16().count() + value.encode_utf16().count()
        })
        .sum()
}

#[wasm_bindgen_test]
async fn settings_show_how_much_of_local_storage_the_records_take() {
    fresh_page("/settings");
    seed_people(2_000);
    let _app = mount_app();
    let used = text_of("#storage-used").await;
    let units = units_in_storage();
    let percent = (units * 100 + CHROME_QUOTA_UNITS / 2) / CHROME_QUOTA_UNITS;
    assert!(units > 1_000, "2,000 people take some room: {units} units");
    assert_eq!(
        used,
        format!(
            "The records take {percent}% of the local storage this browser allows: {} of {} characters.",
            group_digits(units, true),
            group_digits(CHROME_QUOTA_UNITS, true)
        )
    );
    assert!(
        document()
            .query_selector("#storage-warning")
            .unwrap()
            .is_none(),
        "no warning at {percent}%"
    );
    // The browser's answer about keeping the records, whatever it is.
    assert!(!text_of("#storage-persisted").await.is_empty());
}

#[wasm_bindgen_test]
async fn settings_warn_when_local_storage_is_nearly_full() {
    fresh_page("/settings");
    seed_people(10);
    // Another app of this origin (or an old demonstration) filled it.
    let filler = "f".repeat(CHROME_QUOTA_UNITS * 85 / 100);
    local_storage().set_item("filler", &filler).unwrap();
    let _app = mount_app();
    let warning = text_of("#storage-warning").await;
    assert!(warning.contains("nearly full"), "{warning}");
    assert!(wait_for("#storage-used")
        .await
        .text_content()
        .unwrap()
        .contains("85%"));
    settle().await;
    local_storage().remove_item("filler").unwrap();
}
