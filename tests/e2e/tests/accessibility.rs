//! Accessibility (WCAG 2.2 AA): axe-core run on every page, keyboard-only
//! use of a whole flow, and the phone layout at 360 px wide.
//!
//! axe-core comes from the npm registry (`scripts/setup --browser` puts it in
//! the tools cache, `scripts/env.sh` names the file in `BAL_AXE_JS`); the test
//! injects it into the page, as a browser extension would.

use bal_register_e2e::flows::{
    auxiliary_group, record_meeting, register_person, today, try_add_member,
};
use bal_register_e2e::thirtyfour::prelude::*;
use bal_register_e2e::Browser;

fn axe_source() -> String {
    let path = std::env::var("BAL_AXE_JS").unwrap_or_else(|_| {
        let home = std::env::var("HOME").unwrap_or_default();
        format!("{home}/.cache/bal-register/axe-core-4.14.1/axe.min.js")
    });
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("no axe-core at {path} ({e}): run scripts/setup --browser"))
}

/// A register with something on every page: two people, the places of an
/// auxiliary group, the group with a member and a meeting. Returns the
/// addresses of the person, the group and the meeting.
async fn fill_register(b: &Browser) -> (String, String, String) {
    register_person(b, "Asha", "Debbarma", true, "2016-03-14").await;
    let person = b.path().await;
    register_person(b, "Lekha", "Nair", true, "1998-04-10").await;
    let group = auxiliary_group(b).await;
    b.open(&group).await;
    try_add_member(b, "Lekha").await;
    b.wait_text("#current-members", "Lekha").await;
    record_meeting(b, &group, today(), &[]).await;
    let meeting = b
        .js("return document.querySelector('#meetings a').getAttribute('href');")
        .await
        .as_str()
        .expect("a meeting link")
        .to_string();
    (person, group, meeting)
}

/// Runs axe on the page as it is; returns its serious and critical
/// findings, one line each (rule, help, the elements).
async fn axe_findings(b: &Browser, axe: &str, page: &str) -> Vec<String> {
    // Run as WebDriver's own script: the page's Content-Security-Policy
    // (rightly) refuses an injected <script> element.
    let loaded = b
        .driver
        .execute(
            format!("if (!window.axe) {{\n{axe}\n}}\nreturn typeof window.axe;"),
            vec![],
        )
        .await
        .expect("axe injected");
    assert_eq!(loaded.json(), "object", "axe-core loaded into {page}");
    let out = b
        .driver
        .execute_async(
            "const done = arguments[arguments.length - 1]; \
             axe.run(document, { resultTypes: ['violations'] }) \
               .then(r => done(r.violations \
                 .filter(v => v.impact === 'serious' || v.impact === 'critical') \
                 .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' — ' + \
                   v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(', ')))) \
               .catch(e => done(['axe failed: ' + e]));",
            vec![],
        )
        .await
        .expect("axe ran");
    serde_json::from_value::<Vec<String>>(out.json().clone())
        .expect("findings")
        .into_iter()
        .map(|f| format!("{page}: {f}"))
        .collect()
}

#[tokio::test]
async fn axe_finds_nothing_serious_on_any_page() {
    let axe = axe_source();
    let b = Browser::start().await;
    let mut findings = Vec::new();

    // The first visit, and the form as it shows its errors.
    b.open("/").await;
    b.wait_for("#add-first-child").await;
    findings.extend(axe_findings(&b, &axe, "/ (welcome)").await);
    b.open("/people/new").await;
    b.click("#save").await;
    b.wait_for(".field-error").await;
    findings.extend(axe_findings(&b, &axe, "/people/new (errors)").await);

    let (person, group, meeting) = fill_register(&b).await;
    let month = today().format("%Y-%m").to_string();
    let pages = [
        "/".to_string(),
        "/people".into(),
        person.clone(),
        format!("{person}/edit"),
        "/people/new".into(),
        "/groups".into(),
        "/groups/new".into(),
        group.clone(),
        format!("{group}/meetings/new"),
        meeting,
        format!("{group}/report/{month}"),
        format!("/report/{month}/{month}"),
        "/places".into(),
        "/programmes".into(),
        "/programmes/new".into(),
        "/follow-up".into(),
        "/cases".into(),
        "/data".into(),
        "/settings".into(),
        "/nowhere".into(),
    ];
    for page in &pages {
        b.open(page).await;
        b.wait_for("main h1").await;
        findings.extend(axe_findings(&b, &axe, page).await);
    }
    // The same pages in Malayalam: longer words, another script.
    b.open("/settings").await;
    b.select("#language", "മലയാളം").await;
    b.click("#save-settings").await;
    for page in ["/", "/people", group.as_str(), "/settings"] {
        b.open(page).await;
        b.wait_for("main h1").await;
        findings.extend(axe_findings(&b, &axe, &format!("{page} (ml)")).await);
    }
    assert!(findings.is_empty(), "axe found:\n{}", findings.join("\n"));
    b.quit().await;
}

/// Every interactive element on the page that is smaller than 44 px high
/// (a radio button or checkbox counts with its label), whether the page is
/// wider than the screen, whether the header takes over a quarter of it, and
/// whether the current section's link is out of sight.
const LAYOUT_PROBLEMS: &str = r#"
const problems = [];
const width = document.documentElement.clientWidth;
if (document.documentElement.scrollWidth > width) {
  const wide = [...document.querySelectorAll('body *')]
    .filter(e => e.getBoundingClientRect().right > width + 1)
    .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + e.className);
  problems.push('scrolls sideways: ' + document.documentElement.scrollWidth + ' px; ' + wide.join(', '));
}
// The header (name and sections) leaves most of the screen to the page.
const header = document.querySelector('.app-header').getBoundingClientRect();
if (header.height > window.innerHeight / 4) {
  problems.push('the header takes ' + Math.round(header.height) + ' px of ' + window.innerHeight);
}
// The sections scroll sideways in one row: the one shown is in sight.
const nav = document.querySelector('.app-header nav');
const here = nav.querySelector('a[aria-current="page"]');
if (here) {
  const n = nav.getBoundingClientRect(), h = here.getBoundingClientRect();
  if (h.left < n.left - 1 || h.right > n.right + 1) {
    problems.push('the link to this section is out of sight: ' + Math.round(h.left) + '–' + Math.round(h.right) + ' px');
  }
}
for (const el of document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex="0"]')) {
  if (el.closest('[hidden], .print-only')) continue;
  let target = el;
  if (el.type === 'radio' || el.type === 'checkbox') target = el.closest('label') || el;
  const r = target.getBoundingClientRect();
  if (r.width === 0 && r.height === 0) continue;
  if (getComputedStyle(el).visibility === 'hidden') continue;
  if (r.height < 44 - 0.5) {
    const name = (el.id ? '#' + el.id : el.tagName.toLowerCase()) + ' "' + (el.innerText || el.value || '').trim().slice(0, 30) + '"';
    problems.push(name + ' is ' + Math.round(r.height) + ' px high');
  }
}
return problems;
"#;

#[tokio::test]
async fn every_page_fits_a_phone_with_targets_big_enough_to_touch() {
    let b = Browser::start().await;
    let (person, group, meeting) = fill_register(&b).await;
    b.driver
        .cdp()
        .send_raw(
            "Emulation.setDeviceMetricsOverride",
            serde_json::json!({ "width": 360, "height": 740, "deviceScaleFactor": 2, "mobile": true }),
        )
        .await
        .expect("phone screen");
    let pages = [
        "/".to_string(),
        "/people".into(),
        person.clone(),
        "/people/new".into(),
        "/groups".into(),
        group.clone(),
        format!("{group}/meetings/new"),
        meeting,
        "/places".into(),
        "/programmes".into(),
        "/follow-up".into(),
        "/cases".into(),
        "/data".into(),
        "/settings".into(),
    ];
    let mut problems = Vec::new();
    for lang in ["English", "മലയാളം", "हिन्दी"] {
        b.open("/settings").await;
        b.select("#language", lang).await;
        b.click("#save-settings").await;
        for page in &pages {
            b.open(page).await;
            b.wait_for("main h1").await;
            let found = b.js(LAYOUT_PROBLEMS).await;
            for p in found.as_array().expect("a list") {
                problems.push(format!("{lang} {page}: {}", p.as_str().unwrap_or_default()));
            }
        }
    }
    assert!(problems.is_empty(), "at 360 px:\n{}", problems.join("\n"));
    b.quit().await;
}

/// A volunteer who cannot use a mouse registers a child with the keyboard
/// alone: the skip link, Tab to each field, Space on a radio button, Enter
/// to save; focus is always visible.
#[tokio::test]
async fn a_child_is_registered_with_the_keyboard_alone() {
    let b = Browser::start().await;
    b.open("/people/new").await;
    b.wait_for("#given_name").await;
    let body = b.driver.find(By::Css("body")).await.expect("body");
    // The first Tab reaches the skip link, which is then shown.
    body.send_keys(Key::Tab).await.expect("tab");
    let focused = b.js("return document.activeElement.className + ' ' + document.activeElement.getAttribute('href');").await;
    assert!(
        focused.as_str().unwrap_or_default().contains("skip"),
        "the first Tab reaches the skip link, not {focused}"
    );
    let outline = b
        .js("const s = getComputedStyle(document.activeElement); return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;")
        .await;
    assert_eq!(outline, true, "the focused skip link shows its focus");
    // Tab through the form, typing as a volunteer does.
    let mut tabs = b.tab_to("given_name", 40).await;
    b.press("Meena").await;
    tabs += b.tab_to("sex-0", 80 - tabs).await;
    b.press(" ").await;
    assert_eq!(
        b.js("return document.getElementById('sex-0').checked;")
            .await,
        true,
        "Space chose the radio button"
    );
    b.tab_to("birth_date", 120 - tabs).await;
    b.press("03142016").await;
    b.press("\u{E007}").await; // Enter submits the form
    b.wait_text("#person-name", "Meena").await;
    b.quit().await;
}

/// Choosing a person out of the register with the keyboard: Tab from the
/// search box to a match, Enter to take it; the focus then stays on the
/// field (its "Change" button), not at the top of the page, and Tab reaches
/// the button that adds the member.
#[tokio::test]
async fn a_member_is_added_with_the_keyboard_alone() {
    let b = Browser::start().await;
    register_person(&b, "Lekha", "Nair", true, "1998-04-10").await;
    let group = auxiliary_group(&b).await;
    b.open(&group).await;
    b.wait_for("#member_person")
        .await
        .focus()
        .await
        .expect("focus");
    b.press("Lekha").await;
    b.wait_for("#member_person-options .pick-option").await;
    b.press("\u{E004}").await; // Tab to the first match
    assert_eq!(b.focused().await, "pick-option");
    b.press("\u{E007}").await; // Enter takes it
    b.wait_for("#member_person-chosen").await;
    let started = std::time::Instant::now();
    while b.focused().await != "member_person-change" {
        assert!(
            started.elapsed() < bal_register_e2e::PATIENCE,
            "the focus went to {:?}, not the chosen person's field",
            b.focused().await
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    b.tab_to("join", 10).await;
    b.press("\u{E007}").await;
    b.wait_text("#current-members", "Lekha").await;
    b.quit().await;
}
