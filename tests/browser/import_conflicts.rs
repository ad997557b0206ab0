//! An import with many conflicts, answered a page at a time in a real page.

use crate::support::{click, fresh_page, girl, mount_app, settle, text_of, wait_for, wait_text};
use bal_register::domain::edit::Edit;
use bal_register::domain::id::{DeviceTag, Id, IdGen};
use bal_register::domain::person::Person;
use bal_register::domain::table::Author;
use bal_register::domain::time::Timestamp;
use bal_register::exchange::envelope::Scope;
use bal_register::exchange::export::export;
use bal_register::storage::layout::REAL;
use bal_register::storage::local::LocalStore;
use bal_register::storage::repo::Repo;
use leptos::prelude::*;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

const NOW: Timestamp = Timestamp(1_764_300_000);

fn child(i: usize) -> Person {
    girl(&format!("Child {i:03}"), "")
}

/// Every one of `people` moved to `village` by `device`.
fn move_all(edit: &mut Edit, people: &[Id], village: &str) {
    for &id in people {
        let mut p = edit.register().people.get(id).unwrap().clone();
        p.village = village.to_string();
        edit.update_person(id, p).unwrap();
    }
}

/// Saves 150 people on this device and returns the exchange file of another
/// device that had them too, where every one of them then moved to Kulai
/// while here they moved to Bero: 150 conflicts.
fn both_sides_changed() -> String {
    let (mut repo, mut reg, _) = Repo::open(LocalStore::open().unwrap(), REAL, || {
        DeviceTag::from_random(7)
    })
    .unwrap();
    let here = Author {
        device: repo.meta().ids.device,
        now: NOW,
    };
    let mut edit = Edit::new(&mut reg, repo.ids_mut(), here);
    let people: Vec<Id> = (0..150)
        .map(|i| edit.add_person(child(i)).unwrap())
        .collect();
    let touched = edit.touched();
    repo.commit(&reg, &touched).unwrap();

    let other = DeviceTag::from_random(8);
    let mut theirs = reg.clone();
    let mut their_ids = IdGen::new(other);
    let mut edit = Edit::new(
        &mut theirs,
        &mut their_ids,
        Author {
            device: other,
            now: NOW,
        },
    );
    move_all(&mut edit, &people, "Kulai");

    let mut edit = Edit::new(&mut reg, repo.ids_mut(), here);
    move_all(&mut edit, &people, "Bero");
    let touched = edit.touched();
    repo.commit(&reg, &touched).unwrap();

    export(&theirs, Scope::All, NOW, other).unwrap()
}

/// Gives `text` to the import's file field as a chosen file.
fn choose_file(text: &str) {
    let choose = js_sys::Function::new_with_args(
        "input, text",
        "const dt = new DataTransfer();\
         dt.items.add(new File([text], 'theirs.json', { type: 'application/json' }));\
         input.files = dt.files;\
         input.dispatchEvent(new Event('change', { bubbles: true }));",
    );
    let input = document().get_element_by_id("import-file").unwrap();
    choose
        .call2(&JsValue::NULL, &input, &JsValue::from_str(text))
        .unwrap();
}

fn count(css: &str) -> u32 {
    document().query_selector_all(css).unwrap().length()
}

#[wasm_bindgen_test]
async fn many_conflicts_are_shown_a_page_at_a_time_and_answered_for_all() {
    fresh_page("/data");
    let file = both_sides_changed();
    let _app = mount_app();
    wait_for("#import-file").await;
    choose_file(&file);
    wait_for("#import-preview").await;
    assert_eq!(
        text_of("#count-conflicts").await,
        "150 changed on both sides"
    );
    assert_eq!(count(".conflict"), 20, "one page of conflicts");
    assert_eq!(text_of("#import-preview .pager-place").await, "Page 1 of 8");
    let first = text_of(".conflict h4").await;

    click("#conflicts-page-next").await;
    settle().await;
    assert_eq!(count(".conflict"), 20);
    assert_ne!(text_of(".conflict h4").await, first, "the next page's");
    // Every element the app mounted (fresh_page left only this one root).
    let elements = count(".test-root *");
    assert!(elements < 1_500, "{elements} elements in the page");

    // Answered for all, those on other pages too.
    click("#take-all-theirs").await;
    click("#apply-import").await;
    // Saved a frame after the click, once "Saving…" is painted.
    wait_text(".notices", "Imported: 0 new, 150 updated").await;
}
