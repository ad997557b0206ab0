//! Risk flags on a child: what is feared, raised on a day by someone, cleared
//! on a day. Sensitive: shown only on the child's page and the flags list.

use super::id::Id;
use super::record::Body;
use super::time;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What a child is at risk of, or was rescued from or referred for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Concern {
    OutOfSchool,
    ChildLabour,
    ChildMarriage,
    Trafficking,
    Slavery,
    DrugUse,
    Abuse,
    Other,
}

impl Concern {
    pub const ALL: [Concern; 8] = [
        Concern::OutOfSchool,
        Concern::ChildLabour,
        Concern::ChildMarriage,
        Concern::Trafficking,
        Concern::Slavery,
        Concern::DrugUse,
        Concern::Abuse,
        Concern::Other,
    ];
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flag {
    pub person: Id,
    pub concern: Concern,
    #[serde(with = "time::day")]
    pub raised_on: NaiveDate,
    /// The volunteer who raised it (their name from settings).
    pub raised_by: String,
    pub note: String,
    #[serde(with = "time::day_opt")]
    pub cleared_on: Option<NaiveDate>,
}

impl Flag {
    pub fn is_open(&self) -> bool {
        self.cleared_on.is_none()
    }
}

impl Body for Flag {
    /// A child's flags are kept beside each other.
    fn anchor(&self) -> Option<Id> {
        Some(self.person)
    }
}

/// Open flags, optionally of one concern and for children in groups within
/// one place, newest first.
pub fn open_flags(
    reg: &super::register::Register,
    concern: Option<Concern>,
    within: Option<Id>,
    today: NaiveDate,
) -> Vec<(Id, &Flag)> {
    let mut found: Vec<(Id, &Flag)> =
        reg.flags
            .live()
            .filter(|(_, f)| f.is_open() && concern.is_none_or(|c| f.concern == c))
            .filter(|(_, f)| {
                within.is_none_or(|place| {
                    reg.memberships_of_person(f.person).any(|(_, m)| {
                        m.active_on(today)
                            && reg.groups.get(m.group).is_some_and(|g| {
                                super::place::is_within(&reg.places, g.place, place)
                            })
                    })
                })
            })
            .collect();
    super::sort::by_key(&mut found, |(id, f)| {
        super::sort::Key::newest_first(f.raised_on, *id)
    });
    found
}
