//! The page for the address of a record that is not (or no longer) there.

use crate::i18n::Msg;
use crate::route::Route;
use crate::ui::i18n::tr;
use crate::ui::router::Link;
use leptos::prelude::*;

#[component]
pub fn Missing(
    /// Says what is missing.
    body: Msg,
    /// Where to go instead.
    back: Route,
    back_label: Msg,
) -> impl IntoView {
    view! {
        <section class="missing">
            <h1>{tr(Msg::NotFoundTitle)}</h1>
            <p>{tr(body)}</p>
            <Link to=back class="button">{tr(back_label)}</Link>
        </section>
    }
}
