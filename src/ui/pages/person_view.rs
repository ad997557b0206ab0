//! One person's record: details, their groups past and present, edit and delete.

use super::person_form::MissingPerson;
use crate::domain::id::Id;
use crate::domain::person::{Birth, Person};
use crate::domain::record::Record;
use crate::domain::time::Timestamp;
use crate::i18n::{labels, Lang, Msg};
use crate::ui::components::confirm::Confirm;
use crate::ui::components::page_title::use_page_title;
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::state::{save_error_text, today, use_app, NoticeKind};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};
use leptos_router::NavigateOptions;

/// The `:id` of the current address, if it is an id.
pub fn use_id_param() -> Memo<Option<Id>> {
    let params = use_params_map();
    Memo::new(move |_| params.with(|p| p.get("id").and_then(|s| s.parse::<Id>().ok())))
}

#[component]
pub fn PersonView() -> impl IntoView {
    let app = use_app();
    let id = use_id_param();
    let record = Memo::new(move |_| {
        let id = id.get()?;
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
    let navigate = use_navigate();
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
                navigate("/people", NavigateOptions::default());
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
            <Show
                when=move || confirming.get()
                fallback=move || view! {
                    <div class="actions">
                        <A href=format!("/people/{id}/edit") attr:class="button primary" attr:id="edit">
                            {tr(Msg::Edit)}
                        </A>
                        <button type="button" id="delete" class="danger" on:click=move |_| confirming.set(true)>
                            {tr(Msg::Delete)}
                        </button>
                        <A href="/people" attr:class="button">{tr(Msg::BackToPeople)}</A>
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
                        .map(|p| p.name.clone());
                    let mut when = format!(
                        "{} {}",
                        i18n.t(Msg::ColJoined),
                        labels::date(lang, m.joined_on)
                    );
                    if let Some(left) = m.left_on {
                        when.push_str(&format!(
                            " · {} {}",
                            i18n.t(Msg::ColLeft),
                            labels::date(lang, left)
                        ));
                        if !m.leave_reason.is_empty() {
                            when.push_str(&format!(
                                " ({})",
                                labels::leave_reason(lang, &m.leave_reason)
                            ));
                        }
                    }
                    let details = [programme.unwrap_or_default(), m.role.clone(), when]
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
            rows.sort_by(|a, b| b.0.cmp(&a.0));
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
                    view! {
                        <ul class="record-list">
                            {rows.into_iter().map(|(_, mid, group, name, details, current)| view! {
                                <li class="record-row membership-row" class:past=!current data-membership=mid.to_string()>
                                    <A href=format!("/groups/{group}")>
                                        <span class="record-name">{name}</span>
                                        <span class="record-details">{details}</span>
                                    </A>
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
        </section>
    }
}

/// The record as label and value pairs, leaving out what was not recorded.
fn details(lang: Lang, record: &Record<Person>, p: &Person) -> Vec<(&'static str, String)> {
    let t = |m| crate::i18n::text(lang, m);
    let mut rows = vec![
        (t(Msg::ColAge), labels::age(lang, p.age_on(today()))),
        (t(Msg::FieldSex), t(labels::sex(p.sex)).to_string()),
    ];
    match p.birth {
        Birth::Known { date } => rows.push((t(Msg::FieldBirthDate), labels::date(lang, date))),
        Birth::Approximate { years, stated_on } => rows.push((
            t(Msg::FieldApproxYears),
            format!(
                "{years} ({} {})",
                t(Msg::FieldApproxStatedOn).to_lowercase(),
                labels::date(lang, stated_on)
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
    optional(Msg::FieldSchooling, labels::schooling(lang, p.schooling));
    optional(Msg::FieldNotes, p.notes.clone());
    let when = |ts: Timestamp| ts.date().map(|d| labels::date(lang, d)).unwrap_or_default();
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
                let present = rows
                    .iter()
                    .filter(|(_, _, m)| *m == crate::domain::meeting::Mark::Present)
                    .count();
                i18n.fill(
                    Msg::AttendanceRate,
                    &[
                        ("present", &present.to_string()),
                        ("expected", &rows.len().to_string()),
                        ("percent", &format!("{:.0}", rate * 100.0)),
                    ],
                )
            });
            let rows: Vec<(Id, String, String)> = rows
                .into_iter()
                .map(|(id, m, mark)| {
                    let group = reg
                        .groups
                        .get(m.group)
                        .map(|g| g.name.clone())
                        .unwrap_or_default();
                    (
                        id,
                        format!("{} · {group}", labels::date(lang, m.date)),
                        labels::mark(lang, mark),
                    )
                })
                .collect();
            (summary, rows)
        })
    });
    view! {
        <section class="record-section" id="person-attendance">
            <h2>{tr(Msg::AttendanceHistory)}</h2>
            <p id="attendance-rate">{move || data.with(|d| d.0.clone()).unwrap_or_else(|| i18n.t(Msg::NoAttendance).to_string())}</p>
            <ul class="record-list">
                <For each=move || data.with(|d| d.1.clone()) key=|row| row.clone() let:row>
                    <li class="record-row attendance-row">
                        <A href=format!("/meetings/{}", row.0)>
                            <span class="record-name">{row.1}</span>
                            <span class="record-details">{row.2}</span>
                        </A>
                    </li>
                </For>
            </ul>
        </section>
    }
}
