//! Protection: risk flags, a case with consent, follow-ups, schooling history.

use bal_register_e2e::flows::{register_person, today};
use bal_register_e2e::Browser;
use chrono::Duration;

#[tokio::test]
async fn a_rescued_child_gets_a_flag_a_case_with_consent_follow_ups_and_a_closing() {
    let b = Browser::start().await;
    register_person(&b, "Raju", "Banjara", false, "2013-05-05").await;
    let person = b.path().await;

    // A trafficking flag, marked sensitive.
    b.select("#flag_concern", "Trafficking").await;
    b.type_into("#flag_note", "Found at a brick kiln").await;
    b.click("#save-flag").await;
    let flags = b.wait_text("#person-flags", "Trafficking").await;
    assert!(
        flags.to_lowercase().contains("sensitive") && flags.contains("Found at a brick kiln"),
        "{flags}"
    );
    b.open("/cases").await;
    b.select("#filter_concern", "Trafficking").await;
    b.wait_text("#open-flags", "Raju Banjara").await;
    b.select("#filter_concern", "Drug use").await;
    b.wait_text("#open-flags", "No open risk flags.").await;

    // A case with the guardian's consent and the child's assent.
    b.open(&person).await;
    b.click("#open-case").await;
    b.wait_text("main h1", "Open a case for Raju Banjara").await;
    b.click("#concern-1").await; // child labour
    b.click("#concern-3").await; // trafficking
    b.type_into("#referred_by", "Childline 1098").await;
    let day = today().format("%Y-%m-%d").to_string();
    b.type_date("#guardian_consent_on", &day).await;
    b.type_date("#child_assent_on", &day).await;
    b.click("#save-case").await;
    b.wait_text("main h1", "Case of Raju Banjara").await;
    assert_eq!(b.text("#case-status-now").await, "Open");
    let case = b.path().await;

    // A follow-up due yesterday is overdue on the home page.
    let yesterday = (today() - Duration::days(1)).format("%Y-%m-%d").to_string();
    b.type_date("#follow_up_due", &yesterday).await;
    b.type_into("#follow_up_plan", "Visit the family in Bhangdoli")
        .await;
    b.click("#save-follow-up").await;
    b.wait_text("#case-follow-ups", "overdue since").await;
    b.open("/").await;
    let overdue = b.wait_text("#overdue-follow-ups", "Raju Banjara").await;
    assert!(
        overdue.contains("Visit the family in Bhangdoli"),
        "{overdue}"
    );

    // Re-enrolment shows in the schooling history.
    b.open(&person).await;
    b.select("#school_change", "Dropped out").await;
    b.type_date("#school_change_on", "2024-03-01").await;
    b.click("#save-school-change").await;
    b.wait_text("#person-schooling", "Dropped out").await;
    b.select("#school_change", "Re-enrolled").await;
    b.type_into("#school_class", "6").await;
    b.type_into("#school_name", "GPS Bhangdoli").await;
    b.click("#save-school-change").await;
    let history = b.wait_text("#person-schooling", "Re-enrolled").await;
    assert!(
        history.contains("Class 6") && history.contains("GPS Bhangdoli"),
        "{history}"
    );
    assert!(
        b.text(".details").await.contains("Class 6"),
        "the current status follows the history"
    );

    // Close the case with a reason; then no follow-up can be planned.
    b.open(&case).await;
    b.select("#new_status", "Closed").await;
    b.click("#change-status").await;
    b.wait_text("#status-error", "Give a reason").await;
    b.type_into("#status_reason", "Reunited with family, school fees paid")
        .await;
    b.click("#change-status").await;
    b.wait_text("#case-status-now", "Closed").await;
    b.wait_text("#status-history", "Reunited with family, school fees paid")
        .await;
    b.type_date("#follow_up_due", &day).await;
    b.click("#save-follow-up").await;
    b.wait_text("#follow-up-error", "This case is closed").await;
    b.open("/").await;
    b.wait_text("#overdue-follow-ups", "No follow-up is overdue.")
        .await;
    b.quit().await;
}
