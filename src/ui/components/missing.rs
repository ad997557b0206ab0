//! The page for the address of a record that is not (or no longer) there.

use crate::i18n::Msg;
use crate::ui::i18n::tr;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Missing(
    /// Says what is missing.
    body: Msg,
    /// Where to go instead.
    back: &'static str,
    back_label: Msg,
) -> impl IntoView {
    view! {
        <section class="missing">
            <h1>{tr(Msg::NotFoundTitle)}</h1>
            <p>{tr(body)}</p>
            <A href=back attr:class="button">{tr(back_label)}</A>
        </section>
    }
}
