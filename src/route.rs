//! Every page of the app and its address: a pure mapping both ways, tested
//! natively. The browser side (history, links) is `ui::router`.
//!
//! The app routes itself rather than using leptos_router: eighteen fixed
//! addresses need a `match`, and the router crate cost about 30 KB of the
//! gzipped download.

use crate::domain::id::Id;
use crate::domain::rhythm::Month;
use crate::domain::stats::Filter;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Route {
    Home,
    People,
    NewPerson,
    Person(Id),
    EditPerson(Id),
    Groups,
    NewGroup,
    Group(Id),
    EditGroup(Id),
    /// A group's printable report for a month.
    GroupReport(Id, Month),
    NewMeeting(Id),
    Meeting(Id),
    Places,
    Place(Id),
    Programmes,
    NewProgramme,
    Programme(Id),
    FollowUp,
    Cases,
    NewCase(Id),
    Case(Id),
    Data,
    /// The printable programme summary, for the figures under a filter.
    Summary(Filter),
    Settings,
    NotFound,
}

/// The part of the app a page belongs to, for the navigation bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Section {
    Home,
    People,
    Groups,
    FollowUp,
    Cases,
    Data,
    Places,
    Programmes,
    Settings,
    None,
}

impl Route {
    /// The page at `path` (the address without origin, query or fragment).
    pub fn parse(path: &str) -> Route {
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        let id = |s: &str| s.parse::<Id>().ok();
        match parts.as_slice() {
            [] => Route::Home,
            ["people"] => Route::People,
            ["people", "new"] => Route::NewPerson,
            ["people", x] => id(x).map_or(Route::NotFound, Route::Person),
            ["people", x, "edit"] => id(x).map_or(Route::NotFound, Route::EditPerson),
            ["people", x, "cases", "new"] => id(x).map_or(Route::NotFound, Route::NewCase),
            ["cases"] => Route::Cases,
            ["cases", x] => id(x).map_or(Route::NotFound, Route::Case),
            ["groups"] => Route::Groups,
            ["groups", "new"] => Route::NewGroup,
            ["groups", x] => id(x).map_or(Route::NotFound, Route::Group),
            ["groups", x, "edit"] => id(x).map_or(Route::NotFound, Route::EditGroup),
            ["groups", x, "report", m] => match (id(x), Month::parse(m)) {
                (Some(g), Some(m)) => Route::GroupReport(g, m),
                _ => Route::NotFound,
            },
            ["report", from, to, rest @ ..] => {
                summary(from, to, rest).map_or(Route::NotFound, Route::Summary)
            }
            ["groups", x, "meetings", "new"] => id(x).map_or(Route::NotFound, Route::NewMeeting),
            ["meetings", x] => id(x).map_or(Route::NotFound, Route::Meeting),
            ["places"] => Route::Places,
            ["places", x] => id(x).map_or(Route::NotFound, Route::Place),
            ["programmes"] => Route::Programmes,
            ["programmes", "new"] => Route::NewProgramme,
            ["programmes", x] => id(x).map_or(Route::NotFound, Route::Programme),
            ["follow-up"] => Route::FollowUp,
            ["data"] => Route::Data,
            ["settings"] => Route::Settings,
            _ => Route::NotFound,
        }
    }

    /// The address of the page.
    pub fn path(self) -> String {
        match self {
            Route::Home => "/".into(),
            Route::People => "/people".into(),
            Route::NewPerson => "/people/new".into(),
            Route::Person(id) => format!("/people/{id}"),
            Route::EditPerson(id) => format!("/people/{id}/edit"),
            Route::Groups => "/groups".into(),
            Route::NewGroup => "/groups/new".into(),
            Route::Group(id) => format!("/groups/{id}"),
            Route::EditGroup(id) => format!("/groups/{id}/edit"),
            Route::GroupReport(id, m) => format!("/groups/{id}/report/{}", m.code()),
            Route::Summary(f) => {
                let mut path = format!("/report/{}/{}", f.from.code(), f.to.code());
                if let Some(p) = f.programme {
                    path.push_str(&format!("/programme/{p}"));
                }
                if let Some(p) = f.place {
                    path.push_str(&format!("/place/{p}"));
                }
                path
            }
            Route::NewMeeting(id) => format!("/groups/{id}/meetings/new"),
            Route::Meeting(id) => format!("/meetings/{id}"),
            Route::Places => "/places".into(),
            Route::Place(id) => format!("/places/{id}"),
            Route::Programmes => "/programmes".into(),
            Route::NewProgramme => "/programmes/new".into(),
            Route::Programme(id) => format!("/programmes/{id}"),
            Route::FollowUp => "/follow-up".into(),
            Route::Cases => "/cases".into(),
            Route::NewCase(id) => format!("/people/{id}/cases/new"),
            Route::Case(id) => format!("/cases/{id}"),
            Route::Data => "/data".into(),
            Route::Settings => "/settings".into(),
            Route::NotFound => "/not-found".into(),
        }
    }

    pub fn section(self) -> Section {
        match self {
            Route::Home | Route::Summary(_) => Section::Home,
            Route::People | Route::NewPerson | Route::Person(_) | Route::EditPerson(_) => {
                Section::People
            }
            Route::Groups
            | Route::NewGroup
            | Route::Group(_)
            | Route::EditGroup(_)
            | Route::GroupReport(..)
            | Route::NewMeeting(_)
            | Route::Meeting(_) => Section::Groups,
            Route::Places | Route::Place(_) => Section::Places,
            Route::Programmes | Route::NewProgramme | Route::Programme(_) => Section::Programmes,
            Route::FollowUp => Section::FollowUp,
            Route::Cases | Route::NewCase(_) | Route::Case(_) => Section::Cases,
            Route::Data => Section::Data,
            Route::Settings => Section::Settings,
            Route::NotFound => Section::None,
        }
    }
}

/// The filter of a summary's address: its months, then optionally
/// `programme/<id>` and `place/<id>`.
fn summary(from: &str, to: &str, rest: &[&str]) -> Option<Filter> {
    let mut f = Filter {
        programme: None,
        place: None,
        from: Month::parse(from)?,
        to: Month::parse(to)?,
    };
    for pair in rest.chunks(2) {
        match pair {
            ["programme", id] => f.programme = Some(id.parse().ok()?),
            ["place", id] => f.place = Some(id.parse().ok()?),
            _ => return None,
        }
    }
    Some(f)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::id::DeviceTag;

    #[test]
    fn every_route_survives_its_own_address() {
        let id = Id::new(DeviceTag::from_random(77), 1234);
        let all = [
            Route::Home,
            Route::People,
            Route::NewPerson,
            Route::Person(id),
            Route::EditPerson(id),
            Route::Groups,
            Route::NewGroup,
            Route::Group(id),
            Route::EditGroup(id),
            Route::GroupReport(
                id,
                Month {
                    year: 2026,
                    month: 3,
                },
            ),
            Route::Summary(Filter {
                programme: None,
                place: None,
                from: Month {
                    year: 2025,
                    month: 12,
                },
                to: Month {
                    year: 2026,
                    month: 11,
                },
            }),
            Route::Summary(Filter {
                programme: Some(Id::built_in(2)),
                place: Some(id),
                from: Month {
                    year: 2026,
                    month: 11,
                },
                to: Month {
                    year: 2026,
                    month: 11,
                },
            }),
            Route::NewMeeting(id),
            Route::Meeting(id),
            Route::Places,
            Route::Place(id),
            Route::Programmes,
            Route::NewProgramme,
            Route::Programme(id),
            Route::FollowUp,
            Route::Cases,
            Route::NewCase(id),
            Route::Case(id),
            Route::Data,
            Route::Settings,
        ];
        for route in all {
            assert_eq!(Route::parse(&route.path()), route, "{}", route.path());
        }
    }

    #[test]
    fn trailing_slashes_do_not_matter() {
        assert_eq!(Route::parse("/people/"), Route::People);
        assert_eq!(Route::parse(""), Route::Home);
    }

    #[test]
    fn unknown_addresses_and_bad_ids_are_not_found() {
        for path in [
            "/nowhere",
            "/people/notanid",
            "/people/new/edit",
            "/groups/x/meetings/new",
            "/meetings",
            "/groups/x/report/2026-11",
            "/report/2026-11",
            "/report/2026-11/2026-13",
            "/report/2025-01/2026-11/programme",
            "/report/2025-01/2026-11/village/x",
        ] {
            assert_eq!(Route::parse(path), Route::NotFound, "{path}");
        }
    }

    #[test]
    fn pages_belong_to_their_section() {
        let id = Id::built_in(1);
        assert_eq!(Route::Meeting(id).section(), Section::Groups);
        assert_eq!(Route::EditPerson(id).section(), Section::People);
    }
}
