//! The home dashboard: the programme's figures at a glance, under filters by
//! period, programme and place that apply to all of it.

use super::figures::ProgrammeFigures;
use crate::domain::id::Id;
use crate::domain::stats::{Filter, Period};
use crate::i18n::Msg;
use crate::route::Route;
use crate::ui::components::fields::{Label, SelectField};
use crate::ui::components::picker::SearchPicker;
use crate::ui::i18n::tr;
use crate::ui::lookup::{place_label, places_matching};
use crate::ui::router::Link;
use crate::ui::state::{today, use_app};
use chrono::NaiveDate;
use leptos::prelude::*;

/// The name of a period in the period filter.
fn period_label(p: Period) -> Msg {
    match p {
        Period::ThisMonth => Msg::PeriodThisMonth,
        Period::LastThreeMonths => Msg::PeriodThreeMonths,
        Period::LastTwelveMonths => Msg::PeriodTwelveMonths,
        Period::ThisYear => Msg::PeriodThisYear,
        Period::LastYear => Msg::PeriodLastYear,
    }
}

/// What the volunteer chose on the dashboard; kept while the app is open so
/// that coming back to the dashboard finds it as it was left.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DashboardChoice {
    pub period: Period,
    pub programme: Option<Id>,
    pub place: Option<Id>,
}

impl DashboardChoice {
    pub fn filter(self, today: NaiveDate) -> Filter {
        let (from, to) = self.period.months(today);
        Filter {
            programme: self.programme,
            place: self.place,
            from,
            to,
        }
    }
}

/// Provides the dashboard's choice to the whole app (see [`DashboardChoice`]).
pub fn provide_dashboard_choice() {
    provide_context(RwSignal::new(DashboardChoice::default()));
}

#[component]
pub fn Dashboard() -> impl IntoView {
    let app = use_app();
    let choice = expect_context::<RwSignal<DashboardChoice>>();
    let filter = Memo::new(move |_| choice.get().filter(today()));
    let programmes = move || {
        app.register.with(|reg| {
            let mut list: Vec<(Id, Label)> = reg
                .programmes
                .live()
                .map(|(id, p)| {
                    (
                        id,
                        Label::Owned(crate::i18n::seed::shown_owned(
                            app.settings.with(|s| s.lang),
                            &p.name,
                        )),
                    )
                })
                .collect();
            crate::domain::sort::by_key(&mut list, |(id, l)| match l {
                Label::Owned(name) => crate::domain::sort::Key::text(name.clone(), *id),
                _ => crate::domain::sort::Key::text(String::new(), *id),
            });
            list
        })
    };
    let set_period = move |p: Option<Period>| choice.update(|c| c.period = p.unwrap_or_default());
    let drill = Callback::new(move |place: Id| choice.update(|c| c.place = Some(place)));
    view! {
        <div class="filters dashboard-filters" role="group" aria-label=tr(Msg::FiltersTitle)>
            <SelectField id="filter_period" label=Msg::FieldPeriod
                choices=Period::ALL.iter().map(|&p| (p, period_label(p).into())).collect()
                value=Signal::derive(move || Some(choice.get().period))
                on_change=set_period/>
            {move || view! {
                <SelectField id="filter_programme" label=Msg::FieldProgramme choices=programmes()
                    value=Signal::derive(move || choice.get().programme)
                    on_change=move |p| choice.update(|c| c.programme = p) optional=true/>
            }}
            <SearchPicker id="filter_place" label=Msg::FieldPlace
                value=Signal::derive(move || choice.get().place)
                on_change=move |p| choice.update(|c| c.place = p)
                search=move |text: String| places_matching(app, &text)
                describe=move |id| place_label(app, id)
                error=Signal::derive(|| None::<String>) optional=true/>
        </div>
        <ProgrammeFigures filter drill/>
        <div class="actions">
            {move || view! {
                <Link to=Route::Summary(filter.get()) class="button" id="print-summary">{tr(Msg::SummaryTitle)}</Link>
            }}
        </div>
    }
}
