//! Protection at a glance: children with open risk flags (by risk and
//! place), open cases, and overdue follow-ups. Sensitive throughout.

use super::person_protection::SensitiveMark;
use crate::domain::case::CaseStatus;
use crate::domain::case_rules::overdue_follow_ups;
use crate::domain::id::Id;
use crate::domain::risk::{open_flags, Concern};
use crate::i18n::{labels, Msg};
use crate::route::Route;
use crate::ui::components::fields::SelectField;
use crate::ui::components::page_title::use_page_title;
use crate::ui::components::pager::PagedList;
use crate::ui::components::picker::SearchPicker;
use crate::ui::components::record_list::ListRow;
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::lookup::{place_label, places_matching};
use crate::ui::state::{today, use_app};
use leptos::prelude::*;

#[component]
pub fn CasesPage() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    use_page_title(move || i18n.t(Msg::CasesTitle).to_string());
    let concern = RwSignal::new(None::<Concern>);
    let within = RwSignal::new(None::<Id>);
    let flags = Memo::new(move |_| {
        let (concern, within) = (concern.get(), within.get());
        app.register.with(|reg| {
            open_flags(reg, concern, within, today())
                .into_iter()
                .map(|(_, f)| ListRow {
                    to: Route::Person(f.person),
                    name: reg.person_name(f.person),
                    details: format!(
                        "{} · {}",
                        i18n.t(labels::concern(f.concern)),
                        i18n.date(f.raised_on)
                    ),
                    class: "flag-row",
                })
                .collect::<Vec<_>>()
        })
    });
    let cases = Memo::new(move |_| {
        app.register.with(|reg| {
            reg.cases
                .live()
                .filter(|(_, c)| c.status != CaseStatus::Closed)
                .map(|(id, c)| ListRow {
                    to: Route::Case(id),
                    name: reg.person_name(c.person),
                    details: format!(
                        "{} · {}",
                        i18n.t(labels::case_status(c.status)),
                        i18n.date(c.intake_on)
                    ),
                    class: "case-row",
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="cases sensitive">
            <h1>{tr(Msg::CasesTitle)} " " <SensitiveMark/></h1>
            <p class="muted">{tr(Msg::SensitiveNote)}</p>
            <OverdueFollowUps/>
            <section class="record-section" id="open-flags">
                <h2>{tr(Msg::OpenFlags)}</h2>
                <div class="filters">
                    <SelectField id="filter_concern" label=Msg::FieldConcern
                        choices=Concern::ALL.iter().map(|&c| (c, labels::concern(c).into())).collect()
                        value=concern on_change=move |c| concern.set(c) optional=true/>
                    <SearchPicker id="filter_flag_place" label=Msg::FieldPlace value=within
                        on_change=move |p| within.set(p)
                        search=move |text: String| places_matching(app, &text)
                        describe=move |id| place_label(app, id)
                        error=Signal::derive(|| None::<String>) optional=true/>
                </div>
                <PagedList rows=flags id="flags-list"/>
                <Show when=move || flags.with(Vec::is_empty)>
                    <p class="muted">{tr(Msg::NoOpenFlags)}</p>
                </Show>
            </section>
            <section class="record-section" id="open-cases">
                <h2>{tr(Msg::CasesTitle)}</h2>
                <PagedList rows=cases id="cases-list"/>
                <Show when=move || cases.with(Vec::is_empty)>
                    <p class="muted">{tr(Msg::NoCases)}</p>
                </Show>
            </section>
        </section>
    }
}

/// Follow-ups past their due date on open cases; shown on the home page too.
#[component]
pub fn OverdueFollowUps() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let rows = Memo::new(move |_| {
        app.register.with(|reg| {
            overdue_follow_ups(reg, today())
                .into_iter()
                .map(|(_, f)| {
                    let child = reg
                        .cases
                        .get(f.case)
                        .and_then(|c| reg.people.get(c.person))
                        .map(|p| p.full_name());
                    let due = i18n.fill(Msg::OverdueText, &[("date", &i18n.date(f.due_on))]);
                    ListRow {
                        to: Route::Case(f.case),
                        name: child.unwrap_or_default(),
                        details: if f.plan.is_empty() {
                            due
                        } else {
                            format!("{} · {due}", f.plan)
                        },
                        class: "overdue-row",
                    }
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="record-section sensitive" id="overdue-follow-ups">
            <h2>{tr(Msg::OverdueFollowUps)} " " <SensitiveMark/></h2>
            <PagedList rows=rows id="overdue-list"/>
            <Show when=move || rows.with(Vec::is_empty)>
                <p class="muted">{tr(Msg::NoOverdue)}</p>
            </Show>
        </section>
    }
}
