//! The page for an address that does not exist.

use crate::i18n::Msg;
use crate::route::Route;
use crate::ui::components::page_title::use_page_title;
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::router::Link;
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(move || i18n.t(Msg::NotFoundTitle).to_string());
    view! {
        <section class="not-found">
            <h1>{tr(Msg::NotFoundTitle)}</h1>
            <p>{tr(Msg::NotFoundBody)}</p>
            <Link to=Route::Home class="button">{tr(Msg::GoHome)}</Link>
        </section>
    }
}
