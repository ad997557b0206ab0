//! Registering a person, and editing a person's record: one form for both.

use crate::domain::id::Id;
use crate::domain::person::{Relationship, Sex};
use crate::domain::person_form::{Field, PersonError, PersonForm, SchoolingChoice};
use crate::domain::suggest::{Known, SUGGESTIONS};
use crate::domain::time::iso_date;
use crate::i18n::{labels, problem_text, Msg};
use crate::route::Route;
use crate::ui::components::fields::{RadioGroup, SelectField, TextArea, TextField};
use crate::ui::components::missing::Missing;
use crate::ui::components::page_title::use_page_title;
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::router::{use_router, Link};
use crate::ui::state::{save_error_text, today, use_app, NoticeKind};
use leptos::prelude::*;

/// The id of the element that shows a field, for focusing the first error.
fn element_id(field: Field) -> &'static str {
    match field {
        Field::GivenName => "given_name",
        Field::FamilyName => "family_name",
        Field::Sex => "sex-0",
        Field::BirthDate => "birth_date",
        Field::ApproxYears => "approx_years",
        Field::ApproxStatedOn => "approx_stated_on",
        Field::GuardianName => "guardian_name",
        Field::Phone => "phone",
        Field::Village => "village",
        Field::Community => "community",
        Field::Class => "class",
        Field::Notes => "notes",
    }
}

#[component]
pub fn NewPerson() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(move || i18n.t(Msg::NewPersonTitle).to_string());
    view! { <PersonEditor existing=None initial=PersonForm::blank(today())/> }
}

#[component]
pub fn EditPerson(id: Id) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let found = move || {
        app.register
            .with_untracked(|r| r.people.get(id).map(|p| (id, p.clone())))
    };
    use_page_title(move || {
        let name = found().map(|(_, p)| p.full_name()).unwrap_or_default();
        i18n.fill(Msg::EditPersonTitle, &[("name", &name)])
    });
    move || {
        match found() {
        Some((id, person)) => {
            view! { <PersonEditor existing=Some(id) initial=PersonForm::from_person(&person, today())/> }.into_any()
        }
        None => view! { <MissingPerson/> }.into_any(),
    }
    }
}

/// Shown for the address of a person who is not (or no longer) registered.
#[component]
pub fn MissingPerson() -> impl IntoView {
    view! { <Missing body=Msg::PersonNotFound back=Route::People back_label=Msg::BackToPeople/> }
}

/// The form itself. Saving validates first; what the volunteer typed is kept
/// whatever happens, so a refused save never loses it.
#[component]
fn PersonEditor(
    /// The record being edited, or `None` for a new registration.
    existing: Option<Id>,
    initial: PersonForm,
) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let router = use_router();
    let form = RwSignal::new(initial);
    let errors = RwSignal::new(Vec::<PersonError>::new());
    let today_text = iso_date(today());

    let error_for = move |field: Field| {
        Signal::derive(move || {
            let lang = i18n.lang.get();
            errors.with(|e| {
                e.iter()
                    .find(|e| e.field == field)
                    .map(|e| problem_text(lang, e.problem))
            })
        })
    };
    // A text field bound to one member of the form.
    macro_rules! text_field {
        ($member:ident) => {
            (
                Signal::derive(move || form.with(|f| f.$member.clone())),
                Callback::new(move |v: String| form.update(|f| f.$member = v)),
            )
        };
    }
    let (given_name, set_given_name) = text_field!(given_name);
    let (family_name, set_family_name) = text_field!(family_name);
    let (birth_date, set_birth_date) = text_field!(birth_date);
    let (approx_years, set_approx_years) = text_field!(approx_years);
    let (approx_stated_on, set_approx_stated_on) = text_field!(approx_stated_on);
    let (guardian_name, set_guardian_name) = text_field!(guardian_name);
    let (phone, set_phone) = text_field!(phone);
    let (village, set_village) = text_field!(village);
    let (community, set_community) = text_field!(community);
    let (class, set_class) = text_field!(class);
    let (notes, set_notes) = text_field!(notes);
    let set_schooling =
        move |c: Option<SchoolingChoice>| form.update(|f| f.schooling = c.unwrap_or_default());
    let known_villages = Memo::new(move |_| {
        app.register
            .with(|r| Known::new(r.people.live().map(|(_, p)| p.village.as_str())))
    });
    // Only the villages matching what is typed: a state has thousands.
    let village_suggestions = Memo::new(move |_| {
        known_villages.with(|known| known.matching(&village.get(), SUGGESTIONS))
    });

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let person = match form.with_untracked(|f| f.validate(today())) {
            Ok(person) => person,
            Err(found) => {
                if let Some(first) = found.first() {
                    focus(element_id(first.field));
                }
                errors.set(found);
                return;
            }
        };
        errors.set(Vec::new());
        let name = person.full_name();
        let saved = app.apply(|edit| match existing {
            Some(id) => edit
                .update_person(id, person)
                .map(|()| id)
                .map_err(Into::into),
            None => edit.add_person(person).map_err(Into::into),
        });
        match saved {
            Ok(id) => {
                app.notify(
                    NoticeKind::Info,
                    i18n.fill(Msg::SavedRecord, &[("name", &name)]),
                );
                router.go(Route::Person(id));
            }
            Err(e) => app.notify(NoticeKind::Error, save_error_text(app.lang(), &e)),
        }
    };

    let title = move || match existing {
        Some(_) => i18n.fill(
            Msg::EditPersonTitle,
            &[("name", &form.with(|f| f.given_name.clone()))],
        ),
        None => i18n.t(Msg::NewPersonTitle).to_string(),
    };
    let cancel_href = existing.map_or(Route::People, Route::Person);

    view! {
        <section class="person-editor">
            <h1>{title}</h1>
            <form on:submit=submit novalidate id="person-form">
                <Show when=move || errors.with(|e| !e.is_empty())>
                    <p class="form-error" role="alert" id="form-error">{tr(Msg::FormHasErrors)}</p>
                </Show>

                <section class="form-section">
                    <h2>{tr(Msg::SectionIdentity)}</h2>
                    <TextField id="given_name" label=Msg::FieldGivenName value=given_name on_input=set_given_name
                        error=error_for(Field::GivenName) autocomplete="off"/>
                    <TextField id="family_name" label=Msg::FieldFamilyName value=family_name on_input=set_family_name
                        error=error_for(Field::FamilyName) hint=Msg::FieldFamilyNameHint optional=true/>
                    <RadioGroup
                        name="sex"
                        legend=Msg::FieldSex
                        choices=Sex::ALL.iter().map(|&s| (s, labels::sex(s))).collect()
                        value=Signal::derive(move || form.with(|f| f.sex))
                        on_change=move |s| form.update(|f| f.sex = Some(s))
                        error=error_for(Field::Sex)
                    />
                </section>

                <section class="form-section">
                    <h2>{tr(Msg::SectionBirth)}</h2>
                    <RadioGroup
                        name="birth_known"
                        legend=Msg::SectionBirth
                        choices=vec![(true, Msg::BirthDateKnown), (false, Msg::BirthDateUnknown)]
                        value=Signal::derive(move || Some(form.with(|f| f.birth_date_known)))
                        on_change=move |known| form.update(|f| f.birth_date_known = known)
                    />
                    <Show
                        when=move || form.with(|f| f.birth_date_known)
                        fallback=move || view! {
                            <TextField id="approx_years" label=Msg::FieldApproxYears value=approx_years
                                on_input=set_approx_years error=error_for(Field::ApproxYears) inputmode="numeric"/>
                            <TextField id="approx_stated_on" label=Msg::FieldApproxStatedOn value=approx_stated_on
                                on_input=set_approx_stated_on error=error_for(Field::ApproxStatedOn) kind="date"
                                hint=Msg::FieldApproxHint max=Signal::stored(iso_date(today()))/>
                        }
                    >
                        <TextField id="birth_date" label=Msg::FieldBirthDate value=birth_date on_input=set_birth_date
                            error=error_for(Field::BirthDate) kind="date" max=Signal::stored(today_text.clone())/>
                    </Show>
                </section>

                <section class="form-section">
                    <h2>{tr(Msg::SectionFamily)}</h2>
                    <TextField id="guardian_name" label=Msg::FieldGuardianName value=guardian_name
                        on_input=set_guardian_name error=error_for(Field::GuardianName) optional=true/>
                    <SelectField
                        id="guardian_relationship"
                        label=Msg::FieldGuardianRelationship
                        choices=Relationship::ALL.iter().map(|&r| (r, labels::relationship(r).into())).collect()
                        value=Signal::derive(move || form.with(|f| f.guardian_relationship))
                        on_change=move |r| form.update(|f| f.guardian_relationship = r)
                        optional=true
                    />
                    <TextField id="phone" label=Msg::FieldPhone value=phone on_input=set_phone
                        error=error_for(Field::Phone) kind="tel" hint=Msg::FieldPhoneHint optional=true
                        autocomplete="tel"/>
                </section>

                <section class="form-section">
                    <h2>{tr(Msg::SectionPlace)}</h2>
                    <TextField id="village" label=Msg::FieldVillage value=village on_input=set_village
                        error=error_for(Field::Village) optional=true list="known-villages"/>
                    <datalist id="known-villages">
                        <For each=move || village_suggestions.get() key=|v| v.clone() let:v>
                            <option value=v></option>
                        </For>
                    </datalist>
                    <TextField id="community" label=Msg::FieldCommunity value=community on_input=set_community
                        error=error_for(Field::Community) hint=Msg::FieldCommunityHint optional=true/>
                </section>

                <section class="form-section">
                    <h2>{tr(Msg::SectionSchool)}</h2>
                    <SelectField
                        id="schooling"
                        label=Msg::FieldSchooling
                        choices=SchoolingChoice::ALL.iter().map(|&c| (c, labels::schooling_choice(c).into())).collect()
                        value=Signal::derive(move || Some(form.with(|f| f.schooling)))
                        on_change=set_schooling
                    />
                    <Show when=move || form.with(|f| f.schooling == SchoolingChoice::Enrolled)>
                        <TextField id="class" label=Msg::FieldClass value=class on_input=set_class
                            error=error_for(Field::Class) inputmode="numeric"/>
                    </Show>
                </section>

                <section class="form-section">
                    <h2>{tr(Msg::SectionNotes)}</h2>
                    <TextArea id="notes" label=Msg::FieldNotes value=notes on_input=set_notes
                        error=error_for(Field::Notes) optional=true/>
                </section>

                <div class="actions">
                    <button type="submit" id="save" class="primary">
                        {move || i18n.t(if existing.is_some() { Msg::SaveChanges } else { Msg::Save })}
                    </button>
                    <Link to=cancel_href class="button" id="cancel">{tr(Msg::Cancel)}</Link>
                </div>
            </form>
        </section>
    }
}

fn focus(element_id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = document().get_element_by_id(element_id) {
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}
