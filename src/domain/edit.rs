//! A change to the register, remembering which records it touched so that
//! storage rewrites only the chunks holding them. Every change the app makes
//! goes through here, so the rules that span records (a place in use cannot
//! go, a deleted person's memberships end) hold whatever page made it.

use super::case_rules::CaseProblem;
use super::group::{Group, Membership, LEFT_RECORD_DELETED};
use super::id::{Id, IdGen, IdsExhausted};
use super::joining::{check_join, check_leave, LeaveRefusal, Refusal};
use super::meeting::Meeting;
use super::meeting_rules::{check_meeting, MeetingProblem};
use super::person::Person;
use super::place::Place;
use super::programme::Programme;
use super::register::{Kind, Register};
use super::schooling::SchoolEvent;
use super::table::{Author, NotFound, Table};
use super::training::{Course, Outcome};
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet};

/// The records one change touched.
pub type Touched = BTreeSet<(Kind, Id)>;

/// Why a change was not made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditError {
    /// The record is not there (deleted meanwhile, perhaps in another tab).
    NotFound,
    /// Other records depend on this one.
    InUse,
    IdsExhausted,
    Join(Vec<Refusal>),
    Leave(LeaveRefusal),
    Meeting(Vec<MeetingProblem>),
    Case(CaseProblem),
}

impl From<NotFound> for EditError {
    fn from(_: NotFound) -> Self {
        EditError::NotFound
    }
}

impl From<IdsExhausted> for EditError {
    fn from(_: IdsExhausted) -> Self {
        EditError::IdsExhausted
    }
}

/// Edits the register on behalf of one author.
pub struct Edit<'a> {
    // Visible to the rest of the domain, which adds its own kinds of change
    // in `impl Edit` blocks beside their rules (see case_rules).
    pub(super) reg: &'a mut Register,
    pub(super) ids: &'a mut IdGen,
    pub(super) author: Author,
    pub(super) touched: Touched,
    /// How each record changed so far stood before this edit (see
    /// `domain::audit`).
    pub(super) before: BTreeMap<(Kind, Id), super::audit::State>,
}

/// Adds, updates and deletes records of one kind, noting what was touched.
macro_rules! crud {
    ($kind:expr, $table:ident, $ty:ty, $add:ident, $update:ident) => {
        pub fn $add(&mut self, body: $ty) -> Result<Id, EditError> {
            let id = self.reg.$table.insert_new(body, self.ids, self.author)?;
            self.touched.insert(($kind, id));
            Ok(id)
        }

        pub fn $update(&mut self, id: Id, body: $ty) -> Result<(), EditError> {
            self.snap($kind, id);
            self.reg.$table.update(id, body, self.author)?;
            self.touched.insert(($kind, id));
            Ok(())
        }
    };
}

impl<'a> Edit<'a> {
    pub fn new(reg: &'a mut Register, ids: &'a mut IdGen, author: Author) -> Self {
        Edit {
            reg,
            ids,
            author,
            touched: Touched::new(),
            before: BTreeMap::new(),
        }
    }

    pub fn register(&self) -> &Register {
        self.reg
    }

    pub fn touched(self) -> Touched {
        self.touched
    }

    crud!(Kind::People, people, Person, add_person, update_person);
    crud!(Kind::Places, places, Place, add_place, update_place);
    crud!(
        Kind::Programmes,
        programmes,
        Programme,
        add_programme,
        update_programme
    );
    crud!(Kind::Groups, groups, Group, add_group, update_group);
    crud!(Kind::Courses, courses, Course, add_course, update_course);

    /// Deletes a person. Their current memberships end today; the history of
    /// their memberships is kept.
    pub fn delete_person(&mut self, id: Id, today: NaiveDate) -> Result<(), EditError> {
        self.reg.people.get(id).ok_or(EditError::NotFound)?;
        let current: Vec<Id> = self
            .reg
            .memberships_of_person(id)
            .filter(|(_, m)| m.is_current())
            .map(|(mid, _)| mid)
            .collect();
        for mid in current {
            self.end_membership(mid, today.max(self.joined_on(mid)), LEFT_RECORD_DELETED)?;
        }
        self.delete(Kind::People, id)
    }

    pub fn delete_place(&mut self, id: Id) -> Result<(), EditError> {
        let used = self.reg.places.live().any(|(_, p)| p.parent == Some(id))
            || self.reg.groups.live().any(|(_, g)| g.place == id);
        if used {
            return Err(EditError::InUse);
        }
        self.delete(Kind::Places, id)
    }

    pub fn delete_programme(&mut self, id: Id) -> Result<(), EditError> {
        if self.reg.groups.live().any(|(_, g)| g.programme == id) {
            return Err(EditError::InUse);
        }
        self.delete(Kind::Programmes, id)
    }

    /// Deletes a group that never had members; one with a history is closed
    /// instead, so the history stays.
    pub fn delete_group(&mut self, id: Id) -> Result<(), EditError> {
        let has_history = self.reg.memberships_of_group(id).next().is_some()
            || self.reg.meetings.live().any(|(_, m)| m.group == id);
        if has_history {
            return Err(EditError::InUse);
        }
        self.delete(Kind::Groups, id)
    }

    /// Makes a person a member of a group, if the programme's rules allow.
    pub fn join(
        &mut self,
        person: Id,
        group: Id,
        role: &str,
        joined_on: NaiveDate,
        today: NaiveDate,
    ) -> Result<Id, EditError> {
        check_join(self.reg, person, group, role, joined_on, today).map_err(EditError::Join)?;
        let membership = Membership {
            person,
            group,
            role: role.to_string(),
            joined_on,
            left_on: None,
            leave_reason: String::new(),
            completed: None,
        };
        let id = self
            .reg
            .memberships
            .insert_new(membership, self.ids, self.author)?;
        self.touched.insert((Kind::Memberships, id));
        Ok(id)
    }

    /// Ends a membership on `left_on` (the first day out), keeping it.
    pub fn leave(
        &mut self,
        membership: Id,
        left_on: NaiveDate,
        reason: &str,
        today: NaiveDate,
    ) -> Result<(), EditError> {
        let m = self
            .reg
            .memberships
            .get(membership)
            .ok_or(EditError::NotFound)?;
        check_leave(m, left_on, today).map_err(EditError::Leave)?;
        self.end_membership(membership, left_on, reason)
    }

    /// Adds a change to a child's schooling history.
    pub fn record_school_change(
        &mut self,
        person: Id,
        event: SchoolEvent,
        today: NaiveDate,
    ) -> Result<(), EditError> {
        let mut p = self
            .reg
            .people
            .get(person)
            .ok_or(EditError::NotFound)?
            .clone();
        if event.on > today {
            return Err(EditError::Case(CaseProblem::DateInFuture));
        }
        if p.birth
            .date_or_estimate()
            .is_some_and(|born| event.on < born)
        {
            return Err(EditError::Case(CaseProblem::BeforeBirth));
        }
        p.schooling.record(event);
        self.update_person(person, p)
    }

    /// Records a meeting, if its date and attendance fit the group.
    pub fn add_meeting(&mut self, meeting: Meeting, today: NaiveDate) -> Result<Id, EditError> {
        check_meeting(self.reg, &meeting, None, today).map_err(EditError::Meeting)?;
        let id = self
            .reg
            .meetings
            .insert_new(meeting, self.ids, self.author)?;
        self.touched.insert((Kind::Meetings, id));
        Ok(id)
    }

    pub fn update_meeting(
        &mut self,
        id: Id,
        meeting: Meeting,
        today: NaiveDate,
    ) -> Result<(), EditError> {
        self.reg.meetings.get(id).ok_or(EditError::NotFound)?;
        check_meeting(self.reg, &meeting, Some(id), today).map_err(EditError::Meeting)?;
        self.snap(Kind::Meetings, id);
        self.reg.meetings.update(id, meeting, self.author)?;
        self.touched.insert((Kind::Meetings, id));
        Ok(())
    }

    pub fn delete_meeting(&mut self, id: Id) -> Result<(), EditError> {
        self.delete(Kind::Meetings, id)
    }

    /// Ends a trainee's membership of a training batch as completed, with
    /// what came of it.
    pub fn complete_course(
        &mut self,
        membership: Id,
        on: NaiveDate,
        outcome: Outcome,
        today: NaiveDate,
    ) -> Result<(), EditError> {
        self.leave(membership, on, "", today)?;
        let mut m = self
            .reg
            .memberships
            .get(membership)
            .ok_or(EditError::NotFound)?
            .clone();
        m.completed = Some(outcome);
        self.snap(Kind::Memberships, membership);
        self.reg.memberships.update(membership, m, self.author)?;
        Ok(())
    }

    fn joined_on(&self, membership: Id) -> NaiveDate {
        self.reg
            .memberships
            .get(membership)
            .map_or(NaiveDate::MIN, |m| m.joined_on)
    }

    fn end_membership(
        &mut self,
        id: Id,
        left_on: NaiveDate,
        reason: &str,
    ) -> Result<(), EditError> {
        let mut m = self
            .reg
            .memberships
            .get(id)
            .ok_or(EditError::NotFound)?
            .clone();
        m.left_on = Some(left_on);
        m.leave_reason = reason.to_string();
        self.snap(Kind::Memberships, id);
        self.reg.memberships.update(id, m, self.author)?;
        self.touched.insert((Kind::Memberships, id));
        Ok(())
    }

    pub(super) fn delete(&mut self, kind: Kind, id: Id) -> Result<(), EditError> {
        fn gone<T>(t: &mut Table<T>, id: Id, author: Author) -> Result<(), NotFound> {
            t.delete(id, author)
        }
        self.snap(kind, id);
        let author = self.author;
        match kind {
            Kind::People => gone(&mut self.reg.people, id, author),
            Kind::Places => gone(&mut self.reg.places, id, author),
            Kind::Programmes => gone(&mut self.reg.programmes, id, author),
            Kind::Groups => gone(&mut self.reg.groups, id, author),
            Kind::Memberships => gone(&mut self.reg.memberships, id, author),
            Kind::Meetings => gone(&mut self.reg.meetings, id, author),
            Kind::Flags => gone(&mut self.reg.flags, id, author),
            Kind::Cases => gone(&mut self.reg.cases, id, author),
            Kind::FollowUps => gone(&mut self.reg.follow_ups, id, author),
            Kind::Courses => gone(&mut self.reg.courses, id, author),
            Kind::Changes => gone(&mut self.reg.changes, id, author),
        }?;
        self.touched.insert((kind, id));
        Ok(())
    }
}
