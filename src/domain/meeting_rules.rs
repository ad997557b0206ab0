//! What a meeting record must respect: a real past date in the group's life,
//! one meeting a day per group, and attendance only for the group's members.

use super::id::Id;
use super::meeting::{Attendance, Meeting};
use super::register::Register;
use super::sort::{self, Key};
use chrono::NaiveDate;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MeetingProblem {
    UnknownGroup,
    DateInFuture,
    BeforeGroupFormed {
        formed_on: NaiveDate,
    },
    AlreadyRecorded {
        meeting: Id,
    },
    /// Attendance for someone who was not a member on the day.
    NotAMember {
        person: Id,
    },
    UnknownFacilitator,
    /// A meeting cannot be moved to another group.
    GroupChanged,
}

/// The members a meeting on `date` should list: everyone who was a member
/// that day, and anyone already recorded for it (so editing a meeting never
/// drops a person who has since left).
pub fn roster(
    reg: &Register,
    group: Id,
    date: NaiveDate,
    recorded: Option<&Attendance>,
) -> Vec<Id> {
    let mut people: Vec<Id> = reg
        .memberships_of_group(group)
        .filter(|(_, m)| m.active_on(date))
        .map(|(_, m)| m.person)
        .collect();
    if let Some(recorded) = recorded {
        people.extend(recorded.iter().map(|(p, _)| p));
    }
    people.sort_unstable();
    people.dedup();
    people
}

/// The meetings of a group, newest first.
pub fn meetings_of_group(reg: &Register, group: Id) -> Vec<(Id, &Meeting)> {
    let mut v: Vec<(Id, &Meeting)> = reg
        .meetings
        .live()
        .filter(|(_, m)| m.group == group)
        .collect();
    sort::by_key(&mut v, |(id, m)| Key::newest_first(m.date, *id));
    v
}

/// Checks a new meeting (`editing` = `None`) or a changed one.
pub fn check_meeting(
    reg: &Register,
    meeting: &Meeting,
    editing: Option<Id>,
    today: NaiveDate,
) -> Result<(), Vec<MeetingProblem>> {
    let mut no = Vec::new();
    let Some(group) = reg.groups.get(meeting.group) else {
        return Err(vec![MeetingProblem::UnknownGroup]);
    };
    let before = editing.and_then(|id| reg.meetings.get(id));
    if before.is_some_and(|b| b.group != meeting.group) {
        no.push(MeetingProblem::GroupChanged);
    }
    if meeting.date > today {
        no.push(MeetingProblem::DateInFuture);
    }
    if meeting.date < group.formed_on {
        no.push(MeetingProblem::BeforeGroupFormed {
            formed_on: group.formed_on,
        });
    }
    let twin = reg
        .meetings
        .live()
        .find(|(id, m)| Some(*id) != editing && m.group == meeting.group && m.date == meeting.date);
    if let Some((twin, _)) = twin {
        no.push(MeetingProblem::AlreadyRecorded { meeting: twin });
    }
    let allowed = roster(
        reg,
        meeting.group,
        meeting.date,
        before.map(|b| &b.attendance),
    );
    for (person, _) in meeting.attendance.iter() {
        if allowed.binary_search(&person).is_err() {
            no.push(MeetingProblem::NotAMember { person });
        }
    }
    if meeting
        .facilitator
        .is_some_and(|f| reg.people.get(f).is_none())
    {
        no.push(MeetingProblem::UnknownFacilitator);
    }
    if no.is_empty() {
        Ok(())
    } else {
        Err(no)
    }
}
