//! The home page: a welcome on the first visit, a summary afterwards.

use crate::domain::register::Kind;
use crate::i18n::Msg;
use crate::ui::components::page_title::use_page_title;
use crate::ui::i18n::use_i18n;
use crate::ui::state::use_app;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Home() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    use_page_title(move || i18n.t(Msg::NavHome).to_string());
    let children = Memo::new(move |_| app.register.with(|r| r.live_count(Kind::People)));

    move || {
        if children.get() == 0 {
            view! {
                <section class="welcome">
                    <h1>{move || i18n.t(Msg::WelcomeTitle)}</h1>
                    <p>{move || i18n.t(Msg::WelcomeBody)}</p>
                    <p class="muted">{move || i18n.t(Msg::WelcomeSeeds)}</p>
                    <A href="/children/new" attr:class="button primary" attr:id="add-first-child">
                        {move || i18n.t(Msg::AddFirstChild)}
                    </A>
                </section>
            }
            .into_any()
        } else {
            view! {
                <section class="home">
                    <h1>{move || i18n.t(Msg::HomeTitle)}</h1>
                    <p class="summary-figure" id="children-count">
                        {move || i18n.fill(Msg::HomeChildrenCount, &[("count", &children.get().to_string())])}
                    </p>
                    <div class="actions">
                        <A href="/children" attr:class="button">{move || i18n.t(Msg::NavChildren)}</A>
                        <A href="/children/new" attr:class="button primary">{move || i18n.t(Msg::AddChild)}</A>
                    </div>
                </section>
            }
            .into_any()
        }
    }
}
