//! The app shell: header, navigation, notices and the page for each address.

use super::components::notices::Notices;
use super::i18n::I18n;
use super::pages::{
    child_form::{EditChild, NewChild},
    child_view::ChildView,
    children_list::ChildrenList,
    home::Home,
    not_found::NotFound,
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
            <a class="skip-link" href="#main">{move || i18n.t(Msg::SkipToContent)}</a>
            <header class="app-header">
                <A href="/" attr:class="brand">
                    <span class="brand-name">{move || i18n.t(Msg::AppName)}</span>
                    <span class="brand-org">{move || state.settings.with(|s| s.organisation.clone())}</span>
                </A>
                <nav aria-label=move || i18n.t(Msg::NavMain)>
                    <A href="/" exact=true>{move || i18n.t(Msg::NavHome)}</A>
                    <A href="/children">{move || i18n.t(Msg::NavChildren)}</A>
                    <A href="/settings">{move || i18n.t(Msg::NavSettings)}</A>
                </nav>
            </header>
            <Notices/>
            <main id="main" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=Home/>
                    <Route path=path!("/children") view=ChildrenList/>
                    <Route path=path!("/children/new") view=NewChild/>
                    <Route path=path!("/children/:id") view=ChildView/>
                    <Route path=path!("/children/:id/edit") view=EditChild/>
                    <Route path=path!("/settings") view=SettingsPage/>
                </Routes>
            </main>
            <footer class="app-footer">
                <p>{move || i18n.t(Msg::PrivacyNote)}</p>
            </footer>
        </Router>
    }
}
