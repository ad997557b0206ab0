//! Places, groups and memberships, with the programmes' rules enforced.

use bal_register_e2e::flows::{
    add_group, auxiliary_group, register_person as register, try_add_member,
};
use bal_register_e2e::Browser;

#[tokio::test]
async fn an_auxiliary_group_refuses_its_51st_member_and_an_under_age_one() {
    let b = Browser::start().await;
    for i in 1..=51 {
        register(&b, &format!("Member{i:02}"), "Nair", true, "1998-04-10").await;
    }
    register(&b, "Young", "Girl", true, "2009-01-01").await;
    register(&b, "Older", "Woman", true, "1980-01-01").await;
    let group = auxiliary_group(&b).await;

    b.open(&group).await;
    b.wait_text("#current-members h2", "Members now (0 of at most 50)")
        .await;
    for i in 1..=50 {
        try_add_member(&b, &format!("Member{i:02}")).await;
        b.wait_text(
            "#current-members h2",
            &format!("Members now ({i} of at most 50)"),
        )
        .await;
    }
    try_add_member(&b, "Member51").await;
    b.wait_text(
        "#join-error",
        "This group already has 50 members, the most its programme allows.",
    )
    .await;
    assert_eq!(
        b.text("#current-members h2").await,
        "Members now (50 of at most 50)"
    );

    // Make room, then the age rules still refuse the wrong ages.
    b.click("#current-members .member-row .end-membership")
        .await;
    b.type_into("#leave_reason", "Moved to Kochi").await;
    b.click("#confirm-end").await;
    b.wait_text("#current-members h2", "Members now (49 of at most 50)")
        .await;

    b.click("#member_person-change").await;
    try_add_member(&b, "Young").await;
    b.wait_text(
        "#join-error",
        "This programme is for adults (18 or over); this person was 17 on the joining date.",
    )
    .await;
    b.click("#member_person-change").await;
    try_add_member(&b, "Older").await;
    b.wait_text(
        "#join-error",
        "This programme takes members up to age 40; this person was 46 on the joining date.",
    )
    .await;
    assert_eq!(
        b.text("#current-members h2").await,
        "Members now (49 of at most 50)"
    );
    b.quit().await;
}

#[tokio::test]
async fn an_ended_membership_stays_in_the_history_after_a_reload() {
    let b = Browser::start().await;
    register(&b, "Lekha", "Nair", true, "1998-04-10").await;
    let group = auxiliary_group(&b).await;
    b.open(&group).await;
    try_add_member(&b, "Lekha").await;
    b.wait_text("#current-members", "Lekha Nair").await;
    b.select("#member_role", "Team leader").await;

    b.click("#current-members .end-membership").await;
    b.type_into("#leave_reason", "Took a job in Kochi").await;
    b.click("#confirm-end").await;
    b.wait_text("#past-members", "Lekha Nair").await;

    b.reload().await;
    let past = b.wait_text("#past-members", "Took a job in Kochi").await;
    assert!(
        past.contains("Lekha Nair") && past.contains("Left"),
        "{past}"
    );
    b.wait_text("#current-members h2", "Members now (0 of at most 50)")
        .await;

    // Her page lists the group she belonged to.
    b.click("#past-members .member-row a").await;
    let groups = b.wait_text("#person-groups", "Vizhinjam Auxiliary 1").await;
    assert!(groups.contains("Took a job in Kochi"), "{groups}");
    b.quit().await;
}

#[tokio::test]
async fn a_man_and_a_child_in_a_balasabha_are_refused_with_reasons() {
    let b = Browser::start().await;
    register(&b, "Ravi", "Kumar", false, "1990-02-02").await;
    register(&b, "Anu", "Das", true, "2016-02-02").await;
    let _ = auxiliary_group(&b).await;
    let balasabha = add_group(
        &b,
        "Vizhinjam Balasabha",
        "Balasabha",
        "ward 12",
        "2025-01-15",
    )
    .await;

    b.open("/groups").await;
    b.select("#filter_programme", "Auxiliary group").await;
    b.wait_text("#result-count", "Showing 1 of 1").await;
    b.click(".group-row a").await;
    try_add_member(&b, "Ravi").await;
    b.wait_text("#join-error", "This programme is only for: Girl / woman.")
        .await;
    b.click("#member_person-change").await;
    try_add_member(&b, "Anu").await;
    let refusal = b.wait_text("#join-error", "adults").await;
    assert!(refusal.contains("this person was 10"), "{refusal}");

    b.open(&balasabha).await;
    try_add_member(&b, "Anu").await;
    b.wait_text("#current-members", "Anu Das").await;
    b.quit().await;
}

#[tokio::test]
async fn a_programmes_rules_can_be_changed() {
    let b = Browser::start().await;
    b.open("/programmes").await;
    let list = b.wait_text(".record-list", "Auxiliary group").await;
    assert!(
        list.contains("ages 18–40")
            && list.contains("at most 50 members")
            && list.contains("2 meetings a month"),
        "{list}"
    );
    for name in [
        "Balasabha",
        "Bal Mitra Gram",
        "Banjara Education Centre",
        "Bal Ashram",
        "Balika Ashram",
    ] {
        assert!(list.contains(name), "{name} is built in");
    }
    b.click(".programme-row a").await;
    b.wait_text("main h1", "Edit Auxiliary group").await;
    b.type_into("#max_members", "30").await;
    b.click("#save-programme").await;
    b.wait_text(".record-list", "at most 30 members").await;
    b.quit().await;
}
