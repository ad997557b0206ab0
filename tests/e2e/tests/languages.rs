//! The interface in Hindi and Malayalam: chosen in settings, remembered,
//! with the document's language set, and no English left on the main pages.

use bal_register_e2e::flows::{
    auxiliary_group, record_meeting, register_person, today, try_add_member,
};
use bal_register_e2e::Browser;

/// Latin words that may stay on a translated page: what the test typed
/// (names, places, the group), the English language's own name in the
/// language picker, and abbreviations that are not English words (a file
/// name's ending, .json, included).
const ALLOWED: &[&str] = &[
    "Asha",
    "Debbarma",
    "Lekha",
    "Nair",
    "Kerala",
    "Thiruvananthapuram",
    "Corporation",
    "Ward",
    "Vizhinjam",
    "Auxiliary",
    "English",
    "JSON",
    "json",
    "CSV",
    "NRO",
    "MB",
];

/// The Latin-script words in the page's title and visible text that are not allowed:
/// English the translation missed.
async fn english_left(b: &Browser) -> Vec<String> {
    let words = b
        .js("return (document.title + ' ' + document.body.innerText).match(/[A-Za-z]{2,}/g) || [];")
        .await;
    let mut left: Vec<String> = words
        .as_array()
        .expect("a list of words")
        .iter()
        .filter_map(|w| w.as_str())
        .filter(|w| !ALLOWED.contains(w))
        .map(str::to_string)
        .collect();
    left.sort();
    left.dedup();
    left
}

async fn choose_language(b: &Browser, native_name: &str, tag: &str) {
    b.open("/settings").await;
    b.select("#language", native_name).await;
    b.click("#save-settings").await;
    wait_lang(b, tag).await;
}

async fn wait_lang(b: &Browser, tag: &str) {
    let started = std::time::Instant::now();
    loop {
        let lang = b.js("return document.documentElement.lang;").await;
        if lang == tag {
            return;
        }
        assert!(
            started.elapsed() < bal_register_e2e::PATIENCE,
            "the document's language stayed {lang}, not {tag}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn malayalam_and_hindi_translate_every_main_page_and_are_remembered() {
    let b = Browser::start().await;
    register_person(&b, "Asha", "Debbarma", true, "2016-03-14").await;
    let person = b.path().await;
    register_person(&b, "Lekha", "Nair", true, "1998-04-10").await;
    let group = auxiliary_group(&b).await;
    b.open(&group).await;
    try_add_member(&b, "Lekha").await;
    b.wait_text("#current-members", "Lekha").await;
    record_meeting(&b, &group, today(), &[]).await;
    let meeting = b
        .js("return document.querySelector('#meetings a').getAttribute('href');")
        .await
        .as_str()
        .expect("a meeting link")
        .to_string();

    let new_meeting = format!("{group}/meetings/new");
    let month = today().format("%Y-%m").to_string();
    let group_report = format!("{group}/report/{month}");
    let summary = format!("/report/{month}/{month}");
    let pages = [
        "/",
        "/people",
        person.as_str(),
        "/people/new",
        "/groups",
        group.as_str(),
        new_meeting.as_str(),
        meeting.as_str(),
        "/places",
        "/programmes",
        "/follow-up",
        "/cases",
        group_report.as_str(),
        summary.as_str(),
        "/groups/new",
        "/programmes/new",
        "/data",
        "/settings",
    ];
    for (name, tag, heading) in [("മലയാളം", "ml", "ക്രമീകരണങ്ങൾ"), ("हिन्दी", "hi", "सेटिंग")]
    {
        choose_language(&b, name, tag).await;
        b.wait_text("main h1", heading).await;
        let mut untranslated = Vec::new();
        for page in pages {
            b.open(page).await;
            b.wait_for("main h1").await;
            let left = english_left(&b).await;
            if !left.is_empty() {
                untranslated.push(format!("{page}: {left:?}"));
            }
        }
        assert!(
            untranslated.is_empty(),
            "English left in {tag}:\n{}",
            untranslated.join("\n")
        );
        // Remembered across a reload, the document's language with it.
        b.reload().await;
        wait_lang(&b, tag).await;
        b.wait_text("main h1", heading).await;
    }
    // And back to English, which every other test relies on.
    choose_language(&b, "English", "en").await;
    b.wait_text("main h1", "Settings").await;
    b.quit().await;
}

/// While the app is still on its way (a slow connection, a cheap phone),
/// the page says what is happening in each of the app's languages: which
/// one the volunteer chose is only known once the app runs.
#[tokio::test]
async fn before_the_app_runs_the_page_says_it_is_opening_in_every_language() {
    let b = Browser::start().await;
    let cdp = b.driver.cdp();
    cdp.send_raw("Network.enable", serde_json::json!({}))
        .await
        .expect("network domain");
    // The app's code never arrives, so the page stays as the server sent it.
    cdp.send_raw(
        "Network.setBlockedURLs",
        serde_json::json!({ "urls": ["*.wasm"] }),
    )
    .await
    .expect("wasm blocked");
    b.driver.goto(Browser::url("/")).await.expect("navigation");
    let line = b.wait_for("#app-loading").await;
    for (lang, words) in [
        ("en", "Opening Bal Register"),
        ("hi", "बाल रजिस्टर खुल रहा है"),
        ("ml", "ബാൽ രജിസ്റ്റർ തുറക്കുന്നു"),
    ] {
        let part = line
            .find(bal_register_e2e::thirtyfour::By::Css(format!(
                "[lang={lang}]"
            )))
            .await
            .unwrap_or_else(|_| panic!("no {lang} part in the loading line"));
        let text = part.text().await.expect("text");
        assert!(text.contains(words), "{lang}: {text:?}");
    }
    assert_eq!(
        b.js("return document.querySelector('header.app-header') === null;")
            .await,
        serde_json::json!(true),
        "the app must not have started"
    );
    b.quit().await;
}
