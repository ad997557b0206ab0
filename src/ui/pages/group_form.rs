//! Adding a group, and editing one: one form for both.

use crate::domain::form::FieldError;
use crate::domain::group::GroupStatus;
use crate::domain::group_form::{GroupField, GroupForm};
use crate::domain::id::Id;
use crate::domain::sort::{self, Key};
use crate::domain::time::iso_date;
use crate::i18n::{labels, problem_text, Msg};
use crate::route::Route;
use crate::ui::components::fields::{Label, SelectField, TextArea, TextField};
use crate::ui::components::missing::Missing;
use crate::ui::components::page_title::use_page_title;
use crate::ui::components::picker::SearchPicker;
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::lookup::{people_matching, person_label, place_label, places_matching};
use crate::ui::router::{use_router, Link};
use crate::ui::state::{save_error_text, today, use_app, NoticeKind};
use leptos::prelude::*;

#[component]
pub fn NewGroup() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(move || i18n.t(Msg::NewGroupTitle).to_string());
    view! {
        <section>
            <h1>{tr(Msg::NewGroupTitle)}</h1>
            <GroupEditor existing=None initial=GroupForm::blank(today())/>
        </section>
    }
}

#[component]
pub fn EditGroup(id: Id) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let found = move || {
        Some(id).and_then(|id| {
            app.register
                .with_untracked(|r| r.groups.get(id).cloned().map(|g| (id, g)))
        })
    };
    use_page_title(move || {
        let name = found().map(|(_, g)| g.name).unwrap_or_default();
        i18n.fill(Msg::EditGroupTitle, &[("name", &name)])
    });
    move || {
        match found() {
        Some((id, group)) => view! {
            <section>
                <h1>{i18n.fill(Msg::EditGroupTitle, &[("name", &group.name)])}</h1>
                <GroupEditor existing=Some(id) initial=GroupForm::from_group(&group)/>
            </section>
        }
        .into_any(),
        None => {
            view! { <Missing body=Msg::GroupNotFound back=Route::Groups back_label=Msg::BackToGroups/> }
                .into_any()
        }
    }
    }
}

#[component]
fn GroupEditor(existing: Option<Id>, initial: GroupForm) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let router = use_router();
    let form = RwSignal::new(initial);
    let errors = RwSignal::new(Vec::<FieldError<GroupField>>::new());
    let error_for = move |field: GroupField| {
        Signal::derive(move || {
            let lang = i18n.lang.get();
            errors.with(|e| {
                e.iter()
                    .find(|e| e.field == field)
                    .map(|e| problem_text(lang, e.problem))
            })
        })
    };
    let programmes = app.register.with_untracked(|reg| {
        let mut v: Vec<(Id, String)> = reg
            .programmes
            .live()
            .map(|(id, p)| (id, crate::i18n::seed::shown_owned(app.lang(), &p.name)))
            .collect();
        sort::by_key(&mut v, |r| Key::text(r.1.clone(), r.0));
        v.into_iter()
            .map(|(id, name)| (id, Label::Owned(name)))
            .collect::<Vec<_>>()
    });
    let set_programme = move |p: Option<Id>| form.update(|f| f.programme = p);
    let courses = app.register.with_untracked(|reg| {
        let mut v: Vec<(Id, String)> = reg
            .courses
            .live()
            .map(|(id, c)| (id, c.name.clone()))
            .collect();
        sort::by_key(&mut v, |r| Key::text(r.1.clone(), r.0));
        v.into_iter()
            .map(|(id, name)| (id, Label::Owned(name)))
            .collect::<Vec<_>>()
    });
    let set_course = move |c: Option<Id>| form.update(|f| f.course = c);
    let set_status =
        move |s: Option<GroupStatus>| form.update(|f| f.status = s.unwrap_or(GroupStatus::Active));

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let checked = app
            .register
            .with_untracked(|reg| form.with_untracked(|f| f.validate(reg, today())));
        let group = match checked {
            Ok(g) => g,
            Err(found) => return errors.set(found),
        };
        errors.set(Vec::new());
        let name = group.name.clone();
        let saved = app.apply(|edit| match existing {
            Some(id) => edit
                .update_group(id, group)
                .map(|()| id)
                .map_err(Into::into),
            None => edit.add_group(group).map_err(Into::into),
        });
        match saved {
            Ok(id) => {
                app.notify(
                    NoticeKind::Info,
                    i18n.fill(Msg::SavedRecord, &[("name", &name)]),
                );
                router.go(Route::Group(id));
            }
            Err(e) => app.notify(NoticeKind::Error, save_error_text(app.lang(), &e)),
        }
    };
    let cancel = existing.map_or(Route::Groups, Route::Group);

    view! {
        <form on:submit=submit novalidate id="group-form">
            <TextField id="group_name" label=Msg::FieldGroupName
                value=Signal::derive(move || form.with(|f| f.name.clone()))
                on_input=move |v| form.update(|f| f.name = v) error=error_for(GroupField::Name)/>
            <SelectField id="group_programme" label=Msg::FieldProgramme choices=programmes
                value=Signal::derive(move || form.with(|f| f.programme)) on_change=set_programme optional=true/>
            {move || error_for(GroupField::Programme).get().map(|e| view! { <p class="field-error" id="group_programme-error">{e}</p> })}
            <SearchPicker id="group_place" label=Msg::FieldPlace
                value=Signal::derive(move || form.with(|f| f.place))
                on_change=move |p| form.update(|f| f.place = p)
                search=move |text: String| places_matching(app, &text)
                describe=move |id| place_label(app, id)
                error=error_for(GroupField::Place)/>
            <TextField id="formed_on" label=Msg::FieldFormedOn kind="date"
                value=Signal::derive(move || form.with(|f| f.formed_on.clone()))
                on_input=move |v| form.update(|f| f.formed_on = v)
                error=error_for(GroupField::FormedOn) max=Signal::stored(iso_date(today()))/>
            <SelectField id="group_status" label=Msg::FieldStatus
                choices=GroupStatus::ALL.iter().map(|&s| (s, labels::status(s).into())).collect()
                value=Signal::derive(move || Some(form.with(|f| f.status))) on_change=set_status/>
            <SearchPicker id="group_mentor" label=Msg::FieldMentor
                value=Signal::derive(move || form.with(|f| f.mentor))
                on_change=move |p| form.update(|f| f.mentor = p)
                search=move |text: String| people_matching(app, i18n.lang.get_untracked(), &text)
                describe=move |id| person_label(app, i18n.lang.get_untracked(), id)
                error=error_for(GroupField::Mentor) optional=true/>
            {(!courses.is_empty()).then(|| view! {
                <SelectField id="group_course" label=Msg::FieldCourse choices=courses
                    value=Signal::derive(move || form.with(|f| f.course)) on_change=set_course optional=true/>
            })}
            <TextArea id="group_notes" label=Msg::FieldNotes
                value=Signal::derive(move || form.with(|f| f.notes.clone()))
                on_input=move |v| form.update(|f| f.notes = v) error=error_for(GroupField::Notes) optional=true/>
            <div class="actions">
                <button type="submit" class="primary" id="save-group">{tr(Msg::Save)}</button>
                <Link to=cancel class="button">{tr(Msg::Cancel)}</Link>
            </div>
        </form>
    }
}
