//! Programmes and their rules: the list, and a form to add or edit one.

use super::courses::Courses;
use crate::domain::form::FieldError;
use crate::domain::id::Id;
use crate::domain::person::Sex;
use crate::domain::programme::{Members, Programme};
use crate::domain::programme_form::{ProgrammeField, ProgrammeForm};
use crate::domain::sort::{self, Key};
use crate::i18n::{labels, problem_text, Lang, Msg};
use crate::route::Route;
use crate::ui::components::confirm::Confirm;
use crate::ui::components::fields::{SelectField, TextArea, TextField};
use crate::ui::components::missing::Missing;
use crate::ui::components::page_title::use_page_title;
use crate::ui::components::record_list::{ListRow, RecordList};
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::router::{use_router, Link};
use crate::ui::state::{save_error_text, use_app, NoticeKind};
use leptos::prelude::*;

/// "Adults (18 or over when they join) · Girl / woman · ages 18–40 · at most 50 members · 2 meetings a month".
fn rule_summary(lang: Lang, p: &Programme) -> String {
    let t = |m| crate::i18n::text(lang, m);
    let fill = |m, v: &[(&str, &str)]| crate::i18n::fill(t(m), v);
    let r = &p.rules;
    let mut parts = vec![t(labels::members(r.members)).to_string()];
    if let Some(sex) = r.sex {
        parts.push(t(labels::sex(sex)).to_string());
    }
    if r.min_age.is_some() || r.max_age.is_some() {
        let min = r
            .min_age
            .map(|n| n.to_string())
            .unwrap_or_else(|| "0".into());
        let max = r
            .max_age
            .map(|n| n.to_string())
            .unwrap_or_else(|| "…".into());
        parts.push(fill(Msg::RuleAges, &[("min", &min), ("max", &max)]));
    }
    if let Some(max) = r.max_members {
        parts.push(fill(Msg::RuleMaxMembers, &[("max", &max.to_string())]));
    }
    if let Some(n) = r.meetings_per_month {
        parts.push(fill(Msg::RuleMeetings, &[("count", &n.to_string())]));
    }
    if !r.concurrent_groups {
        parts.push(t(Msg::RuleOneGroup).to_string());
    }
    parts.join(" · ")
}

#[component]
pub fn ProgrammesPage() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    use_page_title(move || i18n.t(Msg::ProgrammesTitle).to_string());
    let rows = move || {
        let lang = i18n.lang.get();
        app.register.with(|reg| {
            let mut rows: Vec<_> = reg
                .programmes
                .live()
                .map(|(id, p)| {
                    let groups = reg.groups.live().filter(|(_, g)| g.programme == id).count();
                    let count = crate::i18n::fill(
                        crate::i18n::text(lang, Msg::GroupCount),
                        &[("count", &groups.to_string())],
                    );
                    (
                        id,
                        crate::i18n::seed::shown_owned(lang, &p.name),
                        format!("{} · {count}", rule_summary(lang, p)),
                    )
                })
                .collect();
            sort::by_key(&mut rows, |r| Key::text(r.1.clone(), r.0));
            rows.into_iter()
                .map(|(id, name, details)| ListRow {
                    to: Route::Programme(id),
                    name,
                    details,
                    class: "programme-row",
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="programmes">
            <div class="page-head">
                <h1>{tr(Msg::ProgrammesTitle)}</h1>
                <Link to=Route::NewProgramme class="button primary" id="add-programme">{tr(Msg::AddProgramme)}</Link>
            </div>
            <RecordList rows=Signal::derive(rows)/>
            <Courses/>
        </section>
    }
}

#[component]
pub fn NewProgramme() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(move || i18n.t(Msg::NewProgrammeTitle).to_string());
    view! {
        <section>
            <h1>{tr(Msg::NewProgrammeTitle)}</h1>
            <ProgrammeEditor existing=None initial=ProgrammeForm::blank()/>
        </section>
    }
}

#[component]
pub fn ProgrammePage(id: Id) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let router = use_router();
    let found = Memo::new(move |_| {
        Some(id).and_then(|id| {
            app.register
                .with(|r| r.programmes.get(id).cloned().map(|p| (id, p)))
        })
    });
    use_page_title(move || {
        found
            .with(|f| f.as_ref().map(|(_, p)| p.name.clone()))
            .unwrap_or_default()
    });
    let confirming = RwSignal::new(false);
    move || {
        match found.get() {
            None => view! { <Missing body=Msg::ProgrammeNotFound back=Route::Programmes back_label=Msg::BackToProgrammes/> }.into_any(),
            Some((id, programme)) => {
                let name = programme.name.clone();
                let delete = move |()| match app.apply(|edit| edit.delete_programme(id).map_err(Into::into)) {
                    Ok(()) => {
                        app.notify(NoticeKind::Info, i18n.fill(Msg::DeletedRecord, &[("name", &name)]));
                        router.go(Route::Programmes);
                    }
                    Err(e) => {
                        confirming.set(false);
                        app.notify(NoticeKind::Error, save_error_text(app.lang(), &e));
                    }
                };
                let title = {
                    let name = programme.name.clone();
                    Signal::derive(move || i18n.fill(Msg::ConfirmDeleteTitle, &[("name", &name)]))
                };
                view! {
                    <section class="programme">
                        <h1>{i18n.fill(Msg::EditProgrammeTitle, &[("name", &crate::i18n::seed::shown(i18n.lang.get_untracked(), &programme.name))])}</h1>
                        <ProgrammeEditor existing=Some(id) initial=ProgrammeForm::from_programme(&programme)/>
                        <Show
                            when=move || confirming.get()
                            fallback=move || view! {
                                <div class="actions">
                                    <button type="button" id="delete" class="danger" on:click=move |_| confirming.set(true)>
                                        {tr(Msg::Delete)}
                                    </button>
                                    <Link to=Route::Programmes class="button">{tr(Msg::BackToProgrammes)}</Link>
                                </div>
                            }
                        >
                            <Confirm title=title body=Msg::ConfirmDeleteProgramme yes=Msg::ConfirmDeleteYes
                                on_yes=delete.clone() on_cancel=move |()| confirming.set(false)/>
                        </Show>
                    </section>
                }
                .into_any()
            }
        }
    }
}

#[component]
fn ProgrammeEditor(existing: Option<Id>, initial: ProgrammeForm) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let router = use_router();
    let form = RwSignal::new(initial);
    let errors = RwSignal::new(Vec::<FieldError<ProgrammeField>>::new());
    let error_for = move |field: ProgrammeField| {
        Signal::derive(move || {
            let lang = i18n.lang.get();
            errors.with(|e| {
                e.iter()
                    .find(|e| e.field == field)
                    .map(|e| problem_text(lang, e.problem))
            })
        })
    };
    macro_rules! text_field {
        ($member:ident) => {
            (
                Signal::derive(move || form.with(|f| f.$member.clone())),
                Callback::new(move |v: String| form.update(|f| f.$member = v)),
            )
        };
    }
    let (name, set_name) = text_field!(name);
    let (description, set_description) = text_field!(description);
    let (min_age, set_min_age) = text_field!(min_age);
    let (max_age, set_max_age) = text_field!(max_age);
    let (min_members, set_min_members) = text_field!(min_members);
    let (max_members, set_max_members) = text_field!(max_members);
    let (meetings, set_meetings) = text_field!(meetings_per_month);
    let (roles, set_roles) = text_field!(roles);
    let (themes, set_themes) = text_field!(themes);
    let (absences, set_absences) = text_field!(absences);
    let set_members =
        move |m: Option<Members>| form.update(|f| f.members = m.unwrap_or(Members::Anyone));
    let set_sex = move |s: Option<Sex>| form.update(|f| f.sex = s);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let programme = match form.with_untracked(ProgrammeForm::validate) {
            Ok(p) => p,
            Err(found) => return errors.set(found),
        };
        errors.set(Vec::new());
        let name = programme.name.clone();
        let saved = app.apply(|edit| match existing {
            Some(id) => edit
                .update_programme(id, programme)
                .map(|()| id)
                .map_err(Into::into),
            None => edit.add_programme(programme).map_err(Into::into),
        });
        match saved {
            Ok(_) => {
                app.notify(
                    NoticeKind::Info,
                    i18n.fill(Msg::SavedRecord, &[("name", &name)]),
                );
                router.go(Route::Programmes);
            }
            Err(e) => app.notify(NoticeKind::Error, save_error_text(app.lang(), &e)),
        }
    };

    view! {
        <form on:submit=submit novalidate id="programme-form">
            <TextField id="programme_name" label=Msg::FieldProgrammeName value=name on_input=set_name error=error_for(ProgrammeField::Name)/>
            <TextArea id="description" label=Msg::FieldDescription value=description on_input=set_description
                error=error_for(ProgrammeField::Description) optional=true/>
            <SelectField id="members" label=Msg::FieldMembers
                choices=[Members::Children, Members::Adults, Members::Anyone].iter().map(|&m| (m, labels::members(m).into())).collect()
                value=Signal::derive(move || Some(form.with(|f| f.members))) on_change=set_members/>
            <SelectField id="sex_rule" label=Msg::FieldSexRule
                choices=Sex::ALL.iter().map(|&s| (s, labels::sex(s).into())).collect()
                value=Signal::derive(move || form.with(|f| f.sex)) on_change=set_sex optional=true/>
            <div class="field-row">
                <TextField id="min_age" label=Msg::FieldMinAge value=min_age on_input=set_min_age
                    error=error_for(ProgrammeField::MinAge) inputmode="numeric" optional=true/>
                <TextField id="max_age" label=Msg::FieldMaxAge value=max_age on_input=set_max_age
                    error=error_for(ProgrammeField::MaxAge) inputmode="numeric" optional=true/>
            </div>
            <div class="field-row">
                <TextField id="min_members" label=Msg::FieldMinMembers value=min_members on_input=set_min_members
                    error=error_for(ProgrammeField::MinMembers) inputmode="numeric" optional=true/>
                <TextField id="max_members" label=Msg::FieldMaxMembers value=max_members on_input=set_max_members
                    error=error_for(ProgrammeField::MaxMembers) inputmode="numeric" optional=true/>
            </div>
            <TextField id="meetings_per_month" label=Msg::FieldMeetingsPerMonth value=meetings on_input=set_meetings
                error=error_for(ProgrammeField::MeetingsPerMonth) inputmode="numeric" optional=true/>
            <TextArea id="roles" label=Msg::FieldRoles value=roles on_input=set_roles error=error_for(ProgrammeField::Roles)/>
            <TextArea id="themes" label=Msg::FieldThemes value=themes on_input=set_themes
                error=error_for(ProgrammeField::Themes) optional=true/>
            <TextField id="absences" label=Msg::FieldAbsences value=absences on_input=set_absences
                error=error_for(ProgrammeField::Absences) inputmode="numeric"/>
            <div class="field">
                <label class="checkbox" for="concurrent_groups">
                    <input type="checkbox" id="concurrent_groups"
                        prop:checked=move || form.with(|f| f.concurrent_groups)
                        on:change:target=move |ev| form.update(|f| f.concurrent_groups = ev.target().checked())/>
                    <span>{tr(Msg::FieldConcurrent)}</span>
                </label>
            </div>
            <div class="actions">
                <button type="submit" class="primary" id="save-programme">{tr(Msg::Save)}</button>
            </div>
        </form>
    }
}
