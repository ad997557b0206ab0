//! Groups (a Balasabha, an auxiliary group, a centre…) and memberships.

use super::id::Id;
use super::record::Body;
use super::time;
use super::training::Outcome;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupStatus {
    Active,
    /// Not meeting for now, but not closed.
    Dormant,
    Closed,
}

impl GroupStatus {
    pub const ALL: [GroupStatus; 3] = [
        GroupStatus::Active,
        GroupStatus::Dormant,
        GroupStatus::Closed,
    ];
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group {
    pub name: String,
    pub programme: Id,
    pub place: Id,
    #[serde(with = "time::day")]
    pub formed_on: NaiveDate,
    pub status: GroupStatus,
    /// The resource person or mentor who runs the group.
    pub mentor: Option<Id>,
    /// For a training batch: the course it teaches.
    pub course: Option<Id>,
    pub notes: String,
}

/// The leave reason recorded when a member's record is deleted.
pub const LEFT_RECORD_DELETED: &str = "record deleted";

/// A person's membership of a group, from the day they joined to the day
/// they left. Ending a membership keeps it; a person who comes back gets a
/// new one, so the history is never overwritten.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Membership {
    pub person: Id,
    pub group: Id,
    pub role: String,
    #[serde(with = "time::day")]
    pub joined_on: NaiveDate,
    /// The first day the person is no longer a member.
    #[serde(with = "time::day_opt")]
    pub left_on: Option<NaiveDate>,
    pub leave_reason: String,
    /// For a training batch: the trainee completed the course, with what
    /// came of it.
    pub completed: Option<Outcome>,
}

impl Membership {
    /// Whether the person was a member on `day`.
    pub fn active_on(&self, day: NaiveDate) -> bool {
        self.joined_on <= day && self.left_on.is_none_or(|left| day < left)
    }

    /// Whether the membership lasts into `day` or later (it is current then
    /// or will start after it).
    pub fn reaches(&self, day: NaiveDate) -> bool {
        self.left_on.is_none_or(|left| day < left)
    }

    pub fn is_current(&self) -> bool {
        self.left_on.is_none()
    }
}

impl Body for Group {}

impl Body for Membership {
    /// Memberships are kept beside their group's other memberships.
    fn anchor(&self) -> Option<Id> {
        Some(self.group)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::id::DeviceTag;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn membership(joined: NaiveDate, left: Option<NaiveDate>) -> Membership {
        let id = Id::new(DeviceTag::from_random(1), 1);
        Membership {
            person: id,
            group: id,
            role: "member".into(),
            joined_on: joined,
            left_on: left,
            leave_reason: String::new(),
            completed: None,
        }
    }

    #[test]
    fn a_member_from_the_day_of_joining_until_the_day_of_leaving() {
        let m = membership(d(2026, 1, 10), Some(d(2026, 3, 1)));
        assert!(!m.active_on(d(2026, 1, 9)));
        assert!(m.active_on(d(2026, 1, 10)));
        assert!(m.active_on(d(2026, 2, 28)));
        assert!(
            !m.active_on(d(2026, 3, 1)),
            "the leaving day is the first day out"
        );
        assert!(m.reaches(d(2025, 1, 1)));
        assert!(!m.reaches(d(2026, 3, 1)));
    }

    #[test]
    fn an_open_membership_lasts() {
        let m = membership(d(2026, 1, 10), None);
        assert!(m.active_on(d(2036, 1, 1)));
        assert!(m.is_current());
    }

    #[test]
    fn json_dates_are_iso_and_missing_leave_is_null() {
        let json = serde_json::to_value(membership(d(2026, 1, 10), None)).unwrap();
        assert_eq!(json["joined_on"], "2026-01-10");
        assert!(json["left_on"].is_null());
        let back: Membership = serde_json::from_value(json).unwrap();
        assert_eq!(back.left_on, None);
    }
}
