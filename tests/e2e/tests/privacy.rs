//! Privacy and security of the children's records, as a volunteer meets
//! them: the passphrase lock, protected export files, forgetting the
//! device, the duplicate warning, and the page's Content-Security-Policy.

use bal_register_e2e::flows::register_person;
use bal_register_e2e::{new_profile, Browser};

const PASSPHRASE: &str = "tea garden 1987";
const NEW_PASSPHRASE: &str = "river stones & rain";

/// Sets the passphrase in settings.
async fn set_passphrase(b: &Browser, passphrase: &str) {
    b.open("/settings").await;
    b.type_into("#set-passphrase", passphrase).await;
    b.type_into("#set-passphrase-again", passphrase).await;
    b.click("#set-passphrase-button").await;
    b.wait_text(".notices", "now encrypted with the passphrase")
        .await;
}

/// The register's own values in local storage (meta, chunks, backup), by
/// key, without the settings, the lock header and the app's own keys.
async fn register_values(b: &Browser) -> Vec<(String, String)> {
    let all = b
        .js("return Object.entries(localStorage).filter(([k]) => k.startsWith('bal/') \
             && !['bal/settings', 'bal/lock', 'bal/tab', 'bal/mode', 'bal/app-version'].includes(k));")
        .await;
    serde_json::from_value(all).unwrap()
}

async fn unlock(b: &Browser, passphrase: &str) {
    b.type_into("#unlock-passphrase", passphrase).await;
    b.click("#unlock").await;
    b.wait_for("nav").await;
}

#[tokio::test]
async fn a_passphrase_locks_the_records_and_storage_keeps_no_readable_name() {
    let b = Browser::start().await;
    register_person(&b, "Asha", "Debbarma", true, "2016-03-14").await;
    register_person(&b, "सुनीता", "कुमारी", true, "2014-07-02").await;
    let asha = b.path().await;
    // Without a passphrase the register is stored plain (packed, but
    // readable by anyone with the app's code).
    let plain = register_values(&b).await;
    assert!(
        plain
            .iter()
            .any(|(k, v)| k == "bal/meta" && v.starts_with('{')),
        "{plain:?}"
    );
    assert!(plain.iter().all(|(_, v)| !v.starts_with('S')), "{plain:?}");

    // A passphrase too short, or typed differently, is refused.
    b.open("/settings").await;
    b.type_into("#set-passphrase", "short").await;
    b.type_into("#set-passphrase-again", "short").await;
    b.click("#set-passphrase-button").await;
    b.wait_text("#set-passphrase-error", "at least 8").await;
    b.type_into("#set-passphrase", PASSPHRASE).await;
    b.type_into("#set-passphrase-again", "tea garden 1988")
        .await;
    b.click("#set-passphrase-button").await;
    b.wait_text("#set-passphrase-again-error", "not the same")
        .await;

    set_passphrase(&b, PASSPHRASE).await;
    // Every value of the register is now sealed: 'S', then the key id,
    // nonce and AES-GCM ciphertext.
    let sealed = register_values(&b).await;
    assert!(sealed.len() >= plain.len(), "{sealed:?}");
    assert!(sealed.iter().all(|(_, v)| v.starts_with('S')), "{sealed:?}");
    let stored = b.local_storage_dump().await;
    for secret in ["Asha", "Debbarma", "सुनीता", "कुमारी", PASSPHRASE] {
        assert!(!stored.contains(secret), "{secret} is in local storage");
    }
    assert!(stored.contains("bal/lock"), "the lock header is there");

    // Reload: the lock screen, and nothing of the records.
    b.reload().await;
    b.wait_text("#lock-screen", "Bal Register is locked").await;
    assert_eq!(b.count("nav").await, 0, "no way into the records");
    let page = b.text("body").await;
    assert!(!page.contains("Asha"), "{page}");

    // A wrong passphrase says so and changes nothing.
    b.type_into("#unlock-passphrase", "tea garden 1988").await;
    b.click("#unlock").await;
    b.wait_text("#unlock-passphrase-error", "not right").await;
    assert_eq!(b.local_storage_dump().await, stored);

    unlock(&b, PASSPHRASE).await;
    b.go("/people").await;
    b.wait_text(".record-list", "Asha Debbarma").await;
    b.wait_text(".record-list", "सुनीता कुमारी").await;

    // A change made while unlocked is saved sealed, and is there after a
    // reload.
    b.go("/people/new").await;
    b.type_into("#given_name", "Mina").await;
    b.type_into("#family_name", "Reang").await;
    b.click("#sex-0").await;
    b.type_date("#birth_date", "2015-02-02").await;
    b.click("#save").await;
    b.wait_text("#person-name", "Mina").await;
    b.wait_gone("#saving").await;
    assert!(!b.local_storage_dump().await.contains("Reang"));
    b.reload().await;
    unlock(&b, PASSPHRASE).await;
    b.go("/people").await;
    b.wait_text(".record-list", "Mina Reang").await;

    // Locking by hand.
    b.click("#lock-now").await;
    b.wait_for("#lock-screen").await;
    unlock(&b, PASSPHRASE).await;

    // Changing the passphrase: the old one no longer opens.
    b.go("/settings").await;
    b.type_into("#current-passphrase", PASSPHRASE).await;
    b.type_into("#new-passphrase", NEW_PASSPHRASE).await;
    b.type_into("#new-passphrase-again", NEW_PASSPHRASE).await;
    b.click("#change-passphrase-button").await;
    b.wait_text(".notices", "passphrase is changed").await;
    b.reload().await;
    b.type_into("#unlock-passphrase", PASSPHRASE).await;
    b.click("#unlock").await;
    b.wait_text("#unlock-passphrase-error", "not right").await;
    unlock(&b, NEW_PASSPHRASE).await;
    b.go(&asha).await;
    b.wait_text("#person-name", "सुनीता").await;

    // Removing it: the records open without a passphrase again.
    b.go("/settings").await;
    b.type_into("#remove-passphrase", NEW_PASSPHRASE).await;
    b.click("#remove-passphrase-button").await;
    b.wait_text(".notices", "passphrase is removed").await;
    b.reload().await;
    b.open("/people").await;
    b.wait_text(".record-list", "Mina Reang").await;
    assert!(b.local_storage_dump().await.contains("bal/meta"));
    assert!(!b.local_storage_dump().await.contains("bal/lock"));
    b.quit().await;
}

#[tokio::test]
async fn a_protected_export_imports_back_with_its_passphrase_only() {
    let dir = new_profile();
    let a = Browser::start().await;
    register_person(&a, "Asha", "Debbarma", true, "2016-03-14").await;
    a.download_to(&dir).await;
    a.open("/data").await;
    // Protected by default; the passphrase is checked like the lock's.
    a.type_into("#export-passphrase", PASSPHRASE).await;
    a.type_into("#export-passphrase-again", "something else")
        .await;
    a.click("#export-json").await;
    a.wait_text("#export-passphrase-again-error", "not the same")
        .await;
    a.type_into("#export-passphrase-again", PASSPHRASE).await;
    a.click("#export-json").await;
    a.wait_text(".notices", "Saved bal-register-encrypted-")
        .await;
    let file = a.wait_for_download(&dir, ".json").await;
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("\"bal-register-encrypted\""), "{text}");
    assert!(!text.contains("Asha") && !text.contains("Debbarma"));
    a.quit().await;

    let b = Browser::start().await;
    b.open("/data").await;
    b.upload("#import-file", &file).await;
    b.wait_text("#import-unlock", "protected with a passphrase")
        .await;
    b.type_into("#import-passphrase", "tea garden 1988").await;
    b.click("#open-import").await;
    b.wait_text("#import-passphrase-error", "does not open")
        .await;
    b.type_into("#import-passphrase", PASSPHRASE).await;
    b.click("#open-import").await;
    b.wait_text("#count-new", "1 new").await;
    b.click("#apply-import").await;
    b.wait_text(".notices", "Imported: 1 new").await;
    b.open("/people").await;
    b.wait_text(".record-list", "Asha Debbarma").await;
    b.quit().await;
}

#[tokio::test]
async fn forgetting_the_device_erases_everything_after_the_typed_word() {
    let b = Browser::start().await;
    b.open("/").await;
    b.wait_for_offline_ready().await;
    register_person(&b, "Asha", "Debbarma", true, "2016-03-14").await;
    set_passphrase(&b, PASSPHRASE).await;
    b.go("/settings").await;
    let erase = b.wait_for("#forget-device").await;
    assert!(!erase.is_enabled().await.unwrap(), "not before the word");
    b.type_into("#forget-confirm", "eras").await;
    assert!(!erase.is_enabled().await.unwrap());
    b.type_into("#forget-confirm", "erase").await;
    b.click("#forget-device").await;
    b.wait_text("#forgotten", "This device is forgotten").await;

    let left = b
        .js(
            "return Promise.all([localStorage.length, sessionStorage.length, \
             caches.keys().then(k => k.length), \
             navigator.serviceWorker.getRegistrations().then(r => r.length)]);",
        )
        .await;
    assert_eq!(
        left,
        serde_json::json!([0, 0, 0, 0]),
        "storage, caches, workers"
    );
    b.click("#start-again").await;
    b.wait_text("h1", "Welcome").await;
    b.quit().await;
}

#[tokio::test]
async fn the_lock_screen_offers_to_forget_a_device_whose_passphrase_is_lost() {
    let b = Browser::start().await;
    register_person(&b, "Asha", "Debbarma", true, "2016-03-14").await;
    set_passphrase(&b, PASSPHRASE).await;
    b.reload().await;
    b.click(".forgot summary").await;
    b.type_into("#forget-confirm", "ERASE").await;
    b.click("#forget-device").await;
    b.wait_for("#forgotten").await;
    assert_eq!(b.js("return localStorage.length;").await, 0);
    b.quit().await;
}

#[tokio::test]
async fn registering_a_child_twice_warns_with_the_record_found() {
    let b = Browser::start().await;
    register_person(&b, "Asha", "Debbarma", true, "2016-03-14").await;
    let first = b.path().await;

    b.open("/people/new").await;
    b.type_into("#given_name", "ASHA").await;
    b.type_into("#family_name", "debbarma").await;
    b.click("#sex-0").await;
    b.type_date("#birth_date", "2016-03-20").await;
    b.click("#save").await;
    let warning = b
        .wait_text("#duplicate-warning", "may already be registered")
        .await;
    assert!(warning.contains("Asha Debbarma"), "{warning}");
    let link = b
        .wait_for("#duplicate-list a")
        .await
        .attr("href")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(link, first);
    assert_eq!(b.path().await, "/people/new", "nothing saved yet");

    b.click("#register-anyway").await;
    b.wait_text("#person-name", "ASHA").await;
    b.open("/people").await;
    b.wait_text("#result-count", "Showing 2 of 2").await;
    b.quit().await;
}

#[tokio::test]
async fn the_page_runs_only_its_own_scripts() {
    let b = Browser::start().await;
    b.open("/").await;
    let policy = b
        .js("return document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]').content;")
        .await;
    let policy = policy.as_str().unwrap();
    assert!(
        policy.contains("script-src 'self' 'wasm-unsafe-eval'")
            && policy.contains("default-src 'none'"),
        "{policy}"
    );
    assert!(!policy.contains("unsafe-inline"), "{policy}");
    assert_eq!(
        b.js("return document.querySelectorAll('script:not([src])').length;")
            .await,
        0,
        "no inline script in the page"
    );
    // An inline script put into the page does not run.
    let ran = b
        .js("return new Promise(done => { \
               document.addEventListener('securitypolicyviolation', () => done(window.injected === undefined ? 'blocked' : 'ran')); \
               const s = document.createElement('script'); \
               s.textContent = 'window.injected = 1'; \
               document.head.appendChild(s); \
             });")
        .await;
    assert_eq!(ran, "blocked");
    // Markup typed as a name stays text.
    register_person(
        &b,
        "<img src=x onerror=alert(1)>",
        "Reang",
        false,
        "2015-01-09",
    )
    .await;
    b.wait_text("#person-name", "<img src=x").await;
    assert_eq!(b.count("#person-name img").await, 0);
    b.quit().await;
}

#[tokio::test]
async fn each_change_says_who_made_it_and_the_history_travels_in_exports() {
    let dir = new_profile();
    let a = Browser::start().await;
    a.open("/settings").await;
    a.type_into("#volunteer", "Priya Debbarma").await;
    a.click("#save-settings").await;
    a.wait_text(".notices", "Settings saved").await;
    register_person(&a, "Asha", "Debbarma", true, "2016-03-14").await;
    let asha = a.path().await;
    a.wait_text("#history-list", "Added").await;
    a.click("#edit").await;
    a.type_into("#village", "Agartala").await;
    a.click("#save").await;
    a.wait_text("#history-list", "Changed: Village").await;
    let history = a.text("#history-list").await;
    assert!(history.contains("by Priya Debbarma"), "{history}");
    assert!(
        !history.contains("Agartala"),
        "names fields, not values: {history}"
    );

    // The trail goes in the file, and shows on the other device.
    a.download_to(&dir).await;
    a.open("/data").await;
    a.click("#export-protect").await;
    a.click("#export-json").await;
    let file = a.wait_for_download(&dir, ".json").await;
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("\"changes\":[{"), "{text}");
    a.quit().await;

    let b = Browser::start().await;
    b.open("/data").await;
    b.upload("#import-file", &file).await;
    b.click("#apply-import").await;
    b.wait_text(".notices", "Imported").await;
    b.open(&asha).await;
    b.wait_text("#history-list", "Changed: Village").await;
    let history = b.text("#history-list").await;
    assert!(history.contains("by Priya Debbarma"), "{history}");
    b.quit().await;
}

#[tokio::test]
async fn the_app_locks_itself_after_the_idle_time_chosen() {
    let b = Browser::start().await;
    register_person(&b, "Asha", "Debbarma", true, "2016-03-14").await;
    set_passphrase(&b, PASSPHRASE).await;
    b.select("#lock-after", "1 min without use").await;
    let settings = b.js("return localStorage.getItem('bal/settings');").await;
    assert!(
        settings
            .as_str()
            .unwrap()
            .contains("\"lock_after_minutes\":1"),
        "{settings}"
    );
    // Two minutes pass without a key or a tap (the page's clock is moved
    // on rather than waited for); the idle check runs every 15 seconds.
    b.js("const real = Date.now; Date.now = () => real() + 120000; return true;")
        .await;
    b.wait_text_within(
        "#lock-screen",
        "Bal Register is locked",
        std::time::Duration::from_secs(40),
    )
    .await;
    assert!(!b.text("body").await.contains("Asha"));
    unlock(&b, PASSPHRASE).await;
    b.go("/people").await;
    b.wait_text(".record-list", "Asha Debbarma").await;
    b.quit().await;
}
