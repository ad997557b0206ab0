//! Screenshots for the README, at phone and desktop widths, in English,
//! Malayalam and Hindi. Not a test of behaviour: run with `scripts/screenshots`.

use bal_register_e2e::flows::{
    auxiliary_group, record_meeting, register_person, today, try_add_member,
};
use bal_register_e2e::Browser;

#[tokio::test]
#[ignore = "makes the README's screenshots; run scripts/screenshots"]
async fn readme_screenshots() {
    let b = Browser::start().await;
    b.open("/settings").await;
    b.type_into("#organisation", "Kudumbashree NRO").await;
    b.type_into("#volunteer", "Rekha").await;
    b.click("#save-settings").await;
    for (given, family, born) in [
        ("Asha", "Debbarma", "2016-03-14"),
        ("सुनीता", "कुमारी", "2014-07-02"),
        ("സ്നേഹ", "", "2013-05-20"),
        ("Lekha", "Nair", "1998-04-10"),
        ("Divya", "S", "2001-11-23"),
    ] {
        register_person(&b, given, family, true, born).await;
    }
    let group = auxiliary_group(&b).await;
    b.open(&group).await;
    for name in ["Lekha", "Divya"] {
        try_add_member(&b, name).await;
        b.wait_text("#current-members", name).await;
    }
    record_meeting(&b, &group, today(), &["Divya"]).await;
    for (width, height, name) in [(1280, 900, "desktop"), (360, 740, "phone")] {
        b.driver.set_window_rect(0, 0, width, height).await.unwrap();
        b.open("/people").await;
        b.wait_text("#result-count", "Showing 5 of 5").await;
        b.screenshot(&format!("people-{name}")).await;
        b.open(&group).await;
        b.wait_text("#current-members", "Lekha").await;
        b.screenshot(&format!("group-{name}")).await;
        b.open("/people/new").await;
        b.screenshot(&format!("form-{name}")).await;
        b.open("/").await;
        b.wait_for("#rollup").await;
        b.screenshot(&format!("dashboard-{name}")).await;
    }
    // The same pages in Malayalam and in Hindi, on a phone and on a desktop.
    for (language, tag) in [("മലയാളം", "ml"), ("हिन्दी", "hi")] {
        b.driver.set_window_rect(0, 0, 1280, 900).await.unwrap();
        b.open("/settings").await;
        b.select("#language", language).await;
        b.click("#save-settings").await;
        for (width, height, name) in [(360, 740, "phone"), (1280, 900, "desktop")] {
            b.driver.set_window_rect(0, 0, width, height).await.unwrap();
            // On a desktop, the dashboard is enough to show the language.
            if name == "phone" {
                b.open("/people").await;
                b.wait_for("#result-count").await;
                b.screenshot(&format!("people-{name}-{tag}")).await;
                b.open(&group).await;
                b.wait_text("#current-members", "Lekha").await;
                b.screenshot(&format!("group-{name}-{tag}")).await;
                b.open("/people/new").await;
                b.screenshot(&format!("form-{name}-{tag}")).await;
            }
            b.open("/").await;
            b.wait_for("#rollup").await;
            b.screenshot(&format!("dashboard-{name}-{tag}")).await;
        }
    }
    b.driver.set_window_rect(0, 0, 1280, 900).await.unwrap();
    b.open("/settings").await;
    b.select("#language", "English").await;
    b.click("#save-settings").await;
    // The monthly report as it prints: A4's width at 96 dots an inch.
    b.driver.set_window_rect(0, 0, 794, 1123).await.unwrap();
    b.open(&group).await;
    b.click("#monthly-report").await;
    b.wait_for("#month-register").await;
    b.emulate_print(true).await;
    b.screenshot("report-print").await;
    b.quit().await;
}
