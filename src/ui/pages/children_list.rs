//! The children's register: search by name, and a page of results at a time
//! so that the page stays light however large the register grows.

use crate::domain::id::Id;
use crate::domain::person::Schooling;
use crate::domain::text::Query;
use crate::domain::time::Timestamp;
use crate::i18n::{labels, Msg};
use crate::ui::components::page_title::use_page_title;
use crate::ui::i18n::use_i18n;
use crate::ui::state::{today, use_app};
use leptos::prelude::*;
use leptos_router::components::A;

/// How many rows are shown at first, and added by "Show more".
const PAGE: usize = 100;

/// One row of the list, with its text ready.
#[derive(Clone, Debug, PartialEq)]
struct Row {
    id: Id,
    updated: Timestamp,
    name: String,
    details: String,
}

#[component]
pub fn ChildrenList() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    use_page_title(move || i18n.t(Msg::ChildrenTitle).to_string());
    let (query, set_query) = signal(String::new());
    let limit = RwSignal::new(PAGE);

    let matches = Memo::new(move |_| {
        let q = Query::new(&query.get());
        app.names
            .with(|index| index.search(&q).collect::<Vec<Id>>())
    });
    let total = Memo::new(move |_| app.names.with(|index| index.len()));
    let rows = Memo::new(move |_| {
        let lang = i18n.lang.get();
        let today = today();
        app.register.with(|reg| {
            matches.with(|ids| {
                ids.iter()
                    .take(limit.get())
                    .filter_map(|&id| {
                        let p = reg.people.get(id)?;
                        let updated = reg.people.record(id)?.updated;
                        let details = [
                            labels::age(lang, p.age_on(today)),
                            crate::i18n::text(lang, labels::sex(p.sex)).to_string(),
                            p.village.clone(),
                            match p.schooling {
                                Schooling::Unknown => String::new(),
                                known => labels::schooling(lang, known),
                            },
                        ]
                        .into_iter()
                        .filter(|s| !s.is_empty())
                        .collect::<Vec<_>>()
                        .join(" · ");
                        Some(Row {
                            id,
                            updated,
                            name: p.full_name(),
                            details,
                        })
                    })
                    .collect::<Vec<_>>()
            })
        })
    });

    view! {
        <section class="children">
            <div class="page-head">
                <h1>{move || i18n.t(Msg::ChildrenTitle)}</h1>
                <A href="/children/new" attr:class="button primary" attr:id="add-child">{move || i18n.t(Msg::AddChild)}</A>
            </div>
            <div class="field search">
                <label for="search">{move || i18n.t(Msg::SearchLabel)}</label>
                <input
                    id="search"
                    type="search"
                    autocomplete="off"
                    aria-describedby="search-hint result-count"
                    prop:value=query
                    on:input:target=move |ev| {
                        limit.set(PAGE);
                        set_query.set(ev.target().value());
                    }
                />
                <p class="field-hint" id="search-hint">{move || i18n.t(Msg::SearchHint)}</p>
            </div>
            <p class="result-count" id="result-count" aria-live="polite">
                {move || {
                    let shown = rows.with(Vec::len);
                    let found = matches.with(Vec::len);
                    if total.get() == 0 {
                        i18n.t(Msg::NoChildrenYet).to_string()
                    } else if found == 0 {
                        i18n.fill(Msg::NoMatches, &[("query", &query.get())])
                    } else {
                        i18n.fill(Msg::ShowingCount, &[("shown", &shown.to_string()), ("total", &found.to_string())])
                    }
                }}
            </p>
            <ul class="person-list">
                <For each=move || rows.get() key=|row| (row.id, row.updated) let:row>
                    <li class="person-row">
                        <A href=format!("/children/{}", row.id)>
                            <span class="person-name">{row.name}</span>
                            <span class="person-details">{row.details}</span>
                        </A>
                    </li>
                </For>
            </ul>
            <Show when=move || { matches.with(Vec::len) > rows.with(Vec::len) }>
                <button type="button" id="show-more" on:click=move |_| limit.update(|l| *l += PAGE)>
                    {move || i18n.t(Msg::ShowMore)}
                </button>
            </Show>
        </section>
    }
}
