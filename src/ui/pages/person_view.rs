//! One person's record: details, their groups past and present, edit and delete.

use super::person_form::MissingPerson;
use super::person_protection::{PersonCases, PersonFlags, PersonSchooling};
use crate::domain::id::Id;
use crate::domain::person::{Birth, Person};
use crate::domain::record::Record;
use crate::domain::register::Kind;
use crate::domain::sort::{self, Key};
use crate::domain::time::Timestamp;
use crate::i18n::{labels, Lang, Msg};
use crate::route::Route;
use crate::ui::components::confirm::Confirm;
use crate::ui::components::history::History;
use crate::ui::components::page_title::use_page_title;
use crate::ui::components::pager::PagedList;
use crate::ui::components::record_list::{ListRow, RecordList};
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::router::{use_router, Link};
use crate::ui::state::{save_error_text, today, use_app, NoticeKind};
use leptos::prelude::*;

#[component]
pub fn PersonView(id: Id) -> impl IntoView {
    let app = use_app();
    let record = Memo::new(move |_| {
        app.register
            .with(|r| r.people.record(id).filter(|r| !r.is_deleted()).cloned())
    });
    use_page_title(move || {
        record
            .with(|r| {
                r.as_ref()
                    .and_then(|r| r.body.as_ref())
                    .map(Person::full_name)
            })
            .unwrap_or_default()
    });

    move || match record.get() {
        Some(record) => view! { <PersonDetails record/> }.into_any(),
        None => view! { <MissingPerson/> }.into_any(),
    }
}

#[component]
fn PersonDetails(record: Record<Person>) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let router = use_router();
    let confirming = RwSignal::new(false);
    let id = record.id;
    let person = record.body.clone().expect("only live records are shown");
    let name = person.full_name();

    let delete = {
        let name = name.clone();
        move |()| match app.apply(|edit| edit.delete_person(id, today()).map_err(Into::into)) {
            Ok(()) => {
                app.notify(
                    NoticeKind::Info,
                    i18n.fill(Msg::DeletedRecord, &[("name", &name)]),
                );
                router.go(Route::People);
            }
            Err(e) => {
                confirming.set(false);
                app.notify(NoticeKind::Error, save_error_text(app.lang(), &e));
            }
        }
    };
    let details = move || details(i18n.lang.get(), &record, &person);
    let confirm_title = {
        let name = name.clone();
        Signal::derive(move || i18n.fill(Msg::ConfirmDeleteTitle, &[("name", &name)]))
    };

    view! {
        <article class="record-view">
            <h1 id="person-name">{name.clone()}</h1>
            <dl class="details">
                {move || details().into_iter().map(|(label, value)| view! {
                    <div class="detail">
                        <dt>{label}</dt>
                        <dd>{value}</dd>
                    </div>
                }).collect_view()}
            </dl>
            <PersonGroups person=id/>
            <PersonAttendance person=id/>
            <PersonSchooling person=id/>
            <PersonFlags person=id/>
            <PersonCases person=id/>
            <History kind=Kind::People id/>
            <Show
                when=move || confirming.get()
                fallback=move || view! {
                    <div class="actions">
                        <Link to=Route::EditPerson(id) class="button primary" id="edit">
                            {tr(Msg::Edit)}
                        </Link>
                        <button type="button" id="delete" class="danger" on:click=move |_| confirming.set(true)>
                            {tr(Msg::Delete)}
                        </button>
                        <Link to=Route::People class="button">{tr(Msg::BackToPeople)}</Link>
                    </div>
                }
            >
                <Confirm
                    title=confirm_title
                    body=Msg::ConfirmDeletePerson
                    yes=Msg::ConfirmDeleteYes
                    on_yes=delete.clone()
                    on_cancel=move |()| confirming.set(false)
                />
            </Show>
        </article>
    }
}

/// The groups a person belongs to and belonged to, newest first.
#[component]
fn PersonGroups(person: Id) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let rows = Memo::new(move |_| {
        let lang = i18n.lang.get();
        app.register.with(|reg| {
            let mut rows: Vec<_> = reg
                .memberships_of_person(person)
                .map(|(mid, m)| {
                    let group = reg.groups.get(m.group);
                    let programme = group
                        .and_then(|g| reg.programmes.get(g.programme))
                        .map(|p| crate::i18n::seed::shown_owned(i18n.lang.get(), &p.name));
                    let mut when = format!("{} {}", i18n.t(Msg::ColJoined), i18n.date(m.joined_on));
                    if let Some(left) = m.left_on {
                        when.push_str(&format!(" · {} {}", i18n.t(Msg::ColLeft), i18n.date(left)));
                        if !m.leave_reason.is_empty() {
                            when.push_str(&format!(
                                " ({})",
                                labels::leave_reason(lang, &m.leave_reason)
                            ));
                        }
                    }
                    let details = [
                        programme.unwrap_or_default(),
                        crate::i18n::seed::shown_owned(i18n.lang.get(), &m.role),
                        when,
                    ]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(" · ");
                    (
                        m.joined_on,
                        mid,
                        m.group,
                        group.map(|g| g.name.clone()).unwrap_or_default(),
                        details,
                        m.is_current(),
                    )
                })
                .collect();
            sort::by_key(&mut rows, |r| Key::newest_first(r.0, r.1));
            rows
        })
    });
    view! {
        <section class="record-section" id="person-groups">
            <h2>{tr(Msg::PersonGroupsTitle)}</h2>
            {move || {
                let rows = rows.get();
                if rows.is_empty() {
                    view! { <p class="muted">{i18n.t(Msg::NoMemberships)}</p> }.into_any()
                } else {
                    let rows = rows
                        .into_iter()
                        .map(|(_, _, group, name, details, current)| ListRow {
                            to: Route::Group(group),
                            name,
                            details,
                            class: if current { "membership-row" } else { "membership-row past" },
                        })
                        .collect::<Vec<_>>();
                    view! { <RecordList rows=Signal::stored(rows)/> }.into_any()
                }
            }}
        </section>
    }
}

/// The record as label and value pairs, leaving out what was not recorded.
fn details(lang: Lang, record: &Record<Person>, p: &Person) -> Vec<(&'static str, String)> {
    let i18n = use_i18n();
    let t = |m| crate::i18n::text(lang, m);
    let mut rows = vec![
        (t(Msg::ColAge), labels::age(lang, p.age_on(today()))),
        (t(Msg::FieldSex), t(labels::sex(p.sex)).to_string()),
    ];
    match p.birth {
        Birth::Known { date } => rows.push((t(Msg::FieldBirthDate), i18n.date(date))),
        Birth::Approximate { years, stated_on } => rows.push((
            t(Msg::FieldApproxYears),
            format!(
                "{years} ({} {})",
                t(Msg::FieldApproxStatedOn).to_lowercase(),
                i18n.date(stated_on)
            ),
        )),
    }
    let mut optional = |label: Msg, value: String| {
        if !value.is_empty() {
            rows.push((t(label), value));
        }
    };
    optional(Msg::FieldGuardianName, p.guardian_name.clone());
    optional(
        Msg::FieldGuardianRelationship,
        p.guardian_relationship
            .map(|r| t(labels::relationship(r)).to_string())
            .unwrap_or_default(),
    );
    optional(Msg::FieldPhone, p.phone.clone());
    optional(Msg::FieldVillage, p.village.clone());
    optional(Msg::FieldCommunity, p.community.clone());
    optional(
        Msg::FieldSchooling,
        labels::schooling(lang, p.schooling.current()),
    );
    optional(Msg::FieldNotes, p.notes.clone());
    let when = |ts: Timestamp| ts.date().map(|d| i18n.date(d)).unwrap_or_default();
    optional(Msg::RegisteredOn, when(record.created));
    optional(Msg::ChangedOn, when(record.updated));
    rows
}

/// The meetings a person was expected at, and how many they attended.
#[component]
fn PersonAttendance(person: Id) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let data = Memo::new(move |_| {
        let lang = i18n.lang.get();
        app.register.with(|reg| {
            let (rows, rate) = crate::domain::rhythm::attendance_of(reg, person);
            let summary = rate.map(|rate| {
                i18n.fill(
                    Msg::AttendanceRate,
                    &[
                        ("present", &rate.present.to_string()),
                        ("expected", &rate.expected.to_string()),
                        ("percent", &rate.percent().to_string()),
                    ],
                )
            });
            let rows: Vec<ListRow> = rows
                .into_iter()
                .map(|(id, m, mark)| {
                    let group = reg.group_name(m.group);
                    ListRow {
                        to: Route::Meeting(id),
                        name: format!("{} · {group}", i18n.date(m.date)),
                        details: labels::mark(lang, mark),
                        class: "attendance-row",
                    }
                })
                .collect();
            (summary, rows)
        })
    });
    view! {
        <section class="record-section" id="person-attendance">
            <h2>{tr(Msg::AttendanceHistory)}</h2>
            <p id="attendance-rate">{move || data.with(|d| d.0.clone()).unwrap_or_else(|| i18n.t(Msg::NoAttendance).to_string())}</p>
            <PagedList rows=Signal::derive(move || data.with(|d| d.1.clone())) id="attendance-list"/>
        </section>
    }
}
