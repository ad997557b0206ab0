//! The app after the first visit, with no network at all.

use bal_register_e2e::flows::register_person;
use bal_register_e2e::Browser;

#[tokio::test]
async fn after_the_first_visit_the_register_works_offline_and_deep_links_open() {
    let b = Browser::start().await;
    b.open("/").await;
    b.wait_for_offline_ready().await;
    register_person(&b, "Asha", "Debbarma", true, "2016-03-14").await;
    let person = b.path().await;
    let served_before = bal_register_e2e::server().requests().len();

    b.set_offline(true).await;
    b.reload().await;
    b.wait_text("#offline-badge", "Offline").await;
    b.open("/people").await;
    b.wait_text(".record-list", "Asha Debbarma").await;

    // Still usable: register someone else while offline.
    register_person(&b, "Mina", "Reang", true, "2015-02-02").await;
    b.open(&person).await;
    b.wait_text("#person-name", "Asha Debbarma").await;
    b.open("/people").await;
    b.wait_text(".record-list", "Mina Reang").await;
    let served = bal_register_e2e::server().requests();
    assert_eq!(
        served.len(),
        served_before,
        "nothing reached the server while offline; it was asked for {:?}",
        &served[served_before.min(served.len())..]
    );

    b.set_offline(false).await;
    b.reload().await;
    b.wait_gone("#offline-badge").await;
    b.quit().await;
}

/// The real register's keys in local storage, as text.
async fn real_keys(b: &Browser) -> String {
    b.js("return JSON.stringify(Object.keys(localStorage).filter(k => k.startsWith('bal/') && k !== 'bal/app-version' && k !== 'bal/mode').sort().map(k => [k, localStorage.getItem(k)]));")
        .await
        .as_str()
        .unwrap()
        .to_string()
}

#[tokio::test]
async fn a_demonstration_is_kept_apart_and_leaving_it_finds_the_real_records_unchanged() {
    let b = Browser::start().await;
    register_person(&b, "Asha", "Debbarma", true, "2016-03-14").await;
    let before = real_keys(&b).await;

    b.open("/settings").await;
    b.select("#demo_size", "Few (1 in 100 of the real numbers)")
        .await;
    b.click("#enter-demo").await;
    b.wait_text("#demo-banner", "Demonstration: these records are made up")
        .await;
    b.open("/people").await;
    let count = b.wait_text("#result-count", "Showing").await;
    assert!(
        !count.contains(" of 1"),
        "made-up people are shown: {count}"
    );
    b.type_into("#search", "Debbarma Asha").await;
    b.wait_text("#result-count", "No name matches").await;
    b.open("/groups").await;
    b.wait_text(".record-list", "Balasabha").await;
    b.open("/cases").await;
    // The made-up Bal Ashram children have their cases (in care, or some
    // reintegrated with their families: the mix is random).
    b.wait_for("#cases-list a").await;
    assert!(b.text("#open-cases").await.contains(" · "));

    // Still the demonstration after a reload.
    b.reload().await;
    b.wait_for("#demo-banner").await;

    b.click("#leave-demo").await;
    b.wait_gone("#demo-banner").await;
    b.open("/people").await;
    b.wait_text("#result-count", "Showing 1 of 1").await;
    b.wait_text(".record-list", "Asha Debbarma").await;
    assert_eq!(
        real_keys(&b).await,
        before,
        "the real register was not touched"
    );
    let demo_keys = b
        .js("return Object.keys(localStorage).filter(k => k.startsWith('bal-demo/')).length;")
        .await;
    assert_eq!(demo_keys, 0, "the demonstration's data is gone");
    b.quit().await;
}
