//! Settings: the passphrase lock — set it, choose when the app locks
//! itself, change it, remove it.

use crate::i18n::Msg;
use crate::storage::settings::LOCK_MINUTES;
use crate::ui::components::fields::{Label, SelectField, TextField};
use crate::ui::components::passphrase::{NewPassphrase, NewPassphraseFields};
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::state::{save_error_text, use_app, AppState, NoticeKind};
use crate::ui::vault::{LockFailure, LockState};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Runs a change of lock, then says how it went.
fn run(
    app: AppState,
    done: Msg,
    change: impl std::future::Future<Output = Result<(), LockFailure>> + 'static,
) {
    spawn_local(async move {
        match change.await {
            Ok(()) => app.notify(NoticeKind::Info, app.text(done).into()),
            Err(e) => app.notify(NoticeKind::Error, app.change_error_text(&e)),
        }
    });
}

#[component]
pub fn LockSettings() -> impl IntoView {
    let app = use_app();
    view! {
        <section class="record-section" id="lock-settings">
            <h2>{tr(Msg::LockTitle)}</h2>
            {move || match app.lock.get() {
                LockState::Unlocked => view! { <LockOn/> }.into_any(),
                _ => view! { <LockOff/> }.into_any(),
            }}
            <Show when=move || app.busy.get()>
                <p role="status" id="lock-busy">{tr(Msg::Encrypting)}</p>
            </Show>
        </section>
    }
}

#[component]
fn LockOff() -> impl IntoView {
    let app = use_app();
    let new = NewPassphrase::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(passphrase) = new.checked(app) else {
            return;
        };
        new.clear();
        run(app, Msg::PassphraseSet, async move {
            app.set_passphrase(&passphrase).await
        });
    };
    view! {
        <p>{tr(Msg::LockOffBody)}</p>
        <form on:submit=submit novalidate id="set-lock">
            <NewPassphraseFields p=new prefix="set"/>
            <div class="actions">
                <button type="submit" class="primary" id="set-passphrase-button" disabled=app.busy>
                    {tr(Msg::SetPassphrase)}
                </button>
            </div>
        </form>
    }
}

#[component]
fn LockOn() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let current = RwSignal::new(String::new());
    let no_error = Signal::derive(|| None::<String>);
    let new = NewPassphrase::new();
    let remove_current = RwSignal::new(String::new());

    let set_minutes = move |m: Option<u32>| {
        let mut settings = app.settings.get_untracked();
        settings.lock_after_minutes = m;
        if let Err(e) = app.save_settings(settings) {
            app.notify(NoticeKind::Error, save_error_text(app.lang(), &e));
        }
    };
    let change = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(passphrase) = new.checked(app) else {
            return;
        };
        let old = current.get_untracked();
        current.set(String::new());
        new.clear();
        run(app, Msg::PassphraseChanged, async move {
            app.change_passphrase(&old, &passphrase).await
        });
    };
    let remove = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let old = remove_current.get_untracked();
        remove_current.set(String::new());
        run(app, Msg::PassphraseRemoved, async move {
            app.remove_passphrase(&old).await
        });
    };
    let minutes: Vec<(u32, Label)> = LOCK_MINUTES
        .iter()
        .map(|&m| {
            let text = i18n.fill(Msg::LockAfterMinutes, &[("minutes", &m.to_string())]);
            (m, Label::Owned(text))
        })
        .collect();
    view! {
        <p>{tr(Msg::LockOnBody)}</p>
        <SelectField id="lock-after" label=Msg::FieldLockAfter choices=minutes
            value=Signal::derive(move || Some(app.settings.with(|s| s.lock_after())))
            on_change=set_minutes/>
        <h3>{tr(Msg::ChangePassphrase)}</h3>
        <form on:submit=change novalidate id="change-lock">
            <TextField id="current-passphrase" label=Msg::FieldCurrentPassphrase kind="password"
                value=current on_input=move |v| current.set(v) error=no_error autocomplete="current-password"/>
            <NewPassphraseFields p=new prefix="change"/>
            <div class="actions">
                <button type="submit" id="change-passphrase-button" disabled=app.busy>{tr(Msg::ChangePassphrase)}</button>
            </div>
        </form>
        <h3>{tr(Msg::RemovePassphrase)}</h3>
        <form on:submit=remove novalidate id="remove-lock">
            <TextField id="remove-passphrase" label=Msg::FieldCurrentPassphrase kind="password"
                value=remove_current on_input=move |v| remove_current.set(v) error=no_error
                autocomplete="current-password"/>
            <div class="actions">
                <button type="submit" class="danger" id="remove-passphrase-button" disabled=app.busy>
                    {tr(Msg::RemovePassphrase)}
                </button>
            </div>
        </form>
    }
}
