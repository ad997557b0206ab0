//! Printable reports for a coordinator or a funder: the programme summary
//! (figures only, no child's name) and a group's monthly report (a
//! per-group register, so with its members' names). Both print on A4
//! through the print stylesheet.

use super::figures::ProgrammeFigures;
use crate::domain::id::Id;
use crate::domain::meeting::Mark;
use crate::domain::place;
use crate::domain::rhythm::Month;
use crate::domain::stats::{self, Filter};
use crate::i18n::{labels, Msg};
use crate::route::Route;
use crate::ui::components::missing::Missing;
use crate::ui::components::page_title::use_page_title;
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::router::Link;
use crate::ui::state::{today, use_app};
use leptos::prelude::*;

/// Who the report is from and when it was made: the organisation's name,
/// the title, and "prepared on … by …".
#[component]
fn ReportHead(title: Msg, children: Children) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let organisation = move || app.settings.with(|s| s.organisation.clone());
    let prepared = move || {
        let date = i18n.date(today());
        let volunteer = app.settings.with(|s| s.volunteer.clone());
        if volunteer.is_empty() {
            i18n.fill(Msg::PreparedOn, &[("date", &date)])
        } else {
            i18n.fill(
                Msg::PreparedBy,
                &[("date", &date), ("volunteer", &volunteer)],
            )
        }
    };
    view! {
        <header class="report-head">
            <p class="report-org" id="report-org">{organisation}</p>
            <h1>{tr(title)}</h1>
            <dl class="report-facts">{children()}</dl>
            <p class="muted" id="report-prepared">{prepared}</p>
        </header>
        <div class="actions no-print">
            <button type="button" class="primary" id="print" on:click=|_| { let _ = window().print(); }>
                {tr(Msg::Print)}
            </button>
        </div>
    }
}

/// One fact of a report's head: "Period: 12/2025 to 11/2026".
#[component]
fn Fact(label: Msg, #[prop(into)] value: Signal<String>, id: &'static str) -> impl IntoView {
    view! { <div class="detail"><dt>{tr(label)}</dt><dd id=id>{value}</dd></div> }
}

#[component]
pub fn SummaryReport(filter: Filter) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    use_page_title(move || i18n.t(Msg::SummaryTitle).to_string());
    let period = move || {
        i18n.fill(
            Msg::PeriodText,
            &[
                ("from", &i18n.month(filter.from)),
                ("to", &i18n.month(filter.to)),
            ],
        )
    };
    let programme = move || match filter.programme {
        None => i18n.t(Msg::AllProgrammes).to_string(),
        Some(p) => app.register.with(|r| {
            r.programmes
                .get(p)
                .map(|p| crate::i18n::seed::shown_owned(i18n.lang.get(), &p.name))
                .unwrap_or_default()
        }),
    };
    let place = move || match filter.place {
        None => i18n.t(Msg::AllPlaces).to_string(),
        Some(p) => app.register.with(|r| place::full_name(&r.places, p)),
    };
    view! {
        <article class="report summary-report">
            <Link to=Route::Home class="no-print">{tr(Msg::BackToDashboard)}</Link>
            <ReportHead title=Msg::SummaryTitle>
                <Fact label=Msg::FieldPeriod value=Signal::derive(period) id="report-period"/>
                <Fact label=Msg::FieldProgramme value=Signal::derive(programme) id="report-programme"/>
                <Fact label=Msg::FieldPlace value=Signal::derive(place) id="report-place"/>
            </ReportHead>
            <ProgrammeFigures filter=Signal::derive(move || filter)/>
        </article>
    }
}

#[component]
pub fn GroupReport(group: Id, month: Month) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let found = Memo::new(move |_| app.register.with(|r| r.groups.get(group).cloned()));
    use_page_title(move || {
        let name = found
            .with(|g| g.as_ref().map(|g| g.name.clone()))
            .unwrap_or_default();
        format!("{} · {name}", i18n.t(Msg::GroupReportTitle))
    });
    move || {
        match found.get() {
        None => view! { <Missing body=Msg::GroupNotFound back=Route::Groups back_label=Msg::BackToGroups/> }
            .into_any(),
        Some(g) => {
            let facts = app.register.with(|reg| {
                let programme = reg.programmes.get(g.programme).map(|p| crate::i18n::seed::shown_owned(i18n.lang.get(), &p.name)).unwrap_or_default();
                let mentor = g.mentor.and_then(|m| reg.people.get(m)).map(|p| p.full_name()).unwrap_or_default();
                (programme, place::full_name(&reg.places, g.place), mentor)
            });
            let (programme, place, mentor) = facts;
            view! {
                <article class="report group-report">
                    <nav class="no-print report-nav" aria-label=tr(Msg::FieldMonth)>
                        <Link to=Route::Group(group)>{tr(Msg::BackToGroup)}</Link>
                        <Link to=Route::GroupReport(group, month.previous()) id="previous-month">{tr(Msg::PreviousMonth)}</Link>
                        <Link to=Route::GroupReport(group, month.next()) id="next-month">{tr(Msg::NextMonth)}</Link>
                    </nav>
                    <ReportHead title=Msg::GroupReportTitle>
                        <Fact label=Msg::FieldGroupName value=g.name.clone() id="report-group"/>
                        <Fact label=Msg::FieldMonth value=Signal::derive(move || i18n.month(month)) id="report-month"/>
                        <Fact label=Msg::FieldProgramme value=programme id="report-programme"/>
                        <Fact label=Msg::FieldPlace value=place id="report-place"/>
                        {(!mentor.is_empty()).then(|| view! { <Fact label=Msg::FieldMentor value=mentor.clone() id="report-mentor"/> })}
                    </ReportHead>
                    <GroupMonthBody group month/>
                    <div class="signatures">
                        <p>{tr(Msg::SignatureMentor)}</p>
                        <p>{tr(Msg::SignatureCoordinator)}</p>
                    </div>
                </article>
            }
            .into_any()
        }
    }
    }
}

/// The month's meetings and the register of members with their marks.
#[component]
fn GroupMonthBody(group: Id, month: Month) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let data = Memo::new(move |_| {
        app.register
            .with(|reg| stats::group_month(reg, group, month))
    });
    let summary = move || {
        data.with(|d| {
            let held = i18n.number(d.meetings.len());
            let text = match d.target {
                Some(t) => i18n.fill(
                    Msg::OfTarget,
                    &[("held", &held), ("target", &i18n.number(usize::from(t)))],
                ),
                None => held,
            };
            let rate = (d.present * 100)
                .checked_div(d.expected)
                .map(|p| format!("{p}%"))
                .unwrap_or_else(|| "—".into());
            (text, i18n.number(d.members.len()), rate)
        })
    };
    let meetings = move || {
        app.register.with(|reg| {
            data.with(|d| {
                d.meetings
                    .iter()
                    .filter_map(|id| reg.meetings.get(*id))
                    .map(|m| {
                        let topics = if m.themes.is_empty() {
                            m.topics.clone()
                        } else if m.topics.is_empty() {
                            m.themes.iter().map(|t| crate::i18n::seed::shown(i18n.lang.get(), t)).collect::<Vec<_>>().join(", ")
                        } else {
                            format!("{} ({})", m.topics, m.themes.iter().map(|t| crate::i18n::seed::shown(i18n.lang.get(), t)).collect::<Vec<_>>().join(", "))
                        };
                        view! {
                            <tr>
                                <td>{i18n.date(m.date)}</td>
                                <td>{topics}</td>
                                <td class="number">{format!("{} / {}", m.attendance.present(), m.attendance.expected())}</td>
                                <td>{m.decisions.clone()}</td>
                            </tr>
                        }
                    })
                    .collect_view()
            })
        })
    };
    let dates = move || {
        app.register.with(|reg| {
            data.with(|d| {
                d.meetings
                    .iter()
                    .filter_map(|id| reg.meetings.get(*id))
                    .map(|m| view! { <th scope="col" class="mark-cell">{i18n.date(m.date)}</th> })
                    .collect_view()
            })
        })
    };
    let mark = move |m: Option<Mark>| match m {
        Some(Mark::Present) => i18n.t(Msg::PresentShort),
        Some(Mark::Absent(_)) => i18n.t(Msg::AbsentShort),
        None => "",
    };
    let register = move || {
        let lang = i18n.lang.get();
        let end = month.last_day().min(today());
        app.register.with(|reg| {
            data.with(|d| {
                d.members
                    .iter()
                    .map(|m| {
                        let person = reg.people.get(m.person);
                        let name = person.map(|p| p.full_name()).unwrap_or_else(|| i18n.t(Msg::LeftRecordDeleted).into());
                        let age = labels::age(lang, person.and_then(|p| p.age_on(end)));
                        let role = reg.memberships.get(m.membership).map(|ms| crate::i18n::seed::shown_owned(i18n.lang.get(), &ms.role)).unwrap_or_default();
                        view! {
                            <tr>
                                <th scope="row">{name}</th>
                                <td>{age}</td>
                                <td>{role}</td>
                                {m.marks.iter().map(|&x| view! { <td class="mark-cell">{mark(x)}</td> }).collect_view()}
                            </tr>
                        }
                    })
                    .collect_view()
            })
        })
    };
    view! {
        <dl class="figures" id="group-month-figures">
            <div class="figure" id="fig-month-meetings"><dt>{tr(Msg::FigMeetingsHeld)}</dt><dd>{move || summary().0}</dd></div>
            <div class="figure" id="fig-month-members"><dt>{tr(Msg::ColMembers)}</dt><dd>{move || summary().1}</dd></div>
            <div class="figure" id="fig-month-attendance"><dt>{tr(Msg::SeriesAttendance)}</dt><dd>{move || summary().2}</dd></div>
        </dl>
        <section class="record-section">
            <h2 id="month-meetings-title">{tr(Msg::MeetingsTitle)}</h2>
            <Show when=move || data.with(|d| !d.meetings.is_empty())
                fallback=|| view! { <p class="muted" id="no-meetings-in-month">{tr(Msg::NoMeetingsInMonth)}</p> }>
                <div class="table-scroll">
                    <table id="month-meetings" aria-labelledby="month-meetings-title">
                        <thead>
                            <tr>
                                <th scope="col">{tr(Msg::FieldDate)}</th>
                                <th scope="col">{tr(Msg::FieldTopics)}</th>
                                <th scope="col" class="number">{tr(Msg::PresentOfExpected)}</th>
                                <th scope="col">{tr(Msg::FieldDecisions)}</th>
                            </tr>
                        </thead>
                        <tbody>{meetings}</tbody>
                    </table>
                </div>
            </Show>
        </section>
        <section class="record-section">
            <h2 id="month-register-title">{tr(Msg::RegisterTitle)}</h2>
            <p class="muted">{tr(Msg::MarksKey)}</p>
            <div class="table-scroll">
                <table id="month-register" aria-labelledby="month-register-title">
                    <thead>
                        <tr>
                            <th scope="col">{tr(Msg::ColName)}</th>
                            <th scope="col">{tr(Msg::ColAge)}</th>
                            <th scope="col">{tr(Msg::ColRole)}</th>
                            {dates}
                        </tr>
                    </thead>
                    <tbody>{register}</tbody>
                </table>
            </div>
        </section>
    }
}
