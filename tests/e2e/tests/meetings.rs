//! Meetings, attendance, the monthly rhythm and follow-up, through the page.

use bal_register_e2e::flows::{
    auxiliary_group, record_meeting, register_person, today, try_add_member,
};
use bal_register_e2e::Browser;
use chrono::{Datelike, Duration, NaiveDate};

/// The 5th and 20th of last month: always two past days in one month.
fn last_month() -> (NaiveDate, NaiveDate) {
    let first_of_this = today().with_day(1).unwrap();
    let last = first_of_this - Duration::days(1);
    (last.with_day(5).unwrap(), last.with_day(20).unwrap())
}

/// An auxiliary group whose three members joined well before last month.
async fn group_with_members(b: &Browser) -> String {
    for (given, born) in [
        ("Anjali", "1996-02-02"),
        ("Bindu", "1994-03-03"),
        ("Chitra", "1999-04-04"),
    ] {
        register_person(b, given, "Menon", true, born).await;
    }
    let group = auxiliary_group(b).await;
    b.open(&group).await;
    for name in ["Anjali", "Bindu", "Chitra"] {
        b.type_date("#joined_on", "2025-02-01").await;
        try_add_member(b, name).await;
        b.wait_text("#current-members", &format!("{name} Menon"))
            .await;
    }
    group
}

#[tokio::test]
async fn two_meetings_meet_the_month_and_three_absences_flag_a_member_who_keeps_her_history() {
    let b = Browser::start().await;
    let group = group_with_members(&b).await;
    let (first, second) = last_month();
    record_meeting(&b, &group, first, &["Anjali"]).await;
    record_meeting(&b, &group, second, &["Anjali"]).await;
    record_meeting(&b, &group, today().with_day(1).unwrap(), &["Anjali"]).await;

    b.open(&group).await;
    let month = format!("{:02}/{}", first.month(), first.year());
    let met = b
        .wait_text(&format!("#rhythm li[data-month='{month}']"), "met")
        .await;
    assert!(met.contains("2 of 2"), "{met}");
    let now = b.text("#rhythm li:first-child").await;
    assert!(
        now.contains("this month, not yet met") && now.contains("1 of 2"),
        "{now}"
    );
    let history = b.text("#meeting-history").await;
    assert!(history.contains("2 of 3 present"), "{history}");

    let flagged = b
        .wait_text("#current-members", "absent 3 times in a row")
        .await;
    assert!(flagged.contains("Anjali"), "{flagged}");
    b.open("/follow-up").await;
    let follow = b.wait_text("#needs-follow-up", "Anjali Menon").await;
    assert!(follow.contains("absent 3 times in a row"), "{follow}");
    b.wait_text("#behind-target", "Vizhinjam Auxiliary 1").await;

    // She leaves; her past attendance is still there, as recorded.
    b.open(&group).await;
    let anjali_row = "#current-members .member-row:first-child";
    assert!(b.text(anjali_row).await.contains("Anjali"));
    b.click(&format!("{anjali_row} .end-membership")).await;
    b.type_into("#leave_reason", "Married and moved").await;
    b.click("#confirm-end").await;
    b.wait_text("#past-members", "Anjali Menon").await;
    b.reload().await;
    b.click("#meeting-history .meeting-row:last-child a").await;
    let marks = b.wait_text("#attendance", "Anjali Menon").await;
    assert!(marks.contains("2 of 3 present"), "{marks}");
    let anjali = b.text(".mark-row.absent").await;
    assert!(
        anjali.contains("Anjali Menon") && anjali.contains("Absent"),
        "{anjali}"
    );

    b.open("/follow-up").await;
    b.wait_text("#needs-follow-up", "No member has missed enough meetings")
        .await;
    b.quit().await;
}

#[tokio::test]
async fn a_meeting_in_the_future_is_refused_and_only_members_of_the_day_are_listed() {
    let b = Browser::start().await;
    let group = group_with_members(&b).await;
    register_person(&b, "Deepa", "Menon", true, "1997-05-05").await;
    b.open(&group).await;
    try_add_member(&b, "Deepa").await; // joins today
    b.wait_text("#current-members", "Deepa Menon").await;

    b.open(&format!("{group}/meetings/new")).await;
    b.wait_text("#attendance", "4 of 4 present").await;
    let (first, _) = last_month();
    b.type_date("#meeting_date", &first.format("%Y-%m-%d").to_string())
        .await;
    let list = b.wait_text("#attendance", "3 of 3 present").await;
    assert!(
        !list.contains("Deepa"),
        "Deepa was not a member then: {list}"
    );

    let tomorrow = today() + Duration::days(1);
    b.type_date("#meeting_date", &tomorrow.format("%Y-%m-%d").to_string())
        .await;
    b.click("#save-meeting").await;
    b.wait_text("#meeting-error", "The meeting date is in the future.")
        .await;

    b.type_date("#meeting_date", &first.format("%Y-%m-%d").to_string())
        .await;
    b.click("#save-meeting").await;
    b.wait_for("#meeting-history .meeting-row").await;
    b.open(&format!("{group}/meetings/new")).await;
    b.type_date("#meeting_date", &first.format("%Y-%m-%d").to_string())
        .await;
    b.click("#save-meeting").await;
    b.wait_text("#meeting-error", "already recorded").await;
    b.quit().await;
}
