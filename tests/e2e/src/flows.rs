//! Steps a volunteer takes again and again, shared by the tests.

use crate::Browser;

/// Registers a person with the fewest fields the form needs.
pub async fn register_person(b: &Browser, given: &str, family: &str, female: bool, born: &str) {
    b.open("/people/new").await;
    b.type_into("#given_name", given).await;
    b.type_into("#family_name", family).await;
    b.click(if female { "#sex-0" } else { "#sex-1" }).await;
    b.type_date("#birth_date", born).await;
    b.click("#save").await;
    b.wait_text("#person-name", given).await;
}

/// Adds a place; `parent` is typed into the parent search and the first
/// match is taken.
pub async fn add_place(b: &Browser, name: &str, level: &str, parent: Option<&str>) {
    b.open("/places").await;
    b.click("#add-place").await;
    b.type_into("#place_name", name).await;
    b.select("#place_level", level).await;
    if let Some(parent) = parent {
        b.type_into("#place_parent", parent).await;
        b.click("#place_parent-options .pick-option").await;
    }
    b.click("#save-place").await;
    b.wait_text(".notices", &format!("{name} is saved.")).await;
}

/// Adds a group of `programme` at the place found by `place_query`;
/// returns the group page's address.
pub async fn add_group(
    b: &Browser,
    name: &str,
    programme: &str,
    place_query: &str,
    formed_on: &str,
) -> String {
    b.open("/groups/new").await;
    b.type_into("#group_name", name).await;
    b.select("#group_programme", programme).await;
    b.type_into("#group_place", place_query).await;
    b.click("#group_place-options .pick-option").await;
    b.type_date("#formed_on", formed_on).await;
    b.click("#save-group").await;
    b.wait_text("#group-name", name).await;
    b.path().await
}

/// On a group's page: picks the person found by `query` and asks to add them.
pub async fn try_add_member(b: &Browser, query: &str) {
    b.type_into("#member_person", query).await;
    b.click("#member_person-options .pick-option").await;
    b.wait_for("#member_person-chosen").await;
    b.click("#join").await;
}

/// Kerala › Thiruvananthapuram › Corporation › Ward 12 Vizhinjam, and an
/// auxiliary group there; returns the group's address.
pub async fn auxiliary_group(b: &Browser) -> String {
    add_place(b, "Kerala", "State", None).await;
    add_place(b, "Thiruvananthapuram", "District", Some("Kerala")).await;
    add_place(
        b,
        "Thiruvananthapuram Corporation",
        "Block or local body",
        Some("Thiruvananthapuram"),
    )
    .await;
    add_place(
        b,
        "Ward 12 Vizhinjam",
        "Ward or village",
        Some("Corporation"),
    )
    .await;
    add_group(
        b,
        "Vizhinjam Auxiliary 1",
        "Auxiliary group",
        "ward 12",
        "2025-01-15",
    )
    .await
}

/// Today where the browser runs (the tests and the browser share a clock).
pub fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// Records a meeting of the group whose page is open, on `date`, marking the
/// members whose names contain one of `absent` as absent.
pub async fn record_meeting(b: &Browser, group: &str, date: chrono::NaiveDate, absent: &[&str]) {
    b.open(&format!("{group}/meetings/new")).await;
    b.type_date("#meeting_date", &date.format("%Y-%m-%d").to_string())
        .await;
    for name in absent {
        let rows = b
            .driver
            .find_all(thirtyfour::By::Css(".mark"))
            .await
            .expect("marks");
        let mut found = false;
        for row in rows {
            if row.text().await.expect("mark text").contains(name) {
                row.click().await.expect("mark absent");
                found = true;
            }
        }
        assert!(found, "{name} is on the attendance list");
    }
    b.click("#save-meeting").await;
    b.wait_text(".notices", "is saved").await;
    b.wait_for("#meetings").await;
}
