//! The notice area: results of saving, and problems found in storage.

use crate::i18n::Msg;
use crate::ui::i18n::tr;
use crate::ui::state::{use_app, NoticeKind};
use leptos::prelude::*;

/// Shows the current notices. Errors stay until dismissed; the region is
/// live, so screen readers announce each notice as it appears.
#[component]
pub fn Notices() -> impl IntoView {
    let app = use_app();
    view! {
        <div class="notices" role="status" aria-live="polite">
            <For each=move || app.notices.get() key=|n| n.id let:notice>
                <div
                    class="notice"
                    class:notice-error=notice.kind == NoticeKind::Error
                    data-kind=match notice.kind { NoticeKind::Error => "error", NoticeKind::Info => "info" }
                >
                    <p>{notice.text.clone()}</p>
                    <button type="button" class="notice-dismiss" on:click=move |_| app.dismiss(notice.id)>
                        {tr(Msg::Dismiss)}
                    </button>
                </div>
            </For>
        </div>
    }
}
