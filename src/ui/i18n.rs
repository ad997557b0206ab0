//! The current language, reachable from every component.

use crate::domain::rhythm::Month;
use crate::i18n::formats::Formats;
use crate::i18n::{fill, text, Lang, Msg};
use chrono::NaiveDate;
use leptos::prelude::*;

/// Looks up messages in the language chosen in settings. Reading a message
/// inside a reactive closure re-renders it when the language changes.
#[derive(Clone, Copy)]
pub struct I18n {
    pub lang: Signal<Lang>,
    pub formats: Signal<Formats>,
}

impl I18n {
    pub fn t(self, msg: Msg) -> &'static str {
        text(self.lang.get(), msg)
    }

    pub fn fill(self, msg: Msg, values: &[(&str, &str)]) -> String {
        fill(self.t(msg), values)
    }

    /// A date in the format chosen in settings.
    pub fn date(self, d: NaiveDate) -> String {
        self.formats.get().date(d)
    }

    /// A count with digit groups as chosen in settings (1,29,000).
    pub fn number(self, n: usize) -> String {
        self.formats.get().number(n)
    }

    /// A count in a sentence: `one` when there is exactly one ("1 group"),
    /// `many` otherwise; both hold a `{count}` placeholder.
    pub fn count(self, one: Msg, many: Msg, n: usize) -> String {
        let msg = if n == 1 { one } else { many };
        self.fill(msg, &[("count", &self.number(n))])
    }

    pub fn month(self, m: Month) -> String {
        self.formats.get().month(m)
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
