//! Moving between pages with real addresses: the history API, links that
//! do not reload the page, and the back button.

use crate::route::{Route, Section};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The current page. Provided once by the app; `use_router` finds it.
#[derive(Clone, Copy)]
pub struct Router {
    current: RwSignal<Route>,
}

impl Router {
    /// Starts at the page of the browser's address and follows the back and
    /// forward buttons.
    pub fn start() -> Router {
        let router = Router {
            current: RwSignal::new(Route::parse(&location_path())),
        };
        let listener = window_event_listener(leptos::ev::popstate, move |_| {
            router.current.set(Route::parse(&location_path()));
        });
        on_cleanup(move || listener.remove());
        router
    }

    pub fn route(&self) -> Route {
        self.current.get()
    }

    pub fn section(&self) -> Section {
        self.current.with(|r| r.section())
    }

    /// Goes to a page as a link would, adding it to the history.
    pub fn go(&self, route: Route) {
        if let Ok(history) = window().history() {
            let _ =
                history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&route.path()));
        }
        self.current.set(route);
        window().scroll_to_with_x_and_y(0.0, 0.0);
        // Screen readers and keyboards start at the new page's content.
        if let Some(main) = document().get_element_by_id("main") {
            if let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() {
                let _ = main.focus();
            }
        }
    }
}

fn location_path() -> String {
    window()
        .location()
        .pathname()
        .unwrap_or_else(|_| "/".into())
}

pub fn use_router() -> Router {
    expect_context::<Router>()
}

/// A link to a page of the app. A plain click changes the page without
/// reloading; a click that asks for a new tab or window is left to the
/// browser. Links to the current section are marked `aria-current`.
#[component]
pub fn Link(
    to: Route,
    children: Children,
    #[prop(optional)] class: &'static str,
    #[prop(optional)] id: &'static str,
    /// Marks the link `aria-current="page"` when its section is shown (for
    /// the navigation bar).
    #[prop(optional)]
    nav: bool,
) -> impl IntoView {
    let router = use_router();
    let click = move |ev: leptos::ev::MouseEvent| {
        if ev.button() == 0 && !ev.ctrl_key() && !ev.meta_key() && !ev.shift_key() && !ev.alt_key()
        {
            ev.prevent_default();
            router.go(to);
        }
    };
    // Only navigation links follow the page shown: a list of fifty
    // records' links then makes no reactive effect per row.
    let current =
        nav.then(|| Signal::derive(move || (router.section() == to.section()).then_some("page")));
    view! {
        <a href=to.path() class=(!class.is_empty()).then_some(class) id=(!id.is_empty()).then_some(id)
            aria-current=current on:click=click>
            {children()}
        </a>
    }
}
