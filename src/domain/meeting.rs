//! Meetings of a group, with who was there.

use super::id::Id;
use super::record::Body;
use super::time;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

mod attendance;
pub use attendance::Attendance;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    pub group: Id,
    #[serde(with = "time::day")]
    pub date: NaiveDate,
    /// Minutes after midnight, when recorded.
    pub start: Option<u16>,
    /// The person who ran the meeting.
    pub facilitator: Option<Id>,
    /// What was discussed, as typed.
    pub topics: String,
    /// Activity themes from the programme's list.
    pub themes: Vec<String>,
    pub decisions: String,
    pub notes: String,
    /// People who came but are not members.
    pub guests: u16,
    pub attendance: Attendance,
}

impl Body for Meeting {
    /// Meetings are kept beside their group's other meetings.
    fn anchor(&self) -> Option<Id> {
        Some(self.group)
    }
}

/// Why a member missed a meeting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AbsenceReason {
    NotGiven,
    Illness,
    Work,
    Family,
    Studies,
    Travel,
    Other,
}

impl AbsenceReason {
    pub const ALL: [AbsenceReason; 7] = [
        AbsenceReason::NotGiven,
        AbsenceReason::Illness,
        AbsenceReason::Work,
        AbsenceReason::Family,
        AbsenceReason::Studies,
        AbsenceReason::Travel,
        AbsenceReason::Other,
    ];
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mark {
    Present,
    Absent(AbsenceReason),
}
