//! The rules of risk flags, cases and follow-ups, and the changes that keep
//! them: dates that make sense, status moves along allowed paths with a
//! reason at closing, and no new follow-up on a closed case.

use super::case::{Case, CaseStatus, FollowUp, StatusChange};
use super::edit::{Edit, EditError};
use super::id::Id;
use super::register::{Kind, Register};
use super::risk::Flag;
use chrono::NaiveDate;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CaseProblem {
    UnknownPerson,
    DateInFuture,
    BeforeBirth,
    /// The status cannot move this way (e.g. closed straight to in care).
    NotAllowed {
        from: CaseStatus,
        to: CaseStatus,
    },
    /// Closing or transferring needs a reason.
    ReasonRequired,
    /// Earlier than the case's last status change or intake.
    BeforeLastChange,
    /// A closed case takes no follow-ups until it is reopened.
    CaseClosed,
    /// A flag cleared before it was raised, or cleared twice.
    BadClearing,
}

fn check_date(
    reg: &Register,
    person: Id,
    on: NaiveDate,
    today: NaiveDate,
) -> Result<(), CaseProblem> {
    let p = reg.people.get(person).ok_or(CaseProblem::UnknownPerson)?;
    if on > today {
        return Err(CaseProblem::DateInFuture);
    }
    if p.birth.date_or_estimate().is_some_and(|born| on < born) {
        return Err(CaseProblem::BeforeBirth);
    }
    Ok(())
}

/// Follow-ups not done and due before today, on cases that are not closed,
/// soonest due first.
pub fn overdue_follow_ups(reg: &Register, today: NaiveDate) -> Vec<(Id, &FollowUp)> {
    let mut due: Vec<(Id, &FollowUp)> = reg
        .follow_ups
        .live()
        .filter(|(_, f)| f.is_overdue(today))
        .filter(|(_, f)| reg.cases.get(f.case).is_some_and(|c| !c.is_closed()))
        .collect();
    super::sort::by_key(&mut due, |(id, f)| {
        super::sort::Key::ids(None, *id).with_first(f.due_on)
    });
    due
}

impl super::sort::Key {
    /// Puts a date before the key (soonest first).
    pub fn with_first(mut self, date: NaiveDate) -> Self {
        use chrono::Datelike;
        self.0 = i64::from(date.num_days_from_ce());
        self
    }
}

impl Edit<'_> {
    fn touch(&mut self, kind: Kind, id: Id) {
        self.touched.insert((kind, id));
    }

    pub fn raise_flag(&mut self, flag: Flag, today: NaiveDate) -> Result<Id, EditError> {
        check_date(self.reg, flag.person, flag.raised_on, today).map_err(EditError::Case)?;
        let id = self.reg.flags.insert_new(flag, self.ids, self.author)?;
        self.touch(Kind::Flags, id);
        Ok(id)
    }

    pub fn clear_flag(&mut self, id: Id, on: NaiveDate, today: NaiveDate) -> Result<(), EditError> {
        let mut flag = self.reg.flags.get(id).ok_or(EditError::NotFound)?.clone();
        if !flag.is_open() || on < flag.raised_on {
            return Err(EditError::Case(CaseProblem::BadClearing));
        }
        if on > today {
            return Err(EditError::Case(CaseProblem::DateInFuture));
        }
        flag.cleared_on = Some(on);
        self.snap(Kind::Flags, id);
        self.reg.flags.update(id, flag, self.author)?;
        self.touch(Kind::Flags, id);
        Ok(())
    }

    /// Opens a case: status open from the intake date.
    pub fn open_case(&mut self, mut case: Case, today: NaiveDate) -> Result<Id, EditError> {
        check_date(self.reg, case.person, case.intake_on, today).map_err(EditError::Case)?;
        for consent in [case.guardian_consent, case.child_assent] {
            if consent.given_on.is_some_and(|on| on > today) {
                return Err(EditError::Case(CaseProblem::DateInFuture));
            }
        }
        case.status = CaseStatus::Open;
        case.history = vec![StatusChange {
            on: case.intake_on,
            to: CaseStatus::Open,
            reason: String::new(),
        }];
        let id = self.reg.cases.insert_new(case, self.ids, self.author)?;
        self.touch(Kind::Cases, id);
        Ok(id)
    }

    /// Changes a case's details (intake, concerns, consent, goals, notes);
    /// its status and history are kept as they are.
    pub fn update_case(
        &mut self,
        id: Id,
        mut case: Case,
        today: NaiveDate,
    ) -> Result<(), EditError> {
        let before = self.reg.cases.get(id).ok_or(EditError::NotFound)?;
        check_date(self.reg, before.person, case.intake_on, today).map_err(EditError::Case)?;
        case.person = before.person;
        case.status = before.status;
        case.history = before.history.clone();
        self.snap(Kind::Cases, id);
        self.reg.cases.update(id, case, self.author)?;
        self.touch(Kind::Cases, id);
        Ok(())
    }

    /// Moves a case's status, if the move is allowed, keeping the move.
    pub fn change_case_status(
        &mut self,
        id: Id,
        to: CaseStatus,
        on: NaiveDate,
        reason: &str,
        today: NaiveDate,
    ) -> Result<(), EditError> {
        let mut case = self.reg.cases.get(id).ok_or(EditError::NotFound)?.clone();
        let fail = |p| Err(EditError::Case(p));
        if !case.status.next().contains(&to) {
            return fail(CaseProblem::NotAllowed {
                from: case.status,
                to,
            });
        }
        if on > today {
            return fail(CaseProblem::DateInFuture);
        }
        let last = case.history.last().map_or(case.intake_on, |c| c.on);
        if on < last {
            return fail(CaseProblem::BeforeLastChange);
        }
        let reason = super::text::clean_line(reason);
        if matches!(to, CaseStatus::Closed | CaseStatus::Transferred) && reason.is_empty() {
            return fail(CaseProblem::ReasonRequired);
        }
        case.status = to;
        case.history.push(StatusChange { on, to, reason });
        self.snap(Kind::Cases, id);
        self.reg.cases.update(id, case, self.author)?;
        self.touch(Kind::Cases, id);
        Ok(())
    }

    pub fn plan_follow_up(&mut self, follow_up: FollowUp) -> Result<Id, EditError> {
        let case = self
            .reg
            .cases
            .get(follow_up.case)
            .ok_or(EditError::NotFound)?;
        if case.is_closed() {
            return Err(EditError::Case(CaseProblem::CaseClosed));
        }
        let id = self
            .reg
            .follow_ups
            .insert_new(follow_up, self.ids, self.author)?;
        self.touch(Kind::FollowUps, id);
        Ok(id)
    }

    /// Records that a planned follow-up was done, by whom, and its outcome.
    pub fn complete_follow_up(
        &mut self,
        id: Id,
        done_on: NaiveDate,
        by: &str,
        outcome: &str,
        today: NaiveDate,
    ) -> Result<(), EditError> {
        let mut f = self
            .reg
            .follow_ups
            .get(id)
            .ok_or(EditError::NotFound)?
            .clone();
        let case = self.reg.cases.get(f.case).ok_or(EditError::NotFound)?;
        if case.is_closed() {
            return Err(EditError::Case(CaseProblem::CaseClosed));
        }
        if done_on > today {
            return Err(EditError::Case(CaseProblem::DateInFuture));
        }
        if done_on < case.intake_on {
            return Err(EditError::Case(CaseProblem::BeforeLastChange));
        }
        f.done_on = Some(done_on);
        f.done_by = super::text::clean_line(by);
        f.outcome = super::text::clean_multiline(outcome);
        self.snap(Kind::FollowUps, id);
        self.reg.follow_ups.update(id, f, self.author)?;
        self.touch(Kind::FollowUps, id);
        Ok(())
    }
}

#[cfg(test)]
mod tests;
