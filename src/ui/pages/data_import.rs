//! Taking in an exchange file: reading it (asking for the passphrase of a
//! protected one), then its preview (`import_preview`) and, once the
//! volunteer agrees, merging it into the register.

use super::import_preview::ImportPreview;
use crate::crypto::file::{self, FileError, Sealed};
use crate::crypto::web::WebCipher;
use crate::exchange::import::{check_size, parse, ImportError};
use crate::exchange::merge::{preview, Choices, Preview};
use crate::i18n::{exchange as words, Lang, Msg};
use crate::ui::components::fields::TextField;
use crate::ui::components::file_picker::FilePicker;
use crate::ui::files::read_text;
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::state::{save_error_text, use_app, ImportFailure, NoticeKind};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// What is being taken in: nothing yet, a file being read, a protected
/// file waiting for its passphrase, or its preview.
#[derive(Clone)]
enum Stage {
    Idle,
    Reading,
    Failed(String),
    Locked(std::sync::Arc<Sealed>),
    Ready(std::sync::Arc<Preview>),
}

/// The words for a protected file that does not open.
fn sealed_error(lang: Lang, e: &FileError) -> String {
    let t = |m| crate::i18n::text(lang, m);
    match e {
        FileError::NotEncrypted => t(Msg::ImpNotOurs).into(),
        FileError::NewerVersion { .. } => t(Msg::ImportNewerEncrypted).into(),
        FileError::Damaged(why) => crate::i18n::fill(t(Msg::ImportDamaged), &[("reason", why)]),
        FileError::WrongPassphrase => t(Msg::ImportWrongPassphrase).into(),
        FileError::Unavailable(why) => {
            crate::i18n::fill(t(Msg::CryptoUnavailable), &[("reason", why)])
        }
    }
}

#[component]
pub fn ImportFile() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let stage = RwSignal::new(Stage::Idle);
    let choices = RwSignal::new(Choices::new());
    let read_file = move |text: &str| match parse(text) {
        Ok(envelope) => Stage::Ready(std::sync::Arc::new(
            app.register.with_untracked(|reg| preview(reg, envelope)),
        )),
        // Told apart by the same pass that reads a plain file: a state's
        // file is not read twice to find out which it is.
        Err(ImportError::Encrypted) => match file::read(text) {
            Ok(sealed) => Stage::Locked(std::sync::Arc::new(sealed)),
            Err(e) => Stage::Failed(sealed_error(app.lang(), &e)),
        },
        Err(e) => Stage::Failed(words::import_error(app.lang(), &e)),
    };
    let on_file = move |file: web_sys::File| {
        if let Err(e) = check_size(file.size() as u64) {
            return stage.set(Stage::Failed(words::import_error(app.lang(), &e)));
        }
        stage.set(Stage::Reading);
        choices.set(Choices::new());
        spawn_local(async move {
            let text = match read_text(&file).await {
                Ok(text) => text,
                Err(_) => return stage.set(Stage::Failed(app.text(Msg::ImpEmpty).into())),
            };
            // Let the "reading" notice show before the work of parsing.
            crate::ui::files::next_frame().await;
            stage.set(read_file(&text));
        });
    };
    let passphrase = RwSignal::new(String::new());
    let passphrase_error = RwSignal::new(None::<String>);
    let opening = RwSignal::new(false);
    let open_sealed = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Stage::Locked(sealed) = stage.get_untracked() else {
            return;
        };
        let Some(cipher) = WebCipher::new() else {
            return stage.set(Stage::Failed(sealed_error(
                app.lang(),
                &FileError::Unavailable("WebCrypto".into()),
            )));
        };
        let secret = passphrase.get_untracked();
        opening.set(true);
        passphrase_error.set(None);
        spawn_local(async move {
            match sealed.open(&cipher, &secret).await {
                Ok(text) => {
                    passphrase.set(String::new());
                    stage.set(read_file(&text));
                }
                // Wrong: say so and let the volunteer try again.
                Err(e @ FileError::WrongPassphrase) => {
                    passphrase_error.set(Some(sealed_error(app.lang(), &e)))
                }
                Err(e) => stage.set(Stage::Failed(sealed_error(app.lang(), &e))),
            }
            opening.set(false);
        });
    };
    let report_import = move |p: &Preview, outcome: Result<_, ImportFailure>| match outcome {
        Ok(_) => {
            let c = p.counts();
            let updated = (c.updated + c.conflicts).to_string();
            app.notify(
                NoticeKind::Info,
                i18n.fill(
                    Msg::Imported,
                    &[("new", &c.new.to_string()), ("updated", &updated)],
                ),
            );
            stage.set(Stage::Idle);
        }
        Err(ImportFailure::Apply(e)) => {
            app.notify(NoticeKind::Error, words::apply_error(app.lang(), &e))
        }
        Err(ImportFailure::Save(e)) => {
            app.notify(NoticeKind::Error, save_error_text(app.lang(), &e))
        }
    };
    // Saving a state's file takes a second or two, far longer on a cheap
    // phone: the page says so, and the buttons wait, before the work starts
    // (part of it holds the page's thread).
    let saving = RwSignal::new(false);
    let apply = move |_| {
        let Stage::Ready(p) = stage.get_untracked() else {
            return;
        };
        if saving.get_untracked() {
            return;
        }
        if p.changes_nothing() {
            stage.set(Stage::Idle);
            return app.notify(NoticeKind::Info, app.text(Msg::NothingToImport).into());
        }
        saving.set(true);
        spawn_local(async move {
            crate::ui::files::next_frame().await;
            let outcome = app.import(&p, &choices.get_untracked()).await;
            report_import(&p, outcome);
            saving.set(false);
        });
    };
    view! {
        <section class="record-section" id="import">
            <h2 id="import-title">{tr(Msg::ImportTitle)}</h2>
            <p class="field-hint" id="import-file-hint">{tr(Msg::ImportHint)}</p>
            <FilePicker id="import-file" labelled_by="import-title" accept=".json,application/json" on_file=on_file/>
            {move || match stage.get() {
                Stage::Idle => ().into_any(),
                Stage::Reading => view! { <p role="status" id="import-status">{tr(Msg::ReadingFile)}</p> }.into_any(),
                Stage::Failed(why) => view! { <p class="form-error" role="alert" id="import-error">{why}</p> }.into_any(),
                Stage::Locked(_) => view! {
                    <form on:submit=open_sealed novalidate id="import-unlock">
                        <p>{tr(Msg::ImportPassphraseHint)}</p>
                        <TextField id="import-passphrase" label=Msg::FieldPassphrase kind="password"
                            value=passphrase on_input=move |v| passphrase.set(v) error=passphrase_error
                            autocomplete="off"/>
                        <div class="actions">
                            <button type="submit" class="primary" id="open-import" disabled=opening>{tr(Msg::OpenFile)}</button>
                            <button type="button" id="cancel-import" on:click=move |_| stage.set(Stage::Idle)>{tr(Msg::Cancel)}</button>
                        </div>
                        <Show when=move || opening.get()>
                            <p role="status">{tr(Msg::OpeningFile)}</p>
                        </Show>
                    </form>
                }.into_any(),
                Stage::Ready(p) => view! {
                    <ImportPreview preview=p choices/>
                    <div class="actions">
                        <button type="button" class="primary" id="apply-import" on:click=apply disabled=saving>{tr(Msg::ApplyImport)}</button>
                        <button type="button" id="cancel-import" on:click=move |_| stage.set(Stage::Idle) disabled=saving>{tr(Msg::Cancel)}</button>
                    </div>
                    <Show when=move || saving.get()>
                        <p role="status" id="import-saving">{tr(Msg::Saving)}</p>
                    </Show>
                }.into_any(),
            }}
        </section>
    }
}
