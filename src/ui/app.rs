//! The app shell: header, navigation, notices and the page for each address.

use super::components::notices::Notices;
use super::i18n::{tr, I18n};
use super::pages::{
    follow_up::FollowUpPage,
    group_form::{EditGroup, NewGroup},
    group_view::GroupView,
    groups_list::GroupsList,
    home::Home,
    meeting::{MeetingPage, NewMeeting},
    not_found::NotFound,
    people_list::PeopleList,
    person_form::{EditPerson, NewPerson},
    person_view::PersonView,
    places::{PlacePage, PlacesPage},
    programmes::{NewProgramme, ProgrammePage, ProgrammesPage},
    settings::SettingsPage,
};
use super::state::AppState;
use crate::i18n::Msg;
use crate::storage::layout::{meta_key, REAL};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::open();
    provide_context(state);
    let i18n = I18n {
        lang: Signal::derive(move || state.settings.with(|s| s.lang)),
    };
    provide_context(i18n);

    // Keep the page's language attribute true for screen readers and fonts.
    Effect::new(move |_| {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", i18n.lang.get().tag());
        }
    });

    // Another tab saved: take its changes in rather than overwrite them.
    let meta = meta_key(REAL);
    let listener = window_event_listener(leptos::ev::storage, move |e| {
        if e.key().is_none_or(|k| k == meta) {
            state.sync_from_other_tab();
        }
    });
    on_cleanup(move || listener.remove());

    view! {
        <Router>
            <a class="skip-link" href="#main">{tr(Msg::SkipToContent)}</a>
            <header class="app-header">
                <A href="/" attr:class="brand">
                    <span class="brand-name">{tr(Msg::AppName)}</span>
                    <span class="brand-org">{move || state.settings.with(|s| s.organisation.clone())}</span>
                </A>
                <nav aria-label=tr(Msg::NavMain)>
                    <A href="/" exact=true>{tr(Msg::NavHome)}</A>
                    <A href="/people">{tr(Msg::NavPeople)}</A>
                    <A href="/groups">{tr(Msg::NavGroups)}</A>
                    <A href="/follow-up">{tr(Msg::NavFollowUp)}</A>
                    <A href="/places">{tr(Msg::NavPlaces)}</A>
                    <A href="/programmes">{tr(Msg::NavProgrammes)}</A>
                    <A href="/settings">{tr(Msg::NavSettings)}</A>
                </nav>
            </header>
            <Notices/>
            <main id="main" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=Home/>
                    <Route path=path!("/people") view=PeopleList/>
                    <Route path=path!("/people/new") view=NewPerson/>
                    <Route path=path!("/people/:id") view=PersonView/>
                    <Route path=path!("/people/:id/edit") view=EditPerson/>
                    <Route path=path!("/groups") view=GroupsList/>
                    <Route path=path!("/groups/new") view=NewGroup/>
                    <Route path=path!("/groups/:id") view=GroupView/>
                    <Route path=path!("/groups/:id/edit") view=EditGroup/>
                    <Route path=path!("/groups/:id/meetings/new") view=NewMeeting/>
                    <Route path=path!("/meetings/:id") view=MeetingPage/>
                    <Route path=path!("/follow-up") view=FollowUpPage/>
                    <Route path=path!("/places") view=PlacesPage/>
                    <Route path=path!("/places/:id") view=PlacePage/>
                    <Route path=path!("/programmes") view=ProgrammesPage/>
                    <Route path=path!("/programmes/new") view=NewProgramme/>
                    <Route path=path!("/programmes/:id") view=ProgrammePage/>
                    <Route path=path!("/settings") view=SettingsPage/>
                </Routes>
            </main>
            <footer class="app-footer">
                <p>{tr(Msg::PrivacyNote)}</p>
            </footer>
        </Router>
    }
}
