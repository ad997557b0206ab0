//! One group: its details, its members now and before, adding a member and
//! ending a membership.

use super::group_meetings::GroupMeetings;
use crate::domain::group::Group;
use crate::domain::id::Id;
use crate::domain::place;
use crate::domain::sort::{self, Key};
use crate::domain::time::{iso_date, parse_date};
use crate::domain::training::Outcome;
use crate::i18n::{labels, Msg};
use crate::route::Route;
use crate::ui::components::confirm::Confirm;
use crate::ui::components::fields::{Label, SelectField, TextField};
use crate::ui::components::missing::Missing;
use crate::ui::components::page_title::use_page_title;
use crate::ui::components::pager::PagedList;
use crate::ui::components::picker::SearchPicker;
use crate::ui::components::record_list::ListRow;
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::lookup::{people_matching, person_label};
use crate::ui::router::{use_router, Link};
use crate::ui::state::{save_error_text, today, use_app, NoticeKind};
use leptos::prelude::*;

#[component]
pub fn GroupView(id: Id) -> impl IntoView {
    let app = use_app();
    let found = Memo::new(move |_| {
        Some(id).and_then(|id| {
            app.register
                .with(|r| r.groups.get(id).cloned().map(|g| (id, g)))
        })
    });
    use_page_title(move || {
        found
            .with(|f| f.as_ref().map(|(_, g)| g.name.clone()))
            .unwrap_or_default()
    });
    move || {
        match found.get() {
        Some((id, group)) => view! { <GroupDetails id group/> }.into_any(),
        None => {
            view! { <Missing body=Msg::GroupNotFound back=Route::Groups back_label=Msg::BackToGroups/> }
                .into_any()
        }
    }
    }
}

#[component]
fn GroupDetails(id: Id, group: Group) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let router = use_router();
    let confirming = RwSignal::new(false);
    let details = {
        let group = group.clone();
        move || {
            let lang = i18n.lang.get();
            app.register.with(|reg| {
                let t = |m| crate::i18n::text(lang, m);
                let mut rows = vec![
                    (
                        t(Msg::FieldProgramme),
                        reg.programmes
                            .get(group.programme)
                            .map(|p| crate::i18n::seed::shown_owned(lang, &p.name))
                            .unwrap_or_default(),
                    ),
                    (
                        t(Msg::FieldPlace),
                        place::full_name(&reg.places, group.place),
                    ),
                    (t(Msg::FieldFormedOn), i18n.date(group.formed_on)),
                    (
                        t(Msg::FieldStatus),
                        t(labels::status(group.status)).to_string(),
                    ),
                ];
                if let Some(p) = group.mentor.and_then(|m| reg.people.get(m)) {
                    rows.push((t(Msg::FieldMentor), p.full_name()));
                }
                if !group.notes.is_empty() {
                    rows.push((t(Msg::FieldNotes), group.notes.clone()));
                }
                rows
            })
        }
    };
    let name = group.name.clone();
    let delete = move |()| match app.apply(|edit| edit.delete_group(id).map_err(Into::into)) {
        Ok(()) => {
            app.notify(
                NoticeKind::Info,
                i18n.fill(Msg::DeletedRecord, &[("name", &name)]),
            );
            router.go(Route::Groups);
        }
        Err(e) => {
            confirming.set(false);
            app.notify(NoticeKind::Error, save_error_text(app.lang(), &e));
        }
    };
    let title = {
        let name = group.name.clone();
        Signal::derive(move || i18n.fill(Msg::ConfirmDeleteTitle, &[("name", &name)]))
    };

    view! {
        <article class="record-view group-view">
            <h1 id="group-name">{group.name.clone()}</h1>
            <dl class="details">
                {move || details().into_iter().map(|(label, value)| view! {
                    <div class="detail"><dt>{label}</dt><dd>{value}</dd></div>
                }).collect_view()}
            </dl>
            <Members group=id/>
            <AddMember group=id/>
            <GroupMeetings group=id/>
            <crate::ui::components::history::History kind=crate::domain::register::Kind::Groups id/>
            <Show
                when=move || confirming.get()
                fallback=move || view! {
                    <div class="actions">
                        <Link to=Route::EditGroup(id) class="button primary" id="edit">{tr(Msg::Edit)}</Link>
                        <Link to=Route::GroupReport(id, crate::domain::rhythm::Month::of(today())) class="button" id="monthly-report">
                            {tr(Msg::MonthlyReport)}
                        </Link>
                        <button type="button" id="delete" class="danger" on:click=move |_| confirming.set(true)>{tr(Msg::Delete)}</button>
                        <Link to=Route::Groups class="button">{tr(Msg::BackToGroups)}</Link>
                    </div>
                }
            >
                <Confirm title=title body=Msg::ConfirmDeleteGroup yes=Msg::ConfirmDeleteYes
                    on_yes=delete.clone() on_cancel=move |()| confirming.set(false)/>
            </Show>
        </article>
    }
}

/// One membership as a row of the members' lists.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct MemberRow {
    membership: Id,
    person: Id,
    name: String,
    details: String,
    current: bool,
}

/// Current and past members.
#[component]
fn Members(group: Id) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let ending = RwSignal::new(None::<Id>);
    let rows = Memo::new(move |_| {
        let lang = i18n.lang.get();
        let today = today();
        app.register.with(|reg| {
            let flags = crate::domain::rhythm::repeated_absences_in_group(reg, group, today);
            let mut rows: Vec<(String, MemberRow)> = reg
                .memberships_of_group(group)
                .map(|(mid, m)| {
                    let person = reg.people.get(m.person);
                    let name = person
                        .map(|p| p.full_name())
                        .unwrap_or_else(|| i18n.t(Msg::LeftRecordDeleted).to_string());
                    let mut parts = Vec::new();
                    if let Some(p) = person {
                        parts.push(labels::age(lang, p.age_on(today)));
                    }
                    parts.push(crate::i18n::seed::shown_owned(lang, &m.role));
                    parts.push(format!(
                        "{} {}",
                        i18n.t(Msg::ColJoined),
                        i18n.date(m.joined_on)
                    ));
                    let flag = flags
                        .iter()
                        .find(|f| f.person == m.person && m.active_on(today));
                    if let Some(flag) = flag {
                        let count = flag.absences.to_string();
                        parts.push(i18n.fill(Msg::AbsentInARow, &[("count", &count)]));
                    }
                    if let Some(left) = m.left_on {
                        parts.push(format!("{} {}", i18n.t(Msg::ColLeft), i18n.date(left)));
                        if !m.leave_reason.is_empty() {
                            parts.push(labels::leave_reason(lang, &m.leave_reason));
                        }
                        if let Some(o) = m.completed {
                            parts.push(i18n.t(labels::outcome(o)).to_string());
                        }
                    }
                    let current = m.active_on(today) || m.joined_on > today;
                    (
                        crate::domain::text::fold(&name),
                        MemberRow {
                            membership: mid,
                            person: m.person,
                            name,
                            details: parts.join(" · "),
                            current,
                        },
                    )
                })
                .collect();
            sort::by_key(&mut rows, |r| Key::text(r.0.clone(), r.1.membership));
            rows.into_iter().map(|(_, r)| r).collect::<Vec<_>>()
        })
    });
    let max = Memo::new(move |_| {
        app.register.with(|reg| {
            reg.groups
                .get(group)
                .and_then(|g| reg.programmes.get(g.programme))
                .and_then(|p| p.rules.max_members)
        })
    });
    let current =
        move || rows.with(|r| r.iter().filter(|r| r.current).cloned().collect::<Vec<_>>());
    let past = move || {
        rows.with(|r| {
            r.iter()
                .filter(|r| !r.current)
                .map(|r| ListRow {
                    to: Route::Person(r.person),
                    name: r.name.clone(),
                    details: r.details.clone(),
                    class: "member-row past",
                })
                .collect::<Vec<_>>()
        })
    };

    view! {
        <section class="record-section" id="current-members">
            <h2>{move || {
                let count = rows.with(|r| r.iter().filter(|r| r.current).count()).to_string();
                match max.get() {
                    Some(max) => i18n.fill(Msg::CurrentMembersOfMax, &[("count", &count), ("max", &max.to_string())]),
                    None => i18n.fill(Msg::CurrentMembers, &[("count", &count)]),
                }
            }}</h2>
            <ul class="record-list">
                <For each=current key=|r| r.clone() children=move |row: MemberRow| {
                    let end_name = row.name.clone();
                    view! {
                    <li class="record-row member-row" data-membership=row.membership.to_string()>

                        <Link to=Route::Person(row.person)>
                            <span class="record-name">{row.name.clone()}</span>
                            <span class="record-details">{row.details.clone()}</span>
                        </Link>
                        <Show
                            when=move || ending.get() == Some(row.membership)
                            fallback=move || view! {
                                <button type="button" class="end-membership" on:click=move |_| ending.set(Some(row.membership))>
                                    {tr(Msg::EndMembership)}
                                </button>
                            }
                        >
                            <EndMembership group membership=row.membership name=end_name.clone() on_done=move |()| ending.set(None)/>
                        </Show>
                    </li>
                    }
                }/>
            </ul>
            <Show when=move || rows.with(|r| r.iter().all(|r| !r.current))>
                <p class="muted">{tr(Msg::NoMembers)}</p>
            </Show>
        </section>
        <section class="record-section" id="past-members">
            <h2>{tr(Msg::PastMembers)}</h2>
            <PagedList rows=Signal::derive(past) id="past-members-list"/>
        </section>
    }
}

/// The form that ends one membership: the day they left and why.
#[component]
fn EndMembership(
    group: Id,
    membership: Id,
    name: String,
    #[prop(into)] on_done: Callback<()>,
) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let left_on = RwSignal::new(iso_date(today()));
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    // A training batch asks whether the course was completed, and with what outcome.
    let training = app
        .register
        .with_untracked(|r| r.groups.get(group).is_some_and(|g| g.course.is_some()));
    let outcome = RwSignal::new(None::<Outcome>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(day) = parse_date(&left_on.get_untracked()) else {
            return error.set(Some(i18n.t(Msg::ErrNotADate).into()));
        };
        let why = crate::domain::text::clean_line(&reason.get_untracked());
        let completed = outcome.get_untracked();
        match app.apply(|edit| {
            match completed {
                Some(o) => edit.complete_course(membership, day, o, today()),
                None => edit.leave(membership, day, &why, today()),
            }
            .map_err(Into::into)
        }) {
            Ok(()) => {
                let group_name = crate::ui::lookup::group_name(app, group);
                app.notify(
                    NoticeKind::Info,
                    i18n.fill(
                        Msg::MembershipEnded,
                        &[("name", &name), ("group", &group_name)],
                    ),
                );
                on_done.run(());
            }
            Err(e) => error.set(Some(save_error_text(app.lang(), &e))),
        }
    };
    view! {
        <form class="end-membership-form" on:submit=submit novalidate>
            <TextField id="left_on" label=Msg::FieldLeftOn kind="date" value=left_on on_input=move |v| left_on.set(v)
                error=error max=Signal::stored(iso_date(today()))/>
            <TextField id="leave_reason" label=Msg::FieldLeaveReason value=reason on_input=move |v| reason.set(v)
                error=Signal::derive(|| None::<String>) optional=true/>
            {training.then(|| view! {
                <SelectField id="completed_outcome" label=Msg::CompletedCourse
                    choices=Outcome::ALL.iter().map(|&o| (o, labels::outcome(o).into())).collect()
                    value=outcome on_change=move |o| outcome.set(o) optional=true/>
            })}
            <div class="actions">
                <button type="submit" class="danger" id="confirm-end">{tr(Msg::EndMembershipButton)}</button>
                <button type="button" on:click=move |_| on_done.run(())>{tr(Msg::Cancel)}</button>
            </div>
        </form>
    }
}

/// Adding a person to the group; the programme's rules are checked and any
/// refusal is explained.
#[component]
fn AddMember(group: Id) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let person = RwSignal::new(None::<Id>);
    let joined_on = RwSignal::new(iso_date(today()));
    let refusal = RwSignal::new(None::<String>);
    let roles = Memo::new(move |_| {
        app.register.with(|reg| {
            reg.groups
                .get(group)
                .and_then(|g| reg.programmes.get(g.programme))
                .map(|p| p.rules.roles.clone())
                .unwrap_or_default()
        })
    });
    let role = RwSignal::new(None::<usize>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(who) = person.get_untracked() else {
            return refusal.set(Some(i18n.t(Msg::RefUnknownPerson).into()));
        };
        let Some(day) = parse_date(&joined_on.get_untracked()) else {
            return refusal.set(Some(i18n.t(Msg::ErrNotADate).into()));
        };
        let role_name = roles
            .with_untracked(|r| r.get(role.get_untracked().unwrap_or(0)).cloned())
            .unwrap_or_default();
        match app.apply(|edit| {
            edit.join(who, group, &role_name, day, today())
                .map_err(Into::into)
        }) {
            Ok(_) => {
                let name = app
                    .register
                    .with_untracked(|r| r.people.get(who).map(|p| p.full_name()))
                    .unwrap_or_default();
                let group_name = crate::ui::lookup::group_name(app, group);
                app.notify(
                    NoticeKind::Info,
                    i18n.fill(Msg::MemberAdded, &[("name", &name), ("group", &group_name)]),
                );
                refusal.set(None);
                person.set(None);
            }
            Err(e) => refusal.set(Some(save_error_text(app.lang(), &e))),
        }
    };
    view! {
        <section class="record-section form-section" id="add-member">
            <h2>{tr(Msg::AddMember)}</h2>
            <form on:submit=submit novalidate id="add-member-form">
                <SearchPicker id="member_person" label=Msg::FieldPerson value=person on_change=move |p| { refusal.set(None); person.set(p) }
                    search=move |text: String| people_matching(app, i18n.lang.get_untracked(), &text)
                    describe=move |id| person_label(app, i18n.lang.get_untracked(), id)
                    error=Signal::derive(|| None::<String>)/>
                {move || view! {
                    <SelectField id="member_role" label=Msg::FieldRole
                        choices=roles.get().into_iter().enumerate().map(|(i, r)| (i, Label::Owned(crate::i18n::seed::shown_owned(i18n.lang.get(), &r)))).collect()
                        value=Signal::derive(move || Some(role.get().unwrap_or(0))) on_change=move |r| role.set(r)/>
                }}
                <TextField id="joined_on" label=Msg::FieldJoinedOn kind="date" value=joined_on on_input=move |v| joined_on.set(v)
                    error=Signal::derive(|| None::<String>) max=Signal::stored(iso_date(today()))/>
                {move || refusal.get().map(|text| view! { <p class="form-error" role="alert" id="join-error">{text}</p> })}
                <div class="actions">
                    <button type="submit" class="primary" id="join">{tr(Msg::JoinButton)}</button>
                </div>
            </form>
        </section>
    }
}
