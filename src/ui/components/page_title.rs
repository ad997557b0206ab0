//! The document title, which names the page in tabs and for screen readers.

use crate::i18n::Msg;
use crate::ui::i18n::use_i18n;
use leptos::prelude::*;

/// Sets the document title to "<page> · Bal Register" while the page is shown.
pub fn use_page_title(title: impl Fn() -> String + Send + Sync + 'static) {
    let i18n = use_i18n();
    Effect::new(move |_| {
        document().set_title(&format!("{} · {}", title(), i18n.t(Msg::AppName)));
    });
}
