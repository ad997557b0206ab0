//! The preview of an exchange file before it is taken in: what it would
//! add and update, the records set aside, and each conflict side by side
//! with the volunteer's choice.

use crate::domain::paging::{page_rows, CONFLICT_PAGE};
use crate::domain::register::{Kind, Register};
use crate::exchange::any_record::AnyRecord;
use crate::exchange::merge::{Choice, Choices, Preview};
use crate::i18n::{exchange as words, labels, record_fields, Lang, Msg};
use crate::ui::components::pager::Pager;
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// A one-line description of a record, for conflicts and set-aside records.
fn describe(reg: &Register, lang: Lang, r: &AnyRecord) -> String {
    let i18n = use_i18n();
    let kind = crate::i18n::text(lang, words::kind(r.kind()));
    let name = match r {
        AnyRecord::Person(r) => r.body.as_ref().map(|p| p.full_name()),
        AnyRecord::Place(r) => r.body.as_ref().map(|p| p.name.clone()),
        AnyRecord::Programme(r) => r.body.as_ref().map(|p| p.name.clone()),
        AnyRecord::Group(r) => r.body.as_ref().map(|g| g.name.clone()),
        AnyRecord::Course(r) => r.body.as_ref().map(|c| c.name.clone()),
        AnyRecord::Meeting(r) => r.body.as_ref().map(|m| {
            let group = reg.group_name(m.group);
            format!("{group} {}", i18n.date(m.date))
        }),
        AnyRecord::Membership(r) => r.body.as_ref().map(|m| {
            let person = reg.person_name(m.person);
            let group = reg.group_name(m.group);
            format!("{person} · {group}")
        }),
        AnyRecord::Flag(r) => r
            .body
            .as_ref()
            .map(|f| crate::i18n::text(lang, labels::concern(f.concern)).to_string()),
        AnyRecord::Case(_) | AnyRecord::FollowUp(_) | AnyRecord::Change(_) => None,
    };
    format!("{kind}: {}", name.unwrap_or_else(|| r.id().to_string()))
}

/// What an exchange file would change, its records set aside, and its
/// conflicts a page at a time, each answered in `choices`.
#[component]
pub(super) fn ImportPreview(
    preview: std::sync::Arc<Preview>,
    choices: RwSignal<Choices>,
) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let lang = i18n.lang.get_untracked();
    let c = preview.counts();
    let count = |m, n: usize| i18n.fill(m, &[("count", &i18n.number(n))]);
    let from = i18n.fill(
        Msg::PreviewFrom,
        &[
            (
                "date",
                &preview
                    .header
                    .exported_at
                    .date()
                    .map(|d| i18n.date(d))
                    .unwrap_or_default(),
            ),
            ("device", &preview.header.device.to_string()),
        ],
    );
    let invalid: Vec<String> = app.register.with_untracked(|_| {
        preview
            .invalid
            .iter()
            .take(100)
            .map(|r| {
                let what = crate::i18n::text(lang, words::kind(r.kind));
                let id = r.id.map(|id| id.to_string()).unwrap_or_default();
                let why: Vec<String> = r
                    .problems
                    .iter()
                    .map(|p| words::record_problem(lang, p))
                    .collect();
                format!("{what} {id}: {}", why.join("; "))
            })
            .collect()
    });
    let set_all = {
        let keys: Vec<(Kind, crate::domain::id::Id)> =
            preview.conflicts.iter().map(|c| c.mine.key()).collect();
        move |choice: Choice| {
            choices.update(|ch| {
                keys.iter().for_each(|k| {
                    ch.insert(*k, choice);
                })
            })
        }
    };
    let set_all_mine = set_all.clone();
    // A page of conflicts at a time: answers are kept by record in
    // `choices`, so turning the page loses none.
    let conflicts = std::sync::Arc::new(preview.conflicts.clone());
    let conflict_count = conflicts.len();
    let conflicts_start = RwSignal::new(0);
    let conflict_page = {
        let conflicts = conflicts.clone();
        move || {
            conflicts[page_rows(conflicts_start.get(), conflict_count, CONFLICT_PAGE)]
                .iter()
                .map(|c| view! { <ConflictRow mine=c.mine.clone() theirs=c.theirs.clone() choices/> })
                .collect_view()
        }
    };
    view! {
        <section class="preview" id="import-preview" aria-live="polite">
            <h3>{tr(Msg::PreviewTitle)}</h3>
            <p class="muted">{from}</p>
            <ul class="counts">
                <li id="count-new">{count(Msg::CountNew, c.new)}</li>
                <li id="count-updated">{count(Msg::CountUpdated, c.updated)}</li>
                <li id="count-unchanged">{count(Msg::CountUnchanged, c.unchanged)}</li>
                <li id="count-conflicts">{count(Msg::CountConflicts, c.conflicts)}</li>
                <li id="count-invalid">{count(Msg::CountInvalid, c.invalid)}</li>
            </ul>
            {(!conflicts.is_empty()).then(|| view! {
                <h3>{tr(Msg::ConflictsTitle)}</h3>
                <div class="actions">
                    <button type="button" id="keep-all-mine" on:click=move |_| set_all_mine(Choice::KeepMine)>{tr(Msg::KeepAllMine)}</button>
                    <button type="button" id="take-all-theirs" on:click=move |_| set_all(Choice::TakeTheirs)>{tr(Msg::TakeAllTheirs)}</button>
                </div>
                <ol class="conflicts" id="conflict-list">{conflict_page}</ol>
                <Pager total=Signal::stored(conflict_count) start=conflicts_start id="conflicts-page" size=CONFLICT_PAGE/>
            })}
            {(!invalid.is_empty()).then(|| view! {
                <h3>{tr(Msg::InvalidTitle)}</h3>
                <ul class="invalid" id="invalid-records">
                    {invalid.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                </ul>
            })}
        </section>
    }
}

/// One record changed on both sides: the fields that differ, side by side,
/// and the choice between them.
#[component]
fn ConflictRow(mine: AnyRecord, theirs: AnyRecord, choices: RwSignal<Choices>) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let lang = i18n.lang.get_untracked();
    let key = mine.key();
    let title = app
        .register
        .with_untracked(|reg| describe(reg, lang, &mine));
    // Labelled and written out as the forms show them; values reach the
    // page only as text nodes.
    let formats = i18n.formats.get_untracked();
    let rows = app
        .register
        .with_untracked(|reg| record_fields::Reader { reg, lang, formats }.rows(&mine, &theirs));
    let choice = move || choices.with(|c| c.get(&key).copied());
    let pick = move |c: Choice| {
        choices.update(|ch| {
            ch.insert(key, c);
        })
    };
    view! {
        <li class="conflict">
            <h4>{title}</h4>
            <table>
                <thead><tr><th></th><th>{tr(Msg::MineVersion)}</th><th>{tr(Msg::TheirVersion)}</th></tr></thead>
                <tbody>
                    {rows.into_iter().map(|r| view! { <tr><th scope="row">{r.label}</th><td>{r.mine}</td><td>{r.theirs}</td></tr> }).collect_view()}
                </tbody>
            </table>
            <div class="actions" role="group">
                <button type="button" class="keep-mine" aria-pressed=move || (choice() == Some(Choice::KeepMine)).to_string()
                    on:click=move |_| pick(Choice::KeepMine)>{tr(Msg::KeepMine)}</button>
                <button type="button" class="take-theirs" aria-pressed=move || (choice() == Some(Choice::TakeTheirs)).to_string()
                    on:click=move |_| pick(Choice::TakeTheirs)>{tr(Msg::TakeTheirs)}</button>
            </div>
        </li>
    }
}
