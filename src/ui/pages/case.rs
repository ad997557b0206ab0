//! Opening a case for a child, and the case page: details and consent, the
//! care plan, the status and its course, and follow-ups.

use super::person_protection::SensitiveMark;
use crate::domain::case::{Case, CaseStatus, FollowUp, Goal, GoalArea};
use crate::domain::case_form::{CaseField, CaseForm};
use crate::domain::form::FieldError;
use crate::domain::id::Id;
use crate::domain::risk::Concern;
use crate::domain::sort::{self, Key};
use crate::domain::text::{clean_line, clean_multiline};
use crate::domain::time::{iso_date, parse_date};
use crate::i18n::{labels, problem_text, Msg};
use crate::route::Route;
use crate::ui::components::fields::{SelectField, TextArea, TextField};
use crate::ui::components::missing::Missing;
use crate::ui::components::page_title::use_page_title;
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::router::{use_router, Link};
use crate::ui::state::{save_error_text, today, use_app, AppState, NoticeKind, SaveError};
use leptos::prelude::*;

fn person_name(app: AppState, person: Id) -> String {
    app.register.with_untracked(|r| r.person_name(person))
}

#[component]
pub fn NewCase(person: Id) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let name = person_name(app, person);
    use_page_title({
        let name = name.clone();
        move || i18n.fill(Msg::NewCaseTitle, &[("name", &name)])
    });
    view! {
        <section class="sensitive">
            <h1>{i18n.fill(Msg::NewCaseTitle, &[("name", &name)])} " " <SensitiveMark/></h1>
            <CaseDetailsForm person existing=None initial=CaseForm::blank(today())/>
        </section>
    }
}

#[component]
pub fn CasePage(id: Id) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let case = Memo::new(move |_| app.register.with(|r| r.cases.get(id).cloned()));
    let title = move || {
        case.with(|c| {
            c.as_ref()
                .map(|c| i18n.fill(Msg::CaseTitle, &[("name", &person_name(app, c.person))]))
        })
        .unwrap_or_default()
    };
    use_page_title(title);
    // Only whether the case exists re-renders the page; the sections follow
    // their own parts of it.
    let exists =
        Memo::new(move |_| case.with(|c| c.as_ref().map(|c| (c.person, CaseForm::from_case(c)))));
    move || {
        match exists.get() {
        None => {
            view! { <Missing body=Msg::CaseNotFound back=Route::Cases back_label=Msg::CasesTitle/> }
                .into_any()
        }
        Some((person, form)) => view! {
            <article class="record-view sensitive" id="case">
                <h1>{title} " " <SensitiveMark/></h1>
                <p><Link to=Route::Person(person)>{person_name(app, person)}</Link></p>
                <CaseStatusSection id case/>
                <CaseFollowUps id case/>
                <CarePlan id case/>
                <section class="record-section">
                    <h2>{tr(Msg::Edit)}</h2>
                    <CaseDetailsForm person existing=Some(id) initial=form/>
                </section>
                <crate::ui::components::history::History kind=crate::domain::register::Kind::Cases id/>
            </article>
        }
        .into_any(),
    }
    }
}

/// Saves a change to a case, telling the volunteer how it went.
fn save_case(
    app: AppState,
    change: impl FnOnce(&mut crate::domain::edit::Edit) -> Result<(), SaveError>,
) -> Option<String> {
    match app.apply(change) {
        Ok(()) => None,
        Err(e) => Some(save_error_text(app.lang(), &e)),
    }
}

#[component]
fn CaseDetailsForm(person: Id, existing: Option<Id>, initial: CaseForm) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let router = use_router();
    let form = RwSignal::new(initial);
    let errors = RwSignal::new(Vec::<FieldError<CaseField>>::new());
    let refusal = RwSignal::new(None::<String>);
    let error_for = move |field: CaseField| {
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
    let (intake, set_intake) = text_field!(intake_on);
    let (referred, set_referred) = text_field!(referred_by);
    let (rescue, set_rescue) = text_field!(rescue_place);
    let (guardian, set_guardian) = text_field!(guardian_consent_on);
    let (assent, set_assent) = text_field!(child_assent_on);
    let (notes, set_notes) = text_field!(notes);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let case = match form.with_untracked(|f| f.validate(person, today())) {
            Ok(c) => c,
            Err(found) => return errors.set(found),
        };
        errors.set(Vec::new());
        let saved = app.apply(|edit| match existing {
            Some(id) => edit
                .update_case(id, case, today())
                .map(|()| id)
                .map_err(Into::into),
            None => edit.open_case(case, today()).map_err(Into::into),
        });
        match saved {
            Ok(id) => {
                refusal.set(None);
                app.notify(NoticeKind::Info, i18n.t(Msg::CaseSaved).into());
                if existing.is_none() {
                    router.go(Route::Case(id));
                }
            }
            Err(e) => refusal.set(Some(save_error_text(app.lang(), &e))),
        }
    };
    view! {
        <form on:submit=submit novalidate id="case-form">
            <TextField id="intake_on" label=Msg::FieldIntake kind="date" value=intake on_input=set_intake
                error=error_for(CaseField::Intake) max=Signal::stored(iso_date(today()))/>
            <fieldset class="field checkboxes" aria-describedby="case_concerns-error">
                <legend>{tr(Msg::FieldConcerns)}</legend>
                {Concern::ALL.into_iter().map(|c| view! {
                    <label class="checkbox">
                        <input type="checkbox" id=format!("concern-{}", c as u8)
                            prop:checked=move || form.with(|f| f.concerns.contains(&c))
                            on:change:target=move |ev| {
                                let on = ev.target().checked();
                                form.update(|f| {
                                    f.concerns.retain(|x| *x != c);
                                    if on { f.concerns.push(c) }
                                })
                            }/>
                        <span>{tr(labels::concern(c))}</span>
                    </label>
                }).collect_view()}
                {move || error_for(CaseField::Concerns).get().map(|e| view! { <p class="field-error" id="case_concerns-error">{e}</p> })}
            </fieldset>
            <TextField id="referred_by" label=Msg::FieldReferredBy value=referred on_input=set_referred
                error=error_for(CaseField::ReferredBy) optional=true/>
            <TextField id="rescue_place" label=Msg::FieldRescuePlace value=rescue on_input=set_rescue
                error=error_for(CaseField::RescuePlace) optional=true/>
            <div class="field-row">
                <TextField id="guardian_consent_on" label=Msg::FieldGuardianConsent kind="date" value=guardian
                    on_input=set_guardian error=error_for(CaseField::GuardianConsent) optional=true/>
                <TextField id="child_assent_on" label=Msg::FieldChildAssent kind="date" value=assent
                    on_input=set_assent error=error_for(CaseField::ChildAssent) optional=true/>
            </div>
            <TextArea id="case_notes" label=Msg::FieldNotes value=notes on_input=set_notes
                error=error_for(CaseField::Notes) optional=true/>
            {move || refusal.get().map(|e| view! { <p class="form-error" role="alert" id="case-error">{e}</p> })}
            <div class="actions">
                <button type="submit" class="primary" id="save-case">{tr(Msg::Save)}</button>
            </div>
        </form>
    }
}

/// The status now, the allowed next moves, and the course so far.
#[component]
fn CaseStatusSection(id: Id, case: Memo<Option<Case>>) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let status = Memo::new(move |_| case.with(|c| c.as_ref().map(|c| c.status)));
    let to = RwSignal::new(None::<CaseStatus>);
    let on = RwSignal::new(iso_date(today()));
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let history = move || {
        case.with(|c| {
            c.as_ref()
                .map(|c| {
                    c.history
                        .iter()
                        .rev()
                        .map(|h| {
                            let mut what = i18n.t(labels::case_status(h.to)).to_string();
                            if !h.reason.is_empty() {
                                what = format!("{what} · {}", h.reason);
                            }
                            (i18n.date(h.on), what)
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (Some(next), Some(day)) = (to.get_untracked(), parse_date(&on.get_untracked())) else {
            return error.set(Some(i18n.t(Msg::ErrRequired).into()));
        };
        let why = reason.get_untracked();
        error.set(save_case(app, |edit| {
            edit.change_case_status(id, next, day, &why, today())
                .map_err(Into::into)
        }));
        if error.with_untracked(Option::is_none) {
            to.set(None);
            reason.set(String::new());
        }
    };
    view! {
        <section class="record-section" id="case-status">
            <h2>{tr(Msg::FieldStatus)} ": " <span id="case-status-now">{move || status.get().map(|s| tr(labels::case_status(s))())}</span></h2>
            <form class="inline-form" on:submit=submit novalidate id="status-form">
                {move || {
                    let next = status.get().map(|s| s.next().to_vec()).unwrap_or_default();
                    view! {
                        <SelectField id="new_status" label=Msg::FieldNewStatus
                            choices=next.into_iter().map(|s| (s, labels::case_status(s).into())).collect()
                            value=to on_change=move |s| to.set(s) optional=true/>
                    }
                }}
                <TextField id="status_on" label=Msg::FieldStatusDate kind="date" value=on on_input=move |v| on.set(v)
                    error=Signal::derive(|| None::<String>) max=Signal::stored(iso_date(today()))/>
                <TextField id="status_reason" label=Msg::FieldStatusReason value=reason on_input=move |v| reason.set(v)
                    error=Signal::derive(|| None::<String>) optional=true/>
                {move || error.get().map(|e| view! { <p class="form-error" role="alert" id="status-error">{e}</p> })}
                <button type="submit" id="change-status">{tr(Msg::ChangeStatus)}</button>
            </form>
            <h3>{tr(Msg::StatusHistory)}</h3>
            <ol class="timeline" id="status-history">
                <For each=history key=|h| h.clone() let:h>
                    <li><span class="when">{h.0}</span> " " <span>{h.1}</span></li>
                </For>
            </ol>
        </section>
    }
}

/// The case's follow-ups: planned, done, overdue; planning and recording.
#[component]
fn CaseFollowUps(id: Id, case: Memo<Option<Case>>) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let rows = Memo::new(move |_| {
        let today = today();
        let _ = case.get();
        app.register.with(|reg| {
            let mut list: Vec<(Id, FollowUp)> = reg
                .follow_ups
                .live()
                .filter(|(_, f)| f.case == id)
                .map(|(fid, f)| (fid, f.clone()))
                .collect();
            sort::by_key(&mut list, |(fid, f)| Key::newest_first(f.due_on, *fid));
            list.into_iter()
                .map(|(fid, f)| {
                    let date = |d| i18n.date(d);
                    let state = match f.done_on {
                        Some(done) => i18n.fill(
                            Msg::DoneOnText,
                            &[("date", &date(done)), ("name", &f.done_by)],
                        ),
                        None if f.is_overdue(today) => {
                            i18n.fill(Msg::OverdueText, &[("date", &date(f.due_on))])
                        }
                        None => i18n.fill(Msg::DueOnText, &[("date", &date(f.due_on))]),
                    };
                    let detail = if f.outcome.is_empty() {
                        state
                    } else {
                        format!("{state} · {}", f.outcome)
                    };
                    (
                        fid,
                        f.plan.clone(),
                        detail,
                        f.done_on.is_none(),
                        f.is_overdue(today),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let recording = RwSignal::new(None::<Id>);
    let due = RwSignal::new(iso_date(today()));
    let plan = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(due_on) = parse_date(&due.get_untracked()) else {
            return error.set(Some(i18n.t(Msg::ErrNotADate).into()));
        };
        let follow_up = FollowUp {
            case: id,
            due_on,
            plan: clean_line(&plan.get_untracked()),
            done_on: None,
            done_by: String::new(),
            outcome: String::new(),
        };
        match app.apply(|edit| edit.plan_follow_up(follow_up).map_err(Into::into)) {
            Ok(_) => {
                error.set(None);
                plan.set(String::new());
            }
            Err(e) => error.set(Some(save_error_text(app.lang(), &e))),
        }
    };
    view! {
        <section class="record-section" id="case-follow-ups">
            <h2>{tr(Msg::CaseFollowUps)}</h2>
            <ul class="record-list">
                <For each=move || rows.get() key=|r| r.clone() let:row>
                    <li class="record-row follow-up-row" class:overdue=row.4>
                        <span class="record-name">{row.1.clone()}</span>
                        <span class="record-details">{row.2.clone()}</span>
                        <Show when=move || row.3>
                            <Show when=move || recording.get() == Some(row.0) fallback=move || view! {
                                <button type="button" class="record-done" on:click=move |_| recording.set(Some(row.0))>{tr(Msg::RecordDone)}</button>
                            }>
                                <RecordFollowUp follow_up=row.0 on_done=move |()| recording.set(None)/>
                            </Show>
                        </Show>
                    </li>
                </For>
            </ul>
            <Show when=move || rows.with(Vec::is_empty)>
                <p class="muted">{tr(Msg::NoFollowUpsPlanned)}</p>
            </Show>
            <form class="inline-form" on:submit=submit novalidate id="plan-follow-up">
                <h3>{tr(Msg::PlanFollowUp)}</h3>
                <TextField id="follow_up_due" label=Msg::FieldDueOn kind="date" value=due on_input=move |v| due.set(v)
                    error=Signal::derive(|| None::<String>)/>
                <TextField id="follow_up_plan" label=Msg::FieldPlan value=plan on_input=move |v| plan.set(v)
                    error=Signal::derive(|| None::<String>) optional=true/>
                {move || error.get().map(|e| view! { <p class="form-error" role="alert" id="follow-up-error">{e}</p> })}
                <button type="submit" id="save-follow-up">{tr(Msg::PlanFollowUp)}</button>
            </form>
        </section>
    }
}

#[component]
fn RecordFollowUp(follow_up: Id, #[prop(into)] on_done: Callback<()>) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let on = RwSignal::new(iso_date(today()));
    let by = RwSignal::new(app.settings.with_untracked(|s| s.volunteer.clone()));
    let outcome = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(day) = parse_date(&on.get_untracked()) else {
            return error.set(Some(i18n.t(Msg::ErrNotADate).into()));
        };
        let (who, what) = (
            by.get_untracked(),
            clean_multiline(&outcome.get_untracked()),
        );
        error.set(save_case(app, |edit| {
            edit.complete_follow_up(follow_up, day, &who, &what, today())
                .map_err(Into::into)
        }));
        if error.with_untracked(Option::is_none) {
            on_done.run(());
        }
    };
    view! {
        <form class="inline-form" on:submit=submit novalidate>
            <TextField id="done_on" label=Msg::FieldDoneOn kind="date" value=on on_input=move |v| on.set(v)
                error=Signal::derive(|| None::<String>) max=Signal::stored(iso_date(today()))/>
            <TextField id="done_by" label=Msg::FieldDoneBy value=by on_input=move |v| by.set(v)
                error=Signal::derive(|| None::<String>)/>
            <TextField id="follow_up_outcome" label=Msg::FieldOutcome value=outcome on_input=move |v| outcome.set(v)
                error=Signal::derive(|| None::<String>) optional=true/>
            {move || error.get().map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
            <button type="submit" class="primary" id="save-done">{tr(Msg::RecordDone)}</button>
        </form>
    }
}

/// The care plan: goals by area, each marked achieved when it is.
#[component]
fn CarePlan(id: Id, case: Memo<Option<Case>>) -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let area = RwSignal::new(None::<GoalArea>);
    let text = RwSignal::new(String::new());
    let goals = move || {
        case.with(|c| {
            c.as_ref()
                .map(|c| {
                    c.goals
                        .iter()
                        .enumerate()
                        .map(|(i, g)| {
                            let done = g
                                .achieved_on
                                .map(|d| i18n.fill(Msg::GoalAchieved, &[("date", &i18n.date(d))]));
                            (
                                i,
                                format!("{} · {}", i18n.t(labels::goal_area(g.area)), g.text),
                                done,
                            )
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    // Goals change through the case's details, so the whole case is saved.
    let change_goals = move |change: &dyn Fn(&mut Vec<Goal>)| {
        let Some(mut form) = case.with_untracked(|c| c.as_ref().map(CaseForm::from_case)) else {
            return;
        };
        let Some(person) = case.with_untracked(|c| c.as_ref().map(|c| c.person)) else {
            return;
        };
        change(&mut form.goals);
        if let Ok(updated) = form.validate(person, today()) {
            if let Some(e) = save_case(app, |edit| {
                edit.update_case(id, updated, today()).map_err(Into::into)
            }) {
                app.notify(NoticeKind::Error, e);
            }
        }
    };
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(a) = area.get_untracked() else {
            return;
        };
        let goal = Goal {
            area: a,
            text: clean_line(&text.get_untracked()),
            achieved_on: None,
        };
        change_goals(&|goals| goals.push(goal.clone()));
        text.set(String::new());
    };
    view! {
        <section class="record-section" id="care-plan">
            <h2>{tr(Msg::CarePlan)}</h2>
            <ul class="record-list">
                <For each=goals key=|g| g.clone() let:goal>
                    <li class="record-row goal-row">
                        <span class="record-name">{goal.1.clone()}</span>
                        {match goal.2.clone() {
                            Some(done) => view! { <span class="record-details">{done}</span> }.into_any(),
                            None => view! {
                                <button type="button" class="mark-achieved"
                                    on:click=move |_| change_goals(&|goals| if let Some(g) = goals.get_mut(goal.0) { g.achieved_on = Some(today()) })>
                                    {tr(Msg::MarkAchieved)}
                                </button>
                            }.into_any(),
                        }}
                    </li>
                </For>
            </ul>
            <form class="inline-form" on:submit=add novalidate id="add-goal">
                <SelectField id="goal_area" label=Msg::FieldGoalArea
                    choices=GoalArea::ALL.iter().map(|&a| (a, labels::goal_area(a).into())).collect()
                    value=area on_change=move |a| area.set(a) optional=true/>
                <TextField id="goal_text" label=Msg::FieldGoalText value=text on_input=move |v| text.set(v)
                    error=Signal::derive(|| None::<String>)/>
                <button type="submit" id="save-goal">{tr(Msg::AddGoal)}</button>
            </form>
        </section>
    }
}
