//! A group's meetings on its page: the monthly rhythm and the history.

use crate::domain::id::Id;
use crate::domain::meeting_rules::meetings_of_group;
use crate::domain::rhythm::{rhythm, MonthState};
use crate::i18n::{labels, Msg};
use crate::route::Route;
use crate::ui::components::pager::PagedList;
use crate::ui::components::record_list::ListRow;
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::router::Link;
use crate::ui::state::{today, use_app};
use leptos::prelude::*;

/// How many months of rhythm a group page shows.
const RHYTHM_MONTHS: usize = 12;

#[component]
pub fn GroupMeetings(group: Id) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let months = Memo::new(move |_| {
        app.register
            .with(|reg| rhythm(reg, group, today(), RHYTHM_MONTHS))
    });
    let history = Memo::new(move |_| {
        app.register.with(|reg| {
            meetings_of_group(reg, group)
                .into_iter()
                .map(|(id, m)| {
                    let mut details = vec![i18n.fill(
                        Msg::PresentCount,
                        &[
                            ("present", &m.attendance.present().to_string()),
                            ("expected", &m.attendance.expected().to_string()),
                        ],
                    )];
                    if m.guests > 0 {
                        details
                            .push(i18n.fill(Msg::GuestsCount, &[("count", &m.guests.to_string())]));
                    }
                    details.extend(
                        m.themes
                            .iter()
                            .map(|t| crate::i18n::seed::shown_owned(i18n.lang.get(), t)),
                    );
                    ListRow {
                        to: Route::Meeting(id),
                        name: i18n.date(m.date),
                        details: details.join(" · "),
                        class: "meeting-row",
                    }
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="record-section" id="meetings">
            <div class="page-head">
                <h2>{tr(Msg::MeetingsTitle)}</h2>
                <Link to=Route::NewMeeting(group) class="button primary" id="record-meeting">
                    {tr(Msg::RecordMeeting)}
                </Link>
            </div>
            <Show when=move || months.with(|m| !m.is_empty())>
                <h3>{move || {
                    let target = months.with(|m| m.first().map(|m| m.target)).unwrap_or(0);
                    i18n.fill(Msg::RhythmTitle, &[("target", &target.to_string())])
                }}</h3>
                <ol class="rhythm" id="rhythm">
                    {move || months.get().into_iter().map(|m| {
                        let (class, state) = match m.state {
                            MonthState::Met => ("met", Msg::RhythmMet),
                            MonthState::Missed => ("missed", Msg::RhythmMissed),
                            MonthState::InProgress => ("in-progress", Msg::RhythmInProgress),
                        };
                        let held = i18n.fill(Msg::RhythmHeld, &[("held", &m.held.to_string()), ("target", &m.target.to_string())]);
                        view! {
                            <li class=format!("month {class}") data-month=labels::month(m.month)>
                                <span class="month-name">{labels::month(m.month)}</span>
                                <span class="month-state">{tr(state)}</span>
                                <span class="month-held">{held}</span>
                            </li>
                        }
                    }).collect_view()}
                </ol>
            </Show>
            <PagedList rows=history id="meeting-history"/>
            <Show when=move || history.with(Vec::is_empty)>
                <p class="muted">{tr(Msg::NoMeetings)}</p>
            </Show>
        </section>
    }
}
