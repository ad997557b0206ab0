//! Training courses (Balika Ashram): the list and a form to add one. A
//! course is taught by batches, which are groups with that course.

use crate::domain::text::{clean_line, clean_multiline};
use crate::domain::training::Course;
use crate::i18n::Msg;
use crate::ui::components::fields::{TextArea, TextField};
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::state::{save_error_text, use_app, NoticeKind};
use leptos::prelude::*;

#[component]
pub fn Courses() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    let courses = Memo::new(move |_| {
        app.register.with(|reg| {
            reg.courses
                .live()
                .map(|(id, c)| {
                    let batches = reg
                        .groups
                        .live()
                        .filter(|(_, g)| g.course == Some(id))
                        .count();
                    (
                        c.name.clone(),
                        c.description.clone(),
                        i18n.fill(Msg::GroupCount, &[("count", &batches.to_string())]),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let name = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let course = Course {
            name: clean_line(&name.get_untracked()),
            description: clean_multiline(&description.get_untracked()),
        };
        if course.name.is_empty() {
            return error.set(Some(i18n.t(Msg::ErrRequired).into()));
        }
        let label = course.name.clone();
        match app.apply(|edit| edit.add_course(course).map_err(Into::into)) {
            Ok(_) => {
                error.set(None);
                name.set(String::new());
                description.set(String::new());
                app.notify(
                    NoticeKind::Info,
                    i18n.fill(Msg::SavedRecord, &[("name", &label)]),
                );
            }
            Err(e) => error.set(Some(save_error_text(app.lang(), &e))),
        }
    };
    view! {
        <section class="record-section" id="courses">
            <h2>{tr(Msg::CoursesTitle)}</h2>
            <ul class="record-list">
                <For each=move || courses.get() key=|c| c.clone() let:course>
                    <li class="record-row course-row">
                        <span class="record-name">{course.0}</span>
                        <span class="record-details">{course.2} " · " {course.1}</span>
                    </li>
                </For>
            </ul>
            <Show when=move || courses.with(Vec::is_empty)>
                <p class="muted">{tr(Msg::NoCourses)}</p>
            </Show>
            <form class="inline-form" on:submit=add novalidate id="add-course">
                <TextField id="course_name" label=Msg::FieldCourseName value=name on_input=move |v| name.set(v) error=error/>
                <TextArea id="course_description" label=Msg::FieldDescription value=description
                    on_input=move |v| description.set(v) error=Signal::derive(|| None::<String>) optional=true/>
                <button type="submit" id="save-course">{tr(Msg::AddCourse)}</button>
            </form>
        </section>
    }
}
