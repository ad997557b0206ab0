//! The current language, reachable from every component.

use crate::i18n::{fill, text, Lang, Msg};
use leptos::prelude::*;

/// Looks up messages in the language chosen in settings. Reading a message
/// inside a reactive closure re-renders it when the language changes.
#[derive(Clone, Copy)]
pub struct I18n {
    pub lang: Signal<Lang>,
}

impl I18n {
    pub fn t(self, msg: Msg) -> &'static str {
        text(self.lang.get(), msg)
    }

    pub fn fill(self, msg: Msg, values: &[(&str, &str)]) -> String {
        fill(self.t(msg), values)
    }
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

/// A message as a piece of view that follows the language.
///
/// Every call returns the same closure type, so tachys instantiates its
/// rendering code once for all messages instead of once per `move || …`
/// closure written in a view (about a kilobyte of wasm each).
pub fn tr(msg: Msg) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let i18n = use_i18n();
    move || i18n.t(msg)
}
