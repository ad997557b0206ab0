//! The person form as typed, and the rules that turn it into a [`Person`].

use super::form::{Checker, FieldError, Problem, MAX_AGE_YEARS};
use super::person::{Birth, Person, Relationship, Sex};
use super::schooling::{SchoolHistory, Schooling, HIGHEST_CLASS};
use super::time::iso_date;
use chrono::NaiveDate;

/// What the volunteer typed, before checking.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PersonForm {
    pub given_name: String,
    pub family_name: String,
    pub sex: Option<Sex>,
    /// Whether the birth date is known (otherwise an approximate age).
    pub birth_date_known: bool,
    pub birth_date: String,
    pub approx_years: String,
    pub approx_stated_on: String,
    pub guardian_name: String,
    pub guardian_relationship: Option<Relationship>,
    pub phone: String,
    pub village: String,
    pub community: String,
    pub schooling: SchoolingChoice,
    /// The history kept so far; a changed status adds to it.
    pub school_history: SchoolHistory,
    pub class: String,
    pub notes: String,
}

/// The schooling status as picked in the form; the class is a separate field.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SchoolingChoice {
    #[default]
    Unknown,
    Enrolled,
    DroppedOut,
    NeverEnrolled,
    Completed,
}

impl SchoolingChoice {
    pub const ALL: [SchoolingChoice; 5] = [
        SchoolingChoice::Unknown,
        SchoolingChoice::Enrolled,
        SchoolingChoice::DroppedOut,
        SchoolingChoice::NeverEnrolled,
        SchoolingChoice::Completed,
    ];
}

/// Which field a problem belongs to, so the message is shown next to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    GivenName,
    FamilyName,
    Sex,
    BirthDate,
    ApproxYears,
    ApproxStatedOn,
    GuardianName,
    Phone,
    Village,
    Community,
    Class,
    Notes,
}

pub type PersonError = FieldError<Field>;

impl PersonForm {
    /// A blank form for a new person, ready for an approximate age stated today.
    pub fn blank(today: NaiveDate) -> Self {
        PersonForm {
            birth_date_known: true,
            approx_stated_on: iso_date(today),
            ..Default::default()
        }
    }

    /// The form filled from an existing record, for editing.
    pub fn from_person(p: &Person, today: NaiveDate) -> Self {
        let mut form = PersonForm::blank(today);
        form.given_name = p.given_name.clone();
        form.family_name = p.family_name.clone();
        form.sex = Some(p.sex);
        match p.birth {
            Birth::Known { date } => {
                form.birth_date_known = true;
                form.birth_date = iso_date(date);
            }
            Birth::Approximate { years, stated_on } => {
                form.birth_date_known = false;
                form.approx_years = years.to_string();
                form.approx_stated_on = iso_date(stated_on);
            }
        }
        form.guardian_name = p.guardian_name.clone();
        form.guardian_relationship = p.guardian_relationship;
        form.phone = p.phone.clone();
        form.village = p.village.clone();
        form.community = p.community.clone();
        (form.schooling, form.class) = match p.schooling.current() {
            Schooling::Unknown => (SchoolingChoice::Unknown, String::new()),
            Schooling::Enrolled { class } => (
                SchoolingChoice::Enrolled,
                class.map(|c| c.to_string()).unwrap_or_default(),
            ),
            Schooling::DroppedOut => (SchoolingChoice::DroppedOut, String::new()),
            Schooling::NeverEnrolled => (SchoolingChoice::NeverEnrolled, String::new()),
            Schooling::Completed => (SchoolingChoice::Completed, String::new()),
        };
        form.school_history = p.schooling.clone();
        form.notes = p.notes.clone();
        form
    }

    /// Checks the form against the register's rules. Returns the cleaned
    /// person, or every problem found (not only the first).
    pub fn validate(&self, today: NaiveDate) -> Result<Person, Vec<PersonError>> {
        let mut c = Checker::default();
        let given_name = c.line(Field::GivenName, &self.given_name, true);
        let family_name = c.line(Field::FamilyName, &self.family_name, false);
        let sex = c.chosen(Field::Sex, self.sex);
        let birth = if self.birth_date_known {
            c.past_date(Field::BirthDate, &self.birth_date, today)
                .map(|date| Birth::Known { date })
        } else {
            let years = c.number(Field::ApproxYears, &self.approx_years, 0, MAX_AGE_YEARS);
            let stated_on = c.past_date(Field::ApproxStatedOn, &self.approx_stated_on, today);
            years
                .zip(stated_on)
                .map(|(years, stated_on)| Birth::Approximate {
                    years: years as u8,
                    stated_on,
                })
        };
        let guardian_name = c.line(Field::GuardianName, &self.guardian_name, false);
        let phone = c.line(Field::Phone, &self.phone, false);
        if !phone.is_empty() && !is_phone_number(&phone) {
            c.fail(Field::Phone, Problem::NotAPhoneNumber);
        }
        let village = c.line(Field::Village, &self.village, false);
        let community = c.line(Field::Community, &self.community, false);
        let wanted = match self.schooling {
            SchoolingChoice::Unknown => Some(Schooling::Unknown),
            SchoolingChoice::DroppedOut => Some(Schooling::DroppedOut),
            SchoolingChoice::NeverEnrolled => Some(Schooling::NeverEnrolled),
            SchoolingChoice::Completed => Some(Schooling::Completed),
            SchoolingChoice::Enrolled => c
                .number(Field::Class, &self.class, 1, u32::from(HIGHEST_CLASS))
                .map(|class| Schooling::Enrolled {
                    class: Some(class as u8),
                }),
        };
        // A changed status is added to the history, dated today.
        let schooling = wanted.map(|wanted| {
            let mut history = self.school_history.clone();
            if let Some(event) = history.change_to(wanted, today) {
                history.record(event);
            }
            history
        });
        let notes = c.notes(Field::Notes, &self.notes);
        let person = match (sex, birth, schooling) {
            (Some(sex), Some(birth), Some(schooling)) => Some(Person {
                given_name,
                family_name,
                sex,
                birth,
                guardian_name,
                guardian_relationship: self.guardian_relationship,
                phone,
                village,
                community,
                schooling,
                notes,
            }),
            _ => None,
        };
        c.finish(person)
    }
}

/// Digits with the usual separators, 7 to 15 digits (ITU E.164 allows 15).
fn is_phone_number(text: &str) -> bool {
    let allowed = |c: char| c.is_ascii_digit() || matches!(c, ' ' | '-' | '(' | ')' | '.');
    let body = text.strip_prefix('+').unwrap_or(text);
    let digits = body.chars().filter(char::is_ascii_digit).count();
    body.chars().all(allowed) && (7..=15).contains(&digits)
}

#[cfg(test)]
mod tests {
    use super::super::form::MAX_NAME_CHARS;
    use super::super::person::fixtures::child;
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
    }

    fn valid_form() -> PersonForm {
        PersonForm::from_person(&child("Asha"), today())
    }

    fn problems(form: &PersonForm) -> Vec<(Field, Problem)> {
        match form.validate(today()) {
            Ok(_) => vec![],
            Err(errors) => errors.into_iter().map(|e| (e.field, e.problem)).collect(),
        }
    }

    #[test]
    fn a_record_survives_the_round_trip_through_the_form() {
        let person = child("Asha");
        assert_eq!(
            PersonForm::from_person(&person, today()).validate(today()),
            Ok(person)
        );
    }

    #[test]
    fn given_name_is_required() {
        let mut form = valid_form();
        form.given_name = "   ".into();
        assert_eq!(problems(&form), vec![(Field::GivenName, Problem::Required)]);
    }

    #[test]
    fn names_in_any_script_are_accepted_and_cleaned() {
        let mut form = valid_form();
        form.given_name = "  സ്നേഹ  ".into();
        form.family_name = "कुमारी".into();
        let p = form.validate(today()).unwrap();
        assert_eq!(
            (p.given_name.as_str(), p.family_name.as_str()),
            ("സ്നേഹ", "कुमारी")
        );
    }

    #[test]
    fn very_long_names_are_refused() {
        let mut form = valid_form();
        form.family_name = "a".repeat(MAX_NAME_CHARS + 1);
        assert_eq!(
            problems(&form),
            vec![(
                Field::FamilyName,
                Problem::TooLong {
                    max: MAX_NAME_CHARS
                }
            )]
        );
    }

    #[test]
    fn birth_date_in_the_future_is_refused() {
        let mut form = valid_form();
        form.birth_date = "2026-11-29".into();
        assert_eq!(problems(&form), vec![(Field::BirthDate, Problem::InFuture)]);
        form.birth_date = "2026-11-28".into();
        assert!(form.validate(today()).is_ok(), "born today is fine");
    }

    #[test]
    fn birth_date_must_be_a_real_date_and_present() {
        let mut form = valid_form();
        form.birth_date = "2019-02-30".into();
        assert_eq!(problems(&form), vec![(Field::BirthDate, Problem::NotADate)]);
        form.birth_date.clear();
        assert_eq!(problems(&form), vec![(Field::BirthDate, Problem::Required)]);
    }

    #[test]
    fn absurd_ages_are_refused() {
        let mut form = valid_form();
        form.birth_date = "1890-01-01".into();
        assert_eq!(
            problems(&form),
            vec![(
                Field::BirthDate,
                Problem::OlderThan {
                    years: MAX_AGE_YEARS
                }
            )]
        );
        form.birth_date_known = false;
        form.approx_years = "130".into();
        assert_eq!(
            problems(&form),
            vec![(
                Field::ApproxYears,
                Problem::OutOfRange {
                    min: 0,
                    max: MAX_AGE_YEARS
                }
            )]
        );
        form.approx_years = "nine".into();
        assert_eq!(
            problems(&form),
            vec![(Field::ApproxYears, Problem::NotAWholeNumber)]
        );
    }

    #[test]
    fn approximate_age_is_kept_with_the_day_it_was_given() {
        let mut form = valid_form();
        form.birth_date_known = false;
        form.approx_years = "9".into();
        form.approx_stated_on = "2025-01-10".into();
        let p = form.validate(today()).unwrap();
        assert_eq!(
            p.birth,
            Birth::Approximate {
                years: 9,
                stated_on: NaiveDate::from_ymd_opt(2025, 1, 10).unwrap()
            }
        );
        assert_eq!(p.age_on(today()).unwrap().years, 10);
    }

    #[test]
    fn approximate_age_stated_in_the_future_is_refused() {
        let mut form = valid_form();
        form.birth_date_known = false;
        form.approx_years = "9".into();
        form.approx_stated_on = "2027-01-01".into();
        assert_eq!(
            problems(&form),
            vec![(Field::ApproxStatedOn, Problem::InFuture)]
        );
    }

    #[test]
    fn sex_is_required() {
        let mut form = valid_form();
        form.sex = None;
        assert_eq!(problems(&form), vec![(Field::Sex, Problem::Required)]);
    }

    #[test]
    fn phone_is_optional_but_checked() {
        let mut form = valid_form();
        for good in ["", "+91 94470 12345", "0381-2325 123"] {
            form.phone = good.into();
            assert!(form.validate(today()).is_ok(), "{good}");
        }
        for bad in ["12345", "call me", "+91 94470 12345 12345 1"] {
            form.phone = bad.into();
            assert_eq!(
                problems(&form),
                vec![(Field::Phone, Problem::NotAPhoneNumber)],
                "{bad}"
            );
        }
    }

    #[test]
    fn enrolled_needs_a_class_from_1_to_12() {
        let mut form = valid_form();
        form.schooling = SchoolingChoice::Enrolled;
        form.class = "13".into();
        assert_eq!(
            problems(&form),
            vec![(Field::Class, Problem::OutOfRange { min: 1, max: 12 })]
        );
        form.class.clear();
        assert_eq!(problems(&form), vec![(Field::Class, Problem::Required)]);
        form.schooling = SchoolingChoice::DroppedOut;
        let p = form.validate(today()).unwrap();
        assert_eq!(p.schooling.current(), Schooling::DroppedOut);
        assert_eq!(
            p.schooling.events().len(),
            1,
            "the change is recorded, dated today"
        );
        assert_eq!(p.schooling.events()[0].on, today());
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let form = PersonForm {
            birth_date_known: true,
            ..Default::default()
        };
        let fields: Vec<Field> = problems(&form).into_iter().map(|(f, _)| f).collect();
        assert_eq!(fields, vec![Field::GivenName, Field::Sex, Field::BirthDate]);
    }

    #[test]
    fn markup_is_kept_as_plain_text() {
        let mut form = valid_form();
        form.given_name = "<script>alert(1)</script>".into();
        assert_eq!(
            form.validate(today()).unwrap().given_name,
            "<script>alert(1)</script>"
        );
    }
}
