//! Taking files in: an exchange file with its preview and conflicts, and a
//! list of people from a spreadsheet with its column mapping.

use crate::crypto::file::{self, FileError, Sealed};
use crate::crypto::web::WebCipher;
use crate::domain::paging::{page_rows, CONFLICT_PAGE};
use crate::domain::register::{Kind, Register};
use crate::exchange::any_record::AnyRecord;
use crate::exchange::csv::{self, Sheet};
use crate::exchange::import::{check_size, parse};
use crate::exchange::merge::{preview, Choice, Choices, Preview};
use crate::exchange::people_import::{add_people, preview_people, PeoplePreview, RowProblem};
use crate::exchange::people_mapping::{guess_mapping, unmapped_required, Column, Mapping};
use crate::i18n::{exchange as words, labels, problem_text, Lang, Msg};
use crate::ui::components::fields::{Label, SelectField, TextField};
use crate::ui::components::pager::Pager;
use crate::ui::files::read_text;
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::state::{save_error_text, today, use_app, ImportFailure, NoticeKind};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

/// The first file of an input's or a drop's file list.
fn first_file(files: Option<web_sys::FileList>) -> Option<web_sys::File> {
    files.and_then(|f| f.get(0))
}

/// A file input and a drop zone that hand over the chosen file.
#[component]
fn FilePicker(
    /// The input's id; its hint is `{id}-hint`.
    id: &'static str,
    /// The id of the heading that names the input (its accessible name).
    labelled_by: &'static str,
    accept: &'static str,
    #[prop(into)] on_file: Callback<web_sys::File>,
) -> impl IntoView {
    let over = RwSignal::new(false);
    view! {
        <div class="drop-zone" class:over=over
            on:dragover=move |ev: web_sys::DragEvent| { ev.prevent_default(); over.set(true) }
            on:dragleave=move |_| over.set(false)
            on:drop=move |ev: web_sys::DragEvent| {
                ev.prevent_default();
                over.set(false);
                if let Some(file) = first_file(ev.data_transfer().and_then(|d| d.files())) {
                    on_file.run(file);
                }
            }
        >
            <input type="file" id=id accept=accept aria-labelledby=labelled_by aria-describedby=format!("{id}-hint")
                on:change=move |ev| {
                    let input: web_sys::HtmlInputElement = ev.target().unwrap().unchecked_into();
                    if let Some(file) = first_file(input.files()) {
                        on_file.run(file);
                    }
                    input.set_value("");
                }/>
            <span class="muted">{tr(Msg::DropHere)}</span>
        </div>
    }
}

/// A one-line description of a record, for conflicts and set-aside records.
fn describe(reg: &Register, lang: Lang, r: &AnyRecord) -> String {
    let i18n = use_i18n();
    let kind = crate::i18n::text(lang, words::kind(r.kind()));
    let name = match r {
        AnyRecord::Person(r) => r.body.as_ref().map(|p| p.full_name()),
        AnyRecord::Place(r) => r.body.as_ref().map(|p| p.name.clone()),
        AnyRecord::Programme(r) => r.body.as_ref().map(|p| p.name.clone()),
        AnyRecord::Group(r) => r.body.as_ref().map(|g| g.name.clone()),
        AnyRecord::Course(r) => r.body.as_ref().map(|c| c.name.clone()),
        AnyRecord::Meeting(r) => r.body.as_ref().map(|m| {
            let group = reg
                .groups
                .get(m.group)
                .map(|g| g.name.clone())
                .unwrap_or_default();
            format!("{group} {}", i18n.date(m.date))
        }),
        AnyRecord::Membership(r) => r.body.as_ref().map(|m| {
            let person = reg
                .people
                .get(m.person)
                .map(|p| p.full_name())
                .unwrap_or_default();
            let group = reg
                .groups
                .get(m.group)
                .map(|g| g.name.clone())
                .unwrap_or_default();
            format!("{person} · {group}")
        }),
        AnyRecord::Flag(r) => r
            .body
            .as_ref()
            .map(|f| crate::i18n::text(lang, labels::concern(f.concern)).to_string()),
        AnyRecord::Case(_) | AnyRecord::FollowUp(_) | AnyRecord::Change(_) => None,
    };
    format!("{kind}: {}", name.unwrap_or_else(|| r.id().to_string()))
}

/// The fields of a record's body as text, top level only, for comparing.
fn fields(r: &AnyRecord) -> Vec<(String, String)> {
    let value = match r {
        AnyRecord::Person(r) => serde_json::to_value(&r.body),
        AnyRecord::Place(r) => serde_json::to_value(&r.body),
        AnyRecord::Programme(r) => serde_json::to_value(&r.body),
        AnyRecord::Group(r) => serde_json::to_value(&r.body),
        AnyRecord::Membership(r) => serde_json::to_value(&r.body),
        AnyRecord::Meeting(r) => serde_json::to_value(&r.body),
        AnyRecord::Flag(r) => serde_json::to_value(&r.body),
        AnyRecord::Case(r) => serde_json::to_value(&r.body),
        AnyRecord::FollowUp(r) => serde_json::to_value(&r.body),
        AnyRecord::Course(r) => serde_json::to_value(&r.body),
        AnyRecord::Change(r) => serde_json::to_value(&r.body),
    };
    match value {
        Ok(serde_json::Value::Object(map)) => map
            .into_iter()
            .map(|(k, v)| (k, v.as_str().map_or_else(|| v.to_string(), str::to_string)))
            .collect(),
        _ => Vec::new(),
    }
}

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
            if file::is_encrypted(&text) {
                return stage.set(match file::read(&text) {
                    Ok(sealed) => Stage::Locked(std::sync::Arc::new(sealed)),
                    Err(e) => Stage::Failed(sealed_error(app.lang(), &e)),
                });
            }
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
    let apply = move |_| {
        let Stage::Ready(p) = stage.get_untracked() else {
            return;
        };
        if p.changes_nothing() {
            stage.set(Stage::Idle);
            return app.notify(NoticeKind::Info, app.text(Msg::NothingToImport).into());
        }
        match app.import(&p, &choices.get_untracked()) {
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
        }
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
                        <button type="button" class="primary" id="apply-import" on:click=apply>{tr(Msg::ApplyImport)}</button>
                        <button type="button" id="cancel-import" on:click=move |_| stage.set(Stage::Idle)>{tr(Msg::Cancel)}</button>
                    </div>
                }.into_any(),
            }}
        </section>
    }
}

#[component]
fn ImportPreview(preview: std::sync::Arc<Preview>, choices: RwSignal<Choices>) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let lang = i18n.lang.get_untracked();
    let c = preview.counts();
    let count = |m, n: usize| i18n.fill(m, &[("count", &i18n.number(n))]);
    let from = i18n.fill(
        Msg::PreviewFrom,
        &[
            (
                "date",
                &preview
                    .header
                    .exported_at
                    .date()
                    .map(|d| i18n.date(d))
                    .unwrap_or_default(),
            ),
            ("device", &preview.header.device.to_string()),
        ],
    );
    let invalid: Vec<String> = app.register.with_untracked(|_| {
        preview
            .invalid
            .iter()
            .take(100)
            .map(|r| {
                let what = crate::i18n::text(lang, words::kind(r.kind));
                let id = r.id.map(|id| id.to_string()).unwrap_or_default();
                let why: Vec<String> = r
                    .problems
                    .iter()
                    .map(|p| words::record_problem(lang, p))
                    .collect();
                format!("{what} {id}: {}", why.join("; "))
            })
            .collect()
    });
    let set_all = {
        let keys: Vec<(Kind, crate::domain::id::Id)> =
            preview.conflicts.iter().map(|c| c.mine.key()).collect();
        move |choice: Choice| {
            choices.update(|ch| {
                keys.iter().for_each(|k| {
                    ch.insert(*k, choice);
                })
            })
        }
    };
    let set_all_mine = set_all.clone();
    // A page of conflicts at a time: answers are kept by record in
    // `choices`, so turning the page loses none.
    let conflicts = std::sync::Arc::new(preview.conflicts.clone());
    let conflict_count = conflicts.len();
    let conflicts_start = RwSignal::new(0);
    let conflict_page = {
        let conflicts = conflicts.clone();
        move || {
            conflicts[page_rows(conflicts_start.get(), conflict_count, CONFLICT_PAGE)]
                .iter()
                .map(|c| view! { <ConflictRow mine=c.mine.clone() theirs=c.theirs.clone() choices/> })
                .collect_view()
        }
    };
    view! {
        <section class="preview" id="import-preview" aria-live="polite">
            <h3>{tr(Msg::PreviewTitle)}</h3>
            <p class="muted">{from}</p>
            <ul class="counts">
                <li id="count-new">{count(Msg::CountNew, c.new)}</li>
                <li id="count-updated">{count(Msg::CountUpdated, c.updated)}</li>
                <li id="count-unchanged">{count(Msg::CountUnchanged, c.unchanged)}</li>
                <li id="count-conflicts">{count(Msg::CountConflicts, c.conflicts)}</li>
                <li id="count-invalid">{count(Msg::CountInvalid, c.invalid)}</li>
            </ul>
            {(!conflicts.is_empty()).then(|| view! {
                <h3>{tr(Msg::ConflictsTitle)}</h3>
                <div class="actions">
                    <button type="button" id="keep-all-mine" on:click=move |_| set_all_mine(Choice::KeepMine)>{tr(Msg::KeepAllMine)}</button>
                    <button type="button" id="take-all-theirs" on:click=move |_| set_all(Choice::TakeTheirs)>{tr(Msg::TakeAllTheirs)}</button>
                </div>
                <ol class="conflicts" id="conflict-list">{conflict_page}</ol>
                <Pager total=Signal::stored(conflict_count) start=conflicts_start id="conflicts-page" size=CONFLICT_PAGE/>
            })}
            {(!invalid.is_empty()).then(|| view! {
                <h3>{tr(Msg::InvalidTitle)}</h3>
                <ul class="invalid" id="invalid-records">
                    {invalid.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                </ul>
            })}
        </section>
    }
}

/// One record changed on both sides: the fields that differ, side by side,
/// and the choice between them.
#[component]
fn ConflictRow(mine: AnyRecord, theirs: AnyRecord, choices: RwSignal<Choices>) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let lang = i18n.lang.get_untracked();
    let key = mine.key();
    let title = app
        .register
        .with_untracked(|reg| describe(reg, lang, &mine));
    let (a, b) = (fields(&mine), fields(&theirs));
    let deleted = i18n.t(Msg::DeletedVersion).to_string();
    let mut rows: Vec<(String, String, String)> = Vec::new();
    for (k, v) in &a {
        let other = b
            .iter()
            .find(|(kb, _)| kb == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_else(|| deleted.clone());
        if *v != other {
            rows.push((k.clone(), v.clone(), other));
        }
    }
    if a.is_empty() || b.is_empty() {
        let side = |f: &[(String, String)]| {
            if f.is_empty() {
                deleted.clone()
            } else {
                String::new()
            }
        };
        rows.push((String::new(), side(&a), side(&b)));
    }
    let choice = move || choices.with(|c| c.get(&key).copied());
    let pick = move |c: Choice| {
        choices.update(|ch| {
            ch.insert(key, c);
        })
    };
    view! {
        <li class="conflict">
            <h4>{title}</h4>
            <table>
                <thead><tr><th></th><th>{tr(Msg::MineVersion)}</th><th>{tr(Msg::TheirVersion)}</th></tr></thead>
                <tbody>
                    {rows.into_iter().map(|(k, m, t)| view! { <tr><th scope="row">{k}</th><td>{m}</td><td>{t}</td></tr> }).collect_view()}
                </tbody>
            </table>
            <div class="actions" role="group">
                <button type="button" class="keep-mine" aria-pressed=move || (choice() == Some(Choice::KeepMine)).to_string()
                    on:click=move |_| pick(Choice::KeepMine)>{tr(Msg::KeepMine)}</button>
                <button type="button" class="take-theirs" aria-pressed=move || (choice() == Some(Choice::TakeTheirs)).to_string()
                    on:click=move |_| pick(Choice::TakeTheirs)>{tr(Msg::TakeTheirs)}</button>
            </div>
        </li>
    }
}

/// The problems of a spreadsheet row, in words.
fn row_problems(lang: Lang, problems: &[RowProblem]) -> String {
    problems
        .iter()
        .map(|p| match p {
            RowProblem::Unrecognised { column, value } => crate::i18n::fill(
                crate::i18n::text(lang, Msg::CsvUnrecognised),
                &[("column", &column_name(lang, *column)), ("value", value)],
            ),
            RowProblem::Field(e) => problem_text(lang, e.problem),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn column_msg(c: Column) -> Msg {
    match c {
        Column::GivenName => Msg::FieldGivenName,
        Column::FamilyName => Msg::FieldFamilyName,
        Column::Sex => Msg::FieldSex,
        Column::BirthDate => Msg::FieldBirthDate,
        Column::ApproxAge => Msg::FieldApproxYears,
        Column::AgeStatedOn => Msg::FieldApproxStatedOn,
        Column::GuardianName => Msg::FieldGuardianName,
        Column::GuardianRelationship => Msg::FieldGuardianRelationship,
        Column::Phone => Msg::FieldPhone,
        Column::Village => Msg::FieldVillage,
        Column::Community => Msg::FieldCommunity,
        Column::Schooling => Msg::FieldSchooling,
        Column::Class => Msg::FieldClass,
        Column::Notes => Msg::FieldNotes,
    }
}

fn column_name(lang: Lang, c: Column) -> String {
    crate::i18n::text(lang, column_msg(c)).to_string()
}

/// People from a spreadsheet: choose the file, check the columns, see what
/// would be added, add.
#[component]
pub fn CsvPeopleImport() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let sheet = RwSignal::new(None::<std::sync::Arc<Sheet>>);
    let mapping = RwSignal::new(Mapping::new());
    let error = RwSignal::new(None::<String>);
    let on_file = move |file: web_sys::File| {
        if let Err(e) = csv::check_size(file.size() as u64) {
            return error.set(Some(words::csv_error(app.lang(), &e)));
        }
        spawn_local(async move {
            let Ok(text) = read_text(&file).await else {
                return;
            };
            match csv::read(&text) {
                Ok(s) => {
                    error.set(None);
                    mapping.set(guess_mapping(&s.header));
                    sheet.set(Some(std::sync::Arc::new(s)));
                }
                Err(e) => error.set(Some(words::csv_error(app.lang(), &e))),
            }
        });
    };
    let preview = Memo::new(move |_| {
        let s = sheet.get()?;
        let m = mapping.get();
        Some(
            app.register
                .with_untracked(|reg| preview_people(&s, &m, reg, today())),
        )
    });
    let add = move |_| {
        let Some(p) = preview.get_untracked() else {
            return;
        };
        match app.apply(|edit| add_people(edit, &p, &[]).map_err(Into::into)) {
            Ok(ids) => {
                app.notify(
                    NoticeKind::Info,
                    i18n.fill(Msg::PeopleAdded, &[("count", &i18n.number(ids.len()))]),
                );
                sheet.set(None);
            }
            Err(e) => app.notify(NoticeKind::Error, save_error_text(app.lang(), &e)),
        }
    };
    view! {
        <section class="record-section" id="csv-import">
            <h2 id="csv-import-title">{tr(Msg::CsvImportTitle)}</h2>
            <p class="field-hint" id="csv-file-hint">{tr(Msg::CsvImportHint)}</p>
            <FilePicker id="csv-file" labelled_by="csv-import-title" accept=".csv,text/csv" on_file=on_file/>
            {move || error.get().map(|e| view! { <p class="form-error" role="alert" id="csv-error">{e}</p> })}
            {move || sheet.get().map(|s| {
                let choices: Vec<(Column, Label)> = Column::ALL.iter().map(|&c| (c, column_msg(c).into())).collect();
                view! {
                    <div class="mapping">
                        {s.header.iter().enumerate().map(|(i, name)| {
                            let label = i18n.fill(Msg::CsvColumn, &[("name", name)]);
                            view! {
                                <div class="mapping-row">
                                    <span class="mapping-name">{label}</span>
                                    <SelectField id=format!("map-{i}") label=Msg::CsvNotImported choices=choices.clone()
                                        value=Signal::derive(move || mapping.with(|m| m.get(i).copied().flatten()))
                                        on_change=move |c| mapping.update(|m| if let Some(slot) = m.get_mut(i) { *slot = c })
                                        optional=true/>
                                </div>
                            }
                        }).collect_view()}
                    </div>
                }
            })}
            {move || preview.get().map(|p: PeoplePreview| {
                let lang = i18n.lang.get();
                let missing = mapping.with(unmapped_required);
                let count = |m, n: usize| i18n.fill(m, &[("count", &i18n.number(n))]);
                let problems: Vec<String> = p.invalid.iter().take(100).map(|r| {
                    i18n.fill(Msg::RowText, &[("row", &r.row.to_string()), ("problems", &row_problems(lang, &r.problems))])
                }).collect();
                let can_add = missing.is_empty() && !p.new.is_empty();
                view! {
                    {(!missing.is_empty()).then(|| {
                        let names: Vec<String> = missing.iter().map(|c| column_name(lang, *c)).collect();
                        view! { <p class="form-error" id="csv-missing">{i18n.fill(Msg::CsvMissing, &[("fields", &names.join(", "))])}</p> }
                    })}
                    <ul class="counts" aria-live="polite">
                        <li id="csv-new">{count(Msg::PeopleNew, p.new.len())}</li>
                        <li id="csv-duplicates">{count(Msg::PeopleDuplicates, p.duplicates.len())}</li>
                        <li id="csv-invalid">{count(Msg::PeopleInvalid, p.invalid.len())}</li>
                    </ul>
                    <ul class="invalid" id="csv-problems">{problems.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                    <button type="button" class="primary" id="add-people" disabled=!can_add on:click=add>{tr(Msg::AddPeople)}</button>
                }
            })}
        </section>
    }
}
