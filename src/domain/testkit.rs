//! A small register to test rules against: the built-in programmes, one
//! ward, and quick ways to add people, groups, members and meetings.

use super::edit::{Edit, EditError};
use super::group::{Group, GroupStatus};
use super::id::{DeviceTag, Id, IdGen};
use super::joining::Refusal;
use super::meeting::{AbsenceReason, Attendance, Mark, Meeting};
use super::meeting_rules::roster;
use super::person::{fixtures::child, Birth, Person, Sex};
use super::place::{Level, Place};
use super::register::Register;
use super::table::Author;
use super::time::Timestamp;
use chrono::NaiveDate;

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

pub fn today() -> NaiveDate {
    d(2026, 11, 28)
}

/// A register with the built-in programmes, one ward, and helpers to add
/// people and groups.
pub struct World {
    pub reg: Register,
    pub ids: IdGen,
    pub ward: Id,
}

impl World {
    pub fn new() -> World {
        let mut reg = Register::default();
        reg.add_missing_built_ins();
        let mut w = World {
            reg,
            ids: IdGen::new(DeviceTag::from_random(3)),
            ward: Id::built_in(0),
        };
        w.ward = w
            .edit()
            .add_place(Place {
                name: "Ward 12".into(),
                level: Level::Ward,
                parent: None,
            })
            .unwrap();
        w
    }

    pub fn edit(&mut self) -> Edit<'_> {
        let author = Author {
            device: self.ids.device,
            now: Timestamp(1_764_300_000),
        };
        Edit::new(&mut self.reg, &mut self.ids, author)
    }

    pub fn person(&mut self, sex: Sex, born: NaiveDate) -> Id {
        let p = Person {
            sex,
            birth: Birth::Known { date: born },
            ..child("Member")
        };
        self.edit().add_person(p).unwrap()
    }

    pub fn woman_aged(&mut self, years: i32) -> Id {
        self.person(Sex::Female, d(2026 - years, 1, 1))
    }

    pub fn group(&mut self, programme: Id) -> Id {
        let ward = self.ward;
        self.group_at(programme, ward)
    }

    /// A place named `name` at `level` under `parent`.
    pub fn place(&mut self, name: &str, level: Level, parent: Option<Id>) -> Id {
        self.edit()
            .add_place(Place {
                name: name.into(),
                level,
                parent,
            })
            .unwrap()
    }

    /// An active group of `programme` formed on 1 January 2020 at `place`.
    pub fn group_at(&mut self, programme: Id, place: Id) -> Id {
        self.edit()
            .add_group(Group {
                name: "Group".into(),
                programme,
                place,
                formed_on: d(2020, 1, 1),
                status: GroupStatus::Active,
                mentor: None,
                course: None,
                notes: String::new(),
            })
            .unwrap()
    }

    pub fn join(&mut self, person: Id, group: Id, on: NaiveDate) -> Result<Id, Vec<Refusal>> {
        let role = self.default_role(group);
        match self.edit().join(person, group, &role, on, today()) {
            Ok(id) => Ok(id),
            Err(EditError::Join(why)) => Err(why),
            Err(other) => panic!("unexpected {other:?}"),
        }
    }

    pub fn default_role(&self, group: Id) -> String {
        let g = self.reg.groups.get(group).unwrap();
        self.reg
            .programmes
            .get(g.programme)
            .unwrap()
            .rules
            .default_role()
            .to_string()
    }

    /// Records a meeting of `group` on `on`: everyone on the roster present
    /// except those in `absent`.
    pub fn meet(&mut self, group: Id, on: NaiveDate, absent: &[Id]) -> Result<Id, EditError> {
        let roster = roster(&self.reg, group, on, None);
        let marks = roster.into_iter().map(|p| {
            let mark = if absent.contains(&p) {
                Mark::Absent(AbsenceReason::NotGiven)
            } else {
                Mark::Present
            };
            (p, mark)
        });
        let meeting = Meeting {
            group,
            date: on,
            start: None,
            facilitator: None,
            topics: String::new(),
            themes: Vec::new(),
            decisions: String::new(),
            notes: String::new(),
            guests: 0,
            attendance: Attendance::new(marks),
        };
        self.edit().add_meeting(meeting, today())
    }
}
