//! A person in the register: for now a child, later also adult members and
//! resource persons (same record, same form).

use super::record::Body;
use super::schooling::SchoolHistory;
use super::time::{self, years_before};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

// Enums are externally tagged (`{"known": {...}}`): the one shape that both
// JSON exports and the compact binary store can read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub given_name: String,
    /// Empty where the person has only one name, as many do.
    pub family_name: String,
    pub sex: Sex,
    pub birth: Birth,
    /// Empty when not known.
    pub guardian_name: String,
    pub guardian_relationship: Option<Relationship>,
    /// Empty when there is none.
    pub phone: String,
    pub village: String,
    pub community: String,
    pub schooling: SchoolHistory,
    pub notes: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    Female,
    Male,
    Other,
}

impl Sex {
    pub const ALL: [Sex; 3] = [Sex::Female, Sex::Male, Sex::Other];
}

/// When a person was born, as far as anyone knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Birth {
    Known {
        #[serde(with = "time::day")]
        date: NaiveDate,
    },
    /// "About 9 years old", said on a given day.
    Approximate {
        years: u8,
        #[serde(with = "time::day")]
        stated_on: NaiveDate,
    },
}

impl Birth {
    /// The birth date, or the best estimate of it.
    pub fn date_or_estimate(self) -> Option<NaiveDate> {
        match self {
            Birth::Known { date } => Some(date),
            Birth::Approximate { years, stated_on } => years_before(stated_on, u32::from(years)),
        }
    }

    pub fn is_estimate(self) -> bool {
        matches!(self, Birth::Approximate { .. })
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relationship {
    Mother,
    Father,
    Grandparent,
    Sibling,
    OtherRelative,
    /// A foster parent, a warden or another carer who is not family.
    Caregiver,
}

impl Relationship {
    pub const ALL: [Relationship; 6] = [
        Relationship::Mother,
        Relationship::Father,
        Relationship::Grandparent,
        Relationship::Sibling,
        Relationship::OtherRelative,
        Relationship::Caregiver,
    ];
}

/// A person's age on a given day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Age {
    pub years: u32,
    /// Whole months, shown for babies under two.
    pub months: u32,
    /// True when worked out from an approximate age, not a birth date.
    pub estimated: bool,
}

impl Person {
    pub fn full_name(&self) -> String {
        if self.family_name.is_empty() {
            self.given_name.clone()
        } else {
            format!("{} {}", self.given_name, self.family_name)
        }
    }

    /// The age on `today`, or `None` if the birth date is after `today`.
    pub fn age_on(&self, today: NaiveDate) -> Option<Age> {
        let born = self.birth.date_or_estimate()?;
        Some(Age {
            years: time::years_between(born, today)?,
            months: time::months_between(born, today)?,
            estimated: self.birth.is_estimate(),
        })
    }
}

impl Body for Person {}

#[cfg(test)]
pub(crate) mod fixtures {
    use super::*;

    /// A valid child, for tests to adjust.
    pub fn child(given: &str) -> Person {
        Person {
            given_name: given.into(),
            family_name: "Das".into(),
            sex: Sex::Female,
            birth: Birth::Known {
                date: NaiveDate::from_ymd_opt(2016, 3, 14).unwrap(),
            },
            guardian_name: "Rina Das".into(),
            guardian_relationship: Some(Relationship::Mother),
            phone: String::new(),
            village: "Jampuijala".into(),
            community: String::new(),
            schooling: SchoolHistory::default(),
            notes: String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fixtures::child;
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn age_from_a_known_birth_date() {
        let age = child("Asha").age_on(d(2026, 11, 28)).unwrap();
        assert_eq!((age.years, age.estimated), (10, false));
    }

    #[test]
    fn approximate_age_grows_with_time() {
        let mut p = child("Asha");
        p.birth = Birth::Approximate {
            years: 9,
            stated_on: d(2024, 6, 1),
        };
        let age = p.age_on(d(2026, 11, 28)).unwrap();
        assert_eq!((age.years, age.estimated), (11, true));
    }

    #[test]
    fn no_age_before_birth() {
        assert_eq!(child("Asha").age_on(d(2010, 1, 1)), None);
    }

    #[test]
    fn full_name_for_single_names() {
        let mut p = child("Lalthanpuii");
        p.family_name.clear();
        assert_eq!(p.full_name(), "Lalthanpuii");
        assert_eq!(child("Asha").full_name(), "Asha Das");
    }

    #[test]
    fn json_shape_is_readable() {
        let json = serde_json::to_value(child("Asha")).unwrap();
        assert_eq!(json["birth"]["known"]["date"], "2016-03-14");
    }
}
