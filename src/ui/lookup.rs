//! Labels and searches shared by the pages that pick or show records.

use crate::domain::id::Id;
use crate::domain::place;
use crate::domain::text::Query;
use crate::i18n::{labels, Lang};
use crate::ui::components::picker::PICK_LIMIT;
use crate::ui::state::{today, AppState};
use leptos::prelude::*;

/// "Asha Debbarma · 10 years · Jampuijala": enough to tell namesakes apart.
pub fn person_label(app: AppState, lang: Lang, id: Id) -> String {
    app.register.with_untracked(|reg| match reg.people.get(id) {
        Some(p) => {
            let mut parts = vec![p.full_name(), labels::age(lang, p.age_on(today()))];
            if !p.village.is_empty() {
                parts.push(p.village.clone());
            }
            parts.join(" · ")
        }
        None => String::new(),
    })
}

/// The first few people whose name matches.
pub fn people_matching(app: AppState, lang: Lang, text: &str) -> Vec<(Id, String)> {
    let q = Query::new(text);
    let ids: Vec<Id> = app
        .names
        .with_untracked(|index| index.search(&q).take(PICK_LIMIT).collect());
    ids.into_iter()
        .map(|id| (id, person_label(app, lang, id)))
        .collect()
}

pub fn place_label(app: AppState, id: Id) -> String {
    app.register
        .with_untracked(|reg| place::full_name(&reg.places, id))
}

pub fn places_matching(app: AppState, text: &str) -> Vec<(Id, String)> {
    let q = Query::new(text);
    app.register.with_untracked(|reg| {
        place::search(&reg.places, &q)
            .into_iter()
            .take(PICK_LIMIT)
            .collect()
    })
}

pub fn group_name(app: AppState, id: Id) -> String {
    app.register.with(|reg| reg.group_name(id))
}
