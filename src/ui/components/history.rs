//! A record's history from the audit trail (`domain::audit`): when, by
//! whom, and what changed, newest first.

use crate::domain::audit::{history, Action, Change};
use crate::domain::id::Id;
use crate::domain::register::Kind;
use crate::domain::time::Timestamp;
use crate::i18n::{labels, Msg};
use crate::ui::i18n::{tr, use_i18n, I18n};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// One line of the history: its id (the key), when, what, by whom.
type Row = (Id, String, String, String);

/// When, in the device's own time zone: the date in the chosen format and
/// the time of day.
fn when(i18n: I18n, at: Timestamp) -> String {
    at.to_datetime()
        .map(|t| {
            let local = t.with_timezone(&chrono::Local);
            format!(
                "{} {}",
                i18n.date(local.date_naive()),
                local.format("%H:%M")
            )
        })
        .unwrap_or_default()
}

fn what(i18n: I18n, c: &Change) -> String {
    match c.action {
        Action::Added => i18n.t(Msg::HistoryAdded).into(),
        Action::Deleted => i18n.t(Msg::HistoryDeleted).into(),
        Action::Changed => {
            let fields: Vec<String> = c
                .fields
                .iter()
                .map(|f| match labels::field(f) {
                    Some(label) => i18n.t(label).to_string(),
                    None => f.replace('_', " "),
                })
                .collect();
            i18n.fill(Msg::HistoryChanged, &[("fields", &fields.join(", "))])
        }
    }
}

fn who(i18n: I18n, c: &Change) -> String {
    if c.by.is_empty() {
        i18n.t(Msg::HistoryByUnknown).into()
    } else {
        i18n.fill(Msg::HistoryBy, &[("name", &c.by)])
    }
}

/// The history of one record, shown on its page.
#[component]
pub fn History(
    /// The kind of the record.
    kind: Kind,
    /// The record.
    id: Id,
) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let rows = Memo::new(move |_| {
        i18n.lang.track();
        app.register.with(|reg| {
            history(reg, kind, id)
                .into_iter()
                .map(|(cid, at, c)| (cid, when(i18n, at), what(i18n, c), who(i18n, c)))
                .collect::<Vec<Row>>()
        })
    });
    view! {
        <section class="record-section" id="history">
            <h2>{tr(Msg::HistoryTitle)}</h2>
            <Show when=move || rows.with(Vec::is_empty)>
                <p>{tr(Msg::HistoryEmpty)}</p>
            </Show>
            <ol class="timeline" id="history-list">
                <For each=move || rows.get() key=|r| r.clone() let:r>
                    <li>
                        <span class="history-when">{r.1}</span>
                        " · " <span class="history-what">{r.2}</span>
                        " · " <span class="history-by">{r.3}</span>
                    </li>
                </For>
            </ol>
        </section>
    }
}
