//! The dashboard and the printable reports, as a volunteer and a
//! coordinator use them.

use bal_register_e2e::flows::{
    auxiliary_group, record_meeting, register_person, today, try_add_member,
};
use bal_register_e2e::Browser;
use std::time::Duration;

/// The cells of each row of a table's body, as shown.
async fn table_rows(b: &Browser, css: &str) -> Vec<Vec<String>> {
    let rows = b
        .js(&format!(
            "return Array.from(document.querySelectorAll('{css} tbody tr')).map(tr => \
             Array.from(tr.cells).map(c => c.textContent.trim()));"
        ))
        .await;
    serde_json::from_value(rows).expect("rows of cells")
}

async fn footer(b: &Browser, css: &str) -> Vec<String> {
    let cells = b
        .js(&format!(
            "return Array.from(document.querySelectorAll('{css} tfoot td')).map(c => c.textContent.trim());"
        ))
        .await;
    serde_json::from_value(cells).expect("cells")
}

fn row<'a>(rows: &'a [Vec<String>], place: &str) -> &'a [String] {
    rows.iter()
        .find(|r| r[0] == place)
        .unwrap_or_else(|| panic!("no row for {place} in {rows:?}"))
}

#[tokio::test]
async fn the_demonstration_reads_the_seed_documents_figures_off_the_rollup() {
    let b = Browser::start().await;
    b.open("/settings").await;
    b.select(
        "#demo_size",
        "The Balasabhas of four states at full size (60,369 children; takes a while)",
    )
    .await;
    b.click("#enter-demo").await;
    // Generating and saving 60,369 children takes a while in a browser.
    b.wait_text_within("#demo-banner", "Demonstration", Duration::from_secs(300))
        .await;
    b.wait_text_within("#rollup", "Tripura", Duration::from_secs(60))
        .await;

    let rows = table_rows(&b, "#rollup").await;
    // Place, wards or villages, groups, members, members per group.
    assert_eq!(row(&rows, "Tripura")[2..], ["125", "1,529", "12.2"]);
    assert_eq!(row(&rows, "Assam")[2..], ["1,150", "17,250", "15.0"]);
    assert_eq!(row(&rows, "Jharkhand")[2..], ["2,900", "41,290", "14.2"]);
    assert_eq!(row(&rows, "Manipur")[2..], ["20", "300", "15.0"]);
    assert_eq!(footer(&b, "#rollup").await[1..3], ["4,195", "60,369"]);

    // The chart of members by age and sex: drawn, and its numbers beside it
    // add up to every member.
    let bars = b
        .js("return document.querySelectorAll('#chart-age-sex svg rect').length;")
        .await;
    assert!(bars.as_u64().unwrap() >= 7, "bars drawn: {bars}");
    let label = b
        .js("const s = document.querySelector('#chart-age-sex svg'); \
             return document.getElementById(s.getAttribute('aria-labelledby')).textContent;")
        .await;
    assert_eq!(label, "Members by age and sex");
    let numbers = table_rows(&b, "#chart-age-sex-numbers").await;
    let sum: u64 = numbers
        .iter()
        .flat_map(|r| r[1..].iter())
        .map(|n| n.replace(',', "").parse::<u64>().expect("a count"))
        .sum();
    assert_eq!(sum, 60_369);

    // Every child in the register counts, those who left a group this year
    // too; within the Balasabhas, the children are the members under 18
    // (a few who joined at 17 have had their birthday since).
    let count = |s: &str| s.replace(',', "").parse::<u64>().expect("a count");
    let everyone = count(&b.text("#fig-children dd").await);
    assert!(everyone > 60_369, "children in the register: {everyone}");
    let under_18: u64 = numbers[..4]
        .iter()
        .flat_map(|r| r[1..].iter())
        .map(|n| count(n))
        .sum();
    assert!(
        under_18 > 60_000 && under_18 <= 60_369,
        "members under 18: {under_18}"
    );
    b.select("#filter_programme", "Balasabha").await;
    let shown = format!("{},{:03}", under_18 / 1000, under_18 % 1000);
    b.wait_text("#fig-children dd", &shown).await;

    // Looking inside a state: its districts, adding up to the state.
    b.driver
        .find(thirtyfour::By::XPath(
            "//table[@id='rollup']//button[text()='Tripura']",
        ))
        .await
        .expect("Tripura's button")
        .click()
        .await
        .expect("click");
    b.wait_text("#filter_place-chosen", "Tripura").await;
    let districts = table_rows(&b, "#rollup").await;
    assert!(districts.len() > 1, "Tripura's districts: {districts:?}");
    assert!(districts.iter().all(|r| r[0] != "Tripura"));
    assert_eq!(footer(&b, "#rollup").await[1..3], ["125", "1,529"]);
    b.quit().await;
}

/// Kudumbashree's auxiliary group in Vizhinjam with two members, and a
/// meeting today that one of them missed. Returns the group's address.
async fn a_month_of_an_auxiliary_group(b: &Browser) -> String {
    b.open("/settings").await;
    b.type_into("#organisation", "Kudumbashree NRO").await;
    b.type_into("#volunteer", "Rekha").await;
    b.click("#save-settings").await;
    b.wait_text(".notices", "saved").await;
    register_person(b, "Lekha", "Nair", true, "1998-04-10").await;
    register_person(b, "Divya", "S", true, "2001-11-23").await;
    let group = auxiliary_group(b).await;
    b.open(&group).await;
    for name in ["Lekha", "Divya"] {
        try_add_member(b, name).await;
        b.wait_text("#current-members", name).await;
    }
    record_meeting(b, &group, today(), &["Divya"]).await;
    group
}

#[tokio::test]
async fn the_dashboard_counts_what_was_entered_and_its_filters_apply_to_all_of_it() {
    let b = Browser::start().await;
    a_month_of_an_auxiliary_group(&b).await;
    b.open("/").await;
    b.wait_text("#fig-women dd", "2").await;
    assert_eq!(b.text("#fig-groups dd").await, "1");
    assert_eq!(b.text("#groups-count").await, "1 group");
    assert_eq!(b.text("#fig-meetings dd").await, "1 of 2");
    let rows = table_rows(&b, "#rollup").await;
    assert_eq!(rows, vec![vec!["Kerala", "1", "1", "2", "2.0"]]);
    let attendance = table_rows(&b, "#chart-attendance-numbers").await;
    assert_eq!(attendance.last().expect("this month")[1], "50%");

    b.select("#filter_programme", "Balasabha").await;
    b.wait_text(".rollup", "No groups match these filters.")
        .await;
    assert_eq!(b.text("#fig-women dd").await, "0");
    assert!(table_rows(&b, "#chart-attendance-numbers")
        .await
        .iter()
        .all(|r| r[1] == "0%"));

    // The choice is still there after visiting another page.
    b.click("nav a[href='/people']").await;
    b.wait_for("#search").await;
    b.click("nav a[href='/']").await;
    b.wait_text(".rollup", "No groups match these filters.")
        .await;
    b.quit().await;
}

#[tokio::test]
async fn the_monthly_group_report_prints_on_one_a4_page_with_the_register() {
    let b = Browser::start().await;
    let group = a_month_of_an_auxiliary_group(&b).await;
    b.open(&group).await;
    b.click("#monthly-report").await;
    b.wait_text("#report-org", "Kudumbashree NRO").await;
    assert_eq!(
        b.text("#report-month").await,
        today().format("%m/%Y").to_string()
    );
    assert_eq!(b.text("#report-group").await, "Vizhinjam Auxiliary 1");
    assert!(b.text("#report-prepared").await.contains("by Rekha"));
    assert_eq!(b.text("#fig-month-meetings dd").await, "1 of 2");
    let register = table_rows(&b, "#month-register").await;
    let marks: Vec<(&str, &str)> = register
        .iter()
        .map(|r| (r[0].as_str(), r.last().unwrap().as_str()))
        .collect();
    assert_eq!(marks, vec![("Divya S", "A"), ("Lekha Nair", "P")]);

    // As printed: the app's header and buttons are left out.
    b.emulate_print(true).await;
    let shown = b
        .js(
            "return ['.app-header', '#print', '.app-footer', '#month-register'] \
             .map(s => document.querySelector(s).getClientRects().length > 0);",
        )
        .await;
    assert_eq!(shown, serde_json::json!([false, false, false, true]));
    let pdf = b.print_to_pdf().await;
    let text = String::from_utf8_lossy(&pdf);
    let pages = text.matches("/Type /Page\n").count()
        + text.matches("/Type /Page>>").count()
        + text.matches("/Type /Page ").count();
    assert_eq!(pages, 1, "one page");
    let size: Vec<f64> = text
        .split("/MediaBox [")
        .nth(1)
        .and_then(|rest| rest.split(']').next())
        .map(|b| {
            b.split_whitespace()
                .filter_map(|n| n.parse().ok())
                .collect()
        })
        .unwrap_or_default();
    // A4 is 595 × 842 points (US letter would be 612 × 792).
    assert!(
        size.len() == 4 && (size[2] - 595.3).abs() < 1.0 && (size[3] - 841.9).abs() < 1.0,
        "an A4 page: {size:?}"
    );
    b.emulate_print(false).await;

    // The previous month has no meetings, and says so.
    b.click("#previous-month").await;
    b.wait_for("#no-meetings-in-month").await;
    b.quit().await;
}

#[tokio::test]
async fn the_programme_summary_shows_the_dashboards_filter_and_no_names() {
    let b = Browser::start().await;
    a_month_of_an_auxiliary_group(&b).await;
    b.open("/").await;
    b.select("#filter_period", "This month").await;
    b.select("#filter_programme", "Auxiliary group").await;
    b.click("#print-summary").await;
    b.wait_text("#report-programme", "Auxiliary group").await;
    let month = today().format("%m/%Y").to_string();
    assert_eq!(
        b.text("#report-period").await,
        format!("{month} to {month}")
    );
    assert_eq!(b.text("#report-place").await, "All places");
    assert_eq!(b.text("#fig-women dd").await, "2");
    let page = b.text("main").await;
    for name in ["Lekha", "Divya"] {
        assert!(!page.contains(name), "the summary names nobody: {page}");
    }
    // The summary's address keeps the filter across a reload.
    b.reload().await;
    b.wait_text("#report-programme", "Auxiliary group").await;
    b.quit().await;
}
