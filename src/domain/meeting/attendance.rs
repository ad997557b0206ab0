//! A meeting's attendance: who was expected and whether they came, and
//! how it is written in storage (two parallel lists) and in exchange files
//! (who came, and who did not and why).

use super::{AbsenceReason, Mark};
use crate::domain::id::Id;
use crate::domain::sort::{self, Key};
use serde::de::{self, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// Who was expected at a meeting and whether they came, kept as recorded:
/// a member who leaves later, or whose record is deleted, still shows here
/// as they were.
///
/// Kept as two parallel lists ordered by person id. In storage this puts a
/// group's unchanged member list in the same bytes meeting after meeting,
/// which compression folds to almost nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Attendance {
    people: Vec<Id>,
    marks: Vec<Mark>,
}

impl Attendance {
    /// Builds the record from marks in any order; a person marked twice keeps
    /// the last mark.
    pub fn new(marks: impl IntoIterator<Item = (Id, Mark)>) -> Self {
        let mut all: Vec<(Id, Mark)> = marks.into_iter().collect();
        // Rosters come in person order already; sorting them anyway made
        // building a year of a state's meetings several times slower.
        if !all.windows(2).all(|w| w[0].0 < w[1].0) {
            all.reverse();
            sort::by_key(&mut all, |(id, _)| Key::ids(None, *id));
            all.dedup_by_key(|(id, _)| *id);
        }
        let (people, marks) = all.into_iter().unzip();
        Attendance { people, marks }
    }

    pub fn iter(&self) -> impl Iterator<Item = (Id, Mark)> + '_ {
        self.people.iter().copied().zip(self.marks.iter().copied())
    }

    pub fn mark_of(&self, person: Id) -> Option<Mark> {
        self.people
            .binary_search(&person)
            .ok()
            .map(|i| self.marks[i])
    }

    pub fn expected(&self) -> usize {
        self.people.len()
    }

    pub fn present(&self) -> usize {
        self.marks.iter().filter(|m| **m == Mark::Present).count()
    }
}

// Storage (postcard) keeps the two parallel lists as they are, and must
// go on reading what registers already hold. Exchange files (JSON) write
// who came and who did not and why, since format version 3:
//
//     {"present": ["k8y5wwdj3", …], "absent": {"k8y5wwdj4": "illness", …}}
//
// ids in the order kept here (`Id`'s, which is not always text order), both
// keys always. Version 2 wrote a list of `{"person": id, "mark": mark}`,
// two and a half times the size: 40 MB of a state's 95 MB file, against
// 16 MB of 71 MB now. The reader takes that list too, wherever it finds
// it, so older files are read without being rewritten (see
// `exchange::migrate`).
impl Serialize for Attendance {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            Exchange {
                present: Present(self),
                absent: Absent(self),
            }
            .serialize(s)
        } else {
            (&self.people, &self.marks).serialize(s)
        }
    }
}

impl<'de> Deserialize<'de> for Attendance {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        if d.is_human_readable() {
            d.deserialize_any(ExchangeForm)
        } else {
            let (people, marks) = <(Vec<Id>, Vec<Mark>)>::deserialize(d)?;
            if people.len() != marks.len() || !people.windows(2).all(|w| w[0] < w[1]) {
                return Err(de::Error::custom("attendance lists do not match"));
            }
            Ok(Attendance { people, marks })
        }
    }
}

/// The exchange form, written without copying the marks.
#[derive(Serialize)]
struct Exchange<'a> {
    present: Present<'a>,
    absent: Absent<'a>,
}

/// The ids of those who came, as a list.
struct Present<'a>(&'a Attendance);

impl Serialize for Present<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(
            self.0
                .iter()
                .filter(|(_, mark)| *mark == Mark::Present)
                .map(|(person, _)| person),
        )
    }
}

/// Those who did not come, as an object of id to reason.
struct Absent<'a>(&'a Attendance);

impl Serialize for Absent<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().filter_map(|(person, mark)| match mark {
            Mark::Absent(reason) => Some((person, reason)),
            Mark::Present => None,
        }))
    }
}

/// One mark of the list that files of version 2 and before wrote.
#[derive(Deserialize)]
struct Entry {
    person: Id,
    mark: Mark,
}

/// The keys of the exchange form; any other is refused, so that a
/// misspelt `absent` does not read as nobody absent.
#[derive(Deserialize)]
#[serde(field_identifier, rename_all = "snake_case")]
enum Field {
    Present,
    Absent,
}

/// Reads either form: an object is version 3's, a list older versions'.
struct ExchangeForm;

impl<'de> Visitor<'de> for ExchangeForm {
    type Value = Attendance;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(r#"attendance: {"present": [id, …], "absent": {id: reason, …}}"#)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Attendance, A::Error> {
        let mut present: Option<Vec<Id>> = None;
        let mut absent: Option<AbsentIn> = None;
        while let Some(field) = map.next_key()? {
            match field {
                Field::Present if present.is_some() => {
                    return Err(de::Error::duplicate_field("present"))
                }
                Field::Absent if absent.is_some() => {
                    return Err(de::Error::duplicate_field("absent"))
                }
                Field::Present => present = Some(map.next_value()?),
                Field::Absent => absent = Some(map.next_value()?),
            }
        }
        let present = present.ok_or_else(|| de::Error::missing_field("present"))?;
        let absent = absent.ok_or_else(|| de::Error::missing_field("absent"))?;
        Attendance::from_lists(present, absent.0).map_err(de::Error::custom)
    }

    /// Version 2 and before, read as they read it: in any order, the last
    /// of two marks of one person counting.
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Attendance, A::Error> {
        let mut marks = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(Entry { person, mark }) = seq.next_element()? {
            marks.push((person, mark));
        }
        Ok(Attendance::new(marks))
    }
}

/// The `absent` object, as its pairs in file order (repeats kept, to be
/// refused by `from_lists`).
struct AbsentIn(Vec<(Id, AbsenceReason)>);

impl<'de> Deserialize<'de> for AbsentIn {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Pairs;
        impl<'de> Visitor<'de> for Pairs {
            type Value = AbsentIn;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object of person id to absence reason")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<AbsentIn, A::Error> {
                let mut pairs = Vec::with_capacity(map.size_hint().unwrap_or(0).min(4096));
                while let Some(pair) = map.next_entry()? {
                    pairs.push(pair);
                }
                Ok(AbsentIn(pairs))
            }
        }
        d.deserialize_map(Pairs)
    }
}

impl Attendance {
    /// Builds the record from who came and who did not, in any order,
    /// refusing a person named twice: unlike a list of marks, the file
    /// cannot say which of the two was meant.
    fn from_lists(present: Vec<Id>, absent: Vec<(Id, AbsenceReason)>) -> Result<Self, String> {
        // Both come in id order from the app: merged, they are in order.
        let mut all = Vec::with_capacity(present.len() + absent.len());
        let mut present = present.into_iter().peekable();
        let mut absent = absent.into_iter().peekable();
        loop {
            let next = match (present.peek(), absent.peek()) {
                (Some(p), Some((a, _))) if p <= a => present.next().map(|p| (p, Mark::Present)),
                (Some(_), None) => present.next().map(|p| (p, Mark::Present)),
                _ => absent.next().map(|(a, r)| (a, Mark::Absent(r))),
            };
            match next {
                Some(mark) => all.push(mark),
                None => break,
            }
        }
        if !all.windows(2).all(|w| w[0].0 <= w[1].0) {
            // Stable: the marks of a person named twice stay in file order.
            sort::by_key(&mut all, |(id, _)| Key::ids(None, *id));
        }
        if let Some(w) = all.windows(2).find(|w| w[0].0 == w[1].0) {
            let person = w[0].0;
            return Err(match (w[0].1, w[1].1) {
                (Mark::Present, Mark::Present) => {
                    format!("{person} is listed as present more than once")
                }
                (Mark::Absent(_), Mark::Absent(_)) => {
                    format!("{person} is listed as absent more than once")
                }
                _ => format!("{person} is marked both present and absent"),
            });
        }
        let (people, marks) = all.into_iter().unzip();
        Ok(Attendance { people, marks })
    }
}

#[cfg(test)]
mod tests;
