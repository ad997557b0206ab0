//! Recording a meeting, and opening a recorded one to change or delete it.

use crate::domain::form::FieldError;
use crate::domain::id::Id;
use crate::domain::meeting::{AbsenceReason, Mark};
use crate::domain::meeting_form::{MeetingField, MeetingForm};
use crate::domain::meeting_rules::roster;
use crate::domain::sort::{self, Key};
use crate::domain::time::{iso_date, parse_date};
use crate::i18n::{labels, problem_text, Msg};
use crate::route::Route;
use crate::ui::components::confirm::Confirm;
use crate::ui::components::fields::{SelectField, TextArea, TextField};
use crate::ui::components::missing::Missing;
use crate::ui::components::page_title::use_page_title;
use crate::ui::components::picker::SearchPicker;
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::lookup::{group_name, people_matching, person_label};
use crate::ui::router::{use_router, Link};
use crate::ui::state::{save_error_text, today, use_app, NoticeKind};
use leptos::prelude::*;

/// `/groups/:id/meetings/new`
#[component]
pub fn NewMeeting(group: Id) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    // A memo, so the form is not rebuilt (and what was typed lost) each time
    // the register changes.
    let exists = Memo::new(move |_| {
        app.register
            .with(|r| r.groups.get(group).is_some())
            .then_some(group)
    });
    let exists = move || exists.get();
    use_page_title(move || {
        i18n.fill(
            Msg::NewMeetingTitle,
            &[(
                "group",
                &exists().map(|g| group_name(app, g)).unwrap_or_default(),
            )],
        )
    });
    move || {
        match exists() {
        Some(group) => view! {
            <section>
                <h1>{i18n.fill(Msg::NewMeetingTitle, &[("group", &group_name(app, group))])}</h1>
                <MeetingEditor group existing=None initial=MeetingForm::blank(today())/>
            </section>
        }
        .into_any(),
        None => {
            view! { <Missing body=Msg::GroupNotFound back=Route::Groups back_label=Msg::BackToGroups/> }
                .into_any()
        }
    }
    }
}

/// `/meetings/:id`
#[component]
pub fn MeetingPage(id: Id) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let router = use_router();
    let found = Memo::new(move |_| {
        Some(id).and_then(|id| {
            app.register
                .with(|r| r.meetings.get(id).cloned().map(|m| (id, m)))
        })
    });
    let title = move || {
        found.with(|f| {
            f.as_ref()
                .map(|(_, m)| {
                    let date = i18n.date(m.date);
                    i18n.fill(
                        Msg::MeetingTitle,
                        &[("group", &group_name(app, m.group)), ("date", &date)],
                    )
                })
                .unwrap_or_default()
        })
    };
    use_page_title(title);
    let confirming = RwSignal::new(false);
    move || {
        match found.get() {
            None => view! { <Missing body=Msg::MeetingNotFound back=Route::Groups back_label=Msg::BackToGroups/> }.into_any(),
            Some((id, meeting)) => {
                let group = meeting.group;
                let date = i18n.date(meeting.date);
                let delete = move |()| match app.apply(|edit| edit.delete_meeting(id).map_err(Into::into)) {
                    Ok(()) => {
                        app.notify(NoticeKind::Info, i18n.fill(Msg::MeetingDeleted, &[("date", &date)]));
                        router.go(Route::Group(group));
                    }
                    Err(e) => {
                        confirming.set(false);
                        app.notify(NoticeKind::Error, save_error_text(app.lang(), &e));
                    }
                };
                view! {
                    <section class="meeting">
                        <h1>{title}</h1>
                        <MeetingEditor group existing=Some(id) initial=MeetingForm::from_meeting(&meeting)/>
                        <Show
                            when=move || confirming.get()
                            fallback=move || view! {
                                <div class="actions">
                                    <button type="button" id="delete" class="danger" on:click=move |_| confirming.set(true)>{tr(Msg::Delete)}</button>
                                    <Link to=Route::Group(group) class="button">{tr(Msg::BackToGroup)}</Link>
                                </div>
                            }
                        >
                            <Confirm title=Signal::derive(title) body=Msg::ConfirmDeleteMeeting yes=Msg::ConfirmDeleteYes
                                on_yes=delete.clone() on_cancel=move |()| confirming.set(false)/>
                        </Show>
                    </section>
                }
                .into_any()
            }
        }
    }
}

/// The meeting form. Attendance lists the members on the chosen date, all
/// present until tapped: quick on a phone for the usual meeting.
#[component]
fn MeetingEditor(group: Id, existing: Option<Id>, initial: MeetingForm) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let router = use_router();
    let form = RwSignal::new(initial);
    let errors = RwSignal::new(Vec::<FieldError<MeetingField>>::new());
    let refusal = RwSignal::new(None::<String>);
    let error_for = move |field: MeetingField| {
        Signal::derive(move || {
            let lang = i18n.lang.get();
            errors.with(|e| {
                e.iter()
                    .find(|e| e.field == field)
                    .map(|e| problem_text(lang, e.problem))
            })
        })
    };
    let date = Memo::new(move |_| form.with(|f| parse_date(&f.date)));
    let people = Memo::new(move |_| {
        let Some(date) = date.get() else {
            return Vec::new();
        };
        app.register.with(|reg| {
            let recorded = existing
                .and_then(|id| reg.meetings.get(id))
                .map(|m| &m.attendance);
            let mut people: Vec<(Id, String)> = roster(reg, group, date, recorded)
                .into_iter()
                .map(|p| {
                    (
                        p,
                        reg.people
                            .get(p)
                            .map(|p| p.full_name())
                            .unwrap_or_else(|| i18n.t(Msg::LeftRecordDeleted).to_string()),
                    )
                })
                .collect();
            sort::by_key(&mut people, |p| Key::text(p.1.clone(), p.0));
            people
        })
    });
    let themes = Memo::new(move |_| {
        app.register.with(|reg| {
            reg.groups
                .get(group)
                .and_then(|g| reg.programmes.get(g.programme))
                .map(|p| p.rules.themes.clone())
                .unwrap_or_default()
        })
    });
    macro_rules! text_field {
        ($member:ident) => {
            (
                Signal::derive(move || form.with(|f| f.$member.clone())),
                Callback::new(move |v: String| form.update(|f| f.$member = v)),
            )
        };
    }
    let (date_text, set_date) = text_field!(date);
    let (start, set_start) = text_field!(start);
    let (topics, set_topics) = text_field!(topics);
    let (decisions, set_decisions) = text_field!(decisions);
    let (notes, set_notes) = text_field!(notes);
    let (guests, set_guests) = text_field!(guests);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let roster: Vec<Id> = people.with_untracked(|p| p.iter().map(|(id, _)| *id).collect());
        let meeting = match form.with_untracked(|f| f.validate(group, &roster)) {
            Ok(m) => m,
            Err(found) => return errors.set(found),
        };
        errors.set(Vec::new());
        let date = i18n.date(meeting.date);
        let saved = app.apply(|edit| match existing {
            Some(id) => edit
                .update_meeting(id, meeting, today())
                .map(|()| id)
                .map_err(Into::into),
            None => edit.add_meeting(meeting, today()).map_err(Into::into),
        });
        match saved {
            Ok(_) => {
                refusal.set(None);
                app.notify(
                    NoticeKind::Info,
                    i18n.fill(Msg::MeetingSaved, &[("date", &date)]),
                );
                router.go(Route::Group(group));
            }
            Err(e) => refusal.set(Some(save_error_text(app.lang(), &e))),
        }
    };

    view! {
        <form on:submit=submit novalidate id="meeting-form">
            <div class="field-row">
                <TextField id="meeting_date" label=Msg::FieldDate kind="date" value=date_text on_input=set_date
                    error=error_for(MeetingField::Date) max=Signal::stored(iso_date(today()))/>
                <TextField id="meeting_start" label=Msg::FieldStart kind="time" value=start on_input=set_start
                    error=error_for(MeetingField::Start) optional=true/>
            </div>
            <section class="form-section attendance" id="attendance">
                <h2>{tr(Msg::AttendanceTitle)}</h2>
                <p class="field-hint">{tr(Msg::AttendanceHint)}</p>
                <p class="attendance-count" aria-live="polite">{move || {
                    let expected = people.with(Vec::len);
                    let present = people.with(|p| form.with(|f| p.iter().filter(|(id, _)| f.mark_of(*id) == Mark::Present).count()));
                    i18n.fill(Msg::PresentCount, &[("present", &present.to_string()), ("expected", &expected.to_string())])
                }}</p>
                <Show when=move || date.get().is_some() && people.with(Vec::is_empty)>
                    <p class="muted">{tr(Msg::NoMembersOnDate)}</p>
                </Show>
                <ul class="marks">
                    <For each=move || people.get() key=|(id, name)| (*id, name.clone()) let:person>
                        <AttendanceRow form person=person.0 name=person.1/>
                    </For>
                </ul>
            </section>
            <TextField id="guests" label=Msg::FieldGuests value=guests on_input=set_guests
                error=error_for(MeetingField::Guests) inputmode="numeric"/>
            <SearchPicker id="facilitator" label=Msg::FieldFacilitator
                value=Signal::derive(move || form.with(|f| f.facilitator))
                on_change=move |p| form.update(|f| f.facilitator = p)
                search=move |text: String| people_matching(app, i18n.lang.get_untracked(), &text)
                describe=move |id| person_label(app, i18n.lang.get_untracked(), id)
                error=Signal::derive(|| None::<String>) optional=true/>
            <Show when=move || themes.with(|t| !t.is_empty())>
                <fieldset class="field themes">
                    <legend>{tr(Msg::FieldMeetingThemes)}</legend>
                    <For each=move || themes.get() key=|t| t.clone() let:theme>
                        <ThemeBox form theme/>
                    </For>
                </fieldset>
            </Show>
            <TextArea id="topics" label=Msg::FieldTopics value=topics on_input=set_topics
                error=error_for(MeetingField::Topics) optional=true/>
            <TextArea id="decisions" label=Msg::FieldDecisions value=decisions on_input=set_decisions
                error=error_for(MeetingField::Decisions) optional=true/>
            <TextArea id="meeting_notes" label=Msg::FieldNotes value=notes on_input=set_notes
                error=error_for(MeetingField::Notes) optional=true/>
            {move || refusal.get().map(|text| view! { <p class="form-error" role="alert" id="meeting-error">{text}</p> })}
            <div class="actions">
                <button type="submit" class="primary" id="save-meeting">{tr(Msg::Save)}</button>
                <Link to=Route::Group(group) class="button">{tr(Msg::Cancel)}</Link>
            </div>
        </form>
    }
}

/// One member's mark: a large toggle, and the reason when absent.
#[component]
fn AttendanceRow(form: RwSignal<MeetingForm>, person: Id, name: String) -> impl IntoView {
    let mark = Memo::new(move |_| form.with(|f| f.mark_of(person)));
    let present = move || mark.get() == Mark::Present;
    let toggle = move |_| {
        let next = if present() {
            Mark::Absent(AbsenceReason::NotGiven)
        } else {
            Mark::Present
        };
        form.update(|f| f.set_mark(person, next));
    };
    let reason = Signal::derive(move || match mark.get() {
        Mark::Absent(r) => Some(r),
        Mark::Present => None,
    });
    let set_reason = move |r: Option<AbsenceReason>| {
        form.update(|f| f.set_mark(person, Mark::Absent(r.unwrap_or(AbsenceReason::NotGiven))))
    };
    let row_id = format!("mark-{person}");
    view! {
        <li class="mark-row" class:absent=move || !present()>
            <button type="button" class="mark" id=row_id aria-pressed=move || if present() { "true" } else { "false" } on:click=toggle>
                <span class="mark-name">{name}</span>
                <span class="mark-state">{move || if present() { tr(Msg::MarkPresent)() } else { tr(Msg::MarkAbsent)() }}</span>
            </button>
            <Show when=move || !present()>
                <SelectField id=format!("reason-{person}") label=Msg::FieldAbsenceReason
                    choices=AbsenceReason::ALL.iter().map(|&r| (r, labels::absence(r).into())).collect()
                    value=reason on_change=set_reason/>
            </Show>
        </li>
    }
}

#[component]
fn ThemeBox(form: RwSignal<MeetingForm>, theme: String) -> impl IntoView {
    let checked = {
        let theme = theme.clone();
        move || form.with(|f| f.themes.contains(&theme))
    };
    let toggle = {
        let theme = theme.clone();
        move |on: bool| {
            form.update(|f| {
                f.themes.retain(|t| *t != theme);
                if on {
                    f.themes.push(theme.clone());
                }
            })
        }
    };
    view! {
        <label class="checkbox">
            <input type="checkbox" prop:checked=checked on:change:target=move |ev| toggle(ev.target().checked())/>
            <span>{crate::i18n::seed::shown_owned(use_i18n().lang.get_untracked(), &theme)}</span>
        </label>
    }
}
