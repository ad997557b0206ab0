//! Meetings of a group, with who was there.

use super::id::Id;
use super::record::Body;
use super::sort::{self, Key};
use super::time;
use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    pub group: Id,
    #[serde(with = "time::day")]
    pub date: NaiveDate,
    /// Minutes after midnight, when recorded.
    pub start: Option<u16>,
    /// The person who ran the meeting.
    pub facilitator: Option<Id>,
    /// What was discussed, as typed.
    pub topics: String,
    /// Activity themes from the programme's list.
    pub themes: Vec<String>,
    pub decisions: String,
    pub notes: String,
    /// People who came but are not members.
    pub guests: u16,
    pub attendance: Attendance,
}

impl Body for Meeting {
    /// Meetings are kept beside their group's other meetings.
    fn anchor(&self) -> Option<Id> {
        Some(self.group)
    }
}

/// Why a member missed a meeting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AbsenceReason {
    NotGiven,
    Illness,
    Work,
    Family,
    Studies,
    Travel,
    Other,
}

impl AbsenceReason {
    pub const ALL: [AbsenceReason; 7] = [
        AbsenceReason::NotGiven,
        AbsenceReason::Illness,
        AbsenceReason::Work,
        AbsenceReason::Family,
        AbsenceReason::Studies,
        AbsenceReason::Travel,
        AbsenceReason::Other,
    ];
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mark {
    Present,
    Absent(AbsenceReason),
}

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

#[derive(Serialize, Deserialize)]
struct Entry {
    person: Id,
    mark: Mark,
}

// A list of {person, mark} in exports; the two parallel lists in storage.
impl Serialize for Attendance {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            let entries: Vec<Entry> = self
                .iter()
                .map(|(person, mark)| Entry { person, mark })
                .collect();
            entries.serialize(s)
        } else {
            (&self.people, &self.marks).serialize(s)
        }
    }
}

impl<'de> Deserialize<'de> for Attendance {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        if d.is_human_readable() {
            let entries = Vec::<Entry>::deserialize(d)?;
            Ok(Attendance::new(
                entries.into_iter().map(|e| (e.person, e.mark)),
            ))
        } else {
            let (people, marks) = <(Vec<Id>, Vec<Mark>)>::deserialize(d)?;
            if people.len() != marks.len() || !people.windows(2).all(|w| w[0] < w[1]) {
                return Err(serde::de::Error::custom("attendance lists do not match"));
            }
            Ok(Attendance { people, marks })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::id::DeviceTag;

    fn id(n: u32) -> Id {
        Id::new(DeviceTag::from_random(4), n)
    }

    #[test]
    fn attendance_is_kept_in_person_order_without_repeats() {
        let a = Attendance::new([
            (id(3), Mark::Present),
            (id(1), Mark::Present),
            (id(3), Mark::Absent(AbsenceReason::Illness)),
        ]);
        assert_eq!(
            a.iter().map(|(p, _)| p).collect::<Vec<_>>(),
            vec![id(1), id(3)]
        );
        assert_eq!(
            a.mark_of(id(3)),
            Some(Mark::Absent(AbsenceReason::Illness)),
            "the last mark counts"
        );
        assert_eq!((a.expected(), a.present()), (2, 1));
        assert_eq!(a.mark_of(id(2)), None);
    }

    #[test]
    fn attendance_reads_as_a_list_in_json() {
        let a = Attendance::new([
            (id(1), Mark::Present),
            (id(2), Mark::Absent(AbsenceReason::Work)),
        ]);
        let json = serde_json::to_value(&a).unwrap();
        assert_eq!(json[0]["mark"], "present");
        assert_eq!(json[1]["mark"]["absent"], "work");
        assert_eq!(serde_json::from_value::<Attendance>(json).unwrap(), a);
    }

    #[test]
    fn attendance_round_trips_in_the_compact_store() {
        let a = Attendance::new([
            (id(1), Mark::Present),
            (id(2), Mark::Absent(AbsenceReason::Travel)),
        ]);
        let bytes = postcard::to_allocvec(&a).unwrap();
        assert_eq!(postcard::from_bytes::<Attendance>(&bytes).unwrap(), a);
        let broken =
            postcard::to_allocvec(&(vec![id(2), id(1)], vec![Mark::Present, Mark::Present]))
                .unwrap();
        assert!(
            postcard::from_bytes::<Attendance>(&broken).is_err(),
            "unordered lists are refused"
        );
    }
}
