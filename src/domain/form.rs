//! Checking what was typed into a form: each problem is tied to its field so
//! the page can show it next to that field.

use super::text::{clean_line, clean_multiline};
use super::time::{parse_date, years_between};
use chrono::NaiveDate;

/// Oldest age the register accepts; anything above is a typing mistake.
pub const MAX_AGE_YEARS: u32 = 120;
pub const MAX_NAME_CHARS: usize = 100;
pub const MAX_NOTES_CHARS: usize = 4000;

/// What is wrong with a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    Required,
    TooLong {
        max: usize,
    },
    NotADate,
    InFuture,
    OlderThan {
        years: u32,
    },
    NotAWholeNumber,
    OutOfRange {
        min: u32,
        max: u32,
    },
    NotAPhoneNumber,
    /// The same thing is already in the register.
    AlreadyExists,
    /// A lower limit above the upper one.
    MinAboveMax,
    /// The chosen place is not of the level expected above this one.
    WrongParentLevel,
    /// Before another date the record depends on (a group's formation…).
    TooEarly,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldError<F> {
    pub field: F,
    pub problem: Problem,
}

/// Collects the problems of one form.
#[derive(Debug)]
pub struct Checker<F> {
    pub errors: Vec<FieldError<F>>,
}

impl<F: Copy> Default for Checker<F> {
    fn default() -> Self {
        Checker { errors: Vec::new() }
    }
}

impl<F: Copy> Checker<F> {
    pub fn fail(&mut self, field: F, problem: Problem) {
        self.errors.push(FieldError { field, problem });
    }

    /// A one-line text, cleaned; checked for presence and length.
    pub fn line(&mut self, field: F, text: &str, required: bool) -> String {
        let text = clean_line(text);
        if required && text.is_empty() {
            self.fail(field, Problem::Required);
        } else if text.chars().count() > MAX_NAME_CHARS {
            self.fail(
                field,
                Problem::TooLong {
                    max: MAX_NAME_CHARS,
                },
            );
        }
        text
    }

    /// Free text over several lines, cleaned; checked for length.
    pub fn notes(&mut self, field: F, text: &str) -> String {
        let text = clean_multiline(text);
        if text.chars().count() > MAX_NOTES_CHARS {
            self.fail(
                field,
                Problem::TooLong {
                    max: MAX_NOTES_CHARS,
                },
            );
        }
        text
    }

    /// A required choice.
    pub fn chosen<T>(&mut self, field: F, value: Option<T>) -> Option<T> {
        if value.is_none() {
            self.fail(field, Problem::Required);
        }
        value
    }

    /// A date that is real, not after today, and not absurdly long ago.
    pub fn past_date(&mut self, field: F, text: &str, today: NaiveDate) -> Option<NaiveDate> {
        if text.trim().is_empty() {
            self.fail(field, Problem::Required);
            return None;
        }
        let Some(date) = parse_date(text) else {
            self.fail(field, Problem::NotADate);
            return None;
        };
        if date > today {
            self.fail(field, Problem::InFuture);
            return None;
        }
        if years_between(date, today).is_some_and(|y| y > MAX_AGE_YEARS) {
            self.fail(
                field,
                Problem::OlderThan {
                    years: MAX_AGE_YEARS,
                },
            );
            return None;
        }
        Some(date)
    }

    /// A required whole number in `min..=max`.
    pub fn number(&mut self, field: F, text: &str, min: u32, max: u32) -> Option<u32> {
        if text.trim().is_empty() {
            self.fail(field, Problem::Required);
            return None;
        }
        self.optional_number(field, text, min, max).flatten()
    }

    /// A whole number in `min..=max`, or nothing. `None` when it is wrong.
    pub fn optional_number(
        &mut self,
        field: F,
        text: &str,
        min: u32,
        max: u32,
    ) -> Option<Option<u32>> {
        let text = text.trim();
        if text.is_empty() {
            return Some(None);
        }
        match text.parse::<u32>() {
            Ok(n) if (min..=max).contains(&n) => Some(Some(n)),
            Ok(_) => {
                self.fail(field, Problem::OutOfRange { min, max });
                None
            }
            Err(_) => {
                self.fail(field, Problem::NotAWholeNumber);
                None
            }
        }
    }

    /// The value if no problem was found, else every problem.
    pub fn finish<T>(self, value: Option<T>) -> Result<T, Vec<FieldError<F>>> {
        match value {
            Some(value) if self.errors.is_empty() => Ok(value),
            _ => Err(self.errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
    }

    #[test]
    fn optional_numbers_may_be_empty_but_not_wrong() {
        let mut c = Checker::<u8>::default();
        assert_eq!(c.optional_number(0, " ", 1, 9), Some(None));
        assert_eq!(c.optional_number(0, "7", 1, 9), Some(Some(7)));
        assert_eq!(c.optional_number(1, "10", 1, 9), None);
        assert_eq!(c.optional_number(2, "x", 1, 9), None);
        let problems: Vec<_> = c.errors.iter().map(|e| (e.field, e.problem)).collect();
        assert_eq!(
            problems,
            vec![
                (1, Problem::OutOfRange { min: 1, max: 9 }),
                (2, Problem::NotAWholeNumber)
            ]
        );
    }

    #[test]
    fn finish_needs_a_value_and_no_problems() {
        let c = Checker::<u8>::default();
        assert_eq!(c.finish(Some(1)), Ok(1));
        let mut c = Checker::<u8>::default();
        c.fail(0, Problem::Required);
        assert!(c.finish(Some(1)).is_err());
    }

    #[test]
    fn dates_in_the_future_or_long_ago_are_refused() {
        let mut c = Checker::<u8>::default();
        assert_eq!(c.past_date(0, "2026-11-29", today()), None);
        assert_eq!(c.past_date(1, "1800-01-01", today()), None);
        assert!(c.past_date(2, "2026-11-28", today()).is_some());
        assert_eq!(c.errors.len(), 2);
    }
}
