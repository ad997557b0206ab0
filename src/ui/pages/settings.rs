//! Settings: the organisation's and the volunteer's names, the language,
//! the formats of dates and numbers, and how much room the records take on
//! this device.

use crate::i18n::formats::{DateStyle, Formats, NumberStyle};
use crate::i18n::{Lang, Msg};
use crate::ui::components::fields::{Label, SelectField, TextField};
use crate::ui::components::page_title::use_page_title;
use crate::ui::i18n::{tr, use_i18n};
use crate::ui::state::{save_error_text, use_app, NoticeKind};
use leptos::prelude::*;

/// A date in a style, as the choice's label: the example says it all.
fn example_date(dates: DateStyle) -> String {
    Formats {
        dates,
        ..Formats::default()
    }
    .date(crate::ui::state::today())
}

fn example_number(numbers: NumberStyle) -> String {
    Formats {
        numbers,
        ..Formats::default()
    }
    .number(12_900_000)
}

#[component]
pub fn SettingsPage() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    use_page_title(move || i18n.t(Msg::SettingsTitle).to_string());
    let draft = RwSignal::new(app.settings.get_untracked());
    let no_error = Signal::derive(|| None::<String>);

    let set_lang = move |l: Option<Lang>| {
        if let Some(l) = l {
            draft.update(|d| d.lang = l)
        }
    };

    let set_dates = move |v: Option<DateStyle>| {
        if let Some(v) = v {
            draft.update(|d| d.formats.dates = v)
        }
    };
    let set_numbers = move |v: Option<NumberStyle>| {
        if let Some(v) = v {
            draft.update(|d| d.formats.numbers = v)
        }
    };

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut settings = draft.get_untracked();
        settings.organisation = crate::domain::text::clean_line(&settings.organisation);
        settings.volunteer = crate::domain::text::clean_line(&settings.volunteer);
        match app.save_settings(settings.clone()) {
            Ok(()) => {
                draft.set(settings);
                app.notify(NoticeKind::Info, i18n.t(Msg::SettingsSaved).into());
            }
            Err(e) => app.notify(NoticeKind::Error, save_error_text(app.lang(), &e)),
        }
    };

    view! {
        <section class="settings">
            <h1>{tr(Msg::SettingsTitle)}</h1>
            <form on:submit=save novalidate>
                <TextField
                    id="organisation"
                    label=Msg::FieldOrganisation
                    value=Signal::derive(move || draft.with(|d| d.organisation.clone()))
                    on_input=move |v| draft.update(|d| d.organisation = v)
                    error=no_error
                    optional=true
                    autocomplete="organization"
                />
                <TextField
                    id="volunteer"
                    label=Msg::FieldVolunteer
                    value=Signal::derive(move || draft.with(|d| d.volunteer.clone()))
                    on_input=move |v| draft.update(|d| d.volunteer = v)
                    error=no_error
                    hint=Msg::FieldVolunteerHint
                    optional=true
                    autocomplete="name"
                />
                <SelectField
                    id="language"
                    label=Msg::FieldLanguage
                    choices=Lang::ALL.iter().map(|&l| (l, Label::Text(l.native_name()))).collect()
                    value=Signal::derive(move || Some(draft.with(|d| d.lang)))
                    on_change=set_lang
                />
                <SelectField
                    id="date_format"
                    label=Msg::FieldDateFormat
                    choices=DateStyle::ALL.iter().map(|&dates| (dates, Label::Owned(example_date(dates)))).collect()
                    value=Signal::derive(move || Some(draft.with(|d| d.formats.dates)))
                    on_change=set_dates
                />
                <SelectField
                    id="number_format"
                    label=Msg::FieldNumberFormat
                    choices=NumberStyle::ALL.iter().map(|&numbers| (numbers, Label::Owned(example_number(numbers)))).collect()
                    value=Signal::derive(move || Some(draft.with(|d| d.formats.numbers)))
                    on_change=set_numbers
                />
                <div class="actions">
                    <button type="submit" id="save-settings" class="primary">{tr(Msg::SaveSettings)}</button>
                </div>
            </form>
            <super::storage_use::StorageSection/>
            <Show when=move || !app.in_demo()>
                <super::demo::DemoSection/>
            </Show>
        </section>
    }
}
