//! Bar charts drawn as SVG by the app itself, each with its numbers in a
//! table beside it: the table is the chart's text alternative, read by
//! screen readers and printed with the report.

use crate::i18n::Msg;
use crate::ui::i18n::{tr, use_i18n};
use leptos::prelude::*;

/// One group of bars: a label and one value per series.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChartRow {
    pub label: String,
    pub values: Vec<usize>,
}

/// How a chart's values read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Unit {
    #[default]
    Count,
    Percent,
}

// The drawing's own units; the SVG scales to the width of its box.
const WIDTH: usize = 400;
const LABEL_WIDTH: usize = 120;
const VALUE_WIDTH: usize = 56;
const BAR: usize = 12;
const GAP: usize = 8;

/// A horizontal bar chart: one row per label, one bar per series in it.
#[component]
pub fn BarChart(
    /// The figure's id, for links and tests; the table is `{id}-numbers`.
    id: &'static str,
    /// The chart's title, shown as its caption.
    title: Msg,
    /// The series, one colour each, named in the legend and the table's
    /// header.
    series: Vec<Msg>,
    /// The rows, recomputed when the figures change.
    #[prop(into)]
    rows: Signal<Vec<ChartRow>>,
    /// Counts, or percentages (0–100).
    #[prop(optional)]
    unit: Unit,
) -> impl IntoView {
    let i18n = use_i18n();
    let series = StoredValue::new(series);
    let show = move |v: usize| match unit {
        Unit::Count => i18n.number(v),
        Unit::Percent => format!("{v}%"),
    };
    let drawing = move || {
        let rows = rows.get();
        let per_row = series.with_value(Vec::len) * BAR + GAP;
        let height = (rows.len() * per_row).max(per_row);
        let max = match unit {
            Unit::Percent => 100,
            Unit::Count => rows
                .iter()
                .flat_map(|r| r.values.iter().copied())
                .max()
                .unwrap_or(0)
                .max(1),
        };
        let span = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
        let bars = rows
            .iter()
            .enumerate()
            .flat_map(|(r, row)| {
                let top = r * per_row;
                let label = view! {
                    <text x=LABEL_WIDTH - 6 y=top + per_row / 2 class="chart-label" text-anchor="end"
                        dominant-baseline="middle">{row.label.clone()}</text>
                }
                .into_any();
                let values = row.values.iter().enumerate().map(move |(s, &v)| {
                    let y = top + s * BAR + 1;
                    let w = (v.min(max) * span).div_ceil(max);
                    view! {
                        <rect x=LABEL_WIDTH y=y width=w height=BAR - 2 class=format!("series-{s}")/>
                        <text x=LABEL_WIDTH + w + 4 y=y + BAR / 2 class="chart-value"
                            dominant-baseline="middle">{show(v)}</text>
                    }
                    .into_any()
                });
                std::iter::once(label).chain(values).collect::<Vec<_>>()
            })
            .collect_view();
        view! {
            <svg viewBox=format!("0 0 {WIDTH} {height}") role="img" aria-labelledby=format!("{id}-title")
                aria-describedby=format!("{id}-numbers") class="chart-svg">
                {bars}
            </svg>
        }
    };
    view! {
        <figure class="chart" id=id>
            <figcaption id=format!("{id}-title")>{tr(title)}</figcaption>
            {move || (series.with_value(Vec::len) > 1).then(|| view! {
                <ul class="chart-legend" aria-hidden="true">
                    {series.with_value(|s| s.iter().enumerate().map(|(i, &m)| view! {
                        <li><span class=format!("swatch series-{i}")></span>{tr(m)}</li>
                    }).collect_view())}
                </ul>
            })}
            {drawing}
            <table class="chart-numbers" id=format!("{id}-numbers")>
                <thead>
                    <tr>
                        <th scope="col"><span class="visually-hidden">{tr(title)}</span></th>
                        {series.with_value(|s| s.iter().map(|&m| view! { <th scope="col">{tr(m)}</th> }).collect_view())}
                    </tr>
                </thead>
                <tbody>
                    {move || rows.get().into_iter().map(|row| view! {
                        <tr>
                            <th scope="row">{row.label}</th>
                            {row.values.into_iter().map(|v| view! { <td>{show(v)}</td> }).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </figure>
    }
}
