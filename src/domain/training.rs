//! Skill training (Balika Ashram): courses; a batch is a group of the
//! training programme with the course it teaches; enrolment is membership of
//! the batch, and completion is leaving it with an outcome.

use super::record::Body;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Course {
    pub name: String,
    pub description: String,
}

impl Body for Course {}

/// What a trainee did after the course.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Employed,
    /// Self-employed, or running a micro-enterprise.
    SelfEmployed,
    ContinuingStudy,
    NotYetKnown,
}

impl Outcome {
    pub const ALL: [Outcome; 4] = [
        Outcome::Employed,
        Outcome::SelfEmployed,
        Outcome::ContinuingStudy,
        Outcome::NotYetKnown,
    ];
}
