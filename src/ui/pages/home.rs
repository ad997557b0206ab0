//! The home page: a welcome on the first visit, the dashboard afterwards.

use super::cases::OverdueFollowUps;
use super::dashboard::Dashboard;
use crate::domain::register::Kind;
use crate::i18n::Msg;
use crate::route::Route;
use crate::ui::components::page_title::use_page_title;
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::router::Link;
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub fn Home() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    use_page_title(move || i18n.t(Msg::NavHome).to_string());
    let children = Memo::new(move |_| app.register.with(|r| r.live_count(Kind::People)));
    let groups = Memo::new(move |_| app.register.with(|r| r.live_count(Kind::Groups)));

    move || {
        if children.get() == 0 {
            view! {
                <section class="welcome">
                    <h1>{tr(Msg::WelcomeTitle)}</h1>
                    <p>{tr(Msg::WelcomeBody)}</p>
                    <p class="muted">{tr(Msg::WelcomeSeeds)}</p>
                    <Link to=Route::Settings class="button" id="try-demo">{tr(Msg::DemoTitle)}</Link>
                    <Link to=Route::NewPerson class="button primary" id="add-first-child">
                        {tr(Msg::AddFirstChild)}
                    </Link>
                </section>
            }
            .into_any()
        } else {
            view! {
                <section class="home">
                    <h1>{tr(Msg::HomeTitle)}</h1>
                    <p class="summary-figure">
                        <span id="people-count">
                            {move || i18n.count(Msg::HomeOnePerson, Msg::HomePeopleCount, children.get())}
                        </span>
                        " · "
                        <span id="groups-count">
                            {move || i18n.count(Msg::HomeOneGroup, Msg::HomeGroupsCount, groups.get())}
                        </span>
                    </p>
                    <div class="actions">
                        <Link to=Route::People class="button">{tr(Msg::NavPeople)}</Link>
                        <Link to=Route::Groups class="button">{tr(Msg::NavGroups)}</Link>
                        <Link to=Route::NewPerson class="button primary">{tr(Msg::AddPerson)}</Link>
                    </div>
                    <ExportReminder/>
                    <Dashboard/>
                    <OverdueFollowUps/>
                </section>
            }
            .into_any()
        }
    }
}

/// Days without an export after which the home page reminds the volunteer.
const EXPORT_REMINDER_DAYS: i64 = 7;

/// A reminder to export when none was made for a week: the only copy of the
/// records is otherwise this one device.
#[component]
fn ExportReminder() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let text = move || {
        let last = app.settings.with(|s| s.last_export);
        let now = crate::ui::state::now();
        match last {
            None => Some(i18n.t(Msg::ExportReminderNever).to_string()),
            Some(t) => {
                let days = (now.0 - t.0) / 86_400;
                (days >= EXPORT_REMINDER_DAYS)
                    .then(|| i18n.fill(Msg::ExportReminder, &[("days", &days.to_string())]))
            }
        }
    };
    move || {
        text().map(|t| {
            view! {
                <p class="warning" id="export-reminder">
                    {t} " " <Link to=Route::Data class="button">{tr(Msg::DataTitle)}</Link>
                </p>
            }
        })
    }
}
