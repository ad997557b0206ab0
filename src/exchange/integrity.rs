//! Links between records that a merge can leave broken, reported for the
//! volunteer to look at. Edits on one device keep these rules (a person
//! who is deleted leaves their groups), but two devices can each make a
//! change that is fine alone and wrong together: one deletes a person while
//! the other, unaware, keeps them in a group.

use super::any_record::{Link, Links};
use crate::domain::edit::Touched;
use crate::domain::id::Id;
use crate::domain::register::{Kind, Register};
use crate::domain::table::Table;

/// A live record whose link is broken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Issue {
    /// It refers to a record this register does not have at all.
    Missing { kind: Kind, id: Id, link: Link },
    /// It depends on a record that is deleted: a current membership of a
    /// deleted person, a meeting or membership of a deleted group, a group
    /// in a deleted place or programme, a place in a deleted place.
    /// (A mentor, facilitator or attendee who was deleted is history, not
    /// an issue.)
    Deleted { kind: Kind, id: Id, link: Link },
}

impl Issue {
    /// The record with the broken link.
    pub fn record(&self) -> (Kind, Id) {
        match *self {
            Issue::Missing { kind, id, .. } | Issue::Deleted { kind, id, .. } => (kind, id),
        }
    }

    pub fn link(&self) -> Link {
        match *self {
            Issue::Missing { link, .. } | Issue::Deleted { link, .. } => link,
        }
    }
}

/// Every broken link in the register.
pub fn issues(reg: &Register) -> Vec<Issue> {
    let mut out = Vec::new();
    scan(reg, &reg.people, Kind::People, &mut out);
    scan(reg, &reg.places, Kind::Places, &mut out);
    scan(reg, &reg.programmes, Kind::Programmes, &mut out);
    scan(reg, &reg.groups, Kind::Groups, &mut out);
    scan(reg, &reg.memberships, Kind::Memberships, &mut out);
    scan(reg, &reg.meetings, Kind::Meetings, &mut out);
    scan(reg, &reg.flags, Kind::Flags, &mut out);
    scan(reg, &reg.cases, Kind::Cases, &mut out);
    scan(reg, &reg.follow_ups, Kind::FollowUps, &mut out);
    scan(reg, &reg.courses, Kind::Courses, &mut out);
    scan(reg, &reg.changes, Kind::Changes, &mut out);
    out
}

/// The broken links that involve the touched records, on either end: what
/// an import just caused, leaving aside anything broken before.
pub fn issues_touching(reg: &Register, touched: &Touched) -> Vec<Issue> {
    issues(reg)
        .into_iter()
        .filter(|i| {
            let link = i.link();
            touched.contains(&i.record()) || touched.contains(&(link.kind, link.id))
        })
        .collect()
}

fn scan<T: Links>(reg: &Register, table: &Table<T>, kind: Kind, out: &mut Vec<Issue>) {
    for (id, body) in table.live() {
        let current = current_membership(reg, kind, id);
        for link in body.links() {
            match state(reg, link.kind, link.id) {
                State::Live => {}
                State::Missing => out.push(Issue::Missing { kind, id, link }),
                State::Deleted if needs_live(link.field, current) => {
                    out.push(Issue::Deleted { kind, id, link })
                }
                State::Deleted => {}
            }
        }
    }
}

/// Whether a link from this field must lead to a live record.
fn needs_live(field: &str, current_membership: bool) -> bool {
    match field {
        // An ended membership of a deleted person is their history.
        "person" => current_membership,
        "group" | "programme" | "place" | "parent" | "case" => true,
        // "mentor", "facilitator", "attendance": what happened stays.
        _ => false,
    }
}

fn current_membership(reg: &Register, kind: Kind, id: Id) -> bool {
    kind == Kind::Memberships && reg.memberships.get(id).is_some_and(|m| m.is_current())
}

enum State {
    Live,
    Deleted,
    Missing,
}

fn state(reg: &Register, kind: Kind, id: Id) -> State {
    let deleted = match kind {
        Kind::People => reg.people.record(id).map(|r| r.is_deleted()),
        Kind::Places => reg.places.record(id).map(|r| r.is_deleted()),
        Kind::Programmes => reg.programmes.record(id).map(|r| r.is_deleted()),
        Kind::Groups => reg.groups.record(id).map(|r| r.is_deleted()),
        Kind::Memberships => reg.memberships.record(id).map(|r| r.is_deleted()),
        Kind::Meetings => reg.meetings.record(id).map(|r| r.is_deleted()),
        Kind::Flags => reg.flags.record(id).map(|r| r.is_deleted()),
        Kind::Cases => reg.cases.record(id).map(|r| r.is_deleted()),
        Kind::FollowUps => reg.follow_ups.record(id).map(|r| r.is_deleted()),
        Kind::Courses => reg.courses.record(id).map(|r| r.is_deleted()),
        Kind::Changes => reg.changes.record(id).map(|r| r.is_deleted()),
    };
    match deleted {
        None => State::Missing,
        Some(true) => State::Deleted,
        Some(false) => State::Live,
    }
}
