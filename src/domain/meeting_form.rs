//! The meeting form: details as typed, and marks for the roster.

use super::form::{Checker, FieldError, Problem};
use super::id::Id;
use super::meeting::{Attendance, Mark, Meeting};
use super::time::{iso_date, parse_date};
use chrono::NaiveDate;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MeetingField {
    Date,
    Start,
    Topics,
    Decisions,
    Notes,
    Guests,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeetingForm {
    pub date: String,
    pub start: String,
    pub facilitator: Option<Id>,
    pub topics: String,
    pub themes: Vec<String>,
    pub decisions: String,
    pub notes: String,
    pub guests: String,
    /// Marks chosen so far; people on the roster without one are present.
    pub marks: Vec<(Id, Mark)>,
}

/// "18:30" → minutes after midnight.
pub fn parse_time(text: &str) -> Option<u16> {
    let (h, m) = text.trim().split_once(':')?;
    let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60).then_some(h * 60 + m)
}

pub fn format_time(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

impl MeetingForm {
    pub fn blank(today: NaiveDate) -> Self {
        MeetingForm {
            date: iso_date(today),
            start: String::new(),
            facilitator: None,
            topics: String::new(),
            themes: Vec::new(),
            decisions: String::new(),
            notes: String::new(),
            guests: "0".into(),
            marks: Vec::new(),
        }
    }

    pub fn from_meeting(m: &Meeting) -> Self {
        MeetingForm {
            date: iso_date(m.date),
            start: m.start.map(format_time).unwrap_or_default(),
            facilitator: m.facilitator,
            topics: m.topics.clone(),
            themes: m.themes.clone(),
            decisions: m.decisions.clone(),
            notes: m.notes.clone(),
            guests: m.guests.to_string(),
            marks: m.attendance.iter().collect(),
        }
    }

    /// The mark shown for a person on the roster.
    pub fn mark_of(&self, person: Id) -> Mark {
        self.marks
            .iter()
            .rev()
            .find(|(p, _)| *p == person)
            .map_or(Mark::Present, |(_, m)| *m)
    }

    pub fn set_mark(&mut self, person: Id, mark: Mark) {
        self.marks.retain(|(p, _)| *p != person);
        self.marks.push((person, mark));
    }

    /// The meeting for `group` with attendance for exactly `roster`.
    /// Checks the fields; the rules that need the register (membership,
    /// dates in the group's life) are checked when it is saved.
    pub fn validate(
        &self,
        group: Id,
        roster: &[Id],
    ) -> Result<Meeting, Vec<FieldError<MeetingField>>> {
        let mut c = Checker::default();
        let date = match parse_date(&self.date) {
            Some(date) => Some(date),
            None if self.date.trim().is_empty() => {
                c.fail(MeetingField::Date, Problem::Required);
                None
            }
            None => {
                c.fail(MeetingField::Date, Problem::NotADate);
                None
            }
        };
        let start = if self.start.trim().is_empty() {
            None
        } else {
            let parsed = parse_time(&self.start);
            if parsed.is_none() {
                c.fail(MeetingField::Start, Problem::NotADate);
            }
            parsed
        };
        let topics = c.notes(MeetingField::Topics, &self.topics);
        let decisions = c.notes(MeetingField::Decisions, &self.decisions);
        let notes = c.notes(MeetingField::Notes, &self.notes);
        let guests = c.number(MeetingField::Guests, &self.guests, 0, 999);
        let attendance = Attendance::new(roster.iter().map(|&p| (p, self.mark_of(p))));
        let meeting = date.zip(guests).map(|(date, guests)| Meeting {
            group,
            date,
            start,
            facilitator: self.facilitator,
            topics,
            themes: self.themes.clone(),
            decisions,
            notes,
            guests: guests as u16,
            attendance,
        });
        c.finish(meeting)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::id::DeviceTag;
    use crate::domain::meeting::AbsenceReason;

    fn id(n: u32) -> Id {
        Id::new(DeviceTag::from_random(8), n)
    }

    #[test]
    fn everyone_on_the_roster_is_present_unless_marked_absent() {
        let mut form = MeetingForm::blank(NaiveDate::from_ymd_opt(2026, 11, 1).unwrap());
        form.set_mark(id(2), Mark::Absent(AbsenceReason::Illness));
        form.set_mark(id(9), Mark::Absent(AbsenceReason::Work));
        let m = form.validate(id(100), &[id(1), id(2), id(3)]).unwrap();
        let marks: Vec<(Id, Mark)> = m.attendance.iter().collect();
        assert_eq!(
            marks,
            vec![
                (id(1), Mark::Present),
                (id(2), Mark::Absent(AbsenceReason::Illness)),
                (id(3), Mark::Present)
            ],
            "only the roster is recorded"
        );
    }

    #[test]
    fn a_mark_can_be_changed_back() {
        let mut form = MeetingForm::blank(NaiveDate::from_ymd_opt(2026, 11, 1).unwrap());
        form.set_mark(id(2), Mark::Absent(AbsenceReason::Illness));
        form.set_mark(id(2), Mark::Present);
        assert_eq!(form.mark_of(id(2)), Mark::Present);
    }

    #[test]
    fn times_and_guests_are_checked() {
        assert_eq!(parse_time("18:30"), Some(1110));
        assert_eq!(parse_time("24:00"), None);
        assert_eq!(format_time(545), "09:05");
        let mut form = MeetingForm::blank(NaiveDate::from_ymd_opt(2026, 11, 1).unwrap());
        form.start = "7pm".into();
        form.guests = "-1".into();
        let fields: Vec<MeetingField> = form
            .validate(id(1), &[])
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, vec![MeetingField::Start, MeetingField::Guests]);
    }

    #[test]
    fn a_meeting_survives_the_round_trip_through_the_form() {
        let mut form = MeetingForm::blank(NaiveDate::from_ymd_opt(2026, 11, 1).unwrap());
        form.start = "10:15".into();
        form.topics = "Savings\\nTraining".into();
        form.themes = vec!["Livelihood".into()];
        form.guests = "2".into();
        form.set_mark(id(3), Mark::Absent(AbsenceReason::Travel));
        let roster = [id(3), id(4)];
        let m = form.validate(id(1), &roster).unwrap();
        assert_eq!(
            MeetingForm::from_meeting(&m).validate(id(1), &roster),
            Ok(m)
        );
    }
}
