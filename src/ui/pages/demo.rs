//! Entering the demonstration: made-up records at a chosen scale, kept in
//! their own namespace.

use crate::domain::generate::{Scale, Spec};
use crate::i18n::Msg;
use crate::route::Route;
use crate::ui::components::fields::SelectField;
use crate::ui::files::next_frame;
use crate::ui::i18n::tr;
use crate::ui::router::use_router;
use crate::ui::state::{save_error_text, use_app, NoticeKind};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Size {
    Small,
    Medium,
    Large,
    /// The four states' Balasabhas as the seed documents count them.
    Balasabhas,
}

/// Months of meetings in the full-size Balasabha demonstration: enough for
/// the charts, few enough to leave two thirds of the storage free.
const BALASABHA_MONTHS: u32 = 3;

impl Size {
    fn spec(self) -> Spec {
        match self {
            Size::Small => Spec::seed_documents(Scale::percent(1)),
            Size::Medium => Spec::seed_documents(Scale::percent(5)),
            Size::Large => Spec::seed_documents(Scale::percent(25)),
            Size::Balasabhas => Spec::balasabhas(BALASABHA_MONTHS),
        }
    }
}

#[component]
pub fn DemoSection() -> impl IntoView {
    let app = use_app();
    let router = use_router();
    let size = RwSignal::new(Size::Small);
    let busy = RwSignal::new(false);
    let enter = move |_| {
        busy.set(true);
        spawn_local(async move {
            // Let "preparing…" show: generating and saving takes a moment.
            next_frame().await;
            match app.enter_demo(size.get_untracked().spec()).await {
                Ok(()) => router.go(Route::Home),
                Err(e) => app.notify(NoticeKind::Error, save_error_text(app.lang(), &e)),
            }
            busy.set(false);
        });
    };
    let set_size = move |s: Option<Size>| size.set(s.unwrap_or(Size::Small));
    view! {
        <section class="record-section" id="demo">
            <h2>{tr(Msg::DemoTitle)}</h2>
            <p>{tr(Msg::DemoHint)}</p>
            <SelectField id="demo_size" label=Msg::DemoScale
                choices=vec![(Size::Small, Msg::DemoSmall.into()), (Size::Medium, Msg::DemoMedium.into()), (Size::Large, Msg::DemoLarge.into()), (Size::Balasabhas, Msg::DemoBalasabhas.into())]
                value=Signal::derive(move || Some(size.get())) on_change=set_size/>
            <button type="button" id="enter-demo" disabled=busy on:click=enter>{tr(Msg::DemoEnter)}</button>
            <Show when=move || busy.get()>
                <p role="status" id="demo-status">{tr(Msg::DemoPreparing)}</p>
            </Show>
        </section>
    }
}
