//! One record of any kind. Checking and merging are written once over this
//! enum rather than once per record type: the tables share every rule
//! about ids, clocks and tombstones, and one copy of that code keeps the
//! download small.

use crate::domain::audit::Change;
use crate::domain::case::{Case, FollowUp};
use crate::domain::group::{Group, Membership};
use crate::domain::id::Id;
use crate::domain::meeting::Meeting;
use crate::domain::person::Person;
use crate::domain::place::Place;
use crate::domain::programme::Programme;
use crate::domain::record::{Body, Clock, Record};
use crate::domain::register::{Kind, Register};
use crate::domain::risk::Flag;
use crate::domain::time::Timestamp;
use crate::domain::training::Course;

/// A record of one of the register's kinds, live or deleted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnyRecord {
    Person(Record<Person>),
    Place(Record<Place>),
    Programme(Record<Programme>),
    Group(Record<Group>),
    Membership(Record<Membership>),
    Meeting(Record<Meeting>),
    Flag(Record<Flag>),
    Case(Record<Case>),
    FollowUp(Record<FollowUp>),
    Course(Record<Course>),
    Change(Record<Change>),
}

/// Runs `$body` with `$r` bound to the inner `Record<T>`, whatever its kind.
macro_rules! each {
    ($value:expr, $r:ident => $body:expr) => {
        match $value {
            AnyRecord::Person($r) => $body,
            AnyRecord::Place($r) => $body,
            AnyRecord::Programme($r) => $body,
            AnyRecord::Group($r) => $body,
            AnyRecord::Membership($r) => $body,
            AnyRecord::Meeting($r) => $body,
            AnyRecord::Flag($r) => $body,
            AnyRecord::Case($r) => $body,
            AnyRecord::FollowUp($r) => $body,
            AnyRecord::Course($r) => $body,
            AnyRecord::Change($r) => $body,
        }
    };
}

/// A reference from one record to another, named by the field that holds
/// it in the file (`"person"`, `"group"`, `"attendance"`…).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Link {
    pub field: &'static str,
    pub kind: Kind,
    pub id: Id,
}

/// The records a record body refers to.
pub trait Links {
    fn links(&self) -> Vec<Link>;
}

fn link(field: &'static str, kind: Kind, id: Id) -> Link {
    Link { field, kind, id }
}

impl Links for Person {
    fn links(&self) -> Vec<Link> {
        Vec::new()
    }
}

impl Links for Place {
    fn links(&self) -> Vec<Link> {
        self.parent
            .map(|p| link("parent", Kind::Places, p))
            .into_iter()
            .collect()
    }
}

impl Links for Programme {
    fn links(&self) -> Vec<Link> {
        Vec::new()
    }
}

impl Links for Group {
    fn links(&self) -> Vec<Link> {
        let mut out = vec![
            link("programme", Kind::Programmes, self.programme),
            link("place", Kind::Places, self.place),
        ];
        out.extend(self.mentor.map(|m| link("mentor", Kind::People, m)));
        out.extend(self.course.map(|c| link("course", Kind::Courses, c)));
        out
    }
}

impl Links for Membership {
    fn links(&self) -> Vec<Link> {
        vec![
            link("person", Kind::People, self.person),
            link("group", Kind::Groups, self.group),
        ]
    }
}

impl Links for Meeting {
    fn links(&self) -> Vec<Link> {
        let mut out = vec![link("group", Kind::Groups, self.group)];
        out.extend(
            self.facilitator
                .map(|f| link("facilitator", Kind::People, f)),
        );
        out.extend(
            self.attendance
                .iter()
                .map(|(person, _)| link("attendance", Kind::People, person)),
        );
        out
    }
}

impl Links for Flag {
    fn links(&self) -> Vec<Link> {
        vec![link("person", Kind::People, self.person)]
    }
}

impl Links for Case {
    fn links(&self) -> Vec<Link> {
        vec![link("person", Kind::People, self.person)]
    }
}

impl Links for FollowUp {
    fn links(&self) -> Vec<Link> {
        vec![link("case", Kind::Cases, self.case)]
    }
}

impl Links for Course {
    fn links(&self) -> Vec<Link> {
        Vec::new()
    }
}

/// An entry of the audit trail refers to its record only loosely: a
/// record's history may arrive without the record (a scoped file) and is
/// still worth keeping, so no link is checked.
impl Links for Change {
    fn links(&self) -> Vec<Link> {
        Vec::new()
    }
}

impl AnyRecord {
    pub fn kind(&self) -> Kind {
        match self {
            AnyRecord::Person(_) => Kind::People,
            AnyRecord::Place(_) => Kind::Places,
            AnyRecord::Programme(_) => Kind::Programmes,
            AnyRecord::Group(_) => Kind::Groups,
            AnyRecord::Membership(_) => Kind::Memberships,
            AnyRecord::Meeting(_) => Kind::Meetings,
            AnyRecord::Flag(_) => Kind::Flags,
            AnyRecord::Case(_) => Kind::Cases,
            AnyRecord::FollowUp(_) => Kind::FollowUps,
            AnyRecord::Course(_) => Kind::Courses,
            AnyRecord::Change(_) => Kind::Changes,
        }
    }

    pub fn id(&self) -> Id {
        each!(self, r => r.id)
    }

    pub fn key(&self) -> (Kind, Id) {
        (self.kind(), self.id())
    }

    pub fn clock(&self) -> &Clock {
        each!(self, r => &r.clock)
    }

    pub fn anchor(&self) -> Option<Id> {
        each!(self, r => r.anchor)
    }

    pub fn created(&self) -> Timestamp {
        each!(self, r => r.created)
    }

    pub fn updated(&self) -> Timestamp {
        each!(self, r => r.updated)
    }

    /// True for a tombstone: the record was deleted.
    pub fn is_deleted(&self) -> bool {
        each!(self, r => r.body.is_none())
    }

    /// The anchor the body calls for (a meeting's group); `None` for a
    /// tombstone, whose body is gone.
    pub fn body_anchor(&self) -> Option<Id> {
        each!(self, r => r.body.as_ref().and_then(Body::anchor))
    }

    /// The body as it is written in an exchange file (JSON); `None` for a
    /// tombstone.
    pub fn body_json(&self) -> Option<String> {
        each!(self, r => serde_json::to_string(r.body.as_ref()?).ok())
    }

    /// Whether two versions hold the same data (both deleted, or equal
    /// bodies), whatever their clocks and times.
    pub fn same_body(&self, other: &AnyRecord) -> bool {
        match (self, other) {
            (AnyRecord::Person(a), AnyRecord::Person(b)) => a.body == b.body,
            (AnyRecord::Place(a), AnyRecord::Place(b)) => a.body == b.body,
            (AnyRecord::Programme(a), AnyRecord::Programme(b)) => a.body == b.body,
            (AnyRecord::Group(a), AnyRecord::Group(b)) => a.body == b.body,
            (AnyRecord::Membership(a), AnyRecord::Membership(b)) => a.body == b.body,
            (AnyRecord::Meeting(a), AnyRecord::Meeting(b)) => a.body == b.body,
            (AnyRecord::Flag(a), AnyRecord::Flag(b)) => a.body == b.body,
            (AnyRecord::Case(a), AnyRecord::Case(b)) => a.body == b.body,
            (AnyRecord::FollowUp(a), AnyRecord::FollowUp(b)) => a.body == b.body,
            (AnyRecord::Course(a), AnyRecord::Course(b)) => a.body == b.body,
            (AnyRecord::Change(a), AnyRecord::Change(b)) => a.body == b.body,
            _ => false,
        }
    }

    /// The records this one refers to; none for a tombstone.
    pub fn links(&self) -> Vec<Link> {
        each!(self, r => r.body.as_ref().map(Links::links).unwrap_or_default())
    }

    /// Gives the record a new version: after a conflict is resolved, or to
    /// keep the anchor storage already files it under.
    pub(crate) fn restamp(&mut self, clock: Clock, updated: Timestamp) {
        each!(self, r => {
            r.clock = clock;
            r.updated = updated;
        })
    }

    pub(crate) fn set_anchor(&mut self, anchor: Option<Id>) {
        each!(self, r => r.anchor = anchor)
    }

    /// A copy of the register's record of this kind and id, live or deleted.
    pub fn from_register(reg: &Register, kind: Kind, id: Id) -> Option<AnyRecord> {
        Some(match kind {
            Kind::People => AnyRecord::Person(reg.people.record(id)?.clone()),
            Kind::Places => AnyRecord::Place(reg.places.record(id)?.clone()),
            Kind::Programmes => AnyRecord::Programme(reg.programmes.record(id)?.clone()),
            Kind::Groups => AnyRecord::Group(reg.groups.record(id)?.clone()),
            Kind::Memberships => AnyRecord::Membership(reg.memberships.record(id)?.clone()),
            Kind::Meetings => AnyRecord::Meeting(reg.meetings.record(id)?.clone()),
            Kind::Flags => AnyRecord::Flag(reg.flags.record(id)?.clone()),
            Kind::Cases => AnyRecord::Case(reg.cases.record(id)?.clone()),
            Kind::FollowUps => AnyRecord::FollowUp(reg.follow_ups.record(id)?.clone()),
            Kind::Courses => AnyRecord::Course(reg.courses.record(id)?.clone()),
            Kind::Changes => AnyRecord::Change(reg.changes.record(id)?.clone()),
        })
    }

    /// Puts the record into its table as it is, replacing any version
    /// there. Nothing is checked: deciding what goes in is the merge's job.
    pub fn put_into(self, reg: &mut Register) {
        match self {
            AnyRecord::Person(r) => reg.people.put(r),
            AnyRecord::Place(r) => reg.places.put(r),
            AnyRecord::Programme(r) => reg.programmes.put(r),
            AnyRecord::Group(r) => reg.groups.put(r),
            AnyRecord::Membership(r) => reg.memberships.put(r),
            AnyRecord::Meeting(r) => reg.meetings.put(r),
            AnyRecord::Flag(r) => reg.flags.put(r),
            AnyRecord::Case(r) => reg.cases.put(r),
            AnyRecord::FollowUp(r) => reg.follow_ups.put(r),
            AnyRecord::Course(r) => reg.courses.put(r),
            AnyRecord::Change(r) => reg.changes.put(r),
        }
    }
}

/// The clock of the register's record of this kind and id, if it has one.
pub fn clock_in(reg: &Register, kind: Kind, id: Id) -> Option<&Clock> {
    match kind {
        Kind::People => reg.people.record(id).map(|r| &r.clock),
        Kind::Places => reg.places.record(id).map(|r| &r.clock),
        Kind::Programmes => reg.programmes.record(id).map(|r| &r.clock),
        Kind::Groups => reg.groups.record(id).map(|r| &r.clock),
        Kind::Memberships => reg.memberships.record(id).map(|r| &r.clock),
        Kind::Meetings => reg.meetings.record(id).map(|r| &r.clock),
        Kind::Flags => reg.flags.record(id).map(|r| &r.clock),
        Kind::Cases => reg.cases.record(id).map(|r| &r.clock),
        Kind::FollowUps => reg.follow_ups.record(id).map(|r| &r.clock),
        Kind::Courses => reg.courses.record(id).map(|r| &r.clock),
        Kind::Changes => reg.changes.record(id).map(|r| &r.clock),
    }
}

/// Whether the register holds a record (live or deleted) of this kind and id.
pub fn exists_in(reg: &Register, kind: Kind, id: Id) -> bool {
    clock_in(reg, kind, id).is_some()
}

/// Every id of one kind in the register, deleted records included.
pub fn ids_in(reg: &Register, kind: Kind) -> Vec<Id> {
    fn ids<T>(t: &crate::domain::table::Table<T>) -> Vec<Id> {
        t.records().map(|r| r.id).collect()
    }
    match kind {
        Kind::People => ids(&reg.people),
        Kind::Places => ids(&reg.places),
        Kind::Programmes => ids(&reg.programmes),
        Kind::Groups => ids(&reg.groups),
        Kind::Memberships => ids(&reg.memberships),
        Kind::Meetings => ids(&reg.meetings),
        Kind::Flags => ids(&reg.flags),
        Kind::Cases => ids(&reg.cases),
        Kind::FollowUps => ids(&reg.follow_ups),
        Kind::Courses => ids(&reg.courses),
        Kind::Changes => ids(&reg.changes),
    }
}

/// The records a register record refers to; none if it is deleted or absent.
pub fn links_in(reg: &Register, kind: Kind, id: Id) -> Vec<Link> {
    let links = match kind {
        Kind::People => reg.people.get(id).map(Links::links),
        Kind::Places => reg.places.get(id).map(Links::links),
        Kind::Programmes => reg.programmes.get(id).map(Links::links),
        Kind::Groups => reg.groups.get(id).map(Links::links),
        Kind::Memberships => reg.memberships.get(id).map(Links::links),
        Kind::Meetings => reg.meetings.get(id).map(Links::links),
        Kind::Flags => reg.flags.get(id).map(Links::links),
        Kind::Cases => reg.cases.get(id).map(Links::links),
        Kind::FollowUps => reg.follow_ups.get(id).map(Links::links),
        Kind::Courses => reg.courses.get(id).map(Links::links),
        Kind::Changes => reg.changes.get(id).map(Links::links),
    };
    links.unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testkit::{d, World};

    #[test]
    fn a_meeting_refers_to_its_group_facilitator_and_everyone_marked() {
        let mut w = World::new();
        let group = w.group(crate::domain::seed::BALASABHA);
        let child = w.person(crate::domain::person::Sex::Female, d(2016, 1, 1));
        w.join(child, group, d(2026, 1, 1)).unwrap();
        let meeting = w.meet(group, d(2026, 2, 1), &[]).unwrap();
        let fields: Vec<(&str, Id)> = links_in(&w.reg, Kind::Meetings, meeting)
            .into_iter()
            .map(|l| (l.field, l.id))
            .collect();
        assert_eq!(fields, vec![("group", group), ("attendance", child)]);
    }

    #[test]
    fn a_record_taken_out_and_put_back_is_the_same() {
        let mut w = World::new();
        let child = w.person(crate::domain::person::Sex::Male, d(2015, 5, 5));
        let record = AnyRecord::from_register(&w.reg, Kind::People, child).unwrap();
        assert_eq!((record.kind(), record.id()), (Kind::People, child));
        let before = w.reg.clone();
        record.put_into(&mut w.reg);
        assert_eq!(w.reg, before);
        assert!(AnyRecord::from_register(&w.reg, Kind::Places, child).is_none());
    }
}
