//! What needs attention: members absent too often in a row, and groups
//! behind this month's meeting target.

use crate::domain::rhythm::{behind_target, follow_ups};
use crate::i18n::Msg;
use crate::ui::components::page_title::use_page_title;
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::state::{today, use_app};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn FollowUpPage() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    use_page_title(move || i18n.t(Msg::FollowUpTitle).to_string());
    let people = Memo::new(move |_| {
        app.register.with(|reg| {
            follow_ups(reg, today())
                .into_iter()
                .map(|f| {
                    let name = reg
                        .people
                        .get(f.person)
                        .map(|p| p.full_name())
                        .unwrap_or_default();
                    let group = reg
                        .groups
                        .get(f.group)
                        .map(|g| g.name.clone())
                        .unwrap_or_default();
                    (f.person, f.group, name, group, f.absences)
                })
                .collect::<Vec<_>>()
        })
    });
    let groups = Memo::new(move |_| {
        app.register.with(|reg| {
            behind_target(reg, today())
                .into_iter()
                .map(|(id, held, target)| {
                    (
                        id,
                        reg.groups
                            .get(id)
                            .map(|g| g.name.clone())
                            .unwrap_or_default(),
                        held,
                        target,
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="follow-up">
            <h1>{tr(Msg::FollowUpTitle)}</h1>
            <section class="record-section" id="needs-follow-up">
                <h2>{tr(Msg::NeedsFollowUp)}</h2>
                <ul class="record-list">
                    <For each=move || people.get() key=|row| row.clone() let:row>
                        <li class="record-row follow-up-row">
                            <A href=format!("/people/{}", row.0)>
                                <span class="record-name">{row.2.clone()}</span>
                                <span class="record-details">
                                    {row.3.clone()} " · " {i18n.fill(Msg::AbsentInARow, &[("count", &row.4.to_string())])}
                                </span>
                            </A>
                        </li>
                    </For>
                </ul>
                <Show when=move || people.with(Vec::is_empty)>
                    <p class="muted">{tr(Msg::NoFollowUps)}</p>
                </Show>
            </section>
            <section class="record-section" id="behind-target">
                <h2>{tr(Msg::BehindTarget)}</h2>
                <ul class="record-list">
                    <For each=move || groups.get() key=|row| row.clone() let:row>
                        <li class="record-row behind-row">
                            <A href=format!("/groups/{}", row.0)>
                                <span class="record-name">{row.1.clone()}</span>
                                <span class="record-details">
                                    {i18n.fill(Msg::RhythmHeld, &[("held", &row.2.to_string()), ("target", &row.3.to_string())])}
                                </span>
                            </A>
                        </li>
                    </For>
                </ul>
                <Show when=move || groups.with(Vec::is_empty)>
                    <p class="muted">{tr(Msg::NoneBehindTarget)}</p>
                </Show>
            </section>
        </section>
    }
}
