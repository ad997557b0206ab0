//! Each figure, measured in the page (see `bal_register_e2e::probe`).

use bal_register::domain::rhythm::Month;
use bal_register::domain::seed::BALASABHA;
use bal_register_e2e::data_set::DataSet;
use bal_register_e2e::thirtyfour::{By, Key};
use bal_register_e2e::{probe, Browser};
use serde_json::Value;
use std::path::Path;
use std::time::Duration;

/// How long the slowest step may take before the benchmark gives up.
const LONG: Duration = Duration::from_secs(600);

fn ms(v: &Value, field: &str) -> f64 {
    v[field]
        .as_f64()
        .unwrap_or_else(|| panic!("no {field} in {v}"))
}

pub struct Import {
    pub preview_ms: f64,
    pub apply_ms: f64,
    pub new_records: String,
}

/// Chooses the file on the data page, waits for the preview, applies it.
pub async fn import(b: &Browser, set: &DataSet) -> Import {
    b.open("/data").await;
    b.js(probe::IMPORT).await;
    b.upload("#import-file", &set.file).await;
    let seen = b
        .wait_js(
            "window.__import.preview !== undefined || window.__import.error !== undefined",
            LONG,
        )
        .await;
    assert_eq!(seen, true);
    let m = b.js("return window.__import;").await;
    if let Some(error) = m["error"].as_str() {
        panic!("the import page refused the file: {error}");
    }
    let new_records = b.text("#count-new").await;
    // Clicked from the page's own event loop so that WebDriver does not sit
    // waiting on a click whose handler saves the whole register.
    b.js("setTimeout(() => document.getElementById('apply-import').click(), 0);")
        .await;
    b.wait_js("window.__import.applied", LONG).await;
    let m = b.js("return window.__import;").await;
    Import {
        preview_ms: ms(&m, "preview") - ms(&m, "chosen"),
        apply_ms: ms(&m, "applied") - ms(&m, "apply"),
        new_records,
    }
}

pub struct ColdStart {
    /// The first start of a freshly started browser.
    pub first_ms: f64,
    pub first_wasm_ms: f64,
    /// Reloads after it (the browser process and its caches warm).
    pub reloads_ms: Vec<f64>,
}

/// Navigation to the people list, until its first rows are painted.
pub async fn cold_start(b: &Browser) -> ColdStart {
    b.on_new_document(probe::COLD_START).await;
    let mut times = Vec::new();
    let mut first_wasm_ms = 0.0;
    for i in 0..6 {
        if i == 0 {
            b.driver
                .goto(Browser::url("/people"))
                .await
                .expect("navigation");
        } else {
            b.driver.refresh().await.expect("reload");
        }
        let usable = b
            .wait_js("window.__cold && window.__cold.usable", LONG)
            .await;
        times.push(usable.as_f64().unwrap());
        if i == 0 {
            first_wasm_ms = b.js(probe::WASM_ARRIVED).await.as_f64().unwrap_or(0.0);
        }
    }
    ColdStart {
        first_ms: times[0],
        first_wasm_ms,
        reloads_ms: times[1..].to_vec(),
    }
}

/// What is typed into the search: two names from the register, one in the
/// state's script and one in Latin letters, each typed out letter by letter
/// and then deleted back to an empty field (which lists everyone again).
pub enum Keystroke {
    Char(char),
    Backspace,
}

pub fn keystrokes(set: &DataSet) -> Vec<Keystroke> {
    let mut keys = Vec::new();
    for (_, name) in set.sample_people(2) {
        let typed: Vec<char> = name.chars().collect();
        keys.extend(typed.iter().map(|&c| Keystroke::Char(c)));
        keys.extend(typed.iter().map(|_| Keystroke::Backspace));
    }
    keys
}

/// The field's text after each keystroke.
pub fn queries(keys: &[Keystroke]) -> Vec<String> {
    let mut text = String::new();
    keys.iter()
        .map(|k| {
            match k {
                Keystroke::Char(c) => text.push(*c),
                Keystroke::Backspace => {
                    text.pop();
                }
            }
            text.clone()
        })
        .collect()
}

/// Each keystroke, from the key going down to the list's answer painted.
pub async fn search(b: &Browser, keys: &[Keystroke]) -> Vec<f64> {
    b.open("/people").await;
    b.wait_text("#result-count", "Showing").await;
    b.js(probe::SEARCH).await;
    let field = b.wait_for("#search").await;
    field.click().await.expect("focus the search");
    for (i, key) in keys.iter().enumerate() {
        match key {
            Keystroke::Char(c) => field.send_keys(c.to_string()).await,
            Keystroke::Backspace => field.send_keys(Key::Backspace).await,
        }
        .expect("typing");
        b.wait_js(
            &format!("window.__search.samples.length > {i}"),
            Duration::from_secs(60),
        )
        .await;
    }
    let samples = b.js("return window.__search.samples;").await;
    serde_json::from_value(samples).expect("numbers")
}

/// The largest group, one of its members and one of its meetings, a
/// district: the pages that list the most of a state-scale register.
fn busy_pages(set: &DataSet) -> Vec<(String, String)> {
    let reg = &set.register;
    let count = |g| reg.memberships.live().filter(|(_, m)| m.group == g).count();
    let (group, _) = reg
        .groups
        .live()
        .max_by_key(|(id, _)| count(*id))
        .expect("groups");
    let member = reg
        .memberships
        .live()
        .find(|(_, m)| m.group == group)
        .map(|(_, m)| m.person)
        .expect("a member");
    let (meeting, month) = reg
        .meetings
        .live()
        .find(|(_, m)| m.group == group)
        .map(|(id, m)| (id, Month::of(m.date)))
        .expect("a meeting");
    // The summary of the year's months up to the last meeting's.
    let last = reg
        .meetings
        .live()
        .map(|(_, m)| m.date)
        .max()
        .expect("meetings");
    let year = (Month::of(last - chrono::Days::new(330)), Month::of(last));
    let district = reg
        .places
        .live()
        .find(|(_, p)| p.level == bal_register::domain::place::Level::District)
        .map(|(id, _)| id)
        .expect("a district");
    vec![
        ("largest group".into(), format!("/groups/{group}")),
        ("a member of it".into(), format!("/people/{member}")),
        (
            "editing that member".into(),
            format!("/people/{member}/edit"),
        ),
        ("a meeting of it".into(), format!("/meetings/{meeting}")),
        ("a district".into(), format!("/places/{district}")),
        (
            "its monthly report".into(),
            format!("/groups/{group}/report/{}", month.code()),
        ),
        (
            "a year's summary".into(),
            format!("/report/{}/{}", year.0.code(), year.1.code()),
        ),
        (
            "Balasabha programme".into(),
            format!("/programmes/{BALASABHA}"),
        ),
    ]
}

/// Elements on each main page once it has settled.
pub async fn dom_nodes(b: &Browser, set: &DataSet) -> Vec<(String, u64)> {
    let mut pages: Vec<(String, String)> = [
        "/",
        "/people",
        "/people/new",
        "/groups",
        "/follow-up",
        "/cases",
        "/places",
        "/programmes",
        "/data",
        "/settings",
    ]
    .iter()
    .map(|p| (p.to_string(), p.to_string()))
    .collect();
    pages.extend(busy_pages(set));
    let mut counts = Vec::new();
    for (label, path) in pages {
        b.open(&path).await;
        b.wait_for("main h1").await;
        counts.push((label, settled_count(b).await));
    }
    // A later page of the people list holds its own rows only.
    b.open("/people").await;
    b.wait_text("#result-count", "Showing").await;
    for _ in 0..4 {
        b.click("#people-page-next").await;
    }
    let page = bal_register::domain::paging::PAGE;
    b.wait_text(
        "#result-count",
        &format!("Showing {}–{}", 4 * page + 1, 5 * page),
    )
    .await;
    counts.push(("/people, page 5".into(), settled_count(b).await));
    counts
}

/// The element count once two readings a quarter second apart agree.
async fn settled_count(b: &Browser) -> u64 {
    let mut last = 0;
    loop {
        tokio::time::sleep(Duration::from_millis(250)).await;
        let n = b.js(probe::DOM_NODES).await.as_u64().unwrap_or(0);
        if n == last {
            return n;
        }
        last = n;
    }
}

/// What the settings page says of storage, if it says anything.
pub async fn settings_figure(b: &Browser) -> Option<String> {
    b.open("/settings").await;
    b.wait_for("main h1").await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    match b.driver.find(By::Css("#storage-used")).await {
        Ok(el) => el.text().await.ok(),
        Err(_) => None,
    }
}

pub struct Export {
    pub ms: f64,
    pub file_bytes: u64,
}

/// The whole register written to a file from the data page.
pub async fn export(b: &Browser, work: &Path) -> Export {
    let dir = work.join("export");
    std::fs::create_dir_all(&dir).expect("export directory");
    b.download_to(&dir).await;
    b.open("/data").await;
    b.wait_for("#export-json").await;
    // The plain file, as the baselines write it: a protected one adds the
    // key derivation and encryption (tested in tests/privacy.rs, not timed).
    b.click("#export-protect").await;
    b.wait_for("#export-unprotected").await;
    b.js(probe::EXPORT).await;
    b.js("setTimeout(() => document.getElementById('export-json').click(), 0);")
        .await;
    b.wait_js("window.__export.saved", LONG).await;
    let m = b.js("return window.__export;").await;
    let file = wait_for_file(&dir).await;
    Export {
        ms: ms(&m, "saved") - ms(&m, "click"),
        file_bytes: std::fs::metadata(file).map(|m| m.len()).unwrap_or(0),
    }
}

/// A finished download (Chromium writes `.crdownload` until it is whole).
async fn wait_for_file(dir: &Path) -> std::path::PathBuf {
    for _ in 0..1200 {
        let done = std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|e| e == "json"));
        if let Some(path) = done {
            return path;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the export was never saved in {}", dir.display());
}
