//! Lists a page of rows at a time (see `domain::paging` for why), with
//! the line that says which rows are shown.

use super::record_list::{ListRow, RecordList};
use crate::domain::paging::{page_rows, page_start, pages, PAGE};
use crate::i18n::Msg;
use crate::ui::i18n::{tr, use_i18n, I18n};
use leptos::prelude::*;

/// "Showing 3 of 3" when every row is on the page, "Showing 101–200 of
/// 44,190" when the list has pages, in the volunteer's number format.
pub fn showing(i18n: I18n, start: usize, total: usize) -> String {
    let rows = page_rows(start, total, PAGE);
    if total <= PAGE {
        i18n.fill(
            Msg::ShowingCount,
            &[
                ("shown", &i18n.number(total)),
                ("total", &i18n.number(total)),
            ],
        )
    } else {
        i18n.fill(
            Msg::ShowingRange,
            &[
                ("first", &i18n.number(rows.start + 1)),
                ("last", &i18n.number(rows.end)),
                ("total", &i18n.number(total)),
            ],
        )
    }
}

/// Previous and next page of a list of `total` rows whose page begins at
/// `start`; shown only when there is more than one page. The buttons are
/// `{id}-previous` and `{id}-next`.
#[component]
pub fn Pager(
    /// How many rows the whole list has.
    #[prop(into)]
    total: Signal<usize>,
    /// The first row shown; the page it falls on is shown. Set to 0 when
    /// the list's filter changes.
    start: RwSignal<usize>,
    /// Prefix of the buttons' ids.
    id: &'static str,
    /// Rows on a page.
    #[prop(default = PAGE)]
    size: usize,
) -> impl IntoView {
    let i18n = use_i18n();
    let nav = NodeRef::<leptos::html::Nav>::new();
    let first = move || page_start(start.get(), total.get(), size);
    // The new rows start at the top of the list: take the volunteer there.
    let go = move |to: usize| {
        start.set(to);
        if let Some(section) = nav.get_untracked().and_then(|n| n.parent_element()) {
            section.scroll_into_view();
        }
    };
    let place = move || {
        let pages = i18n.number(pages(total.get(), size));
        let page = i18n.number(first() / size + 1);
        i18n.fill(Msg::PageOf, &[("page", &page), ("pages", &pages)])
    };
    view! {
        <Show when=move || { total.get() > size }>
            <nav class="pager" node_ref=nav aria-label=tr(Msg::Pages)>
                <button type="button" id=format!("{id}-previous") disabled=move || first() == 0
                    on:click=move |_| go(first().saturating_sub(size))>{tr(Msg::PagePrevious)}</button>
                <span class="pager-place">{place}</span>
                <button type="button" id=format!("{id}-next") disabled=move || { first() + size >= total.get() }
                    on:click=move |_| go(first() + size)>{tr(Msg::PageNext)}</button>
            </nav>
        </Show>
    }
}

/// A [`RecordList`] of any length, a page at a time.
#[component]
pub fn PagedList(
    /// Every row of the list; only the current page's are drawn.
    #[prop(into)]
    rows: Signal<Vec<ListRow>>,
    /// The list's id, and the prefix of its pager's buttons' ids.
    id: &'static str,
) -> impl IntoView {
    let start = RwSignal::new(0);
    let total = Signal::derive(move || rows.with(Vec::len));
    let page =
        Memo::new(move |_| rows.with(|all| all[page_rows(start.get(), all.len(), PAGE)].to_vec()));
    view! {
        <RecordList rows=page id/>
        <Pager total start id/>
    }
}
