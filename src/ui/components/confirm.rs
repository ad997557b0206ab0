//! Asking before anything is destroyed.

use crate::i18n::Msg;
use crate::ui::i18n::tr;
use leptos::html;
use leptos::prelude::*;

/// A confirmation panel that takes the focus when it opens, so keyboard and
/// screen reader users land on the question.
#[component]
pub fn Confirm(
    /// The question, e.g. "Delete Asha?".
    #[prop(into)]
    title: Signal<String>,
    /// What will happen.
    body: Msg,
    /// The label of the destructive button.
    yes: Msg,
    #[prop(into)] on_yes: Callback<()>,
    #[prop(into)] on_cancel: Callback<()>,
) -> impl IntoView {
    let cancel_ref = NodeRef::<html::Button>::new();
    Effect::new(move |_| {
        if let Some(button) = cancel_ref.get() {
            let _ = button.focus();
        }
    });
    view! {
        <div class="confirm" role="alertdialog" aria-labelledby="confirm-title" aria-describedby="confirm-body">
            <h2 id="confirm-title">{title}</h2>
            <p id="confirm-body">{tr(body)}</p>
            <div class="actions">
                <button type="button" id="confirm-yes" class="danger" on:click=move |_| on_yes.run(())>
                    {tr(yes)}
                </button>
                <button type="button" id="confirm-cancel" node_ref=cancel_ref on:click=move |_| on_cancel.run(())>
                    {tr(Msg::Cancel)}
                </button>
            </div>
        </div>
    }
}
