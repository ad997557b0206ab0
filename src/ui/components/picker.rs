//! Picking one record out of many by typing part of its name: people out of
//! a state's register, places out of thousands of wards.

use crate::domain::id::Id;
use crate::i18n::Msg;
use crate::ui::i18n::{tr, use_i18n};
use leptos::prelude::*;

/// How many matches are offered at once.
pub const PICK_LIMIT: usize = 8;

/// Moves the keyboard focus to the element `id` once the page has been
/// redrawn: the element the focus was on (an offered match, the "Change"
/// button) is gone, and without this the focus would fall back to the top
/// of the page, far from where a keyboard user was.
fn focus_after_render(id: String) {
    request_animation_frame(move || {
        use wasm_bindgen::JsCast;
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&id))
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    });
}

/// A search box that offers matching records as buttons. Once one is chosen
/// it is shown with a "Change" button. The chosen id is `value`.
#[component]
pub fn SearchPicker(
    /// The search input's id; the offered buttons live in `{id}-options`.
    id: &'static str,
    label: Msg,
    #[prop(into)] value: Signal<Option<Id>>,
    #[prop(into)] on_change: Callback<Option<Id>>,
    /// Up to [`PICK_LIMIT`] records matching the typed text, with their labels.
    #[prop(into)]
    search: Callback<String, Vec<(Id, String)>>,
    /// The label of a chosen record.
    #[prop(into)]
    describe: Callback<Id, String>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(optional)] optional: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let (typed, set_typed) = signal(String::new());
    let offered = Memo::new(move |_| {
        let q = typed.get();
        if q.trim().is_empty() {
            Vec::new()
        } else {
            search.run(q)
        }
    });
    let error_id = format!("{id}-error");
    view! {
        <div class="field picker" class:has-error=move || error.with(Option::is_some)>
            <label for=id>
                {tr(label)}
                {optional.then(|| view! { " " <span class="optional">"(" {tr(Msg::Optional)} ")"</span> })}
            </label>
            {move || match value.get() {
                Some(chosen) => view! {
                    <div class="picked">
                        <span class="picked-label" id=format!("{id}-chosen")>{describe.run(chosen)}</span>
                        <button type="button" id=format!("{id}-change") on:click=move |_| {
                            set_typed.set(String::new());
                            on_change.run(None);
                            focus_after_render(id.to_string());
                        }>{tr(Msg::Change)}</button>
                    </div>
                }.into_any(),
                None => view! {
                    <input
                        id=id
                        type="search"
                        autocomplete="off"
                        placeholder=tr(Msg::SearchPeople)
                        prop:value=typed
                        on:input:target=move |ev| set_typed.set(ev.target().value())
                        aria-invalid=move || error.with(Option::is_some).then_some("true")
                        aria-describedby=move || error.with(Option::is_some).then(|| format!("{id}-error"))
                        aria-controls=format!("{id}-options")
                    />
                    <ul class="pick-options" id=format!("{id}-options") aria-live="polite">
                        {move || {
                            let options = offered.get();
                            if options.is_empty() && !typed.with(|t| t.trim().is_empty()) {
                                view! { <li class="muted">{i18n.t(Msg::NoPickMatches)}</li> }.into_any()
                            } else {
                                options.into_iter().map(|(option, text)| view! {
                                    <li>
                                        <button type="button" class="pick-option" on:click=move |_| {
                                            on_change.run(Some(option));
                                            focus_after_render(format!("{id}-change"));
                                        }>
                                            {text}
                                        </button>
                                    </li>
                                }).collect_view().into_any()
                            }
                        }}
                    </ul>
                }.into_any(),
            }}
            {move || error.get().map(|text| view! { <p class="field-error" id=error_id.clone()>{text}</p> })}
        </div>
    }
}
