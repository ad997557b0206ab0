//! Cases of children taken into care or support: intake, consent, a care
//! plan, and a status that moves only along allowed paths, each move kept.

use super::id::Id;
use super::record::Body;
use super::risk::Concern;
use super::time;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseStatus {
    Open,
    InCare,
    /// Back with the family; follow-up visits go on.
    Reintegrated,
    Transferred,
    Closed,
}

impl CaseStatus {
    pub const ALL: [CaseStatus; 5] = [
        CaseStatus::Open,
        CaseStatus::InCare,
        CaseStatus::Reintegrated,
        CaseStatus::Transferred,
        CaseStatus::Closed,
    ];

    /// Where a case in this status may go next.
    pub fn next(self) -> &'static [CaseStatus] {
        use CaseStatus::*;
        match self {
            Open => &[InCare, Closed],
            InCare => &[Reintegrated, Transferred, Closed],
            Reintegrated => &[InCare, Closed],
            Transferred => &[Closed],
            // Reopening is the only way out of closed.
            Closed => &[Open],
        }
    }
}

/// A consent or assent, with the day it was given.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Consent {
    #[serde(with = "time::day_opt")]
    pub given_on: Option<NaiveDate>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GoalArea {
    Education,
    Health,
    Legal,
    FamilyTracing,
    Counselling,
    Skills,
}

impl GoalArea {
    pub const ALL: [GoalArea; 6] = [
        GoalArea::Education,
        GoalArea::Health,
        GoalArea::Legal,
        GoalArea::FamilyTracing,
        GoalArea::Counselling,
        GoalArea::Skills,
    ];
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Goal {
    pub area: GoalArea,
    pub text: String,
    #[serde(with = "time::day_opt")]
    pub achieved_on: Option<NaiveDate>,
}

/// One move of the status, kept so the case's course can be read back.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusChange {
    #[serde(with = "time::day")]
    pub on: NaiveDate,
    pub to: CaseStatus,
    pub reason: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Case {
    pub person: Id,
    #[serde(with = "time::day")]
    pub intake_on: NaiveDate,
    /// What the child was rescued from or referred for.
    pub concerns: Vec<Concern>,
    pub referred_by: String,
    /// Where the child was rescued or found, as told.
    pub rescue_place: String,
    pub guardian_consent: Consent,
    pub child_assent: Consent,
    pub goals: Vec<Goal>,
    pub status: CaseStatus,
    /// Every status move since intake, oldest first.
    pub history: Vec<StatusChange>,
    pub notes: String,
}

impl Case {
    pub fn is_closed(&self) -> bool {
        self.status == CaseStatus::Closed
    }
}

impl Body for Case {
    /// A child's cases are kept beside each other.
    fn anchor(&self) -> Option<Id> {
        Some(self.person)
    }
}

/// A visit or contact planned for a case, and what came of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUp {
    pub case: Id,
    #[serde(with = "time::day")]
    pub due_on: NaiveDate,
    /// What is planned.
    pub plan: String,
    #[serde(with = "time::day_opt")]
    pub done_on: Option<NaiveDate>,
    pub done_by: String,
    pub outcome: String,
}

impl FollowUp {
    /// Due before `today` and not done.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.done_on.is_none() && self.due_on < today
    }
}

impl Body for FollowUp {
    /// A case's follow-ups are kept beside each other.
    fn anchor(&self) -> Option<Id> {
        Some(self.case)
    }
}
