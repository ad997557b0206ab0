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
    assert_eq!(
        bal_register_e2e::server().requests().len(),
        served_before,
        "nothing reached the server while offline"
    );

    b.set_offline(false).await;
    b.reload().await;
    b.wait_gone("#offline-badge").await;
    b.quit().await;
}
