//! The app shell: header, navigation, notices and the page for the address.

use super::components::notices::Notices;
use super::i18n::{tr, I18n};
use super::pages::lock::{Forgotten, LockScreen};
use super::pages::{
    case::{CasePage, NewCase},
    cases::CasesPage,
    data::DataPage,
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
    reports::{GroupReport, SummaryReport},
    settings::SettingsPage,
};
use super::router::{Link, Router};
use super::state::{use_app, AppState};
use super::vault::{LockState, TAB_KEY};
use crate::i18n::Msg;
use crate::route::Route;
use crate::storage::layout::{meta_key, REAL};
use crate::storage::vault::lock_key;
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::open();
    provide_context(state);
    let i18n = I18n {
        lang: Signal::derive(move || state.settings.with(|s| s.lang)),
        formats: Signal::derive(move || state.settings.with(|s| s.formats)),
    };
    provide_context(i18n);
    let router = Router::start();
    provide_context(router);
    super::pages::dashboard::provide_dashboard_choice();
    super::offline::start(state);
    super::device_storage::request_at_start();
    let online = super::offline::online_signal();

    // Keep the page's language attribute true for screen readers and fonts.
    Effect::new(move |_| {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", i18n.lang.get().tag());
        }
    });

    // Another tab saved: take its changes in rather than overwrite them.
    // Another tab set or removed the passphrase: open as it now says. Another
    // tab unlocked: lock here (see `ui::vault`).
    let listener = window_event_listener(leptos::ev::storage, move |e| {
        let key = e.key();
        if key.as_deref() == Some(&lock_key(REAL)) {
            if state.lock.get_untracked() != LockState::Unlocked && !state.in_demo() {
                state.reload();
            }
        } else if key.as_deref() == Some(TAB_KEY) {
            state.other_tab_unlocked(e.new_value());
        } else if key.is_none_or(|k| k == meta_key(state.namespace.get_untracked())) {
            state.sync_from_other_tab();
        }
    });
    // The idle lock: any key or touch is use; checked every 15 seconds.
    let pointer = window_event_listener(leptos::ev::pointerdown, move |_| state.touch());
    let key = window_event_listener(leptos::ev::keydown, move |_| state.touch());
    let idle = set_interval_with_handle(
        move || state.lock_if_idle(),
        std::time::Duration::from_secs(15),
    )
    .ok();
    // Changes still being sealed and written: ask before the page goes.
    let leaving = window_event_listener(leptos::ev::beforeunload, move |e| {
        if state.saving.get_untracked() > 0 {
            e.prevent_default();
            e.set_return_value("…");
        }
    });
    on_cleanup(move || {
        listener.remove();
        pointer.remove();
        key.remove();
        leaving.remove();
        if let Some(idle) = idle {
            idle.clear();
        }
    });

    // Which screen: forgotten, locked, or the records (a memo, so that
    // setting a passphrase does not rebuild the page it is set on).
    let screen = Memo::new(move |_| {
        if state.forgotten.get() {
            0
        } else if state.lock.get() == LockState::Locked {
            1
        } else {
            2
        }
    });
    view! {
        {move || {
            if screen.get() == 0 {
                view! { <main id="main" tabindex="-1"><Forgotten/></main> }.into_any()
            } else if screen.get() == 1 {
                view! {
                    <header class="app-header">
                        <span class="brand"><span class="brand-name">{tr(Msg::AppName)}</span></span>
                    </header>
                    <Notices/>
                    <main id="main" tabindex="-1"><LockScreen/></main>
                }
                .into_any()
            } else {
                view! { <Shell router online/> }.into_any()
            }
        }}
    }
}

/// On a phone the sections are one row that scrolls sideways (see the
/// stylesheet): after each move, scrolls that row so the link of the section
/// shown is in sight.
fn reveal_current_section(router: Router) {
    use wasm_bindgen::JsCast;
    use web_sys::HtmlElement;
    Effect::new(move |_| {
        router.route();
        // After the links' `aria-current` has followed the route.
        request_animation_frame(|| {
            let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
                return;
            };
            let find = |css: &str| {
                doc.query_selector(css)
                    .ok()
                    .flatten()
                    .and_then(|e| e.dyn_into::<HtmlElement>().ok())
            };
            let (Some(nav), Some(link)) = (
                find(".app-header nav"),
                find(".app-header nav a[aria-current='page']"),
            ) else {
                return;
            };
            // Offsets are from the row itself (it is positioned).
            let (left, right) = (link.offset_left(), link.offset_left() + link.offset_width());
            let (shown_from, shown_to) =
                (nav.scroll_left(), nav.scroll_left() + nav.client_width());
            if left < shown_from || right > shown_to {
                nav.set_scroll_left(left - 16);
            }
        });
    });
}

/// The app with its records open: header, navigation, notices, the page.
#[component]
fn Shell(router: Router, online: ReadSignal<bool>) -> impl IntoView {
    let state = use_app();
    reveal_current_section(router);

    view! {
        <a class="skip-link" href="#main">{tr(Msg::SkipToContent)}</a>
        <header class="app-header">
            <Link to=Route::Home class="brand">
                <span class="brand-name">{tr(Msg::AppName)}</span>
                <span class="brand-org">{move || state.settings.with(|s| s.organisation.clone())}</span>
            </Link>
            <Show when=move || !online.get()>
                <span class="offline-badge" id="offline-badge" role="status">{tr(Msg::Offline)}</span>
            </Show>
            <Show when=move || state.lock.get() == LockState::Unlocked>
                <span class="lock-status">
                    <Show when=move || { state.saving.get() > 0 }>
                        <span id="saving" role="status">{tr(Msg::Saving)}</span>
                    </Show>
                    <button type="button" id="lock-now" on:click=move |_| state.lock_now()>{tr(Msg::LockNow)}</button>
                </span>
            </Show>
            <nav aria-label=tr(Msg::NavMain)>
                <Link to=Route::Home nav=true>{tr(Msg::NavHome)}</Link>
                <Link to=Route::People nav=true>{tr(Msg::NavPeople)}</Link>
                <Link to=Route::Groups nav=true>{tr(Msg::NavGroups)}</Link>
                <Link to=Route::FollowUp nav=true>{tr(Msg::NavFollowUp)}</Link>
                <Link to=Route::Cases nav=true>{tr(Msg::NavCases)}</Link>
                <Link to=Route::Places nav=true>{tr(Msg::NavPlaces)}</Link>
                <Link to=Route::Programmes nav=true>{tr(Msg::NavProgrammes)}</Link>
                <Link to=Route::Data nav=true>{tr(Msg::NavData)}</Link>
                <Link to=Route::Settings nav=true>{tr(Msg::NavSettings)}</Link>
            </nav>
        </header>
        <Show when=move || state.in_demo()>
            <div class="demo-banner" id="demo-banner" role="status">
                <p>{tr(Msg::DemoBanner)}</p>
                <button type="button" id="leave-demo" on:click=move |_| { state.leave_demo(); router.go(Route::Home) }>
                    {tr(Msg::LeaveDemo)}
                </button>
            </div>
        </Show>
        <Notices/>
        <main id="main" tabindex="-1">{move || page(router.route())}</main>
        <footer class="app-footer">
            <p>{tr(Msg::PrivacyNote)}</p>
        </footer>
    }
}

/// The page for a route.
fn page(route: Route) -> AnyView {
    match route {
        Route::Home => view! { <Home/> }.into_any(),
        Route::People => view! { <PeopleList/> }.into_any(),
        Route::NewPerson => view! { <NewPerson/> }.into_any(),
        Route::Person(id) => view! { <PersonView id/> }.into_any(),
        Route::EditPerson(id) => view! { <EditPerson id/> }.into_any(),
        Route::Groups => view! { <GroupsList/> }.into_any(),
        Route::NewGroup => view! { <NewGroup/> }.into_any(),
        Route::Group(id) => view! { <GroupView id/> }.into_any(),
        Route::EditGroup(id) => view! { <EditGroup id/> }.into_any(),
        Route::GroupReport(group, month) => view! { <GroupReport group month/> }.into_any(),
        Route::Summary(filter) => view! { <SummaryReport filter/> }.into_any(),
        Route::NewMeeting(group) => view! { <NewMeeting group/> }.into_any(),
        Route::Meeting(id) => view! { <MeetingPage id/> }.into_any(),
        Route::Places => view! { <PlacesPage/> }.into_any(),
        Route::Place(id) => view! { <PlacePage id/> }.into_any(),
        Route::Programmes => view! { <ProgrammesPage/> }.into_any(),
        Route::NewProgramme => view! { <NewProgramme/> }.into_any(),
        Route::Programme(id) => view! { <ProgrammePage id/> }.into_any(),
        Route::FollowUp => view! { <FollowUpPage/> }.into_any(),
        Route::Cases => view! { <CasesPage/> }.into_any(),
        Route::NewCase(person) => view! { <NewCase person/> }.into_any(),
        Route::Case(id) => view! { <CasePage id/> }.into_any(),
        Route::Data => view! { <DataPage/> }.into_any(),
        Route::Settings => view! { <SettingsPage/> }.into_any(),
        Route::NotFound => view! { <NotFound/> }.into_any(),
    }
}
