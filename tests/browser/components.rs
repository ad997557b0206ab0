//! The app's pages mounted in a real page, with real local storage.

use crate::support::{
    click, fresh_page, girl, mount_app, save_people, settle, text_of, type_into, wait_for,
};
use bal_register::domain::id::{DeviceTag, Id};
use bal_register::domain::person::Person;
use bal_register::storage::layout::REAL;
use bal_register::storage::local::LocalStore;
use bal_register::storage::repo::Repo;
use leptos::prelude::*;
use wasm_bindgen_test::wasm_bindgen_test;

/// Saves people into the real register's storage, as an earlier session would have.
fn seed(names: &[&str]) -> Vec<Id> {
    save_people(
        REAL,
        names.iter().map(|n| Person {
            community: "Banjara".into(),
            ..girl(n, "Bero")
        }),
    )
}

#[wasm_bindgen_test]
async fn the_first_visit_shows_the_welcome() {
    fresh_page("/");
    let _app = mount_app();
    assert_eq!(text_of("main h1").await, "Welcome to Bal Register");
    assert!(wait_for("#add-first-child")
        .await
        .get_attribute("href")
        .unwrap()
        .ends_with("/people/new"));
}

#[wasm_bindgen_test]
async fn the_list_shows_stored_people_and_filters_them() {
    fresh_page("/people");
    seed(&["Zoya", "<img src=x onerror=alert(1)>", "Asha"]);
    let _app = mount_app();
    assert_eq!(text_of("#result-count").await, "Showing 3 of 3");
    let names: Vec<String> = {
        let rows = document()
            .query_selector_all(".person-row .record-name")
            .unwrap();
        (0..rows.length())
            .map(|i| rows.item(i).unwrap().text_content().unwrap())
            .collect()
    };
    assert_eq!(names, vec!["<img src=x onerror=alert(1)>", "Asha", "Zoya"]);
    assert!(
        document().query_selector("main img").unwrap().is_none(),
        "markup stays text"
    );

    type_into("#search", "zo").await;
    assert_eq!(text_of("#result-count").await, "Showing 1 of 1");
    assert_eq!(text_of(".person-row .record-name").await, "Zoya");
}

#[wasm_bindgen_test]
async fn an_empty_form_marks_the_required_fields() {
    fresh_page("/people/new");
    let _app = mount_app();
    click("#save").await;
    assert_eq!(text_of("#given_name-error").await, "This is required.");
    assert_eq!(
        wait_for("#given_name")
            .await
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("true")
    );
    assert_eq!(
        document().active_element().unwrap().id(),
        "given_name",
        "focus goes to the first problem"
    );
    let (_, reg, _) = Repo::open(LocalStore::open().unwrap(), REAL, || {
        DeviceTag::from_random(1)
    })
    .unwrap();
    assert_eq!(reg.people.live_count(), 0, "nothing was saved");
}

#[wasm_bindgen_test]
async fn a_registration_is_saved_to_local_storage() {
    fresh_page("/people/new");
    let _app = mount_app();
    type_into("#given_name", "सुनीता").await;
    click("#sex-0").await;
    type_into("#birth_date", "2014-07-02").await;
    click("#save").await;
    assert_eq!(text_of("#person-name").await, "सुनीता");
    settle().await;
    let (_, reg, _) = Repo::open(LocalStore::open().unwrap(), REAL, || {
        DeviceTag::from_random(1)
    })
    .unwrap();
    let stored: Vec<String> = reg
        .people
        .live()
        .map(|(_, p)| p.given_name.clone())
        .collect();
    assert_eq!(stored, vec!["सुनीता"]);
}

#[wasm_bindgen_test]
async fn deleting_asks_first_and_then_removes_the_record() {
    fresh_page("/");
    let ids = seed(&["Asha"]);
    window()
        .history()
        .unwrap()
        .replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("/people/{}", ids[0])),
        )
        .unwrap();
    let _app = mount_app();
    click("#delete").await;
    assert_eq!(text_of("#confirm-title").await, "Delete Asha?");
    assert_eq!(
        document().active_element().unwrap().id(),
        "confirm-cancel",
        "the safe choice has the focus"
    );
    click("#confirm-yes").await;
    settle().await;
    let (_, reg, _) = Repo::open(LocalStore::open().unwrap(), REAL, || {
        DeviceTag::from_random(1)
    })
    .unwrap();
    assert_eq!(reg.people.live_count(), 0);
    assert!(reg.people.record(ids[0]).unwrap().is_deleted());
}
