//! Form fields with their label, hint and error tied together for assistive
//! technology (`aria-describedby`, `aria-invalid`).

use crate::i18n::Msg;
use crate::ui::i18n::{tr, use_i18n};
use leptos::prelude::*;

/// The ids of a field's hint and error, as referenced by `aria-describedby`.
fn described_by(id: &str, has_hint: bool, has_error: bool) -> Option<String> {
    let parts: Vec<String> = [(has_hint, "hint"), (has_error, "error")]
        .into_iter()
        .filter(|(on, _)| *on)
        .map(|(_, what)| format!("{id}-{what}"))
        .collect();
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// The label text, with "(optional)" after fields that may stay empty.
#[component]
fn LabelText(label: Msg, optional: bool) -> impl IntoView {
    view! {
        {tr(label)}
        {optional.then(|| view! { " " <span class="optional">"(" {tr(Msg::Optional)} ")"</span> })}
    }
}

/// The error under a field, when there is one.
#[component]
fn FieldError(id: &'static str, error: Signal<Option<String>>) -> impl IntoView {
    move || {
        error
            .get()
            .map(|text| view! { <p class="field-error" id=format!("{id}-error")>{text}</p> })
    }
}

#[component]
fn FieldHint(id: &'static str, hint: Option<Msg>) -> impl IntoView {
    hint.map(|hint| view! { <p class="field-hint" id=format!("{id}-hint")>{tr(hint)}</p> })
}

/// A one-line input.
#[component]
pub fn TextField(
    /// The input's id; its hint and error are `{id}-hint` and `{id}-error`.
    id: &'static str,
    label: Msg,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_input: Callback<String>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(optional)] hint: Option<Msg>,
    /// Shows "(optional)" after the label.
    #[prop(optional)]
    optional: bool,
    /// The input type: text, date, tel, number…
    #[prop(default = "text")]
    kind: &'static str,
    #[prop(optional, into)] max: Option<Signal<String>>,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(optional)] list: Option<&'static str>,
) -> impl IntoView {
    let has_hint = hint.is_some();
    view! {
        <div class="field" class:has-error=move || error.with(Option::is_some)>
            <label for=id><LabelText label optional/></label>
            <FieldHint id hint/>
            <input
                id=id
                name=id
                type=kind
                prop:value=move || value.get()
                on:input:target=move |ev| on_input.run(ev.target().value())
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=move || described_by(id, has_hint, error.with(Option::is_some))
                max=move || max.map(|m| m.get())
                autocomplete=autocomplete.unwrap_or("off")
                inputmode=inputmode
                list=list
            />
            <FieldError id error/>
        </div>
    }
}

/// A multi-line text box.
#[component]
pub fn TextArea(
    id: &'static str,
    label: Msg,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_input: Callback<String>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(optional)] optional: bool,
) -> impl IntoView {
    view! {
        <div class="field" class:has-error=move || error.with(Option::is_some)>
            <label for=id><LabelText label optional/></label>
            <textarea
                id=id
                name=id
                rows="4"
                prop:value=move || value.get()
                on:input:target=move |ev| on_input.run(ev.target().value())
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=move || described_by(id, false, error.with(Option::is_some))
            ></textarea>
            <FieldError id error/>
        </div>
    }
}

/// The text of a choice: a message, or a fixed text such as a language's
/// own name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Label {
    Msg(Msg),
    Text(&'static str),
    /// A record's own name (a programme, a role).
    Owned(String),
}

impl From<Msg> for Label {
    fn from(m: Msg) -> Self {
        Label::Msg(m)
    }
}

impl Label {
    fn text(&self, i18n: crate::ui::i18n::I18n) -> String {
        match self {
            Label::Msg(m) => i18n.t(*m).to_string(),
            Label::Text(t) => t.to_string(),
            Label::Owned(s) => s.clone(),
        }
    }
}

/// A drop-down list of choices. `None` is the "Choose…" entry when `optional`.
///
/// Generic only in the thin layer that maps values to positions; the view
/// itself is built once for every type of choice (see `select_view`).
#[component]
pub fn SelectField<T>(
    /// The select's id (a `String` so that rows of a list can each have one).
    #[prop(into)]
    id: String,
    label: Msg,
    /// The choices, each with its label.
    choices: Vec<(T, Label)>,
    #[prop(into)] value: Signal<Option<T>>,
    #[prop(into)] on_change: Callback<Option<T>>,
    #[prop(optional)] optional: bool,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let (values, labels): (Vec<T>, Vec<Label>) = choices.into_iter().unzip();
    let values = StoredValue::new(values);
    let index = Signal::derive(move || {
        let v = value.get()?;
        values.with_value(|vs| vs.iter().position(|x| *x == v))
    });
    let pick = Callback::new(move |i: Option<usize>| {
        on_change.run(i.and_then(|i| values.with_value(|vs| vs.get(i).copied())))
    });
    select_view(id, label, labels, index, pick, optional)
}

#[inline(never)]
fn select_view(
    id: String,
    label: Msg,
    labels: Vec<Label>,
    index: Signal<Option<usize>>,
    pick: Callback<Option<usize>>,
    optional: bool,
) -> AnyView {
    let i18n = use_i18n();
    view! {
        <div class="field">
            <label for=id.clone()><LabelText label optional/></label>
            <select
                id=id.clone()
                name=id
                on:change:target=move |ev| pick.run(ev.target().value().parse::<usize>().ok())
            >
                // Selection is set on each option: a `value` on the select itself
                // would be applied before its options exist.
                {optional.then(|| view! {
                    <option value="" prop:selected=move || index.get().is_none()>
                        {tr(Msg::ChooseOne)}
                    </option>
                })}
                {labels.into_iter().enumerate().map(|(i, label)| {
                    view! {
                        <option value=i.to_string() prop:selected=move || index.get() == Some(i)>
                            {move || label.text(i18n)}
                        </option>
                    }
                }).collect_view()}
            </select>
        </div>
    }
    .into_any()
}

/// A set of radio buttons: quicker than a list on a phone for two or three
/// choices. Each button's id is `{name}-{index}`.
#[component]
pub fn RadioGroup<T>(
    name: &'static str,
    legend: Msg,
    choices: Vec<(T, Msg)>,
    #[prop(into)] value: Signal<Option<T>>,
    #[prop(into)] on_change: Callback<T>,
    #[prop(into, optional)] error: Option<Signal<Option<String>>>,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let (values, labels): (Vec<T>, Vec<Msg>) = choices.into_iter().unzip();
    let values = StoredValue::new(values);
    let index = Signal::derive(move || {
        let v = value.get()?;
        values.with_value(|vs| vs.iter().position(|x| *x == v))
    });
    let pick = Callback::new(move |i: usize| {
        if let Some(v) = values.with_value(|vs| vs.get(i).copied()) {
            on_change.run(v)
        }
    });
    let error = error.unwrap_or_else(|| Signal::derive(|| None));
    radio_view(name, legend, labels, index, pick, error)
}

#[inline(never)]
fn radio_view(
    name: &'static str,
    legend: Msg,
    labels: Vec<Msg>,
    index: Signal<Option<usize>>,
    pick: Callback<usize>,
    error: Signal<Option<String>>,
) -> AnyView {
    view! {
        <fieldset
            class="field radio-group"
            class:has-error=move || error.with(Option::is_some)
            aria-describedby=move || described_by(name, false, error.with(Option::is_some))
        >
            <legend>{tr(legend)}</legend>
            {labels.into_iter().enumerate().map(|(i, msg)| {
                let id = format!("{name}-{i}");
                let label_for = id.clone();
                view! {
                    <label class="radio" for=label_for>
                        <input
                            type="radio"
                            id=id
                            name=name
                            prop:checked=move || index.get() == Some(i)
                            on:change=move |_| pick.run(i)
                        />
                        <span>{tr(msg)}</span>
                    </label>
                }
            }).collect_view()}
            <FieldError id=name error/>
        </fieldset>
    }
    .into_any()
}
