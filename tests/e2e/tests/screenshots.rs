//! Screenshots for the README, at phone and desktop widths. Not a test of
//! behaviour: run with `scripts/screenshots`.

use bal_register_e2e::Browser;

#[tokio::test]
#[ignore = "makes the README's screenshots; run scripts/screenshots"]
async fn readme_screenshots() {
    let b = Browser::start().await;
    for (given, family, born, village) in [
        ("Asha", "Debbarma", "03142016", "Jampuijala"),
        ("सुनीता", "कुमारी", "07022014", "Bero"),
        ("സ്നേഹ", "", "05202013", "Vizhinjam"),
    ] {
        b.open("/children/new").await;
        b.type_into("#given_name", given).await;
        b.type_into("#family_name", family).await;
        b.click("#sex-0").await;
        let date = b.wait_for("#birth_date").await;
        date.click().await.unwrap();
        date.send_keys(born).await.unwrap();
        b.type_into("#village", village).await;
        b.click("#save").await;
        b.wait_for("#person-name").await;
    }
    for (width, height, name) in [(1280, 800, "desktop"), (360, 740, "phone")] {
        b.driver.set_window_rect(0, 0, width, height).await.unwrap();
        b.open("/children").await;
        b.wait_text("#result-count", "Showing 3 of 3").await;
        b.screenshot(&format!("children-{name}")).await;
        b.open("/children/new").await;
        b.screenshot(&format!("form-{name}")).await;
    }
    b.quit().await;
}
