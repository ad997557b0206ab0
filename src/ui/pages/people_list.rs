//! The register of people: search by name, filter children or adults, and a
//! page of results at a time so the page stays light however large the
//! register grows (see `domain::paging`).

use crate::domain::id::Id;
use crate::domain::paging::{page_rows, PAGE};
use crate::domain::person::Person;
use crate::domain::programme::ADULT_AGE;
use crate::domain::schooling::Schooling;
use crate::domain::text::Query;
use crate::i18n::{labels, Msg};
use crate::route::Route;
use crate::ui::components::fields::SelectField;
use crate::ui::components::page_title::use_page_title;
use crate::ui::components::pager::{showing, Pager};
use crate::ui::components::record_list::{ListRow, RecordList};
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::router::Link;
use crate::ui::state::{today, use_app};
use chrono::NaiveDate;
use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Who {
    Everyone,
    Children,
    Adults,
}

impl Who {
    fn admits(self, p: &Person, today: NaiveDate) -> bool {
        let adult = || p.age_on(today).is_some_and(|a| a.years >= ADULT_AGE);
        match self {
            Who::Everyone => true,
            Who::Children => !adult(),
            Who::Adults => adult(),
        }
    }
}

#[component]
pub fn PeopleList() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    use_page_title(move || i18n.t(Msg::PeopleTitle).to_string());
    let (query, set_query) = signal(String::new());
    let who = RwSignal::new(Who::Everyone);
    let start = RwSignal::new(0);

    let matches = Memo::new(move |_| {
        let q = Query::new(&query.get());
        let who = who.get();
        if who == Who::Everyone {
            // The index holds every live person: nothing to look up.
            return app
                .names
                .with(|index| index.search(&q).collect::<Vec<Id>>());
        }
        let today = today();
        app.register.with(|reg| {
            app.names.with(|index| {
                index
                    .search(&q)
                    .filter(|id| reg.people.get(*id).is_some_and(|p| who.admits(p, today)))
                    .collect::<Vec<Id>>()
            })
        })
    });
    let total = Memo::new(move |_| app.names.with(|index| index.len()));
    let rows = Memo::new(move |_| {
        let lang = i18n.lang.get();
        let today = today();
        app.register.with(|reg| {
            matches.with(|ids| {
                ids[page_rows(start.get(), ids.len(), PAGE)]
                    .iter()
                    .filter_map(|&id| {
                        let p = reg.people.get(id)?;
                        let schooling = match p.schooling.current() {
                            Schooling::Unknown => String::new(),
                            known => labels::schooling(lang, known),
                        };
                        let details = [
                            labels::age(lang, p.age_on(today)),
                            crate::i18n::text(lang, labels::sex(p.sex)).to_string(),
                            p.village.clone(),
                            schooling,
                        ]
                        .into_iter()
                        .filter(|s| !s.is_empty())
                        .collect::<Vec<_>>()
                        .join(" · ");
                        Some(ListRow {
                            to: Route::Person(id),
                            name: p.full_name(),
                            details,
                            class: "person-row",
                        })
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let set_who = move |w: Option<Who>| {
        start.set(0);
        who.set(w.unwrap_or(Who::Everyone));
    };

    view! {
        <section class="people">
            <div class="page-head">
                <h1>{tr(Msg::PeopleTitle)}</h1>
                <Link to=Route::NewPerson class="button primary" id="add-person">{tr(Msg::AddPerson)}</Link>
            </div>
            <div class="filters">
                <div class="field search">
                    <label for="search">{tr(Msg::SearchLabel)}</label>
                    <input
                        id="search"
                        type="search"
                        autocomplete="off"
                        aria-describedby="search-hint result-count"
                        prop:value=query
                        on:input:target=move |ev| {
                            start.set(0);
                            set_query.set(ev.target().value());
                        }
                    />
                    <p class="field-hint" id="search-hint">{tr(Msg::SearchHint)}</p>
                </div>
                <SelectField
                    id="who"
                    label=Msg::WhoFilter
                    choices=vec![
                        (Who::Everyone, Msg::WhoEveryone.into()),
                        (Who::Children, Msg::WhoChildren.into()),
                        (Who::Adults, Msg::WhoAdults.into()),
                    ]
                    value=Signal::derive(move || Some(who.get()))
                    on_change=set_who
                />
            </div>
            <p class="result-count" id="result-count" aria-live="polite">
                {move || {
                    let found = matches.with(Vec::len);
                    if total.get() == 0 {
                        i18n.t(Msg::NoPeopleYet).to_string()
                    } else if found == 0 {
                        i18n.fill(Msg::NoMatches, &[("query", &query.get())])
                    } else {
                        showing(i18n, start.get(), found)
                    }
                }}
            </p>
            <RecordList rows=rows/>
            <Pager total=Signal::derive(move || matches.with(Vec::len)) start id="people-page"/>
        </section>
    }
}
