//! A new passphrase, typed twice and checked (the lock, protected files).

use crate::crypto::{passphrase_long_enough, MIN_PASSPHRASE_CHARS};
use crate::i18n::Msg;
use crate::ui::components::fields::TextField;
use crate::ui::state::AppState;
use leptos::prelude::*;

/// A new passphrase typed twice, with what is wrong with it.
#[derive(Clone, Copy)]
pub struct NewPassphrase {
    first: RwSignal<String>,
    again: RwSignal<String>,
    first_error: RwSignal<Option<String>>,
    again_error: RwSignal<Option<String>>,
}

impl Default for NewPassphrase {
    fn default() -> Self {
        Self::new()
    }
}

impl NewPassphrase {
    pub fn new() -> Self {
        NewPassphrase {
            first: RwSignal::new(String::new()),
            again: RwSignal::new(String::new()),
            first_error: RwSignal::new(None),
            again_error: RwSignal::new(None),
        }
    }

    /// The passphrase, if it is long enough and typed the same twice.
    pub fn checked(self, app: AppState) -> Option<String> {
        let first = self.first.get_untracked();
        let too_short = !passphrase_long_enough(&first);
        let differ = first != self.again.get_untracked();
        self.first_error.set(too_short.then(|| {
            crate::i18n::fill(
                app.text(Msg::PassphraseTooShort),
                &[("min", &MIN_PASSPHRASE_CHARS.to_string())],
            )
        }));
        self.again_error
            .set((differ && !too_short).then(|| app.text(Msg::PassphrasesDiffer).into()));
        (!too_short && !differ).then_some(first)
    }

    pub fn clear(self) {
        self.first.set(String::new());
        self.again.set(String::new());
    }
}

/// The two fields; `prefix` names them (`set`, `change`, `export`).
#[component]
pub fn NewPassphraseFields(p: NewPassphrase, prefix: &'static str) -> impl IntoView {
    let (first_id, again_id) = match prefix {
        "set" => ("set-passphrase", "set-passphrase-again"),
        "export" => ("export-passphrase", "export-passphrase-again"),
        _ => ("new-passphrase", "new-passphrase-again"),
    };
    view! {
        <TextField id=first_id label=Msg::FieldNewPassphrase kind="password" hint=Msg::FieldNewPassphraseHint
            value=p.first on_input=move |v| p.first.set(v) error=p.first_error autocomplete="new-password"/>
        <TextField id=again_id label=Msg::FieldRepeatPassphrase kind="password"
            value=p.again on_input=move |v| p.again.set(v) error=p.again_error autocomplete="new-password"/>
    }
}
