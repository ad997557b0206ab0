//! Taking in a list of people from a spreadsheet (CSV): the file, the
//! mapping of its columns to the person's fields, what would be added, and
//! the rows that would not, with their problems.

use crate::exchange::csv::{self, Sheet};
use crate::exchange::people_import::{add_people, preview_people, PeoplePreview, RowProblem};
use crate::exchange::people_mapping::{guess_mapping, unmapped_required, Column, Mapping};
use crate::i18n::{exchange as words, problem_text, Lang, Msg};
use crate::ui::components::fields::{Label, SelectField};
use crate::ui::components::file_picker::FilePicker;
use crate::ui::files::read_text;
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::state::{save_error_text, today, use_app, NoticeKind};
use leptos::prelude::*;
use leptos::task::spawn_local;

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
