//! The programme's figures under a filter: totals, the roll-up by place and
//! the charts. Shown on the dashboard and printed in the programme summary;
//! counts only, never a child's name.

use crate::domain::id::Id;
use crate::domain::stats::{self, Filter, RollupRow, AGE_BANDS};
use crate::i18n::{labels, Msg};
use crate::ui::components::chart::{BarChart, ChartRow, Unit};
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::state::{today, use_app};
use leptos::prelude::*;

/// Totals, roll-up and charts for `filter`. With `drill`, a place's name in
/// the roll-up is a button that narrows the filter to it.
#[component]
pub fn ProgrammeFigures(
    #[prop(into)] filter: Signal<Filter>,
    /// Called with a place of the roll-up to look inside it.
    #[prop(optional)]
    drill: Option<Callback<Id>>,
) -> impl IntoView {
    view! {
        <Totals filter/>
        <Rollup filter drill/>
        <Charts filter/>
    }
}

#[component]
fn Totals(filter: Signal<Filter>) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let totals = Memo::new(move |_| {
        let f = filter.get();
        app.register.with(|reg| stats::totals(reg, &f, today()))
    });
    let figure =
        move |id: &'static str, label: Msg, value: Box<dyn Fn() -> String + Send + Sync>| {
            view! {
                <div class="figure" id=id>
                    <dt>{tr(label)}</dt>
                    <dd>{value}</dd>
                </div>
            }
        };
    let n = move |pick: fn(&stats::Totals) -> usize| -> Box<dyn Fn() -> String + Send + Sync> {
        Box::new(move || i18n.number(totals.with(pick)))
    };
    view! {
        <dl class="figures" id="totals">
            {figure("fig-children", Msg::FigChildren, n(|t| t.children))}
            {figure("fig-women", Msg::FigWomenMembers, n(|t| t.women_members))}
            {figure("fig-groups", Msg::FigGroups, n(|t| t.groups))}
            {figure("fig-programmes", Msg::FigActiveProgrammes, n(|t| t.active_programmes))}
            {figure("fig-meetings", Msg::FigMeetingsThisMonth, Box::new(move || {
                let t = totals.get();
                i18n.fill(Msg::OfTarget, &[("held", &i18n.number(t.meetings_this_month)), ("target", &i18n.number(t.meetings_target))])
            }))}
            {figure("fig-flags", Msg::FigOpenFlags, n(|t| t.children_with_open_flags))}
            {figure("fig-overdue", Msg::FigOverdue, n(|t| t.overdue_follow_ups))}
            {figure("fig-re-enrolled", Msg::FigReEnrolled, n(|t| t.re_enrolled_this_year))}
        </dl>
    }
}

#[component]
fn Rollup(filter: Signal<Filter>, drill: Option<Callback<Id>>) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let rows = Memo::new(move |_| {
        let f = filter.get();
        app.register.with(|reg| stats::rollup(reg, &f, today()))
    });
    let total = Memo::new(move |_| {
        rows.with(|rows| RollupRow {
            place: Id::built_in(0),
            name: String::new(),
            wards: rows.iter().map(|r| r.wards).sum(),
            groups: rows.iter().map(|r| r.groups).sum(),
            members: rows.iter().map(|r| r.members).sum(),
        })
    });
    let cells = move |r: &RollupRow| {
        let per_group = i18n.formats.get().tenths(r.members_per_group_tenths());
        view! {
            <td>{i18n.number(r.wards)}</td>
            <td>{i18n.number(r.groups)}</td>
            <td>{i18n.number(r.members)}</td>
            <td>{per_group}</td>
        }
    };
    let name = move |r: &RollupRow| match drill {
        Some(drill) => {
            let place = r.place;
            view! { <button type="button" class="link" on:click=move |_| drill.run(place)>{r.name.clone()}</button> }
                .into_any()
        }
        None => r.name.clone().into_any(),
    };
    view! {
        <section class="record-section rollup">
            <h2 id="rollup-title">{tr(Msg::RollupTitle)}</h2>
            <div class="table-scroll">
                <table id="rollup" aria-labelledby="rollup-title">
                    <thead>
                        <tr>
                            <th scope="col">{tr(Msg::FieldPlace)}</th>
                            <th scope="col" class="number">{tr(Msg::ColWards)}</th>
                            <th scope="col" class="number">{tr(Msg::ColGroups)}</th>
                            <th scope="col" class="number">{tr(Msg::ColMembers)}</th>
                            <th scope="col" class="number">{tr(Msg::ColPerGroup)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || rows.get().iter().map(|r| view! {
                            <tr><th scope="row">{name(r)}</th>{cells(r)}</tr>
                        }).collect_view()}
                    </tbody>
                    <tfoot>
                        <tr><th scope="row">{tr(Msg::Total)}</th>{move || cells(&total.get())}</tr>
                    </tfoot>
                </table>
            </div>
            <Show when=move || rows.with(Vec::is_empty)>
                <p class="muted">{tr(Msg::NoFigures)}</p>
            </Show>
        </section>
    }
}

#[component]
fn Charts(filter: Signal<Filter>) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let ages = move || {
        let f = filter.get();
        let counts = app
            .register
            .with(|reg| stats::members_by_age_and_sex(reg, &f, today()));
        AGE_BANDS
            .iter()
            .zip(counts)
            .map(|((lo, hi), by_sex)| ChartRow {
                label: if *hi >= 120 {
                    format!("{lo}+")
                } else {
                    format!("{lo}–{hi}")
                },
                values: by_sex.to_vec(),
            })
            .collect::<Vec<_>>()
    };
    let months = Memo::new(move |_| {
        let f = filter.get();
        app.register.with(|reg| stats::by_month(reg, &f))
    });
    let meetings = move || {
        months.with(|ms| {
            ms.iter()
                .map(|m| ChartRow {
                    label: i18n.month(m.month),
                    values: vec![m.held, m.target],
                })
                .collect::<Vec<_>>()
        })
    };
    let attendance = move || {
        months.with(|ms| {
            ms.iter()
                .map(|m| ChartRow {
                    label: i18n.month(m.month),
                    values: vec![(m.present * 100).checked_div(m.expected).unwrap_or(0)],
                })
                .collect::<Vec<_>>()
        })
    };
    let flags = move || {
        let f = filter.get();
        app.register.with(|reg| {
            stats::open_flags_by_concern(reg, &f, today())
                .into_iter()
                .map(|(c, n)| ChartRow {
                    label: i18n.t(labels::concern(c)).to_string(),
                    values: vec![n],
                })
                .collect::<Vec<_>>()
        })
    };
    let schooling = move || {
        let f = filter.get();
        let counts = app.register.with(|reg| stats::schooling(reg, &f, today()));
        [
            Msg::SchoolEnrolled,
            Msg::SchoolDroppedOut,
            Msg::SchoolNeverEnrolled,
            Msg::SchoolCompleted,
            Msg::SchoolUnknown,
        ]
        .into_iter()
        .zip(counts)
        .map(|(m, n)| ChartRow {
            label: i18n.t(m).to_string(),
            values: vec![n],
        })
        .collect::<Vec<_>>()
    };
    view! {
        <div class="charts">
            <BarChart id="chart-age-sex" title=Msg::ChartAgeSex
                series=vec![Msg::SexFemale, Msg::SexMale, Msg::SexOther] rows=Signal::derive(ages)/>
            <BarChart id="chart-meetings" title=Msg::ChartMeetings
                series=vec![Msg::SeriesHeld, Msg::SeriesTarget] rows=Signal::derive(meetings)/>
            <BarChart id="chart-attendance" title=Msg::ChartAttendance
                series=vec![Msg::SeriesAttendance] rows=Signal::derive(attendance) unit=Unit::Percent/>
            <BarChart id="chart-flags" title=Msg::ChartFlags
                series=vec![Msg::SeriesOpenFlags] rows=Signal::derive(flags)/>
            <BarChart id="chart-schooling" title=Msg::ChartSchooling
                series=vec![Msg::FigChildren] rows=Signal::derive(schooling)/>
        </div>
    }
}
