//! The audit trail: every change the app makes to a record leaves a
//! [`Change`] saying when (the change record's creation time), by whom (the
//! volunteer's name from settings; the device is in the change's id) and
//! what: which record, whether it was added, changed or deleted, and which
//! of its fields changed.
//!
//! The trail names fields and never copies their values: a deleted child's
//! data must really be gone (see `domain::record`), and a trail holding old
//! values would keep it. Changes are records like any other, kept beside
//! their record in storage (their anchor is the record) and carried in
//! exports with it, so the history travels between devices.

use super::edit::{Edit, EditError};
use super::id::Id;
use super::record::Body;
use super::register::{Kind, Register};
use super::time::Timestamp;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// What happened to a record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Added,
    Changed,
    Deleted,
}

/// One entry of the trail.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    /// The kind of the record changed.
    pub kind: Kind,
    /// The record changed.
    pub subject: Id,
    pub action: Action,
    /// The volunteer's name as set in settings on the device that made the
    /// change; empty when none was set.
    pub by: String,
    /// For [`Action::Changed`]: the names of the fields whose value changed,
    /// as the exchange file names them (`given_name`, `left_on`…).
    pub fields: Vec<String>,
}

impl Body for Change {
    /// A record's changes are kept together, beside nothing else.
    fn anchor(&self) -> Option<Id> {
        Some(self.subject)
    }
}

/// A record as it stands, for comparing before and after an edit.
#[derive(Clone, Debug, PartialEq)]
pub enum State {
    Absent,
    Deleted,
    Live(Value),
}

/// The record's state now.
pub fn state(reg: &Register, kind: Kind, id: Id) -> State {
    fn of<T: Serialize>(t: &super::table::Table<T>, id: Id) -> State {
        match t.record(id) {
            None => State::Absent,
            Some(r) => match &r.body {
                None => State::Deleted,
                Some(b) => serde_json::to_value(b).map_or(State::Absent, State::Live),
            },
        }
    }
    match kind {
        Kind::People => of(&reg.people, id),
        Kind::Places => of(&reg.places, id),
        Kind::Programmes => of(&reg.programmes, id),
        Kind::Groups => of(&reg.groups, id),
        Kind::Memberships => of(&reg.memberships, id),
        Kind::Meetings => of(&reg.meetings, id),
        Kind::Flags => of(&reg.flags, id),
        Kind::Cases => of(&reg.cases, id),
        Kind::FollowUps => of(&reg.follow_ups, id),
        Kind::Courses => of(&reg.courses, id),
        Kind::Changes => of(&reg.changes, id),
    }
}

/// The names of the top-level fields that differ, alphabetically.
fn changed_fields(before: &Value, after: &Value) -> Vec<String> {
    match (before, after) {
        (Value::Object(a), Value::Object(b)) => {
            let mut out: Vec<String> = b
                .iter()
                .filter(|(k, v)| a.get(*k) != Some(*v))
                .map(|(k, _)| k.clone())
                .collect();
            out.extend(a.keys().filter(|k| !b.contains_key(*k)).cloned());
            out
        }
        _ if before != after => vec!["body".into()],
        _ => Vec::new(),
    }
}

/// The entry for a record that went from `before` to `after`; `None` when
/// nothing a volunteer would see changed.
pub fn describe(
    kind: Kind,
    subject: Id,
    before: &State,
    after: &State,
    by: &str,
) -> Option<Change> {
    let (action, fields) = match (before, after) {
        (State::Live(a), State::Live(b)) => {
            let fields = changed_fields(a, b);
            if fields.is_empty() {
                return None;
            }
            (Action::Changed, fields)
        }
        (State::Live(_), State::Deleted) => (Action::Deleted, Vec::new()),
        (State::Absent | State::Deleted, State::Live(_)) => (Action::Added, Vec::new()),
        _ => return None,
    };
    Some(Change {
        kind,
        subject,
        action,
        by: by.to_string(),
        fields,
    })
}

/// A record's history, newest first: when, and what.
pub fn history(reg: &Register, kind: Kind, subject: Id) -> Vec<(Id, Timestamp, &Change)> {
    let mut out: Vec<(Id, Timestamp, &Change)> = reg
        .changes
        .records()
        .filter_map(|r| Some((r.id, r.created, r.body.as_ref()?)))
        .filter(|(_, _, c)| c.subject == subject && c.kind == kind)
        .collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then(b.0.cmp(&a.0)));
    out
}

impl Edit<'_> {
    /// Notes how a record stands before this edit first changes it, so
    /// that [`Edit::sign`] can say which fields changed. Every change to an
    /// existing record calls this first.
    pub(super) fn snap(&mut self, kind: Kind, id: Id) {
        if !self.before.contains_key(&(kind, id)) {
            let now = state(self.reg, kind, id);
            self.before.insert((kind, id), now);
        }
    }

    /// Writes the trail of everything this edit changed, signed with the
    /// volunteer's name: one [`Change`] per record added, changed or
    /// deleted. The app signs every edit before saving it.
    pub fn sign(&mut self, by: &str) -> Result<(), EditError> {
        let subjects: Vec<(Kind, Id)> = self
            .touched
            .iter()
            .filter(|(k, _)| *k != Kind::Changes)
            .copied()
            .collect();
        for (kind, id) in subjects {
            let after = state(self.reg, kind, id);
            let before = match self.before.get(&(kind, id)) {
                Some(b) => b.clone(),
                // Not noted: made by this edit if it was created now.
                None => match self.record_created(kind, id) {
                    Some(t) if t < self.author.now => State::Live(Value::Null),
                    _ => State::Absent,
                },
            };
            if let Some(change) = describe(kind, id, &before, &after, by) {
                let cid = self.reg.changes.insert_new(change, self.ids, self.author)?;
                self.touched.insert((Kind::Changes, cid));
            }
        }
        self.before.clear();
        Ok(())
    }

    fn record_created(&self, kind: Kind, id: Id) -> Option<Timestamp> {
        let reg = &*self.reg;
        match kind {
            Kind::People => reg.people.record(id).map(|r| r.created),
            Kind::Places => reg.places.record(id).map(|r| r.created),
            Kind::Programmes => reg.programmes.record(id).map(|r| r.created),
            Kind::Groups => reg.groups.record(id).map(|r| r.created),
            Kind::Memberships => reg.memberships.record(id).map(|r| r.created),
            Kind::Meetings => reg.meetings.record(id).map(|r| r.created),
            Kind::Flags => reg.flags.record(id).map(|r| r.created),
            Kind::Cases => reg.cases.record(id).map(|r| r.created),
            Kind::FollowUps => reg.follow_ups.record(id).map(|r| r.created),
            Kind::Courses => reg.courses.record(id).map(|r| r.created),
            Kind::Changes => reg.changes.record(id).map(|r| r.created),
        }
    }
}

#[cfg(test)]
mod tests;
