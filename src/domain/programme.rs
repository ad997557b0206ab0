//! Programmes and their rules: who may join their groups, how many, how
//! often the groups meet, and the roles members hold.

use super::person::Sex;
use super::record::Body;
use serde::{Deserialize, Serialize};

/// Who may be a member of a programme's groups, by age at joining.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Members {
    /// Under 18 on the day they join.
    Children,
    /// 18 or over on the day they join.
    Adults,
    Anyone,
}

/// Age at which a person counts as an adult.
pub const ADULT_AGE: u32 = 18;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rules {
    pub members: Members,
    /// Only people of this sex may join (auxiliary groups: women).
    pub sex: Option<Sex>,
    /// Youngest and oldest age at joining, in whole years, inclusive.
    pub min_age: Option<u8>,
    pub max_age: Option<u8>,
    pub min_members: Option<u16>,
    pub max_members: Option<u16>,
    /// Meetings each group should hold a month (auxiliary groups: two).
    pub meetings_per_month: Option<u8>,
    /// Role names; the first is given to new members by default.
    pub roles: Vec<String>,
    /// Whether a person may be an active member of two groups of this
    /// programme at once.
    pub concurrent_groups: bool,
    /// Activity themes a meeting can be about.
    pub themes: Vec<String>,
    /// Flag a member absent from this many meetings in a row.
    pub absences_before_follow_up: u8,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Programme {
    pub name: String,
    /// What the programme does, in a sentence.
    pub description: String,
    pub rules: Rules,
}

impl Rules {
    /// The role new members get unless another is chosen.
    pub fn default_role(&self) -> &str {
        self.roles.first().map_or(DEFAULT_ROLE, String::as_str)
    }

    pub fn has_role(&self, role: &str) -> bool {
        self.roles.iter().any(|r| r == role)
    }
}

/// The role of a member when a programme names none.
pub const DEFAULT_ROLE: &str = "Member";

/// Default for [`Rules::absences_before_follow_up`].
pub const DEFAULT_ABSENCES_BEFORE_FOLLOW_UP: u8 = 3;

impl Default for Rules {
    fn default() -> Self {
        Rules {
            members: Members::Anyone,
            sex: None,
            min_age: None,
            max_age: None,
            min_members: None,
            max_members: None,
            meetings_per_month: None,
            roles: vec![DEFAULT_ROLE.into()],
            concurrent_groups: true,
            themes: Vec::new(),
            absences_before_follow_up: DEFAULT_ABSENCES_BEFORE_FOLLOW_UP,
        }
    }
}

impl Body for Programme {}
