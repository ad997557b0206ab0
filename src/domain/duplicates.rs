//! Is this child already registered? Before a new person is saved, the
//! register is searched for someone who is very likely the same child: the
//! same name, born close to the same day, in the same village. Two records
//! of one child split their history (groups, attendance, cases) and can
//! hide a child at risk, so the form warns, shows the record found, and
//! lets the volunteer go on only deliberately (two children can share a
//! name and a birthday).
//!
//! - **Name**: compared folded ([`fold`]: case, accents and typing variants
//!   ignored, in any script), word by word in any order ("Asha Das" and
//!   "das  ASHA" are the same name).
//! - **Village**: folded and with spaces collapsed; an empty village matches
//!   only an empty one.
//! - **Birth**: two known dates at most [`KNOWN_DAYS`] apart; when either is
//!   an approximate age, the estimates at most [`ESTIMATE_DAYS`] apart
//!   ("about 9" said last year and "about 10" today are the same child).

use super::id::Id;
use super::person::{Birth, Person};
use super::table::Table;
use super::text::fold;

/// How far apart two known birth dates may be and still be one child's (a
/// mistyped day or month).
pub const KNOWN_DAYS: i64 = 31;

/// How far apart birth dates may be when either is worked out from an
/// approximate age, which is only ever right to the year.
pub const ESTIMATE_DAYS: i64 = 366;

/// A person's name as compared: folded words, sorted.
fn name_key(p: &Person) -> Vec<String> {
    let mut words: Vec<String> = fold(&p.full_name())
        .split_whitespace()
        .map(str::to_string)
        .collect();
    words.sort_unstable();
    words
}

fn village_key(village: &str) -> String {
    fold(village)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether two births are close enough to be one child's.
pub fn births_close(a: Birth, b: Birth) -> bool {
    let (Some(x), Some(y)) = (a.date_or_estimate(), b.date_or_estimate()) else {
        return false;
    };
    let limit = if a.is_estimate() || b.is_estimate() {
        ESTIMATE_DAYS
    } else {
        KNOWN_DAYS
    };
    (x - y).num_days().abs() <= limit
}

/// Whether `a` and `b` are very likely records of the same person.
pub fn likely_same(a: &Person, b: &Person) -> bool {
    births_close(a.birth, b.birth)
        && village_key(&a.village) == village_key(&b.village)
        && name_key(a) == name_key(b)
}

/// The live people who are very likely `candidate`, in id order; `except`
/// is the record being edited, if any.
pub fn possible_duplicates(
    people: &Table<Person>,
    candidate: &Person,
    except: Option<Id>,
) -> Vec<Id> {
    let name = name_key(candidate);
    let village = village_key(&candidate.village);
    people
        .live()
        .filter(|(id, _)| Some(*id) != except)
        .filter(|(_, p)| births_close(p.birth, candidate.birth))
        .filter(|(_, p)| village_key(&p.village) == village && name_key(p) == name)
        .map(|(id, _)| id)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::id::{DeviceTag, IdGen};
    use crate::domain::person::fixtures::child;
    use crate::domain::table::Author;
    use crate::domain::time::Timestamp;
    use chrono::NaiveDate;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn register(people: Vec<Person>) -> (Table<Person>, Vec<Id>) {
        let author = Author {
            device: DeviceTag::from_random(3),
            now: Timestamp(0),
        };
        let mut ids = IdGen::new(author.device);
        let mut table = Table::default();
        let made = people
            .into_iter()
            .map(|p| table.insert_new(p, &mut ids, author).unwrap())
            .collect();
        (table, made)
    }

    #[test]
    fn the_same_child_typed_differently_is_found() {
        let (table, ids) = register(vec![child("Asha"), child("Mina")]);
        let mut again = child("ASHA");
        again.family_name = "dás".into();
        again.village = "  jampuijala ".into();
        assert_eq!(possible_duplicates(&table, &again, None), vec![ids[0]]);

        let mut reversed = child("Das");
        reversed.family_name = "Asha".into();
        assert_eq!(possible_duplicates(&table, &reversed, None), vec![ids[0]]);
    }

    #[test]
    fn names_in_other_scripts_are_compared_folded() {
        // ड़ typed as one code point, and as ड + nukta.
        let mut first = child("\u{095C}ी");
        first.family_name = "कुमारी".into();
        let (table, ids) = register(vec![first.clone()]);
        let mut second = first.clone();
        second.given_name = "ड\u{093C}ी".into();
        assert_eq!(possible_duplicates(&table, &second, None), vec![ids[0]]);
        // Without the nukta it is another name.
        second.given_name = "डी".into();
        assert!(possible_duplicates(&table, &second, None).is_empty());
    }

    #[test]
    fn a_birth_date_a_few_days_off_is_close_a_year_off_is_not() {
        let (table, ids) = register(vec![child("Asha")]);
        let mut typo = child("Asha");
        typo.birth = Birth::Known {
            date: d(2016, 4, 13),
        };
        assert_eq!(possible_duplicates(&table, &typo, None), vec![ids[0]]);
        typo.birth = Birth::Known {
            date: d(2017, 3, 14),
        };
        assert!(possible_duplicates(&table, &typo, None).is_empty());
    }

    #[test]
    fn an_approximate_age_matches_within_a_year() {
        let (table, ids) = register(vec![child("Asha")]);
        // Born 2016-03-14: "about 10" on 2026-06-01 estimates 2016-06-01.
        let mut about = child("Asha");
        about.birth = Birth::Approximate {
            years: 10,
            stated_on: d(2026, 6, 1),
        };
        assert_eq!(possible_duplicates(&table, &about, None), vec![ids[0]]);
        about.birth = Birth::Approximate {
            years: 7,
            stated_on: d(2026, 6, 1),
        };
        assert!(possible_duplicates(&table, &about, None).is_empty());
    }

    #[test]
    fn another_village_is_another_child() {
        let (table, _) = register(vec![child("Asha")]);
        let mut elsewhere = child("Asha");
        elsewhere.village = "Kulai".into();
        assert!(possible_duplicates(&table, &elsewhere, None).is_empty());
        elsewhere.village.clear();
        assert!(
            possible_duplicates(&table, &elsewhere, None).is_empty(),
            "an empty village is not any village"
        );
    }

    #[test]
    fn deleted_people_and_the_record_itself_are_not_duplicates() {
        let (mut table, ids) = register(vec![child("Asha"), child("Asha")]);
        assert_eq!(
            possible_duplicates(&table, &child("Asha"), Some(ids[0])),
            vec![ids[1]]
        );
        let author = Author {
            device: DeviceTag::from_random(3),
            now: Timestamp(1),
        };
        table.delete(ids[1], author).unwrap();
        assert!(possible_duplicates(&table, &child("Asha"), Some(ids[0])).is_empty());
    }
}
