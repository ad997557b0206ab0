//! A state's register, far larger than local storage could hold as plain
//! JSON, taken in through the import page from a real file, kept across a
//! reload, and every record found again.

use bal_register::domain::generate::Spec;
use bal_register::domain::paging::PAGE;
use bal_register::domain::register::Kind;
use bal_register::i18n::formats::group_digits;
use bal_register_e2e::data_set::{DataSet, CHROME_QUOTA_UNITS};
use bal_register_e2e::{new_profile, probe, Browser};
use serde_json::Value;
use std::path::Path;
use std::time::Duration;

/// Long enough for a state's records on a slow, shared machine: this test
/// checks what survives, not how fast (that is `scripts/bench`).
const LONG: Duration = Duration::from_secs(300);

/// A count as the lists show it (the default, Indian digit groups).
fn count(n: usize) -> String {
    group_digits(n, true)
}

/// What the line above a list says when `n` rows match.
fn showing(n: usize) -> String {
    if n <= PAGE {
        format!("Showing {} of {}", count(n), count(n))
    } else {
        format!("Showing 1–{PAGE} of {}", count(n))
    }
}

/// The records of an exchange file, table by table, without its header
/// (which says when and where the file was written).
fn records_of(file: &Path) -> Value {
    let text = std::fs::read_to_string(file).expect("exchange file");
    let mut json: Value = serde_json::from_str(&text).expect("JSON");
    json["records"].take()
}

#[tokio::test]
async fn a_state_register_larger_than_plain_json_could_fit_is_whole_after_a_reload() {
    let work = new_profile();
    let set = DataSet::write(&Spec::state_scale(), &work.join("jharkhand.json"));
    assert!(
        set.units > CHROME_QUOTA_UNITS,
        "the premise: as plain JSON the register takes {} UTF-16 units, more than the {} local storage allows",
        set.units,
        CHROME_QUOTA_UNITS
    );
    let people = set.count(Kind::People);
    let groups = set.count(Kind::Groups);
    let places = set.count(Kind::Places);

    // Taken in through the import page, from the file.
    let b = Browser::start().await;
    b.open("/data").await;
    b.upload("#import-file", &set.file).await;
    b.wait_text_within("#count-new", "new", LONG).await;
    // While the import is saved, the page's thread is free most of the time
    // (the chunks are compressed in workers): a timer keeps firing.
    b.js(r#"window.__ticks = 0;
          setInterval(() => { if (document.getElementById('import-saving')) window.__ticks++; }, 25);"#)
        .await;
    // Clicked from the page's own event loop: the click's handler saves the
    // whole register, and WebDriver would wait on it past its own timeout.
    b.js("setTimeout(() => document.getElementById('apply-import').click(), 0);")
        .await;
    b.wait_text_within(".notices", "Imported:", LONG).await;
    let ticks = b.js("return window.__ticks;").await;
    assert!(
        ticks.as_u64().is_some_and(|n| n >= 5),
        "the page kept answering while the import was saved: the timer fired {ticks} times"
    );
    let stored = b.js(probe::STORAGE_UNITS).await.as_u64().expect("units") as usize;
    assert!(
        stored < CHROME_QUOTA_UNITS,
        "what was saved fits in local storage: {stored} units"
    );

    // A new page load reads it all back from local storage. (One load:
    // a reload followed at once by another navigation sometimes left
    // ChromeDriver waiting on a renderer busy opening the register.)
    b.open("/people").await;
    b.wait_text_within("#result-count", &showing(people), LONG)
        .await;
    b.open("/groups").await;
    b.wait_text("#result-count", &showing(groups)).await;
    b.open("/places").await;
    b.wait_text("#result-count", &showing(places)).await;

    // People found by name, in the state's script and in Latin letters.
    b.open("/people").await;
    for (id, name) in set.sample_people(6) {
        b.type_into("#search", &name).await;
        b.wait_text("#result-count", &showing(set.search_count(&name)))
            .await;
        b.wait_for(&format!("a[href='/people/{id}']")).await;
    }

    // Every record, attendance included: the register exported after the
    // reload holds exactly the records of the file it was made from.
    let saved = work.join("export");
    std::fs::create_dir_all(&saved).expect("export directory");
    b.download_to(&saved).await;
    b.open("/data").await;
    // Unprotected, so that the file can be compared with the one imported
    // (protected files are tested in tests/privacy.rs).
    b.click("#export-protect").await;
    b.wait_for("#export-unprotected").await;
    b.js("setTimeout(() => document.getElementById('export-json').click(), 0);")
        .await;
    b.wait_text_within(".notices", "Saved bal-register-", LONG)
        .await;
    let exported = b.wait_for_download(&saved, ".json").await;
    let (after, before) = (records_of(&exported), records_of(&set.file));
    for (table, kind) in [("people", Kind::People), ("meetings", Kind::Meetings)] {
        let n = after[table].as_array().map_or(0, Vec::len);
        assert_eq!(n, set.count(kind), "{table} in the export");
    }
    assert!(
        after == before,
        "the export after the reload has the same records as the file imported"
    );
    b.quit().await;
    let _ = std::fs::remove_dir_all(&work);
}
