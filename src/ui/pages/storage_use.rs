//! How much room the records take in this browser, a warning when it is
//! nearly full, and whether the browser has promised to keep them.

use crate::i18n::Msg;
use crate::storage::local::LocalStore;
use crate::storage::usage::Usage;
use crate::ui::device_storage;
use crate::ui::i18n::{tr, use_i18n, I18n};
use crate::ui::state::use_app;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Megabytes with one decimal, in the volunteer's number format.
fn megabytes(i18n: I18n, bytes: f64) -> String {
    i18n.formats
        .get()
        .tenths((bytes / 100_000.0).round() as usize)
}

/// The settings' section on storage: the share of local storage used (counted
/// again after each save), a warning from 80%, the browser's own estimate
/// where it gives one, and whether it has promised to keep the records.
#[component]
pub fn StorageSection() -> impl IntoView {
    let app = use_app();
    let i18n = use_i18n();
    // Counted again whenever the register is saved.
    let usage = Memo::new(move |_| {
        app.register.track();
        LocalStore::open().map(|store| Usage::of(&store))
    });
    let estimate = RwSignal::new(None::<(f64, f64)>);
    // `None` until the browser has answered.
    let kept = RwSignal::new(None::<Option<bool>>);
    spawn_local(async move {
        estimate.set(device_storage::estimate().await);
        kept.set(Some(device_storage::persisted().await));
    });
    let ask = move |_| {
        spawn_local(async move {
            let answer = device_storage::persist().await;
            kept.set(Some(answer));
            estimate.set(device_storage::estimate().await);
        })
    };
    let used = move || {
        usage.get().map(|u| {
            let text = i18n.fill(
                Msg::StorageUsed,
                &[
                    ("percent", &u.percent().to_string()),
                    ("used", &i18n.number(u.used)),
                    ("quota", &i18n.number(u.quota)),
                ],
            );
            view! {
                <p id="storage-used">{text}</p>
                <meter id="storage-meter" min="0" max=u.quota.to_string() high=(u.quota / 10 * 8).to_string()
                    optimum="0" value=u.used.to_string()></meter>
                {u.nearly_full().then(|| view! {
                    <p class="warning" role="alert" id="storage-warning">{tr(Msg::StorageNearlyFull)}</p>
                })}
            }
        })
    };
    let browser = move || {
        estimate.get().map(|(usage, quota)| {
            let text = i18n.fill(
                Msg::StorageEstimate,
                &[
                    ("usage", &megabytes(i18n, usage)),
                    ("quota", &megabytes(i18n, quota)),
                ],
            );
            view! { <p class="muted" id="storage-estimate">{text}</p> }
        })
    };
    let promise = move || {
        kept.get().map(|answer| match answer {
            Some(true) => view! { <p id="storage-persisted">{tr(Msg::StorageKept)}</p> }.into_any(),
            Some(false) => view! {
                <p id="storage-persisted">{tr(Msg::StorageNotKept)}</p>
                <button type="button" id="storage-persist" on:click=ask>{tr(Msg::StorageKeepAsk)}</button>
            }
            .into_any(),
            None => view! { <p id="storage-persisted">{tr(Msg::StorageNoPromise)}</p> }.into_any(),
        })
    };
    view! {
        <section class="record-section" id="storage">
            <h2>{tr(Msg::StorageTitle)}</h2>
            {used}
            {browser}
            {promise}
        </section>
    }
}
