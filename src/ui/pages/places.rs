//! Places: the list, a form to add one, and a page to edit or delete one.

use crate::domain::form::FieldError;
use crate::domain::id::Id;
use crate::domain::paging::{page_rows, PAGE};
use crate::domain::place::{self, Level};
use crate::domain::place_form::{PlaceField, PlaceForm};
use crate::domain::text::Query;
use crate::i18n::{labels, problem_text, Msg};
use crate::route::Route;
use crate::ui::components::confirm::Confirm;
use crate::ui::components::fields::{SelectField, TextField};
use crate::ui::components::missing::Missing;
use crate::ui::components::page_title::use_page_title;
use crate::ui::components::pager::{showing, Pager};
use crate::ui::components::picker::{SearchPicker, PICK_LIMIT};
use crate::ui::components::record_list::{ListRow, RecordList};
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::lookup::place_label;
use crate::ui::router::{use_router, Link};
use crate::ui::state::{save_error_text, use_app, NoticeKind};
use leptos::prelude::*;

#[component]
pub fn PlacesPage() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    use_page_title(move || i18n.t(Msg::PlacesTitle).to_string());
    let (query, set_query) = signal(String::new());
    let start = RwSignal::new(0);
    let adding = RwSignal::new(false);
    let found = Memo::new(move |_| {
        let q = Query::new(&query.get());
        app.register.with(|reg| place::search(&reg.places, &q))
    });
    let rows = move || {
        let lang = i18n.lang.get();
        app.register.with(|reg| {
            found.with(|f| {
                f[page_rows(start.get(), f.len(), PAGE)]
                    .iter()
                    .map(|(id, name)| {
                        let level = reg
                            .places
                            .get(*id)
                            .map(|p| crate::i18n::text(lang, labels::level(p.level)))
                            .unwrap_or_default();
                        ListRow {
                            to: Route::Place(*id),
                            name: name.clone(),
                            details: level.to_string(),
                            class: "place-row",
                        }
                    })
                    .collect::<Vec<_>>()
            })
        })
    };

    view! {
        <section class="places">
            <div class="page-head">
                <h1>{tr(Msg::PlacesTitle)}</h1>
                <Show when=move || !adding.get()>
                    <button type="button" class="primary" id="add-place" on:click=move |_| adding.set(true)>
                        {tr(Msg::AddPlace)}
                    </button>
                </Show>
            </div>
            <Show when=move || adding.get()>
                <section class="form-section">
                    <h2>{tr(Msg::AddPlace)}</h2>
                    <PlaceEditor existing=None initial=PlaceForm::default() on_done=move |_| adding.set(false)/>
                </section>
            </Show>
            <div class="field search">
                <label for="search">{tr(Msg::SearchPlaces)}</label>
                <input id="search" type="search" autocomplete="off" prop:value=query
                    on:input:target=move |ev| { start.set(0); set_query.set(ev.target().value()); }/>
            </div>
            <p class="result-count" id="result-count" aria-live="polite">
                {move || {
                    let n = found.with(Vec::len);
                    if n == 0 && query.with(|q| q.is_empty()) {
                        i18n.t(Msg::NoPlacesYet).to_string()
                    } else {
                        showing(i18n, start.get(), n)
                    }
                }}
            </p>
            <RecordList rows=Signal::derive(rows)/>
            <Pager total=Signal::derive(move || found.with(Vec::len)) start id="places-page"/>
        </section>
    }
}

/// The form for a new place or an existing one.
#[component]
fn PlaceEditor(
    existing: Option<Id>,
    initial: PlaceForm,
    /// Called after a successful save.
    #[prop(into)]
    on_done: Callback<Id>,
) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let form = RwSignal::new(initial);
    let errors = RwSignal::new(Vec::<FieldError<PlaceField>>::new());
    let error_for = move |field: PlaceField| {
        Signal::derive(move || {
            let lang = i18n.lang.get();
            errors.with(|e| {
                e.iter()
                    .find(|e| e.field == field)
                    .map(|e| problem_text(lang, e.problem))
            })
        })
    };
    let parent_level = Memo::new(move |_| form.with(|f| f.level.and_then(Level::parent)));
    let search_parents = move |text: String| {
        let q = Query::new(&text);
        let wanted = parent_level.get_untracked();
        app.register.with_untracked(|reg| {
            place::search(&reg.places, &q)
                .into_iter()
                .filter(|(id, _)| reg.places.get(*id).map(|p| Some(p.level)) == Some(wanted))
                .take(PICK_LIMIT)
                .collect::<Vec<_>>()
        })
    };
    let set_level = move |level: Option<Level>| form.update(|f| f.level = level);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let checked = app
            .register
            .with_untracked(|reg| form.with_untracked(|f| f.validate(reg, existing)));
        let place = match checked {
            Ok(place) => place,
            Err(found) => return errors.set(found),
        };
        errors.set(Vec::new());
        let name = place.name.clone();
        let saved = app.apply(|edit| match existing {
            Some(id) => edit
                .update_place(id, place)
                .map(|()| id)
                .map_err(Into::into),
            None => edit.add_place(place).map_err(Into::into),
        });
        match saved {
            Ok(id) => {
                app.notify(
                    NoticeKind::Info,
                    i18n.fill(Msg::SavedRecord, &[("name", &name)]),
                );
                form.set(PlaceForm {
                    level: form.with_untracked(|f| f.level),
                    ..PlaceForm::default()
                });
                on_done.run(id);
            }
            Err(e) => app.notify(NoticeKind::Error, save_error_text(app.lang(), &e)),
        }
    };

    view! {
        <form on:submit=submit novalidate id="place-form">
            <TextField id="place_name" label=Msg::FieldPlaceName
                value=Signal::derive(move || form.with(|f| f.name.clone()))
                on_input=move |v| form.update(|f| f.name = v)
                error=error_for(PlaceField::Name)/>
            <SelectField
                id="place_level"
                label=Msg::FieldLevel
                choices=Level::ALL.iter().map(|&l| (l, labels::level(l).into())).collect()
                value=Signal::derive(move || form.with(|f| f.level))
                on_change=set_level
                optional=true
            />
            {move || error_for(PlaceField::Level).get().map(|e| view! { <p class="field-error" id="place_level-error">{e}</p> })}
            <Show when=move || parent_level.get().is_some()>
                <SearchPicker
                    id="place_parent"
                    label=Msg::FieldParent
                    value=Signal::derive(move || form.with(|f| f.parent))
                    on_change=move |p| form.update(|f| f.parent = p)
                    search=search_parents
                    describe=move |id| place_label(app, id)
                    error=error_for(PlaceField::Parent)
                />
            </Show>
            <div class="actions">
                <button type="submit" class="primary" id="save-place">{tr(Msg::Save)}</button>
            </div>
        </form>
    }
}

#[component]
pub fn PlacePage(id: Id) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let router = use_router();
    let found = Memo::new(move |_| {
        Some(id).and_then(|id| {
            app.register
                .with(|r| r.places.get(id).cloned().map(|p| (id, p)))
        })
    });
    use_page_title(move || {
        found
            .with(|f| f.as_ref().map(|(_, p)| p.name.clone()))
            .unwrap_or_default()
    });
    let confirming = RwSignal::new(false);

    move || {
        match found.get() {
            None => view! { <Missing body=Msg::PlaceNotFound back=Route::Places back_label=Msg::BackToPlaces/> }.into_any(),
            Some((id, place)) => {
                let name = place.name.clone();
                let delete = move |()| match app.apply(|edit| edit.delete_place(id).map_err(Into::into)) {
                    Ok(()) => {
                        app.notify(NoticeKind::Info, i18n.fill(Msg::DeletedRecord, &[("name", &name)]));
                        router.go(Route::Places);
                    }
                    Err(e) => {
                        confirming.set(false);
                        app.notify(NoticeKind::Error, save_error_text(app.lang(), &e));
                    }
                };
                let title = {
                    let name = place.name.clone();
                    Signal::derive(move || i18n.fill(Msg::ConfirmDeleteTitle, &[("name", &name)]))
                };
                view! {
                    <section class="place">
                        <h1>{i18n.fill(Msg::EditPlaceTitle, &[("name", &place.name)])}</h1>
                        <PlaceEditor existing=Some(id) initial=PlaceForm::from_place(&place) on_done=|_| ()/>
                        <Show
                            when=move || confirming.get()
                            fallback=move || view! {
                                <div class="actions">
                                    <button type="button" id="delete" class="danger" on:click=move |_| confirming.set(true)>
                                        {tr(Msg::Delete)}
                                    </button>
                                    <Link to=Route::Places class="button">{tr(Msg::BackToPlaces)}</Link>
                                </div>
                            }
                        >
                            <Confirm title=title body=Msg::ConfirmDeletePlace yes=Msg::ConfirmDeleteYes
                                on_yes=delete.clone() on_cancel=move |()| confirming.set(false)/>
                        </Show>
                    </section>
                }
                .into_any()
            }
        }
    }
}
