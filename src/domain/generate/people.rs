//! Generated people: members of a programme's groups and the adults who run
//! the groups, with names, guardians, schooling and phones as a volunteer
//! would note them.

use super::names::{spelling, NameBook};
use super::regions::RegionInfo;
use super::rng::Rng;
use crate::domain::id::Id;
use crate::domain::person::{Birth, Person, Relationship, Sex};
use crate::domain::programme::{Members, Rules, ADULT_AGE};
use crate::domain::schooling::{SchoolChange, SchoolEvent, SchoolHistory, HIGHEST_CLASS};
use crate::domain::seed::{BALIKA_ASHRAM, BAL_ASHRAM, BANJARA_EDUCATION_CENTRE};
use chrono::{Datelike, NaiveDate};

/// Who joins a programme's groups: ages (today and at joining) and sex.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Band {
    /// Youngest age at joining, and youngest and oldest age today.
    pub min_age: u32,
    pub max_age: u32,
    /// Only this sex joins.
    pub sex: Option<Sex>,
    /// Children living in the programme's home: a carer is their guardian.
    pub residential: bool,
    /// The community every member belongs to, when the programme is for one.
    pub community: Option<&'static str>,
}

impl Band {
    /// The ages the generator gives a programme's members. Always within the
    /// programme's rules; narrower where the seed documents say so.
    pub fn of(programme: Id, rules: &Rules) -> Band {
        let (mut lo, mut hi) = match rules.members {
            Members::Children => (5, ADULT_AGE - 1),
            Members::Adults => (ADULT_AGE, 40),
            Members::Anyone => (10, 40),
        };
        if programme == BANJARA_EDUCATION_CENTRE {
            hi = 14;
        } else if programme == BAL_ASHRAM {
            lo = 6;
        } else if programme == BALIKA_ASHRAM {
            (lo, hi) = (14, 25);
        }
        lo = lo.max(rules.min_age.map_or(0, u32::from));
        hi = hi.min(rules.max_age.map_or(u32::MAX, u32::from)).max(lo);
        Band {
            min_age: lo,
            max_age: hi,
            sex: rules.sex,
            residential: programme == BAL_ASHRAM,
            community: (programme == BANJARA_EDUCATION_CENTRE).then_some("Banjara"),
        }
    }
}

/// Makes the people of one region.
pub struct PersonMaker<'a> {
    pub info: &'a RegionInfo,
    pub today: NaiveDate,
}

const CHILD_NOTES: &[&str] = &[
    "Lives with grandmother",
    "Needs spectacles",
    "Walks 3 km to the meeting",
    "Younger sister also comes",
    "Good at drawing",
    "Hearing difficulty; sits in front",
    "Mid-day meal at school stopped",
];

const ADULT_NOTES: &[&str] = &[
    "Runs a tailoring unit",
    "Wants computer training",
    "Member of a neighbourhood group",
    "Interested in driving training",
    "Works under MGNREGS",
];

impl PersonMaker<'_> {
    /// A member born on `born` (approximately, for some), of `sex`.
    pub fn member(
        &self,
        rng: &mut Rng,
        band: &Band,
        sex: Sex,
        birth: Birth,
        village: &str,
    ) -> Person {
        let book = self.info.names;
        let latin = rng.chance(book.latin_per_mille);
        let (given_name, family_name) = full_name(rng, book, sex, latin);
        let age = birth
            .date_or_estimate()
            .and_then(|b| self.today.years_since(b))
            .unwrap_or(0);
        let child = age < ADULT_AGE;
        let (guardian_name, guardian_relationship) = if child {
            guardian(rng, book, &family_name, latin, band.residential)
        } else {
            (String::new(), None)
        };
        let community = match band.community {
            Some(c) => c.to_string(),
            None if !self.info.communities.is_empty() && rng.chance(250) => {
                rng.pick(self.info.communities).to_string()
            }
            None => String::new(),
        };
        Person {
            given_name,
            family_name,
            sex,
            birth,
            guardian_name,
            guardian_relationship,
            phone: phone(rng, if child { 250 } else { 750 }),
            village: if rng.chance(900) {
                village.to_string()
            } else {
                String::new()
            },
            community,
            schooling: if child {
                schooling(rng, age, self.today)
            } else {
                SchoolHistory::default()
            },
            notes: note(rng, if child { CHILD_NOTES } else { ADULT_NOTES }),
        }
    }

    /// A resource person or mentor: an adult, most often a woman, from the
    /// group's village.
    pub fn mentor(&self, rng: &mut Rng, women_only: bool, village: &str) -> Person {
        let sex = if women_only || rng.chance(800) {
            Sex::Female
        } else {
            Sex::Male
        };
        let age = rng.between(22, 48);
        let born = years_ago(self.today, age) - chrono::Days::new(u64::from(rng.below(365)));
        let latin = rng.chance(self.info.names.latin_per_mille);
        let (given_name, family_name) = full_name(rng, self.info.names, sex, latin);
        Person {
            given_name,
            family_name,
            sex,
            birth: Birth::Known { date: born },
            guardian_name: String::new(),
            guardian_relationship: None,
            phone: phone(rng, 950),
            village: village.to_string(),
            community: String::new(),
            schooling: SchoolHistory::default(),
            notes: if rng.chance(300) {
                "Resource person".into()
            } else {
                String::new()
            },
        }
    }
}

/// The day `years` whole years before `day`.
pub fn years_ago(day: NaiveDate, years: u32) -> NaiveDate {
    crate::domain::time::years_before(day, years).expect("generated dates are recent")
}

/// A sex for a member of a programme open to all sexes.
pub fn any_sex(rng: &mut Rng, only: Option<Sex>) -> Sex {
    match only {
        Some(sex) => sex,
        None => [Sex::Female, Sex::Male, Sex::Other][rng.weighted(&[500, 498, 2])],
    }
}

fn full_name(rng: &mut Rng, book: &NameBook, sex: Sex, latin: bool) -> (String, String) {
    let female = match sex {
        Sex::Female => true,
        Sex::Male => false,
        Sex::Other => rng.chance(500),
    };
    let given = spelling(
        rng.pick(if female { book.female } else { book.male }),
        latin,
    );
    let given = if book.clans.is_empty() {
        given.to_string()
    } else {
        format!("{} {given}", spelling(rng.pick(book.clans), latin))
    };
    let family = if rng.chance(book.single_name_per_mille) {
        ""
    } else if female
        && !book.female_family.is_empty()
        && (book.family.len() == 1 || rng.chance(300))
    {
        spelling(rng.pick(book.female_family), latin)
    } else {
        spelling(rng.pick(book.family), latin)
    };
    (given, family.to_string())
}

fn guardian(
    rng: &mut Rng,
    book: &NameBook,
    family: &str,
    latin: bool,
    residential: bool,
) -> (String, Option<Relationship>) {
    use Relationship::*;
    let relationship = if residential {
        [Caregiver, Mother, Father, OtherRelative][rng.weighted(&[60, 15, 10, 15])]
    } else if rng.chance(50) {
        return (String::new(), None);
    } else {
        [
            Mother,
            Father,
            Grandparent,
            Sibling,
            OtherRelative,
            Caregiver,
        ][rng.weighted(&[45, 35, 8, 4, 5, 3])]
    };
    let sex = match relationship {
        Mother => Sex::Female,
        Father => Sex::Male,
        _ => any_sex(rng, None),
    };
    let (given, own_family) = full_name(rng, book, sex, latin);
    // Fathers and most relatives share the child's family name.
    let family = if sex == Sex::Male && !family.is_empty() {
        family
    } else {
        &own_family
    };
    let name = if family.is_empty() {
        given
    } else {
        format!("{given} {family}")
    };
    (name, Some(relationship))
}

/// A child's schooling as it would have been recorded: most enrolled in a
/// class for their age, some dropped out (a few of them back in school this
/// year), some never enrolled, some not known.
fn schooling(rng: &mut Rng, age: u32, today: NaiveDate) -> SchoolHistory {
    let mut history = SchoolHistory::default();
    let dropped_out = if age >= 12 { 120 } else { 25 };
    let class = age
        .saturating_sub(5 + rng.below(2))
        .clamp(1, u32::from(HIGHEST_CLASS)) as u8;
    let event = |on, change, class| SchoolEvent {
        on,
        change,
        class,
        school: String::new(),
    };
    // Enrolled at the start of a school year, a year ago.
    let enrolled_on = NaiveDate::from_ymd_opt(today.year() - 1, 6, 1).expect("1 June exists");
    match rng.weighted(&[20, dropped_out, 30, 1000]) {
        0 => history.record(event(enrolled_on, SchoolChange::NeverEnrolled, None)),
        1 => {
            history.record(event(enrolled_on, SchoolChange::Enrolled, Some(class)));
            let dropped_on = enrolled_on + chrono::Days::new(u64::from(60 + rng.below(200)));
            history.record(event(dropped_on, SchoolChange::DroppedOut, None));
            // A quarter of them are back in school this year.
            if rng.chance(250) {
                let back_on = NaiveDate::from_ymd_opt(today.year(), 6, 10).filter(|d| *d <= today);
                if let Some(back_on) = back_on {
                    history.record(event(back_on, SchoolChange::ReEnrolled, Some(class)));
                }
            }
        }
        2 => {}
        _ => history.record(event(enrolled_on, SchoolChange::Enrolled, Some(class))),
    }
    history
}

/// A ten-digit Indian mobile number, `per_mille` of the time.
fn phone(rng: &mut Rng, per_mille: u32) -> String {
    if !rng.chance(per_mille) {
        return String::new();
    }
    let mut digits = String::with_capacity(10);
    digits.push(char::from(b'6' + rng.below(4) as u8));
    for _ in 0..9 {
        digits.push(char::from(b'0' + rng.below(10) as u8));
    }
    digits
}

fn note(rng: &mut Rng, notes: &[&str]) -> String {
    if rng.chance(30) {
        rng.pick(notes).to_string()
    } else {
        String::new()
    }
}
