//! The programmes described in the seed documents, present in every register
//! from the start and editable like any other record.
//!
//! They carry fixed ids under a reserved device tag, so that two devices
//! which both start with them hold the same records: merging their files
//! never makes two "Balasabha"s, and an edit on both sides is a conflict.

use super::edit::Touched;
use super::id::{DeviceTag, Id};
use super::person::Sex;
use super::programme::{Members, Programme, Rules, DEFAULT_ABSENCES_BEFORE_FOLLOW_UP};
use super::record::{Clock, Record};
use super::register::{Kind, Register};
use super::time::Timestamp;

/// The device tag of records that come with the app.
pub const BUILT_IN: DeviceTag = DeviceTag::BUILT_IN;

/// When the built-in records were "made": 1 January 2026.
const MADE: Timestamp = Timestamp(1_767_225_600);

pub const BALASABHA: Id = Id::built_in(1);
pub const AUXILIARY_GROUP: Id = Id::built_in(2);
pub const BAL_MITRA_GRAM: Id = Id::built_in(3);
pub const BANJARA_EDUCATION_CENTRE: Id = Id::built_in(4);
pub const BAL_ASHRAM: Id = Id::built_in(5);
pub const BALIKA_ASHRAM: Id = Id::built_in(6);

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

/// The Balasabha aims named in the seed documents.
const BALASABHA_THEMES: &[&str] = &[
    "Learning through play",
    "Leadership",
    "Co-operation",
    "Science",
    "Democracy",
    "Environment",
    "Personality development",
];

const AUXILIARY_THEMES: &[&str] = &[
    "Livelihood",
    "Gender issues",
    "Violence at home",
    "Training",
    "Health",
];

/// The built-in programmes with their rules.
pub fn programmes() -> Vec<(Id, Programme)> {
    let children = |roles: &[&str], themes: &[&str]| Rules {
        members: Members::Children,
        roles: strings(roles),
        concurrent_groups: false,
        themes: strings(themes),
        absences_before_follow_up: DEFAULT_ABSENCES_BEFORE_FOLLOW_UP,
        ..Rules::default()
    };
    vec![
        (
            BALASABHA,
            Programme {
                name: "Balasabha".into(),
                description: "Children's neighbourhood group (Kudumbashree NRO), run by a resource person from the village.".into(),
                rules: children(&["Member", "Leader", "Secretary"], BALASABHA_THEMES),
            },
        ),
        (
            AUXILIARY_GROUP,
            Programme {
                name: "Auxiliary group".into(),
                description: "Kudumbashree group of young women aged 18 to 40; two meetings a month.".into(),
                rules: Rules {
                    members: Members::Adults,
                    sex: Some(Sex::Female),
                    min_age: Some(18),
                    max_age: Some(40),
                    max_members: Some(50),
                    meetings_per_month: Some(2),
                    roles: strings(&["Member", "Team leader", "Representative"]),
                    concurrent_groups: false,
                    themes: strings(AUXILIARY_THEMES),
                    ..Rules::default()
                },
            },
        ),
        (
            BAL_MITRA_GRAM,
            Programme {
                name: "Bal Mitra Gram".into(),
                description: "Child-friendly village whose children's council takes part in the village's decisions.".into(),
                rules: children(&["Member", "President", "Secretary"], &["Child rights", "Democracy", "Education", "Health"]),
            },
        ),
        (
            BANJARA_EDUCATION_CENTRE,
            Programme {
                name: "Banjara Education Centre".into(),
                description: "Community learning centre for children of nomadic communities.".into(),
                rules: children(&["Learner"], &["Education", "Child rights", "Health"]),
            },
        ),
        (
            BAL_ASHRAM,
            Programme {
                name: "Bal Ashram".into(),
                description: "Long-term rehabilitation of children rescued from child labour, trafficking and abuse.".into(),
                rules: children(&["Resident"], &["Education", "Health", "Counselling", "Child rights"]),
            },
        ),
        (
            BALIKA_ASHRAM,
            Programme {
                name: "Balika Ashram".into(),
                description: "Vocational skill training for girls and women.".into(),
                rules: Rules {
                    members: Members::Anyone,
                    sex: Some(Sex::Female),
                    roles: strings(&["Trainee"]),
                    themes: strings(&["Training", "Livelihood"]),
                    ..Rules::default()
                },
            },
        ),
    ]
}

impl Register {
    /// Adds the built-in programmes this register has never had. A built-in
    /// programme that was deleted stays deleted (its tombstone is kept).
    pub fn add_missing_built_ins(&mut self) -> Touched {
        let mut touched = Touched::new();
        for (id, programme) in programmes() {
            if self.programmes.record(id).is_none() {
                let mut clock = Clock::default();
                clock.tick(BUILT_IN);
                self.programmes.put(Record {
                    id,
                    anchor: None,
                    created: MADE,
                    updated: MADE,
                    clock,
                    body: Some(programme),
                });
                touched.insert((Kind::Programmes, id));
            }
        }
        touched
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::table::Author;

    #[test]
    fn built_ins_are_added_once_and_deletions_stay() {
        let mut reg = Register::default();
        assert_eq!(reg.add_missing_built_ins().len(), 6);
        assert!(reg.add_missing_built_ins().is_empty());
        let author = Author {
            device: DeviceTag::from_random(9),
            now: Timestamp(MADE.0 + 1),
        };
        reg.programmes.delete(BAL_ASHRAM, author).unwrap();
        assert!(reg.add_missing_built_ins().is_empty());
        assert_eq!(reg.programmes.live_count(), 5);
    }

    #[test]
    fn two_registers_get_identical_built_ins() {
        let (mut a, mut b) = (Register::default(), Register::default());
        a.add_missing_built_ins();
        b.add_missing_built_ins();
        assert_eq!(a, b);
    }

    #[test]
    fn the_auxiliary_group_rules_are_those_of_the_seed_document() {
        let (_, aux) = programmes()
            .into_iter()
            .find(|(id, _)| *id == AUXILIARY_GROUP)
            .unwrap();
        let r = aux.rules;
        assert_eq!(
            (r.min_age, r.max_age, r.max_members, r.meetings_per_month),
            (Some(18), Some(40), Some(50), Some(2))
        );
        assert_eq!(r.sex, Some(Sex::Female));
        assert_eq!(r.roles, vec!["Member", "Team leader", "Representative"]);
    }

    #[test]
    fn built_in_ids_are_apart_from_any_device() {
        assert_eq!(BALASABHA.device(), BUILT_IN);
        assert_ne!(BALASABHA, BALIKA_ASHRAM);
    }
}
