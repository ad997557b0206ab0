//! The sensitive sections of a person's page, risk flags and cases, and the
//! schooling history.

use crate::domain::id::Id;
use crate::domain::risk::{Concern, Flag};
use crate::domain::schooling::{SchoolChange, SchoolEvent, HIGHEST_CLASS};
use crate::domain::sort::{self, Key};
use crate::domain::text::{clean_line, clean_multiline};
use crate::domain::time::{iso_date, parse_date};
use crate::i18n::{labels, Msg};
use crate::route::Route;
use crate::ui::components::fields::{SelectField, TextField};
use crate::ui::components::record_list::{ListRow, RecordList};
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::router::Link;
use crate::ui::state::{save_error_text, today, use_app, NoticeKind};
use leptos::prelude::*;

/// The marker of a section holding sensitive information.
#[component]
pub fn SensitiveMark() -> impl IntoView {
    view! { <span class="sensitive-mark" title=tr(Msg::SensitiveNote)>{tr(Msg::SensitiveBadge)}</span> }
}

/// A child's risk flags, open and cleared, with raising and clearing.
#[component]
pub fn PersonFlags(person: Id) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let flags = Memo::new(move |_| {
        app.register.with(|reg| {
            let mut flags: Vec<(Id, Flag)> = reg
                .flags
                .live()
                .filter(|(_, f)| f.person == person)
                .map(|(id, f)| (id, f.clone()))
                .collect();
            sort::by_key(&mut flags, |(id, f)| Key::newest_first(f.raised_on, *id));
            flags
                .into_iter()
                .map(|(id, f)| {
                    let date = i18n.date(f.raised_on);
                    let mut details = vec![if f.raised_by.is_empty() {
                        i18n.fill(Msg::RaisedOnText, &[("date", &date)])
                    } else {
                        i18n.fill(Msg::RaisedBy, &[("date", &date), ("name", &f.raised_by)])
                    }];
                    if let Some(on) = f.cleared_on {
                        details.push(i18n.fill(Msg::ClearedOnText, &[("date", &i18n.date(on))]));
                    }
                    if !f.note.is_empty() {
                        details.push(f.note.clone());
                    }
                    (
                        id,
                        i18n.t(labels::concern(f.concern)).to_string(),
                        details.join(" · "),
                        f.is_open(),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let concern = RwSignal::new(None::<Concern>);
    let raised_on = RwSignal::new(iso_date(today()));
    let note = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let raise = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (Some(c), Some(on)) = (
            concern.get_untracked(),
            parse_date(&raised_on.get_untracked()),
        ) else {
            return error.set(Some(i18n.t(Msg::ErrRequired).into()));
        };
        let flag = Flag {
            person,
            concern: c,
            raised_on: on,
            raised_by: app.settings.with_untracked(|s| s.volunteer.clone()),
            note: clean_multiline(&note.get_untracked()),
            cleared_on: None,
        };
        match app.apply(|edit| edit.raise_flag(flag, today()).map_err(Into::into)) {
            Ok(_) => {
                error.set(None);
                concern.set(None);
                note.set(String::new());
                app.notify(NoticeKind::Info, i18n.t(Msg::FlagRaised).into());
            }
            Err(e) => error.set(Some(save_error_text(app.lang(), &e))),
        }
    };
    let clear = move |id: Id| match app
        .apply(|edit| edit.clear_flag(id, today(), today()).map_err(Into::into))
    {
        Ok(()) => app.notify(NoticeKind::Info, i18n.t(Msg::FlagCleared).into()),
        Err(e) => app.notify(NoticeKind::Error, save_error_text(app.lang(), &e)),
    };
    view! {
        <section class="record-section sensitive" id="person-flags">
            <h2>{tr(Msg::FlagsTitle)} " " <SensitiveMark/></h2>
            <ul class="record-list">
                <For each=move || flags.get() key=|f| f.clone() let:flag>
                    <li class="record-row flag-row" class:past=!flag.3>
                        <span class="record-name">{flag.1.clone()}</span>
                        <span class="record-details">{flag.2.clone()}</span>
                        <Show when=move || flag.3>
                            <button type="button" class="clear-flag" on:click=move |_| clear(flag.0)>{tr(Msg::ClearFlag)}</button>
                        </Show>
                    </li>
                </For>
            </ul>
            <form class="inline-form" id="raise-flag" on:submit=raise novalidate>
                <h3>{tr(Msg::RaiseFlag)}</h3>
                <SelectField id="flag_concern" label=Msg::FieldConcern
                    choices=Concern::ALL.iter().map(|&c| (c, labels::concern(c).into())).collect()
                    value=concern on_change=move |c| concern.set(c) optional=true/>
                <TextField id="flag_raised_on" label=Msg::FieldRaisedOn kind="date" value=raised_on
                    on_input=move |v| raised_on.set(v) error=Signal::derive(|| None::<String>) max=Signal::stored(iso_date(today()))/>
                <TextField id="flag_note" label=Msg::FieldNotes value=note on_input=move |v| note.set(v)
                    error=Signal::derive(|| None::<String>) optional=true/>
                {move || error.get().map(|e| view! { <p class="form-error" role="alert" id="flag-error">{e}</p> })}
                <button type="submit" class="primary" id="save-flag">{tr(Msg::RaiseFlag)}</button>
            </form>
        </section>
    }
}

/// A child's cases, with the way to open one.
#[component]
pub fn PersonCases(person: Id) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let cases = Memo::new(move |_| {
        app.register.with(|reg| {
            reg.cases
                .live()
                .filter(|(_, c)| c.person == person)
                .map(|(id, c)| ListRow {
                    to: Route::Case(id),
                    name: format!("{} {}", i18n.t(Msg::FieldIntake), i18n.date(c.intake_on)),
                    details: i18n.t(labels::case_status(c.status)).to_string(),
                    class: "case-row",
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="record-section sensitive" id="person-cases">
            <div class="page-head">
                <h2>{tr(Msg::PersonCases)} " " <SensitiveMark/></h2>
                <Link to=Route::NewCase(person) class="button" id="open-case">{tr(Msg::OpenCase)}</Link>
            </div>
            <RecordList rows=cases/>
        </section>
    }
}

/// A child's schooling history, with a form to record a change.
#[component]
pub fn PersonSchooling(person: Id) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let events = Memo::new(move |_| {
        app.register.with(|reg| {
            let Some(p) = reg.people.get(person) else {
                return Vec::new();
            };
            p.schooling
                .events()
                .iter()
                .rev()
                .map(|e| {
                    let mut what = vec![i18n.t(labels::school_change(e.change)).to_string()];
                    if let Some(class) = e.class {
                        what.push(i18n.fill(Msg::SchoolClass, &[("class", &class.to_string())]));
                    }
                    if !e.school.is_empty() {
                        what.push(e.school.clone());
                    }
                    (i18n.date(e.on), what.join(" · "))
                })
                .collect::<Vec<_>>()
        })
    });
    let change = RwSignal::new(None::<SchoolChange>);
    let on = RwSignal::new(iso_date(today()));
    let class = RwSignal::new(String::new());
    let school = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let record = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (Some(c), Some(day)) = (change.get_untracked(), parse_date(&on.get_untracked())) else {
            return error.set(Some(i18n.t(Msg::ErrRequired).into()));
        };
        let class = class
            .get_untracked()
            .trim()
            .parse::<u8>()
            .ok()
            .filter(|n| (1..=HIGHEST_CLASS).contains(n));
        let event = SchoolEvent {
            on: day,
            change: c,
            class: class.filter(|_| c.in_school()),
            school: clean_line(&school.get_untracked()),
        };
        match app.apply(|edit| {
            edit.record_school_change(person, event, today())
                .map_err(Into::into)
        }) {
            Ok(()) => {
                error.set(None);
                change.set(None);
            }
            Err(e) => error.set(Some(save_error_text(app.lang(), &e))),
        }
    };
    view! {
        <section class="record-section" id="person-schooling">
            <h2>{tr(Msg::SchoolHistoryTitle)}</h2>
            <ol class="timeline">
                <For each=move || events.get() key=|e| e.clone() let:event>
                    <li><span class="when">{event.0}</span> " " <span>{event.1}</span></li>
                </For>
            </ol>
            <Show when=move || events.with(Vec::is_empty)>
                <p class="muted">{tr(Msg::NoSchoolHistory)}</p>
            </Show>
            <form class="inline-form" id="school-change" on:submit=record novalidate>
                <h3>{tr(Msg::AddSchoolChange)}</h3>
                <SelectField id="school_change" label=Msg::FieldSchoolChange
                    choices=SchoolChange::ALL.iter().map(|&c| (c, labels::school_change(c).into())).collect()
                    value=change on_change=move |c| change.set(c) optional=true/>
                <TextField id="school_change_on" label=Msg::FieldChangeOn kind="date" value=on on_input=move |v| on.set(v)
                    error=Signal::derive(|| None::<String>) max=Signal::stored(iso_date(today()))/>
                <TextField id="school_class" label=Msg::FieldClass value=class on_input=move |v| class.set(v)
                    error=Signal::derive(|| None::<String>) inputmode="numeric" optional=true/>
                <TextField id="school_name" label=Msg::FieldSchool value=school on_input=move |v| school.set(v)
                    error=Signal::derive(|| None::<String>) optional=true/>
                {move || error.get().map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
                <button type="submit" id="save-school-change">{tr(Msg::AddSchoolChange)}</button>
            </form>
        </section>
    }
}
