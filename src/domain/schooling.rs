//! A child's schooling as a history of changes, so that dropping out and
//! coming back can be counted, not just the latest state seen.

use super::time;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// The highest class a child can be enrolled in (class 12 ends school).
pub const HIGHEST_CLASS: u8 = 12;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SchoolChange {
    /// Never enrolled, as stated on the day.
    NeverEnrolled,
    Enrolled,
    DroppedOut,
    /// Back in school after dropping out.
    ReEnrolled,
    /// Moved from a Banjara Education Centre (or other bridge school) into a
    /// formal school.
    Mainstreamed,
    Completed,
}

impl SchoolChange {
    pub const ALL: [SchoolChange; 6] = [
        SchoolChange::NeverEnrolled,
        SchoolChange::Enrolled,
        SchoolChange::DroppedOut,
        SchoolChange::ReEnrolled,
        SchoolChange::Mainstreamed,
        SchoolChange::Completed,
    ];

    /// Whether the child is in school after this change.
    pub fn in_school(self) -> bool {
        matches!(
            self,
            SchoolChange::Enrolled | SchoolChange::ReEnrolled | SchoolChange::Mainstreamed
        )
    }
}

/// One change, on a day: "enrolled in class 4 at GPS Bero on 1 June 2024".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SchoolEvent {
    #[serde(with = "time::day")]
    pub on: NaiveDate,
    pub change: SchoolChange,
    /// The class, for changes into school.
    pub class: Option<u8>,
    pub school: String,
}

/// Where a child stands now, from the latest change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Schooling {
    Unknown,
    Enrolled { class: Option<u8> },
    DroppedOut,
    NeverEnrolled,
    Completed,
}

/// A child's schooling history, oldest first.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SchoolHistory(Vec<SchoolEvent>);

impl SchoolHistory {
    pub fn events(&self) -> &[SchoolEvent] {
        &self.0
    }

    /// Adds a change, keeping the history in date order (a change on the
    /// same day as others goes after them).
    pub fn record(&mut self, event: SchoolEvent) {
        let at = self
            .0
            .iter()
            .position(|e| e.on > event.on)
            .unwrap_or(self.0.len());
        self.0.insert(at, event);
    }

    pub fn current(&self) -> Schooling {
        match self.0.last() {
            None => Schooling::Unknown,
            Some(e) if e.change.in_school() => Schooling::Enrolled { class: e.class },
            Some(e) => match e.change {
                SchoolChange::DroppedOut => Schooling::DroppedOut,
                SchoolChange::NeverEnrolled => Schooling::NeverEnrolled,
                _ => Schooling::Completed,
            },
        }
    }

    /// Whether the child dropped out and came back to school during `year`:
    /// a re-enrolment (or mainstreaming) that year after a dropout.
    pub fn re_enrolled_in(&self, year: i32) -> bool {
        let mut dropped = false;
        self.0.iter().any(|e| {
            if e.change == SchoolChange::DroppedOut {
                dropped = true;
            }
            dropped
                && matches!(
                    e.change,
                    SchoolChange::ReEnrolled | SchoolChange::Mainstreamed
                )
                && e.on.year() == year
        })
    }

    /// The change that moves a child from where they stand to `wanted`, as
    /// picked in the person form, dated `on`; `None` when nothing changes.
    pub fn change_to(&self, wanted: Schooling, on: NaiveDate) -> Option<SchoolEvent> {
        let now = self.current();
        if now == wanted {
            return None;
        }
        let event = |change, class| {
            Some(SchoolEvent {
                on,
                change,
                class,
                school: String::new(),
            })
        };
        match wanted {
            Schooling::Unknown => None,
            Schooling::NeverEnrolled => event(SchoolChange::NeverEnrolled, None),
            Schooling::DroppedOut => event(SchoolChange::DroppedOut, None),
            Schooling::Completed => event(SchoolChange::Completed, None),
            Schooling::Enrolled { class } => {
                let was_out = self.0.iter().any(|e| e.change == SchoolChange::DroppedOut);
                let change = if was_out && now == Schooling::DroppedOut {
                    SchoolChange::ReEnrolled
                } else {
                    SchoolChange::Enrolled
                };
                event(change, class)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn ev(on: NaiveDate, change: SchoolChange, class: Option<u8>) -> SchoolEvent {
        SchoolEvent {
            on,
            change,
            class,
            school: String::new(),
        }
    }

    #[test]
    fn the_latest_change_is_where_a_child_stands() {
        let mut h = SchoolHistory::default();
        assert_eq!(h.current(), Schooling::Unknown);
        h.record(ev(d(2024, 6, 1), SchoolChange::DroppedOut, None));
        h.record(ev(d(2022, 6, 1), SchoolChange::Enrolled, Some(3)));
        assert_eq!(
            h.current(),
            Schooling::DroppedOut,
            "kept in date order, whatever the order typed"
        );
        h.record(ev(d(2025, 6, 1), SchoolChange::ReEnrolled, Some(5)));
        assert_eq!(h.current(), Schooling::Enrolled { class: Some(5) });
        assert_eq!(h.events().len(), 3, "nothing is overwritten");
    }

    #[test]
    fn re_enrolment_after_a_dropout_is_counted_in_its_year() {
        let mut h = SchoolHistory::default();
        h.record(ev(d(2025, 3, 1), SchoolChange::DroppedOut, None));
        h.record(ev(d(2026, 6, 1), SchoolChange::ReEnrolled, Some(6)));
        assert!(h.re_enrolled_in(2026));
        assert!(!h.re_enrolled_in(2025));
        let mut never_dropped = SchoolHistory::default();
        never_dropped.record(ev(d(2026, 6, 1), SchoolChange::Mainstreamed, Some(2)));
        assert!(!never_dropped.re_enrolled_in(2026));
    }

    #[test]
    fn picking_a_new_status_in_the_form_adds_the_right_change() {
        let mut h = SchoolHistory::default();
        let today = d(2026, 11, 28);
        assert_eq!(h.change_to(Schooling::Unknown, today), None);
        let first = h
            .change_to(Schooling::Enrolled { class: Some(4) }, today)
            .unwrap();
        assert_eq!(first.change, SchoolChange::Enrolled);
        h.record(first);
        assert_eq!(
            h.change_to(Schooling::Enrolled { class: Some(4) }, today),
            None,
            "no change, no event"
        );
        h.record(h.change_to(Schooling::DroppedOut, today).unwrap());
        let back = h
            .change_to(Schooling::Enrolled { class: Some(5) }, today)
            .unwrap();
        assert_eq!(
            (back.change, back.class),
            (SchoolChange::ReEnrolled, Some(5))
        );
    }
}
