//! Groups, filtered by programme, place and status, with member counts.

use crate::domain::group::GroupStatus;
use crate::domain::id::Id;
use crate::domain::paging::{page_rows, PAGE};
use crate::domain::place;
use crate::domain::sort::{self, Key};
use crate::domain::text::{fold, Query};
use crate::i18n::{labels, Msg};
use crate::route::Route;
use crate::ui::components::fields::{Label, SelectField};
use crate::ui::components::page_title::use_page_title;
use crate::ui::components::pager::{showing, Pager};
use crate::ui::components::picker::SearchPicker;
use crate::ui::components::record_list::{ListRow, RecordList};
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::lookup::{place_label, places_matching};
use crate::ui::router::Link;
use crate::ui::state::{today, use_app};
use leptos::prelude::*;
use std::collections::HashMap;

#[component]
pub fn GroupsList() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    use_page_title(move || i18n.t(Msg::GroupsTitle).to_string());
    let (query, set_query) = signal(String::new());
    let programme = RwSignal::new(None::<Id>);
    let status = RwSignal::new(None::<GroupStatus>);
    let within = RwSignal::new(None::<Id>);
    let start = RwSignal::new(0);

    let programmes = Memo::new(move |_| {
        app.register.with(|reg| {
            let mut v: Vec<(Id, String)> = reg
                .programmes
                .live()
                .map(|(id, p)| (id, crate::i18n::seed::shown_owned(i18n.lang.get(), &p.name)))
                .collect();
            sort::by_key(&mut v, |r| Key::text(r.1.clone(), r.0));
            v
        })
    });
    // Current member counts for every group, in one pass over memberships.
    let counts = Memo::new(move |_| {
        let today = today();
        app.register.with(|reg| {
            let mut counts: HashMap<Id, usize> = HashMap::new();
            for (_, m) in reg.memberships.live().filter(|(_, m)| m.active_on(today)) {
                *counts.entry(m.group).or_default() += 1;
            }
            counts
        })
    });
    let matches = Memo::new(move |_| {
        let q = Query::new(&query.get());
        let (programme, status, within) = (programme.get(), status.get(), within.get());
        app.register.with(|reg| {
            let mut v: Vec<(String, Id)> = reg
                .groups
                .live()
                .filter(|(_, g)| programme.is_none_or(|p| g.programme == p))
                .filter(|(_, g)| status.is_none_or(|s| g.status == s))
                .filter(|(_, g)| within.is_none_or(|w| place::is_within(&reg.places, g.place, w)))
                .map(|(id, g)| (fold(&g.name), id))
                .filter(|(name, _)| q.matches(name))
                .collect();
            sort::by_key(&mut v, |r| Key::text(r.0.clone(), r.1));
            v.into_iter().map(|(_, id)| id).collect::<Vec<Id>>()
        })
    });
    let rows = move || {
        let lang = i18n.lang.get();
        app.register.with(|reg| {
            counts.with(|counts| {
                matches.with(|ids| {
                    ids[page_rows(start.get(), ids.len(), PAGE)]
                        .iter()
                        .filter_map(|&id| {
                            let g = reg.groups.get(id)?;
                            let programme = reg
                                .programmes
                                .get(g.programme)
                                .map(|p| crate::i18n::seed::shown_owned(lang, &p.name))
                                .unwrap_or_default();
                            let members = counts.get(&id).copied().unwrap_or(0);
                            let details = [
                                programme,
                                place::full_name(&reg.places, g.place),
                                crate::i18n::text(lang, labels::status(g.status)).to_string(),
                                format!("{}: {members}", crate::i18n::text(lang, Msg::ColMembers)),
                            ]
                            .join(" · ");
                            Some(ListRow {
                                to: Route::Group(id),
                                name: g.name.clone(),
                                details,
                                class: "group-row",
                            })
                        })
                        .collect::<Vec<_>>()
                })
            })
        })
    };

    view! {
        <section class="groups">
            <div class="page-head">
                <h1>{tr(Msg::GroupsTitle)}</h1>
                <Link to=Route::NewGroup class="button primary" id="add-group">{tr(Msg::AddGroup)}</Link>
            </div>
            <div class="filters">
                <div class="field search">
                    <label for="search">{tr(Msg::SearchLabel)}</label>
                    <input id="search" type="search" autocomplete="off" prop:value=query
                        on:input:target=move |ev| { start.set(0); set_query.set(ev.target().value()); }/>
                </div>
                {move || view! {
                    <SelectField id="filter_programme" label=Msg::FieldProgramme
                        choices=programmes.get().into_iter().map(|(id, name)| (id, Label::Owned(name))).collect()
                        value=programme on_change=move |p| { start.set(0); programme.set(p) } optional=true/>
                }}
                <SelectField id="filter_status" label=Msg::FieldStatus
                    choices=GroupStatus::ALL.iter().map(|&s| (s, labels::status(s).into())).collect()
                    value=status on_change=move |s| { start.set(0); status.set(s) } optional=true/>
                <SearchPicker id="filter_place" label=Msg::FieldPlace value=within
                    on_change=move |p| { start.set(0); within.set(p) }
                    search=move |text: String| places_matching(app, &text)
                    describe=move |id| place_label(app, id)
                    error=Signal::derive(|| None::<String>) optional=true/>
            </div>
            <p class="result-count" id="result-count" aria-live="polite">
                {move || {
                    let n = matches.with(Vec::len);
                    if app.register.with(|r| r.groups.live_count()) == 0 {
                        i18n.t(Msg::NoGroupsYet).to_string()
                    } else if n == 0 {
                        i18n.t(Msg::NoGroupsMatch).to_string()
                    } else {
                        showing(i18n, start.get(), n)
                    }
                }}
            </p>
            <RecordList rows=Signal::derive(rows)/>
            <Pager total=Signal::derive(move || matches.with(Vec::len)) start id="groups-page"/>
        </section>
    }
}
