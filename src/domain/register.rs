//! The whole register: every table, and the kinds of record it holds.

use super::audit::Change;
use super::case::{Case, FollowUp};
use super::group::{Group, Membership};
use super::id::Id;
use super::meeting::Meeting;
use super::person::Person;
use super::place::Place;
use super::programme::Programme;
use super::risk::Flag;
use super::table::Table;
use super::training::Course;
use serde::{Deserialize, Serialize};

/// Every record this device holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Register {
    pub people: Table<Person>,
    pub places: Table<Place>,
    pub programmes: Table<Programme>,
    pub groups: Table<Group>,
    pub memberships: Table<Membership>,
    pub meetings: Table<Meeting>,
    pub flags: Table<Flag>,
    pub cases: Table<Case>,
    pub follow_ups: Table<FollowUp>,
    pub courses: Table<Course>,
    /// The audit trail (see `domain::audit`).
    pub changes: Table<Change>,
}

/// The kinds of record. Each kind is its own table, stored in its own chunks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    People,
    Places,
    Programmes,
    Groups,
    Memberships,
    Meetings,
    Flags,
    Cases,
    FollowUps,
    Courses,
    /// Entries of the audit trail.
    Changes,
}

impl Kind {
    pub const ALL: [Kind; 11] = [
        Kind::People,
        Kind::Places,
        Kind::Programmes,
        Kind::Groups,
        Kind::Memberships,
        Kind::Meetings,
        Kind::Flags,
        Kind::Cases,
        Kind::FollowUps,
        Kind::Courses,
        Kind::Changes,
    ];

    /// The short stable name used in storage keys and exports.
    pub fn name(self) -> &'static str {
        match self {
            Kind::People => "people",
            Kind::Places => "places",
            Kind::Programmes => "programmes",
            Kind::Groups => "groups",
            Kind::Memberships => "memberships",
            Kind::Meetings => "meetings",
            Kind::Flags => "flags",
            Kind::Cases => "cases",
            Kind::FollowUps => "follow_ups",
            Kind::Courses => "courses",
            Kind::Changes => "changes",
        }
    }

    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name)
    }
}

impl Register {
    /// A person's full name; empty when the record is gone (deleted, or
    /// not on this device), which pages show as a blank rather than fail.
    pub fn person_name(&self, id: Id) -> String {
        self.people
            .get(id)
            .map(|p| p.full_name())
            .unwrap_or_default()
    }

    /// A group's name; empty when the group is gone.
    pub fn group_name(&self, id: Id) -> String {
        self.groups
            .get(id)
            .map(|g| g.name.clone())
            .unwrap_or_default()
    }

    pub fn live_count(&self, kind: Kind) -> usize {
        match kind {
            Kind::People => self.people.live_count(),
            Kind::Places => self.places.live_count(),
            Kind::Programmes => self.programmes.live_count(),
            Kind::Groups => self.groups.live_count(),
            Kind::Memberships => self.memberships.live_count(),
            Kind::Meetings => self.meetings.live_count(),
            Kind::Flags => self.flags.live_count(),
            Kind::Cases => self.cases.live_count(),
            Kind::FollowUps => self.follow_ups.live_count(),
            Kind::Courses => self.courses.live_count(),
            Kind::Changes => self.changes.live_count(),
        }
    }

    /// A group's memberships, past and present.
    pub fn memberships_of_group(&self, group: Id) -> impl Iterator<Item = (Id, &Membership)> + '_ {
        self.memberships
            .live()
            .filter(move |(_, m)| m.group == group)
    }

    /// A person's memberships, past and present.
    pub fn memberships_of_person(
        &self,
        person: Id,
    ) -> impl Iterator<Item = (Id, &Membership)> + '_ {
        self.memberships
            .live()
            .filter(move |(_, m)| m.person == person)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_names_round_trip() {
        for k in Kind::ALL {
            assert_eq!(Kind::from_name(k.name()), Some(k));
        }
        assert_eq!(Kind::from_name("nobody"), None);
    }

    #[test]
    fn a_name_is_blank_once_its_record_is_gone() {
        use super::super::seed::BALASABHA;
        use super::super::testkit::{today, World};
        let mut w = World::new();
        let girl = w.person(super::super::person::Sex::Female, today());
        let group = w.group(BALASABHA);
        assert_eq!(w.reg.person_name(girl), "Member Das");
        assert_eq!(w.reg.group_name(group), "Group");
        w.edit().delete_person(girl, today()).unwrap();
        assert_eq!(w.reg.person_name(girl), "");
        assert_eq!(w.reg.group_name(w.ward), "", "a place is not a group");
    }
}
