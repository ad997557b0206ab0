//! "Forget this device": everything the app keeps in this browser erased,
//! after the volunteer types the confirmation word.

use crate::i18n::Msg;
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::state::use_app;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn ForgetDevice() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let typed = RwSignal::new(String::new());
    let erasing = RwSignal::new(false);
    // The word in the volunteer's language, any case, spaces around ignored.
    let confirmed =
        move || typed.with(|t| t.trim().to_lowercase() == i18n.t(Msg::ForgetWord).to_lowercase());
    let erase = move |_| {
        if !confirmed() {
            return;
        }
        erasing.set(true);
        spawn_local(async move { app.forget_device().await });
    };
    view! {
        <section class="record-section danger-zone" id="forget">
            <h2>{tr(Msg::ForgetTitle)}</h2>
            <p>{tr(Msg::ForgetBody)}</p>
            <div class="field">
                <label for="forget-confirm">
                    {move || i18n.fill(Msg::ForgetType, &[("word", i18n.t(Msg::ForgetWord))])}
                </label>
                <input id="forget-confirm" type="text" autocomplete="off" spellcheck="false"
                    prop:value=move || typed.get()
                    on:input:target=move |ev| typed.set(ev.target().value())/>
            </div>
            <button type="button" class="danger" id="forget-device"
                disabled=move || !confirmed() || erasing.get() on:click=erase>
                {tr(Msg::ForgetButton)}
            </button>
            <Show when=move || erasing.get()>
                <p role="status">{tr(Msg::Forgetting)}</p>
            </Show>
        </section>
    }
}
