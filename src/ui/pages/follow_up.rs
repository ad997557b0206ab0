//! What needs attention: members absent too often in a row, and groups
//! behind this month's meeting target.

use crate::domain::rhythm::{behind_target, repeated_absences};
use crate::i18n::Msg;
use crate::route::Route;
use crate::ui::components::page_title::use_page_title;
use crate::ui::components::pager::PagedList;
use crate::ui::components::record_list::ListRow;
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::state::{today, use_app};
use leptos::prelude::*;

#[component]
pub fn FollowUpPage() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    use_page_title(move || i18n.t(Msg::FollowUpTitle).to_string());
    let people = Memo::new(move |_| {
        let _ = i18n.lang.get();
        app.register.with(|reg| {
            repeated_absences(reg, today())
                .into_iter()
                .map(|f| {
                    let name = reg.person_name(f.person);
                    let group = reg.group_name(f.group);
                    let count = f.absences.to_string();
                    let absent = i18n.fill(Msg::AbsentInARow, &[("count", &count)]);
                    ListRow {
                        to: Route::Person(f.person),
                        name,
                        details: format!("{group} · {absent}"),
                        class: "follow-up-row",
                    }
                })
                .collect::<Vec<_>>()
        })
    });
    let groups = Memo::new(move |_| {
        let _ = i18n.lang.get();
        app.register.with(|reg| {
            behind_target(reg, today())
                .into_iter()
                .map(|(id, held, target)| {
                    let (held, target) = (held.to_string(), target.to_string());
                    ListRow {
                        to: Route::Group(id),
                        name: reg.group_name(id),
                        details: i18n
                            .fill(Msg::RhythmHeld, &[("held", &held), ("target", &target)]),
                        class: "behind-row",
                    }
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="follow-up">
            <h1>{tr(Msg::FollowUpTitle)}</h1>
            <section class="record-section" id="needs-follow-up">
                <h2>{tr(Msg::NeedsFollowUp)}</h2>
                <PagedList rows=people id="follow-up-list"/>
                <Show when=move || people.with(Vec::is_empty)>
                    <p class="muted">{tr(Msg::NoFollowUps)}</p>
                </Show>
            </section>
            <section class="record-section" id="behind-target">
                <h2>{tr(Msg::BehindTarget)}</h2>
                <PagedList rows=groups id="behind-list"/>
                <Show when=move || groups.with(Vec::is_empty)>
                    <p class="muted">{tr(Msg::NoneBehindTarget)}</p>
                </Show>
            </section>
        </section>
    }
}
