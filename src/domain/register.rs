//! The whole register: every table, and the kinds of record it holds.

use super::person::Person;
use super::table::Table;
use serde::{Deserialize, Serialize};

/// Every record this device holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Register {
    pub people: Table<Person>,
}

/// The kinds of record. Each kind is its own table, stored in its own chunks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    People,
}

impl Kind {
    pub const ALL: [Kind; 1] = [Kind::People];

    /// The short stable name used in storage keys and exports.
    pub fn name(self) -> &'static str {
        match self {
            Kind::People => "people",
        }
    }

    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name)
    }
}

impl Register {
    pub fn is_empty(&self) -> bool {
        Kind::ALL.iter().all(|&k| self.live_count(k) == 0)
    }

    pub fn live_count(&self, kind: Kind) -> usize {
        match kind {
            Kind::People => self.people.live_count(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_names_round_trip() {
        for k in Kind::ALL {
            assert_eq!(Kind::from_name(k.name()), Some(k));
        }
        assert_eq!(Kind::from_name("nobody"), None);
    }
}
