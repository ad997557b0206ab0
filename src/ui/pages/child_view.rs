//! One child's record, with edit and delete.

use super::child_form::MissingChild;
use crate::domain::id::Id;
use crate::domain::person::{Birth, Person};
use crate::domain::record::Record;
use crate::i18n::{labels, Lang, Msg};
use crate::ui::components::confirm::Confirm;
use crate::ui::components::page_title::use_page_title;
use crate::ui::i18n::use_i18n;
use crate::ui::state::{save_error_text, today, use_app, NoticeKind};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};
use leptos_router::NavigateOptions;

#[component]
pub fn ChildView() -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|s| s.parse::<Id>().ok())));
    let record = Memo::new(move |_| {
        let id = id.get()?;
        app.register
            .with(|r| r.people.record(id).filter(|r| !r.is_deleted()).cloned())
    });
    use_page_title(move || {
        record
            .with(|r| {
                r.as_ref()
                    .and_then(|r| r.body.as_ref())
                    .map(Person::full_name)
            })
            .unwrap_or_default()
    });

    move || match record.get() {
        Some(record) => view! { <ChildDetails record/> }.into_any(),
        None => view! { <MissingChild/> }.into_any(),
    }
}

#[component]
fn ChildDetails(record: Record<Person>) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let navigate = use_navigate();
    let confirming = RwSignal::new(false);
    let id = record.id;
    let person = record.body.clone().expect("only live records are shown");
    let name = person.full_name();

    let delete = {
        let name = name.clone();
        move |()| match app.apply(|edit| edit.delete_person(id).map_err(Into::into)) {
            Ok(()) => {
                app.notify(
                    NoticeKind::Info,
                    i18n.fill(Msg::DeletedChild, &[("name", &name)]),
                );
                navigate("/children", NavigateOptions::default());
            }
            Err(e) => {
                confirming.set(false);
                app.notify(NoticeKind::Error, save_error_text(app.lang(), &e));
            }
        }
    };

    let details = move || details(i18n.lang.get(), &record, &person);
    let confirm_title = {
        let name = name.clone();
        Signal::derive(move || i18n.fill(Msg::ConfirmDeleteTitle, &[("name", &name)]))
    };

    view! {
        <article class="person-view">
            <h1 id="person-name">{name.clone()}</h1>
            <dl class="details">
                {move || details().into_iter().map(|(label, value)| view! {
                    <div class="detail">
                        <dt>{label}</dt>
                        <dd>{value}</dd>
                    </div>
                }).collect_view()}
            </dl>
            <Show
                when=move || confirming.get()
                fallback=move || view! {
                    <div class="actions">
                        <A href=format!("/children/{id}/edit") attr:class="button primary" attr:id="edit">
                            {move || i18n.t(Msg::Edit)}
                        </A>
                        <button type="button" id="delete" class="danger" on:click=move |_| confirming.set(true)>
                            {move || i18n.t(Msg::Delete)}
                        </button>
                        <A href="/children" attr:class="button">{move || i18n.t(Msg::BackToList)}</A>
                    </div>
                }
            >
                <Confirm
                    title=confirm_title
                    body=Msg::ConfirmDeleteBody
                    yes=Msg::ConfirmDeleteYes
                    on_yes=delete.clone()
                    on_cancel=move |()| confirming.set(false)
                />
            </Show>
        </article>
    }
}

/// The record as label and value pairs, leaving out what was not recorded.
fn details(lang: Lang, record: &Record<Person>, p: &Person) -> Vec<(&'static str, String)> {
    let t = |m| crate::i18n::text(lang, m);
    let mut rows = vec![
        (t(Msg::ColAge), labels::age(lang, p.age_on(today()))),
        (t(Msg::FieldSex), t(labels::sex(p.sex)).to_string()),
    ];
    match p.birth {
        Birth::Known { date } => rows.push((t(Msg::FieldBirthDate), labels::date(lang, date))),
        Birth::Approximate { years, stated_on } => rows.push((
            t(Msg::FieldApproxYears),
            format!(
                "{years} ({} {})",
                t(Msg::FieldApproxStatedOn).to_lowercase(),
                labels::date(lang, stated_on)
            ),
        )),
    }
    let mut optional = |label: Msg, value: String| {
        if !value.is_empty() {
            rows.push((t(label), value));
        }
    };
    optional(Msg::FieldGuardianName, p.guardian_name.clone());
    optional(
        Msg::FieldGuardianRelationship,
        p.guardian_relationship
            .map(|r| t(labels::relationship(r)).to_string())
            .unwrap_or_default(),
    );
    optional(Msg::FieldPhone, p.phone.clone());
    optional(Msg::FieldVillage, p.village.clone());
    optional(Msg::FieldCommunity, p.community.clone());
    optional(Msg::FieldSchooling, labels::schooling(lang, p.schooling));
    optional(Msg::FieldNotes, p.notes.clone());
    let when = |ts: crate::domain::time::Timestamp| {
        ts.date().map(|d| labels::date(lang, d)).unwrap_or_default()
    };
    optional(Msg::RegisteredOn, when(record.created));
    optional(Msg::ChangedOn, when(record.updated));
    rows
}
