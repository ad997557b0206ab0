//! What is checked in each imported record, and how a record that fails is
//! reported. A bad record is set aside with its reasons; the rest of the
//! file is still taken in.

use super::any_record::{exists_in, AnyRecord, Link};
use crate::domain::audit::Change;
use crate::domain::case::{Case, FollowUp};
use crate::domain::form::{Checker, Problem, MAX_AGE_YEARS};
use crate::domain::group::{Group, Membership};
use crate::domain::id::Id;
use crate::domain::meeting::Meeting;
use crate::domain::person::{Birth, Person};
use crate::domain::place::Place;
use crate::domain::programme::Programme;
use crate::domain::register::{Kind, Register};
use crate::domain::risk::Flag;
use crate::domain::schooling::HIGHEST_CLASS;
use crate::domain::training::Course;
use std::collections::BTreeSet;

/// Why a record of a file cannot be taken in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecordProblem {
    /// Not a record of its kind: a field missing or of the wrong type, a
    /// date that does not exist, an id that is not an id. The detail is
    /// the JSON reader's own (English) message.
    Unreadable(String),
    /// The version clock is empty or not well formed.
    BadClock,
    /// The same id appears more than once in the file.
    DuplicateId,
    /// A field's value breaks the register's rules (a name left empty once
    /// control characters are removed, a name too long…). `field` is the
    /// field's name in the file.
    Field {
        field: &'static str,
        problem: Problem,
    },
    /// Refers to a record that is neither in the file nor in this register.
    UnknownReference(Link),
    /// Refers to a record of the file that is itself set aside.
    RefersToInvalid(Link),
    /// A meeting or membership that now names another group than the one it
    /// was made in; the app never moves them, so this is not a version of
    /// the same record.
    MovedToAnotherGroup,
}

/// A record of the file that is not taken in, with every reason found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvalidRecord {
    pub kind: Kind,
    /// `None` when the id itself could not be read.
    pub id: Option<Id>,
    /// Its place in its table in the file, from 0.
    pub position: usize,
    pub problems: Vec<RecordProblem>,
}

/// A readable record and where it was in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub position: usize,
    pub record: AnyRecord,
}

impl Entry {
    /// This record reported as set aside for `problems`.
    pub fn invalid(&self, problems: Vec<RecordProblem>) -> InvalidRecord {
        InvalidRecord {
            kind: self.record.kind(),
            id: Some(self.record.id()),
            position: self.position,
            problems,
        }
    }
}

/// Cleans the text of a record body the way the forms do, reporting what
/// the forms would refuse.
trait Clean {
    fn clean(&mut self, c: &mut Checker<&'static str>);
}

impl Clean for Person {
    fn clean(&mut self, c: &mut Checker<&'static str>) {
        self.given_name = c.line("given_name", &self.given_name, true);
        self.family_name = c.line("family_name", &self.family_name, false);
        self.guardian_name = c.line("guardian_name", &self.guardian_name, false);
        self.phone = c.line("phone", &self.phone, false);
        self.village = c.line("village", &self.village, false);
        self.community = c.line("community", &self.community, false);
        self.notes = c.notes("notes", &self.notes);
        if let Birth::Approximate { years, .. } = self.birth {
            if u32::from(years) > MAX_AGE_YEARS {
                c.fail(
                    "birth",
                    Problem::OutOfRange {
                        min: 0,
                        max: MAX_AGE_YEARS,
                    },
                );
            }
        }
        if let Some(bad) = self
            .schooling
            .events()
            .iter()
            .find_map(|e| e.class.filter(|n| !(1..=HIGHEST_CLASS).contains(n)))
        {
            let _ = bad;
            let max = u32::from(HIGHEST_CLASS);
            c.fail("schooling", Problem::OutOfRange { min: 1, max });
        }
    }
}

impl Clean for Flag {
    fn clean(&mut self, c: &mut Checker<&'static str>) {
        self.raised_by = c.line("raised_by", &self.raised_by, false);
        self.note = c.notes("note", &self.note);
        if self.cleared_on.is_some_and(|on| on < self.raised_on) {
            c.fail("cleared_on", Problem::TooEarly);
        }
    }
}

impl Clean for Case {
    fn clean(&mut self, c: &mut Checker<&'static str>) {
        self.referred_by = c.line("referred_by", &self.referred_by, false);
        self.rescue_place = c.line("rescue_place", &self.rescue_place, false);
        self.notes = c.notes("notes", &self.notes);
        for goal in &mut self.goals {
            goal.text = c.line("goals", &goal.text, false);
        }
        for change in &mut self.history {
            change.reason = c.line("history", &change.reason, false);
        }
        // The status is where the course of the case ended.
        if self.history.last().is_some_and(|h| h.to != self.status) {
            c.fail("status", Problem::Required);
        }
    }
}

impl Clean for FollowUp {
    fn clean(&mut self, c: &mut Checker<&'static str>) {
        self.plan = c.line("plan", &self.plan, false);
        self.done_by = c.line("done_by", &self.done_by, false);
        self.outcome = c.notes("outcome", &self.outcome);
    }
}

impl Clean for Course {
    fn clean(&mut self, c: &mut Checker<&'static str>) {
        self.name = c.line("name", &self.name, true);
        self.description = c.notes("description", &self.description);
    }
}

impl Clean for Change {
    fn clean(&mut self, c: &mut Checker<&'static str>) {
        self.by = c.line("by", &self.by, false);
        for field in &mut self.fields {
            *field = c.line("fields", field, true);
        }
    }
}

impl Clean for Place {
    fn clean(&mut self, c: &mut Checker<&'static str>) {
        self.name = c.line("name", &self.name, true);
    }
}

impl Clean for Programme {
    fn clean(&mut self, c: &mut Checker<&'static str>) {
        self.name = c.line("name", &self.name, true);
        self.description = c.notes("description", &self.description);
        for role in &mut self.rules.roles {
            *role = c.line("roles", role, true);
        }
        for theme in &mut self.rules.themes {
            *theme = c.line("themes", theme, true);
        }
    }
}

impl Clean for Group {
    fn clean(&mut self, c: &mut Checker<&'static str>) {
        self.name = c.line("name", &self.name, true);
        self.notes = c.notes("notes", &self.notes);
    }
}

impl Clean for Membership {
    fn clean(&mut self, c: &mut Checker<&'static str>) {
        self.role = c.line("role", &self.role, true);
        self.leave_reason = c.line("leave_reason", &self.leave_reason, false);
    }
}

/// Minutes in a day: a meeting's start is below this.
const MINUTES_A_DAY: u16 = 24 * 60;

impl Clean for Meeting {
    fn clean(&mut self, c: &mut Checker<&'static str>) {
        self.topics = c.notes("topics", &self.topics);
        self.decisions = c.notes("decisions", &self.decisions);
        self.notes = c.notes("notes", &self.notes);
        for theme in &mut self.themes {
            *theme = c.line("themes", theme, true);
        }
        if self.start.is_some_and(|s| s >= MINUTES_A_DAY) {
            let max = u32::from(MINUTES_A_DAY - 1);
            c.fail("start", Problem::OutOfRange { min: 0, max });
        }
    }
}

/// Checks one record on its own: a well-formed clock, and text cleaned as
/// the forms clean it (markup stays as plain text; control characters go).
fn check_record(record: &mut AnyRecord) -> Vec<RecordProblem> {
    let mut problems = Vec::new();
    let clock = record.clock();
    if !clock.is_valid() || *clock == Default::default() {
        problems.push(RecordProblem::BadClock);
    }
    let mut c = Checker::default();
    match record {
        AnyRecord::Person(r) => r.body.iter_mut().for_each(|b| b.clean(&mut c)),
        AnyRecord::Place(r) => r.body.iter_mut().for_each(|b| b.clean(&mut c)),
        AnyRecord::Programme(r) => r.body.iter_mut().for_each(|b| b.clean(&mut c)),
        AnyRecord::Group(r) => r.body.iter_mut().for_each(|b| b.clean(&mut c)),
        AnyRecord::Membership(r) => r.body.iter_mut().for_each(|b| b.clean(&mut c)),
        AnyRecord::Meeting(r) => r.body.iter_mut().for_each(|b| b.clean(&mut c)),
        AnyRecord::Flag(r) => r.body.iter_mut().for_each(|b| b.clean(&mut c)),
        AnyRecord::Case(r) => r.body.iter_mut().for_each(|b| b.clean(&mut c)),
        AnyRecord::FollowUp(r) => r.body.iter_mut().for_each(|b| b.clean(&mut c)),
        AnyRecord::Course(r) => r.body.iter_mut().for_each(|b| b.clean(&mut c)),
        AnyRecord::Change(r) => r.body.iter_mut().for_each(|b| b.clean(&mut c)),
    }
    problems.extend(c.errors.into_iter().map(|e| RecordProblem::Field {
        field: e.field,
        problem: e.problem,
    }));
    problems
}

/// Checks what can be checked without the register: each record on its own
/// and ids used twice. `ids_seen` holds the ids of the records that could
/// not even be read, so a readable twin of one is caught too.
pub fn check_file(
    entries: Vec<Entry>,
    ids_seen: &[Id],
    invalid: &mut Vec<InvalidRecord>,
) -> Vec<Entry> {
    // Every id in the file, sorted, so an id used twice sits beside its twin.
    // Sorted as they are, not through `sort::by_key`: a `Key` for each of a
    // state's 163,000 ids made this sort 0.36 s of a 1.5 s import, against
    // 3 ms for the ids alone, and `[Id]::sort_unstable` is in the app
    // already (`meeting_rules::roster`), so it adds no code to the download.
    let mut all: Vec<Id> = ids_seen.to_vec();
    all.extend(entries.iter().map(|e| e.record.id()));
    all.sort_unstable();
    let twice = |id: Id| {
        let first = all.partition_point(|x| *x < id);
        all.get(first + 1) == Some(&id)
    };
    let mut good = Vec::with_capacity(entries.len());
    for mut entry in entries {
        let mut problems = check_record(&mut entry.record);
        // Ids are unique across every table: two records with one id cannot
        // both be right, and there is no telling which is.
        if twice(entry.record.id()) {
            problems.insert(0, RecordProblem::DuplicateId);
        }
        if problems.is_empty() {
            good.push(entry);
        } else {
            invalid.push(entry.invalid(problems));
        }
    }
    good
}

/// Sets aside records that refer to something neither in the file nor in
/// the register, then those that refer to a record set aside, until none
/// is left: a membership of a person whose record is broken is not taken in
/// alone. References to deleted records are fine (history keeps them).
pub fn check_references(
    entries: Vec<Entry>,
    reg: &Register,
    invalid: &mut Vec<InvalidRecord>,
) -> Vec<Entry> {
    // Sets built by inserting, not collecting: the app already has this
    // set's insert (edit::Touched), while collecting adds a sort.
    let mut set_aside = BTreeSet::new();
    for i in invalid.iter() {
        set_aside.extend(i.id.map(|id| (i.kind, id)));
    }
    let mut entries = entries;
    loop {
        let mut in_file = BTreeSet::new();
        for e in &entries {
            in_file.insert(e.record.key());
        }
        let before = entries.len();
        let mut kept = Vec::with_capacity(before);
        for entry in entries {
            let problems: Vec<RecordProblem> = entry
                .record
                .links()
                .into_iter()
                .filter(|l| !in_file.contains(&(l.kind, l.id)) && !exists_in(reg, l.kind, l.id))
                .map(|l| match set_aside.contains(&(l.kind, l.id)) {
                    true => RecordProblem::RefersToInvalid(l),
                    false => RecordProblem::UnknownReference(l),
                })
                .collect();
            if problems.is_empty() {
                kept.push(entry);
            } else {
                set_aside.insert(entry.record.key());
                invalid.push(entry.invalid(problems));
            }
        }
        entries = kept;
        if entries.len() == before {
            return entries;
        }
    }
}
