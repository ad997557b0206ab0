//! How dates and numbers are written: DD/MM/YYYY and Indian digit grouping
//! (1,29,000) by default, switchable in settings.

use crate::domain::rhythm::Month;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateStyle {
    /// 28/11/2026, the form used across India.
    #[default]
    DayMonthYear,
    /// 2026-11-28 (ISO 8601).
    YearMonthDay,
    /// 11/28/2026.
    MonthDayYear,
}

impl DateStyle {
    pub const ALL: [DateStyle; 3] = [
        DateStyle::DayMonthYear,
        DateStyle::YearMonthDay,
        DateStyle::MonthDayYear,
    ];
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NumberStyle {
    /// 1,29,000: thousands, then hundreds of thousands (lakhs), and so on.
    #[default]
    Indian,
    /// 129,000.
    International,
}

impl NumberStyle {
    pub const ALL: [NumberStyle; 2] = [NumberStyle::Indian, NumberStyle::International];
}

/// The volunteer's choice of date and number formats.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Formats {
    pub dates: DateStyle,
    pub numbers: NumberStyle,
}

impl Formats {
    pub fn date(self, d: NaiveDate) -> String {
        let (y, m, day) = (d.year(), d.month(), d.day());
        match self.dates {
            DateStyle::DayMonthYear => format!("{day:02}/{m:02}/{y:04}"),
            DateStyle::YearMonthDay => format!("{y:04}-{m:02}-{day:02}"),
            DateStyle::MonthDayYear => format!("{m:02}/{day:02}/{y:04}"),
        }
    }

    /// A month in numbers, in the order of the date style: 11/2026 or
    /// 2026-11.
    pub fn month(self, m: Month) -> String {
        match self.dates {
            DateStyle::YearMonthDay => format!("{:04}-{:02}", m.year, m.month),
            _ => format!("{:02}/{:04}", m.month, m.year),
        }
    }

    pub fn number(self, n: usize) -> String {
        group_digits(n, self.numbers == NumberStyle::Indian)
    }

    /// A share in tenths (122 is 12.2), with one decimal.
    pub fn tenths(self, tenths: usize) -> String {
        format!("{}.{}", self.number(tenths / 10), tenths % 10)
    }
}

/// A whole number with digit groups: Indian (1,29,000) or international
/// (129,000).
pub fn group_digits(n: usize, indian: bool) -> String {
    let digits = n.to_string();
    let len = digits.len();
    let mut out = String::with_capacity(len + len / 2);
    for (i, c) in digits.chars().enumerate() {
        // Digits still to come after this one's group boundary.
        let left = len - i;
        let boundary = if indian {
            left >= 3 && (left - 3) % 2 == 0
        } else {
            left % 3 == 0
        };
        if i > 0 && boundary {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_grouped_the_indian_or_the_international_way() {
        assert_eq!(group_digits(129_000, true), "1,29,000");
        assert_eq!(group_digits(129_000, false), "129,000");
        assert_eq!(group_digits(41_290, true), "41,290");
        assert_eq!(group_digits(1_529, true), "1,529");
        assert_eq!(group_digits(12_345_678, true), "1,23,45,678");
        assert_eq!(group_digits(12_345_678, false), "12,345,678");
        assert_eq!(group_digits(999, true), "999");
        assert_eq!(group_digits(0, false), "0");
    }

    #[test]
    fn dates_follow_the_chosen_style_day_first_by_default() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 7).unwrap();
        assert_eq!(Formats::default().date(d), "07/03/2026");
        let iso = Formats {
            dates: DateStyle::YearMonthDay,
            ..Formats::default()
        };
        assert_eq!(iso.date(d), "2026-03-07");
        assert_eq!(iso.month(Month::of(d)), "2026-03");
        let us = Formats {
            dates: DateStyle::MonthDayYear,
            ..Formats::default()
        };
        assert_eq!(us.date(d), "03/07/2026");
    }

    #[test]
    fn tenths_read_with_one_decimal() {
        let f = Formats::default();
        assert_eq!(f.tenths(122), "12.2");
        assert_eq!(f.tenths(7), "0.7");
        assert_eq!(f.tenths(123_450), "12,345.0");
    }

    #[test]
    fn formats_missing_from_saved_settings_take_the_defaults() {
        let f: Formats = serde_json::from_str(r#"{"numbers": "international"}"#).unwrap();
        assert_eq!(f.dates, DateStyle::DayMonthYear);
        assert_eq!(f.numbers, NumberStyle::International);
    }
}
