//! The file input with a drop zone that both import flows on the data
//! page (an exchange file, a spreadsheet of people) take their file
//! through. It is a shared component rather than part of either flow, so
//! neither flow's module carries the other's dependency and there is one
//! copy of it.

use crate::i18n::Msg;
use crate::ui::i18n::tr;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The first file of an input's or a drop's file list.
fn first_file(files: Option<web_sys::FileList>) -> Option<web_sys::File> {
    files.and_then(|f| f.get(0))
}

/// A file input and a drop zone that hand over the chosen file.
#[component]
pub fn FilePicker(
    /// The input's id; its hint is `{id}-hint`.
    id: &'static str,
    /// The id of the heading that names the input (its accessible name).
    labelled_by: &'static str,
    accept: &'static str,
    #[prop(into)] on_file: Callback<web_sys::File>,
) -> impl IntoView {
    let over = RwSignal::new(false);
    view! {
        <div class="drop-zone" class:over=over
            on:dragover=move |ev: web_sys::DragEvent| { ev.prevent_default(); over.set(true) }
            on:dragleave=move |_| over.set(false)
            on:drop=move |ev: web_sys::DragEvent| {
                ev.prevent_default();
                over.set(false);
                if let Some(file) = first_file(ev.data_transfer().and_then(|d| d.files())) {
                    on_file.run(file);
                }
            }
        >
            <input type="file" id=id accept=accept aria-labelledby=labelled_by aria-describedby=format!("{id}-hint")
                on:change=move |ev| {
                    let input: web_sys::HtmlInputElement = ev.target().unwrap().unchecked_into();
                    if let Some(file) = first_file(input.files()) {
                        on_file.run(file);
                    }
                    input.set_value("");
                }/>
            <span class="muted">{tr(Msg::DropHere)}</span>
        </div>
    }
}
