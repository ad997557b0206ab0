//! Instants and calendar dates as the register keeps them.

use chrono::{DateTime, Datelike, Months, NaiveDate, Timelike, Utc};
use serde::{de, Deserialize, Deserializer, Serialize, Serializer};

/// An instant, in whole seconds since the Unix epoch (UTC).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Default)]
pub struct Timestamp(pub i64);

impl Timestamp {
    pub fn from_datetime(t: DateTime<Utc>) -> Self {
        Timestamp(t.timestamp())
    }

    pub fn to_datetime(self) -> Option<DateTime<Utc>> {
        DateTime::from_timestamp(self.0, 0)
    }

    /// The UTC calendar date of this instant.
    pub fn date(self) -> Option<NaiveDate> {
        self.to_datetime().map(|t| t.date_naive())
    }
}

// RFC 3339 text in exports, a plain number in the compact store.
impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            match self.to_datetime() {
                Some(t) => match DayText::new(t.date_naive()) {
                    Some(day) => {
                        let mut text = [0u8; 20];
                        text[..10].copy_from_slice(&day.0);
                        text[10] = b'T';
                        two_digits(&mut text[11..13], t.hour());
                        text[13] = b':';
                        two_digits(&mut text[14..16], t.minute());
                        text[16] = b':';
                        two_digits(&mut text[17..19], t.second());
                        text[19] = b'Z';
                        s.serialize_str(std::str::from_utf8(&text).expect("ASCII digits"))
                    }
                    None => s.collect_str(&format_args!(
                        "{}T{:02}:{:02}:{:02}Z",
                        iso_date(t.date_naive()),
                        t.hour(),
                        t.minute(),
                        t.second()
                    )),
                },
                None => Err(serde::ser::Error::custom("time out of range")),
            }
        } else {
            s.serialize_i64(self.0)
        }
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        if d.is_human_readable() {
            let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
            DateTime::parse_from_rfc3339(&text)
                .map(|t| Timestamp(t.timestamp()))
                .map_err(|_| de::Error::custom(format!("“{text}” is not a date and time")))
        } else {
            i64::deserialize(d).map(Timestamp)
        }
    }
}

/// Serde for calendar dates: `YYYY-MM-DD` in exports, a day number in the
/// compact store. Use with `#[serde(with = "crate::domain::time::day")]`.
pub mod day {
    use super::*;

    pub fn serialize<S: Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            match DayText::new(*date) {
                Some(text) => s.serialize_str(text.as_str()),
                None => s.collect_str(&iso_date(*date)),
            }
        } else {
            s.serialize_i32(date.num_days_from_ce())
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        if d.is_human_readable() {
            let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
            parse_date(&text).ok_or_else(|| de::Error::custom(format!("“{text}” is not a date")))
        } else {
            let n = i32::deserialize(d)?;
            NaiveDate::from_num_days_from_ce_opt(n)
                .ok_or_else(|| de::Error::custom("day number out of range"))
        }
    }
}

/// [`day`] for optional dates: `null` in exports when absent.
pub mod day_opt {
    use super::*;

    #[derive(Serialize, Deserialize)]
    struct Wrap(#[serde(with = "super::day")] NaiveDate);

    pub fn serialize<S: Serializer>(date: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        date.map(Wrap).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        Ok(Option::<Wrap>::deserialize(d)?.map(|Wrap(date)| date))
    }
}

/// Parses an ISO date (`YYYY-MM-DD`), the form of `<input type=date>`.
/// (Written out rather than through chrono's format strings, which would add
/// their whole parser to the download.)
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let mut parts = text.trim().splitn(3, '-');
    let mut number = |digits: usize| {
        let part = parts.next()?;
        (part.len() == digits && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse::<u32>().ok())?
    };
    let (y, m, d) = (number(4)?, number(2)?, number(2)?);
    NaiveDate::from_ymd_opt(y as i32, m, d)
}

/// A date as `YYYY-MM-DD`.
pub fn iso_date(date: NaiveDate) -> String {
    match DayText::new(date) {
        Some(text) => text.as_str().to_string(),
        None => format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day()),
    }
}

/// `YYYY-MM-DD` made on the stack, for years 0 to 9999: an export writes
/// half a million dates and times, and going through `fmt` and a `String`
/// for each was a tenth of its time. Other years (which no real record
/// has) take the general path.
struct DayText([u8; 10]);

impl DayText {
    fn new(date: NaiveDate) -> Option<DayText> {
        let year = u32::try_from(date.year()).ok().filter(|y| *y <= 9999)?;
        let mut text = *b"0000-00-00";
        two_digits(&mut text[0..2], year / 100);
        two_digits(&mut text[2..4], year % 100);
        two_digits(&mut text[5..7], date.month());
        two_digits(&mut text[8..10], date.day());
        Some(DayText(text))
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).expect("ASCII digits")
    }
}

/// Writes `n` (under 100) as two digits.
fn two_digits(out: &mut [u8], n: u32) {
    out[0] = b'0' + (n / 10) as u8;
    out[1] = b'0' + (n % 10) as u8;
}

/// Whole years from `born` to `on`; `None` when `on` is before `born`.
pub fn years_between(born: NaiveDate, on: NaiveDate) -> Option<u32> {
    on.years_since(born)
}

/// Whole months from `born` to `on`; `None` when `on` is before `born`.
pub fn months_between(born: NaiveDate, on: NaiveDate) -> Option<u32> {
    if on < born {
        return None;
    }
    let mut months = (on.year() - born.year()) * 12 + on.month() as i32 - born.month() as i32;
    if on.day() < born.day() {
        months -= 1;
    }
    u32::try_from(months).ok()
}

/// `date` moved back by `years` whole years (29 Feb falls back to 28 Feb).
pub fn years_before(date: NaiveDate, years: u32) -> Option<NaiveDate> {
    date.checked_sub_months(Months::new(years.checked_mul(12)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn years_count_only_after_the_birthday() {
        assert_eq!(years_between(d(2015, 6, 10), d(2026, 6, 9)), Some(10));
        assert_eq!(years_between(d(2015, 6, 10), d(2026, 6, 10)), Some(11));
        assert_eq!(years_between(d(2015, 6, 10), d(2014, 1, 1)), None);
    }

    #[test]
    fn leap_day_birthdays() {
        assert_eq!(years_between(d(2012, 2, 29), d(2026, 2, 28)), Some(13));
        assert_eq!(years_between(d(2012, 2, 29), d(2026, 3, 1)), Some(14));
        assert_eq!(years_before(d(2024, 2, 29), 1), Some(d(2023, 2, 28)));
    }

    #[test]
    fn months_for_infants() {
        assert_eq!(months_between(d(2026, 1, 15), d(2026, 11, 14)), Some(9));
        assert_eq!(months_between(d(2026, 1, 15), d(2026, 11, 15)), Some(10));
        assert_eq!(months_between(d(2026, 1, 15), d(2026, 1, 1)), None);
    }

    #[test]
    fn timestamps_are_text_in_json_and_survive() {
        let t = Timestamp(1_764_288_000);
        let json = serde_json::to_string(&t).unwrap();
        assert_eq!(json, "\"2025-11-28T00:00:00Z\"");
        assert_eq!(serde_json::from_str::<Timestamp>(&json).unwrap(), t);
        assert!(serde_json::from_str::<Timestamp>("\"yesterday\"").is_err());
    }

    #[test]
    fn dates_and_times_are_written_with_every_digit() {
        assert_eq!(iso_date(d(2026, 1, 5)), "2026-01-05");
        assert_eq!(iso_date(d(987, 12, 31)), "0987-12-31");
        assert_eq!(iso_date(d(9999, 10, 9)), "9999-10-09");
        // Outside four digits, as chrono writes them.
        assert_eq!(iso_date(d(10000, 1, 1)), "10000-01-01");
        assert_eq!(iso_date(d(-1, 1, 1)), "-001-01-01");
        let t = Timestamp::from_datetime(d(2031, 3, 9).and_hms_opt(7, 5, 59).unwrap().and_utc());
        assert_eq!(
            serde_json::to_string(&t).unwrap(),
            "\"2031-03-09T07:05:59Z\""
        );
        #[derive(Serialize)]
        struct Day(#[serde(with = "day")] NaiveDate);
        assert_eq!(
            serde_json::to_string(&Day(d(2024, 2, 29))).unwrap(),
            "\"2024-02-29\""
        );
    }

    #[test]
    fn dates_parse_only_when_real() {
        assert_eq!(parse_date("2019-02-28"), Some(d(2019, 2, 28)));
        assert_eq!(parse_date("2019-02-29"), None);
        assert_eq!(parse_date("28/02/2019"), None);
        assert_eq!(parse_date("2019-2-28"), None);
        assert_eq!(parse_date("2019-02-28-01"), None);
        assert_eq!(parse_date("+201-02-28"), None);
        assert_eq!(iso_date(d(987, 6, 5)), "0987-06-05");
    }
}
