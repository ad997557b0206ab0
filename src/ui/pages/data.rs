//! Export and import: the register as a file (all of it, or one programme,
//! place or group), lists for spreadsheets, and taking a file in with a
//! preview, conflicts answered side by side, and an undo.

use super::csv_import::CsvPeopleImport;
use super::data_import::ImportFile;
use crate::crypto::file::seal_file;
use crate::crypto::web::WebCipher;
use crate::domain::id::Id;
use crate::domain::sort::{self, Key};
use crate::exchange::csv_export;
use crate::exchange::envelope::Scope;
use crate::exchange::export::{export, ScopeNotFound};
use crate::i18n::Msg;
use crate::ui::components::confirm::Confirm;
use crate::ui::components::fields::{Label, SelectField};
use crate::ui::components::page_title::use_page_title;
use crate::ui::components::passphrase::{NewPassphrase, NewPassphraseFields};
use crate::ui::components::picker::SearchPicker;
use crate::ui::files::{download, file_name};
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::lookup::{place_label, places_matching};
use crate::ui::state::{now, save_error_text, today, use_app, AppState, NoticeKind};
use crate::ui::vault::LockFailure;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ScopeKind {
    All,
    Programme,
    Place,
    Group,
}

#[component]
pub fn DataPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(move || i18n.t(Msg::DataTitle).to_string());
    view! {
        <section class="data">
            <h1>{tr(Msg::DataTitle)}</h1>
            <ExportSection/>
            <ImportFile/>
            <UndoImport/>
            <CsvPeopleImport/>
        </section>
    }
}

/// The label of a scope, for the file name.
fn scope_label(app: AppState, scope: Scope) -> String {
    app.register.with_untracked(|reg| match scope {
        Scope::All => String::new(),
        Scope::Programme(id) => reg
            .programmes
            .get(id)
            .map(|p| p.name.clone())
            .unwrap_or_default(),
        Scope::Place(id) => reg
            .places
            .get(id)
            .map(|p| p.name.clone())
            .unwrap_or_default(),
        Scope::Group(id) => reg.group_name(id),
    })
}

#[component]
fn ExportSection() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let kind = RwSignal::new(ScopeKind::All);
    let programme = RwSignal::new(None::<Id>);
    let place = RwSignal::new(None::<Id>);
    let group = RwSignal::new(None::<Id>);
    let scope = move || match kind.get() {
        ScopeKind::All => Some(Scope::All),
        ScopeKind::Programme => programme.get().map(Scope::Programme),
        ScopeKind::Place => place.get().map(Scope::Place),
        ScopeKind::Group => group.get().map(Scope::Group),
    };
    let programmes = app.register.with_untracked(|reg| {
        let mut v: Vec<(Id, String)> = reg
            .programmes
            .live()
            .map(|(id, p)| (id, crate::i18n::seed::shown_owned(app.lang(), &p.name)))
            .collect();
        sort::by_key(&mut v, |r| Key::text(r.1.clone(), r.0));
        v.into_iter()
            .map(|(id, n)| (id, Label::Owned(n)))
            .collect::<Vec<_>>()
    });
    let groups_matching = move |text: String| {
        let q = crate::domain::text::Query::new(&text);
        app.register.with_untracked(|reg| {
            let mut v: Vec<(Id, String)> = reg
                .groups
                .live()
                .filter(|(_, g)| q.matches(&crate::domain::text::fold(&g.name)))
                .map(|(id, g)| (id, g.name.clone()))
                .take(crate::ui::components::picker::PICK_LIMIT)
                .collect();
            sort::by_key(&mut v, |r| Key::text(r.1.clone(), r.0));
            v
        })
    };
    let group_name = move |id: Id| crate::ui::lookup::group_name(app, id);
    let set_kind = move |k: Option<ScopeKind>| kind.set(k.unwrap_or(ScopeKind::All));

    // Offers a file for download and says so.
    let deliver = move |name: String, json: bool, text: String| {
        let mime = if json {
            "application/json"
        } else {
            "text/csv;charset=utf-8"
        };
        match download(&name, mime, &text) {
            Ok(()) => {
                if json {
                    app.exported_now();
                }
                app.notify(
                    NoticeKind::Info,
                    i18n.fill(Msg::Exported, &[("file", &name)]),
                );
            }
            Err(_) => app.notify(NoticeKind::Error, app.text(Msg::StorageUnavailable).into()),
        }
    };
    // The text of a file for the chosen scope, and its name.
    let make_file = move |label: &str,
                          extension: &str,
                          make: &dyn Fn(Scope) -> Result<String, ScopeNotFound>|
          -> Option<(String, String)> {
        let scope = scope()?;
        let text = match make(scope) {
            Ok(text) => text,
            Err(ScopeNotFound) => {
                app.notify(NoticeKind::Error, app.text(Msg::RecordGone).into());
                return None;
            }
        };
        let name = file_name(
            &format!("{label} {}", scope_label(app, scope)),
            today(),
            extension,
        );
        Some((name, text))
    };
    let save = move |name_ext: (&'static str, &'static str),
                     make: &dyn Fn(Scope) -> Result<String, ScopeNotFound>| {
        if let Some((name, text)) = make_file(name_ext.0, name_ext.1, make) {
            deliver(name, name_ext.1 == "json", text);
        }
    };
    let protect = RwSignal::new(true);
    let passphrase = NewPassphrase::new();
    let sealing = RwSignal::new(false);
    let export_json = move |_| {
        let Some(device) = app.device() else { return };
        let make = |scope| {
            app.register
                .with_untracked(|reg| export(reg, scope, now(), device))
        };
        if !protect.get_untracked() {
            return save(("", "json"), &make);
        }
        let Some(secret) = passphrase.checked(app) else {
            return;
        };
        let Some((name, text)) = make_file("encrypted", "json", &make) else {
            return;
        };
        let Some(cipher) = WebCipher::new() else {
            return app.notify(
                NoticeKind::Error,
                app.change_error_text(&LockFailure::Unavailable("WebCrypto".into())),
            );
        };
        sealing.set(true);
        spawn_local(async move {
            match seal_file(&cipher, &secret, &text).await {
                Ok(sealed) => {
                    passphrase.clear();
                    deliver(name, true, sealed)
                }
                Err(e) => app.notify(
                    NoticeKind::Error,
                    app.change_error_text(&LockFailure::from(e)),
                ),
            }
            sealing.set(false);
        });
    };
    type CsvList = fn(&crate::domain::register::Register, Scope) -> Result<String, ScopeNotFound>;
    let lists: [(Msg, &'static str, CsvList); 5] = [
        (Msg::CsvPeople, "people", csv_export::people),
        (Msg::CsvGroups, "groups", csv_export::groups),
        (Msg::CsvMemberships, "memberships", csv_export::memberships),
        (Msg::CsvMeetings, "meetings", csv_export::meetings),
        (Msg::CsvAttendance, "attendance", csv_export::attendance),
    ];

    view! {
        <section class="record-section" id="export">
            <h2>{tr(Msg::ExportTitle)}</h2>
            <p class="warning" id="export-warning">{tr(Msg::ExportWarning)}</p>
            <SelectField id="export_scope" label=Msg::ExportScope
                choices=vec![
                    (ScopeKind::All, Msg::ScopeAll.into()),
                    (ScopeKind::Programme, Msg::ScopeProgramme.into()),
                    (ScopeKind::Place, Msg::ScopePlace.into()),
                    (ScopeKind::Group, Msg::ScopeGroup.into()),
                ]
                value=Signal::derive(move || Some(kind.get()))
                on_change=set_kind/>
            {move || match kind.get() {
                ScopeKind::All => ().into_any(),
                ScopeKind::Programme => view! {
                    <SelectField id="export_programme" label=Msg::FieldProgramme choices=programmes.clone()
                        value=programme on_change=move |p| programme.set(p) optional=true/>
                }.into_any(),
                ScopeKind::Place => view! {
                    <SearchPicker id="export_place" label=Msg::FieldPlace value=place on_change=move |p| place.set(p)
                        search=move |text: String| places_matching(app, &text) describe=move |id| place_label(app, id)
                        error=Signal::derive(|| None::<String>)/>
                }.into_any(),
                ScopeKind::Group => view! {
                    <SearchPicker id="export_group" label=Msg::ScopeGroup value=group on_change=move |g| group.set(g)
                        search=groups_matching describe=group_name error=Signal::derive(|| None::<String>)/>
                }.into_any(),
            }}
            <div class="field">
                <label class="checkbox">
                    <input type="checkbox" id="export-protect" prop:checked=protect
                        on:change:target=move |ev| protect.set(ev.target().checked())/>
                    " " {tr(Msg::ExportProtect)}
                </label>
            </div>
            <Show when=move || protect.get() fallback=|| view! {
                <p class="warning" id="export-unprotected">{tr(Msg::ExportUnprotected)}</p>
            }>
                <p class="field-hint">{tr(Msg::ExportProtectHint)}</p>
                <NewPassphraseFields p=passphrase prefix="export"/>
            </Show>
            <div class="actions">
                <button type="button" class="primary" id="export-json" disabled=sealing on:click=export_json>{tr(Msg::ExportJson)}</button>
            </div>
            <Show when=move || sealing.get()>
                <p role="status" id="export-status">{tr(Msg::EncryptingFile)}</p>
            </Show>
            <h3>{tr(Msg::CsvTitle)}</h3>
            <div class="actions">
                {lists.into_iter().map(|(label, name, make)| view! {
                    <button type="button" id=format!("csv-{name}") on:click=move |_| {
                        save((name, "csv"), &|scope| app.register.with_untracked(|reg| make(reg, scope)))
                    }>{tr(label)}</button>
                }).collect_view()}
            </div>
        </section>
    }
}

/// The way back from the last import, while its backup is kept.
#[component]
fn UndoImport() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let confirming = RwSignal::new(false);
    let undo = move |()| {
        confirming.set(false);
        match app.undo_import() {
            Ok(()) => app.notify(NoticeKind::Info, app.text(Msg::ImportUndone).into()),
            Err(e) => app.notify(NoticeKind::Error, save_error_text(app.lang(), &e)),
        }
    };
    let when = move || {
        app.backup_taken
            .get()
            .and_then(|t| t.date())
            .map(|d| i18n.date(d))
            .unwrap_or_default()
    };
    view! {
        <Show when=move || app.backup_taken.get().is_some()>
            <section class="record-section" id="undo-import">
                <Show when=move || confirming.get() fallback=move || view! {
                    <button type="button" id="undo-import-button" on:click=move |_| confirming.set(true)>
                        {move || i18n.fill(Msg::UndoImport, &[("date", &when())])}
                    </button>
                }>
                    <Confirm title=Signal::derive(move || i18n.fill(Msg::UndoImport, &[("date", &when())]))
                        body=Msg::UndoImportBody yes=Msg::UndoImportYes on_yes=undo on_cancel=move |()| confirming.set(false)/>
                </Show>
            </section>
        </Show>
    }
}
