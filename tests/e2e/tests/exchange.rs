//! Passing records between devices as files: export, import into an empty
//! device, conflicts answered in the page, undo, and files that are refused.

use bal_register_e2e::flows::register_person;
use bal_register_e2e::{new_profile, Browser};
use std::path::{Path, PathBuf};

/// Exports everything from the data page; returns the file.
async fn export_all(b: &Browser, dir: &Path) -> PathBuf {
    for old in std::fs::read_dir(dir).unwrap().flatten() {
        std::fs::remove_file(old.path()).unwrap();
    }
    b.download_to(dir).await;
    b.open("/data").await;
    b.wait_text("#export-warning", "personal data").await;
    // Unprotected, which the page warns about.
    b.click("#export-protect").await;
    b.wait_text("#export-unprotected", "anyone who gets it can read")
        .await;
    b.click("#export-json").await;
    b.wait_text(".notices", "Saved bal-register-").await;
    b.wait_for_download(dir, ".json").await
}

/// Chooses a file on the data page and waits for its preview.
async fn preview(b: &Browser, file: &Path) {
    b.open("/data").await;
    b.upload("#import-file", file).await;
    b.wait_for("#import-preview").await;
}

async fn set_village(b: &Browser, person: &str, village: &str) {
    b.open(person).await;
    b.click("#edit").await;
    b.type_into("#village", village).await;
    b.click("#save").await;
    b.wait_text(".details", village).await;
}

#[tokio::test]
async fn an_export_taken_into_an_empty_device_gives_the_same_register() {
    let dir = new_profile();
    let a = Browser::start().await;
    register_person(&a, "Asha", "Debbarma", true, "2016-03-14").await;
    register_person(&a, "सुनीता", "कुमारी", true, "2014-07-02").await;
    register_person(&a, "<b>Ravi</b>", "Reang", false, "2015-01-09").await;
    let file = export_all(&a, &dir).await;
    a.quit().await;

    let b = Browser::start().await;
    preview(&b, &file).await;
    b.wait_text("#count-new", "new").await;
    let new: usize = b
        .text("#count-new")
        .await
        .split_whitespace()
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(
        new, 3,
        "three people (the built-in programmes are already here)"
    );
    // While the records are saved the page says so, and its buttons wait.
    b.js(r#"window.__saving = [];
        new MutationObserver(() => {
          const status = document.getElementById('import-saving');
          const apply = document.getElementById('apply-import');
          if (status) window.__saving.push([status.textContent, apply && apply.disabled]);
        }).observe(document.body, { childList: true, subtree: true, attributes: true });"#)
        .await;
    b.click("#apply-import").await;
    b.wait_text(".notices", "Imported: 3 new").await;
    let seen = b.js("return window.__saving;").await;
    let said_saving = seen
        .as_array()
        .is_some_and(|all| all.iter().any(|s| s[0] == "Saving…" && s[1] == true));
    assert!(
        said_saving,
        "no 'Saving…' with the buttons disabled: {seen}"
    );
    assert_eq!(
        b.count("#import-saving").await,
        0,
        "the status goes when done"
    );
    b.open("/people").await;
    let list = b.wait_text("#result-count", "Showing 3 of 3").await;
    let names = b.text(".record-list").await;
    for name in ["Asha Debbarma", "सुनीता कुमारी", "<b>Ravi</b> Reang"] {
        assert!(names.contains(name), "{name} in {names} ({list})");
    }

    // The same file again changes nothing.
    preview(&b, &file).await;
    b.wait_text("#count-new", "0 new").await;
    b.wait_text("#count-unchanged", "unchanged").await;
    assert!(
        b.text("#count-unchanged")
            .await
            .starts_with(&format!("{}", 3 + 6)),
        "3 people + 6 programmes"
    );
    b.quit().await;
}

#[tokio::test]
async fn a_record_changed_on_both_devices_is_a_conflict_answered_in_the_page_and_undone() {
    let dir_a = new_profile();
    let dir_b = new_profile();
    let a = Browser::start().await;
    register_person(&a, "Asha", "Debbarma", true, "2016-03-14").await;
    let asha = a.path().await;
    let first = export_all(&a, &dir_a).await;

    let b = Browser::start().await;
    preview(&b, &first).await;
    b.click("#apply-import").await;
    b.wait_text(".notices", "Imported: 1 new").await;

    // Both change her village.
    set_village(&a, &asha, "Kulai").await;
    set_village(&b, &asha, "Bero").await;
    let second = export_all(&a, &dir_a).await;
    a.quit().await;

    preview(&b, &second).await;
    b.wait_text("#count-conflicts", "1 changed on both sides")
        .await;
    let conflict = b.text(".conflict").await;
    // The field is named as the person form names it, and the values are
    // plain text: no serde key, no JSON punctuation.
    assert!(
        conflict.contains("Bero")
            && conflict.contains("Kulai")
            && conflict.contains("Village or ward"),
        "{conflict}"
    );
    for raw in ["village", "given_name", "{", "}", "[", "]", "\""] {
        assert!(!conflict.contains(raw), "{raw:?} in {conflict}");
    }
    b.click("#apply-import").await;
    b.wait_text(".notices", "Choose which version to keep")
        .await;
    b.click(".conflict .take-theirs").await;
    b.click("#apply-import").await;
    b.wait_text(".notices", "Imported: 0 new, 1 updated").await;
    b.open(&asha).await;
    b.wait_text(".details", "Kulai").await;

    // Undo brings Bero back.
    b.open("/data").await;
    b.click("#undo-import-button").await;
    b.click("#confirm-yes").await;
    b.wait_text(".notices", "The import was undone.").await;
    b.open(&asha).await;
    b.wait_text(".details", "Bero").await;
    b.reload().await;
    b.wait_text(".details", "Bero").await;
    let _ = dir_b;
    b.quit().await;
}

#[tokio::test]
async fn bad_files_are_refused_with_a_reason_and_change_nothing() {
    let dir = new_profile();
    let b = Browser::start().await;
    register_person(&b, "Asha", "Debbarma", true, "2016-03-14").await;
    let cases: [(&str, &str, &str); 4] = [
        ("photo.json", "\u{89}PNG not json at all", "not a Bal Register file"),
        ("cut.json", "{\"format\": \"bal-register\", \"version\": 1, \"records\": {\"people\": [", "cut short"),
        ("other.json", "{\"name\": \"some other app\"}", "not a Bal Register export"),
        ("future.json", "{\"format\": \"bal-register\", \"version\": 9, \"app_version\": \"9\", \"exported_at\": \"2030-01-01T00:00:00Z\", \"device\": \"00000001\", \"scope\": {\"kind\": \"all\"}, \"records\": {}}", "newer version"),
    ];
    for (name, text, expected) in cases {
        let file = dir.join(name);
        std::fs::write(&file, text).unwrap();
        b.open("/data").await;
        b.upload("#import-file", &file).await;
        b.wait_text("#import-error", expected).await;
    }
    b.open("/people").await;
    b.wait_text("#result-count", "Showing 1 of 1").await;
    b.quit().await;
}
