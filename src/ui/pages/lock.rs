//! The lock screen the app opens to when a passphrase is set, and the page
//! left when this device was forgotten.

use crate::i18n::Msg;
use crate::ui::components::fields::TextField;
use crate::ui::components::forget::ForgetDevice;
use crate::ui::components::page_title::use_page_title;
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::state::use_app;
use crate::ui::vault::UnlockFailure;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn LockScreen() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    use_page_title(move || i18n.t(Msg::LockedTitle).to_string());
    let passphrase = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let opening = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if opening.get_untracked() {
            return;
        }
        opening.set(true);
        error.set(None);
        spawn_local(async move {
            let typed = passphrase.get_untracked();
            let outcome = app.unlock(&typed).await;
            passphrase.set(String::new());
            opening.set(false);
            error.set(match outcome {
                Ok(()) => None,
                Err(UnlockFailure::WrongPassphrase) => Some(app.text(Msg::WrongPassphrase).into()),
                Err(UnlockFailure::NeedsOther) => Some(app.text(Msg::NeedsOtherPassphrase).into()),
                Err(UnlockFailure::Unavailable(why)) => Some(crate::i18n::fill(
                    app.text(Msg::CryptoUnavailable),
                    &[("reason", &why)],
                )),
            });
        });
    };
    view! {
        <section class="lock-screen" id="lock-screen">
            <h1>{tr(Msg::LockedTitle)}</h1>
            <p>{tr(Msg::LockedBody)}</p>
            <form on:submit=submit novalidate>
                <TextField id="unlock-passphrase" label=Msg::FieldPassphrase kind="password"
                    value=passphrase on_input=move |v| passphrase.set(v) error=error
                    autocomplete="current-password"/>
                <div class="actions">
                    <button type="submit" class="primary" id="unlock" disabled=opening>{tr(Msg::Unlock)}</button>
                </div>
                <Show when=move || opening.get()>
                    <p role="status" id="unlock-status">{tr(Msg::Unlocking)}</p>
                </Show>
            </form>
            <details class="forgot">
                <summary>{tr(Msg::ForgotPassphrase)}</summary>
                <p>{tr(Msg::ForgotPassphraseBody)}</p>
                <ForgetDevice/>
            </details>
        </section>
    }
}

/// What is left after "forget this device".
#[component]
pub fn Forgotten() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(move || i18n.t(Msg::ForgottenTitle).to_string());
    view! {
        <section class="lock-screen" id="forgotten">
            <h1>{tr(Msg::ForgottenTitle)}</h1>
            <p>{tr(Msg::ForgottenBody)}</p>
            <button type="button" id="start-again" on:click=move |_| { let _ = window().location().replace("/"); }>
                {tr(Msg::StartAgain)}
            </button>
        </section>
    }
}
