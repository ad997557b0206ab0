//! The list every page uses for records: each row a link with the record's
//! name and a line of details. One component (and one keyed list type) for
//! all of them keeps the download small and the lists alike.

use crate::route::Route;
use crate::ui::router::Link;
use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ListRow {
    pub to: Route,
    pub name: String,
    pub details: String,
    /// Extra classes for the row (`person-row`, `past`…).
    pub class: &'static str,
}

#[component]
pub fn RecordList(
    #[prop(into)] rows: Signal<Vec<ListRow>>,
    /// The list's id, when tests or the page need to find it.
    #[prop(optional)]
    id: &'static str,
) -> impl IntoView {
    view! {
        <ul class="record-list" id=(!id.is_empty()).then_some(id)>
            <For each=move || rows.get() key=|row| row.clone() let:row>
                <li class=format!("record-row {}", row.class)>
                    <Link to=row.to>
                        <span class="record-name">{row.name}</span>
                        <span class="record-details">{row.details}</span>
                    </Link>
                </li>
            </For>
        </ul>
    }
}
