//! The register of people (the children's register first of all), used
//! through the page as a volunteer would.

use bal_register_e2e::Browser;

/// What the tests type into the registration form.
struct NewChild<'a> {
    given: &'a str,
    family: &'a str,
    born: &'a str,
    village: &'a str,
}

const ASHA: NewChild = NewChild {
    given: "Asha",
    family: "Debbarma",
    born: "2016-03-14",
    village: "Jampuijala",
};

/// Fills and submits the registration form; returns the new record's path.
async fn register(b: &Browser, child: &NewChild<'_>) -> String {
    b.open("/people/new").await;
    b.type_into("#given_name", child.given).await;
    b.type_into("#family_name", child.family).await;
    b.click("#sex-0").await;
    b.type_date("#birth_date", child.born).await;
    b.type_into("#guardian_name", "Rina Debbarma").await;
    b.select("#guardian_relationship", "Mother").await;
    b.type_into("#village", child.village).await;
    b.select("#schooling", "Enrolled in school").await;
    b.type_into("#class", "4").await;
    b.click("#save").await;
    b.wait_for("#person-name").await;
    let path = b.path().await;
    assert!(
        path.starts_with("/people/") && path != "/people/new",
        "went to the new record, not {path}"
    );
    path
}

#[tokio::test]
async fn a_first_visit_welcomes_and_leads_to_the_form() {
    let b = Browser::start().await;
    b.open("/").await;
    b.wait_text("main h1", "Welcome to Bal Register").await;
    b.click("#add-first-child").await;
    b.wait_text("main h1", "Register a person").await;
    assert_eq!(b.path().await, "/people/new");
    b.quit().await;
}

#[tokio::test]
async fn register_find_edit_reload_and_delete_a_child() {
    let b = Browser::start().await;
    let path = register(&b, &ASHA).await;
    assert_eq!(b.text("#person-name").await, "Asha Debbarma");
    b.wait_text(".notices", "Asha Debbarma is saved.").await;
    let details = b.text(".details").await;
    for expected in [
        "14/03/2016",
        "Girl / woman",
        "Rina Debbarma",
        "Mother",
        "Jampuijala",
        "Class 4",
    ] {
        assert!(
            details.contains(expected),
            "{expected:?} missing from {details:?}"
        );
    }

    // Find her by a piece of her name, in another case.
    b.click("nav a[href='/people']").await;
    b.type_into("#search", "DEBB").await;
    b.wait_text(".record-list", "Asha Debbarma").await;
    b.wait_text("#result-count", "Showing 1 of 1").await;
    b.type_into("#search", "nobody").await;
    b.wait_text("#result-count", "No name matches").await;
    assert_eq!(b.count(".person-row").await, 0);

    // Edit her village.
    b.type_into("#search", "asha").await;
    b.click(".person-row a").await;
    b.click("#edit").await;
    b.wait_text("main h1", "Edit Asha").await;
    b.type_into("#village", "Kulai").await;
    b.click("#save").await;
    b.wait_text(".details", "Kulai").await;
    assert_eq!(b.path().await, path);

    // The edit is kept across a reload.
    b.reload().await;
    let details = b.wait_text(".details", "Kulai").await;
    assert!(!details.contains("Jampuijala"));

    // Delete, with confirmation.
    b.click("#delete").await;
    b.wait_text(".confirm", "Delete Asha Debbarma?").await;
    b.click("#confirm-cancel").await;
    b.wait_gone(".confirm").await;
    b.click("#delete").await;
    b.click("#confirm-yes").await;
    b.wait_text(".notices", "Asha Debbarma was deleted.").await;
    assert_eq!(b.path().await, "/people");
    b.wait_text("#result-count", "No one is registered yet.")
        .await;
    b.reload().await;
    b.wait_text("#result-count", "No one is registered yet.")
        .await;
    b.open(&path).await;
    b.wait_text("main h1", "Page not found").await;
    b.quit().await;
}

#[tokio::test]
async fn markup_in_a_name_is_shown_as_text() {
    let b = Browser::start().await;
    let hostile = NewChild {
        given: "<script>window.pwned=1</script>",
        family: "<img src=x onerror=\"window.pwned=2\">",
        born: "2015-01-01",
        village: "<b>bold</b>",
    };
    register(&b, &hostile).await;
    assert_eq!(
        b.text("#person-name").await,
        "<script>window.pwned=1</script> <img src=x onerror=\"window.pwned=2\">"
    );
    b.wait_text(".details", "<b>bold</b>").await;
    b.open("/people").await;
    b.wait_text(".record-list", "<script>window.pwned=1</script>")
        .await;
    assert_eq!(
        b.js("return typeof window.pwned;").await,
        "undefined",
        "no script ran"
    );
    assert_eq!(
        b.count("main img, main script, main b").await,
        0,
        "no markup became elements"
    );
    b.quit().await;
}

#[tokio::test]
async fn invalid_input_is_explained_next_to_the_field_and_nothing_is_saved() {
    let b = Browser::start().await;
    b.open("/people/new").await;
    b.click("#save").await;
    b.wait_text("#form-error", "Please correct the marked fields.")
        .await;
    assert_eq!(b.text("#given_name-error").await, "This is required.");
    assert_eq!(b.text("#sex-error").await, "This is required.");
    assert_eq!(b.text("#birth_date-error").await, "This is required.");
    let invalid = b
        .wait_for("#given_name")
        .await
        .attr("aria-invalid")
        .await
        .unwrap();
    assert_eq!(invalid.as_deref(), Some("true"));
    let described = b
        .wait_for("#given_name")
        .await
        .attr("aria-describedby")
        .await
        .unwrap();
    assert_eq!(described.as_deref(), Some("given_name-error"));

    // A birth date in the future, and a class out of range.
    b.type_into("#given_name", "Ravi").await;
    b.click("#sex-1").await;
    b.type_date("#birth_date", "2099-01-01").await;
    b.select("#schooling", "Enrolled in school").await;
    b.type_into("#class", "15").await;
    b.type_into("#phone", "12").await;
    b.click("#save").await;
    b.wait_text("#birth_date-error", "This date is in the future.")
        .await;
    b.wait_text("#class-error", "Enter a number from 1 to 12.")
        .await;
    b.wait_text("#phone-error", "Enter a phone number of 7 to 15 digits.")
        .await;
    b.wait_gone("#given_name-error").await;
    assert_eq!(b.path().await, "/people/new", "still on the form");
    assert_eq!(
        b.wait_for("#given_name")
            .await
            .prop("value")
            .await
            .unwrap()
            .as_deref(),
        Some("Ravi"),
        "typing kept"
    );

    b.open("/people").await;
    b.wait_text("#result-count", "No one is registered yet.")
        .await;
    b.quit().await;
}

#[tokio::test]
async fn records_survive_a_browser_restart() {
    let b = Browser::start().await;
    register(&b, &ASHA).await;
    let b = b.restart().await;
    b.open("/people").await;
    b.wait_text(".record-list", "Asha Debbarma").await;
    b.quit().await;
}

#[tokio::test]
async fn names_in_any_script_are_found_without_regard_to_case_or_accents() {
    let b = Browser::start().await;
    register(
        &b,
        &NewChild {
            given: "सुनीता",
            family: "कुमारी",
            born: "2014-07-02",
            village: "Bero",
        },
    )
    .await;
    register(
        &b,
        &NewChild {
            given: "സ്നേഹ",
            family: "",
            born: "2013-05-20",
            village: "Vizhinjam",
        },
    )
    .await;
    register(
        &b,
        &NewChild {
            given: "Rémi",
            family: "Roy",
            born: "2012-01-09",
            village: "Imphal",
        },
    )
    .await;
    b.open("/people").await;
    b.wait_text("#result-count", "Showing 3 of 3").await;
    for (query, expected) in [
        ("कुमारी", "सुनीता कुमारी"),
        ("സ്നേ", "സ്നേഹ"),
        ("REMI", "Rémi Roy"),
    ] {
        b.type_into("#search", query).await;
        b.wait_text("#result-count", "Showing 1 of 1").await;
        assert_eq!(
            b.text(".person-row .record-name").await,
            expected,
            "searching {query}"
        );
    }
    b.quit().await;
}

#[tokio::test]
async fn an_approximate_age_is_shown_as_an_estimate() {
    let b = Browser::start().await;
    b.open("/people/new").await;
    b.type_into("#given_name", "Lalmuan").await;
    b.click("#sex-1").await;
    b.click("#birth_known-1").await;
    b.type_into("#approx_years", "9").await;
    b.click("#save").await;
    let details = b.wait_text(".details", "about 9 years").await;
    assert!(details.contains("Approximate age"), "{details}");
    b.quit().await;
}

#[tokio::test]
async fn deep_links_and_unknown_addresses() {
    let b = Browser::start().await;
    let path = register(&b, &ASHA).await;
    b.open(&path).await;
    b.wait_text("#person-name", "Asha Debbarma").await;
    b.open(&format!("{path}/edit")).await;
    b.wait_text("main h1", "Edit Asha").await;
    b.open("/no/such/page").await;
    b.wait_text("main h1", "Page not found").await;
    b.open("/people/notanid").await;
    b.wait_text("main h1", "Page not found").await;
    b.quit().await;
}

#[tokio::test]
async fn settings_are_kept_and_named_in_the_header() {
    let b = Browser::start().await;
    b.open("/settings").await;
    b.type_into("#organisation", "Kudumbashree NRO").await;
    b.type_into("#volunteer", "Rekha").await;
    b.click("#save-settings").await;
    b.wait_text(".notices", "Settings saved.").await;
    b.reload().await;
    b.wait_text(".brand", "Kudumbashree NRO").await;
    assert_eq!(
        b.wait_for("#volunteer")
            .await
            .prop("value")
            .await
            .unwrap()
            .as_deref(),
        Some("Rekha")
    );
    b.quit().await;
}
