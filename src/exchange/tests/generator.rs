//! Registers made up from a seed, and devices that change them at random,
//! for the merge properties. Deterministic: the same seed always gives the
//! same registers, so a failure can be replayed.

use super::{export_all, import_into};
use crate::domain::edit::Edit;
use crate::domain::group::{Group, GroupStatus};
use crate::domain::id::{Id, IdGen};
use crate::domain::meeting::{AbsenceReason, Attendance, Mark, Meeting};
use crate::domain::meeting_rules::roster;
use crate::domain::person::{fixtures::child, Birth, Person, Sex};
use crate::domain::place::{Level, Place};
use crate::domain::register::Register;
use crate::domain::seed::programmes;
use crate::domain::table::Author;
use crate::domain::testkit::{d, today};
use crate::domain::time::Timestamp;
use crate::exchange::merge::{Choice, Choices};

/// splitmix64: small, fast and good enough to pick test cases.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// One of `items`, or `None` if there are none.
    pub fn pick<T: Copy>(&mut self, items: &[T]) -> Option<T> {
        (!items.is_empty()).then(|| items[self.below(items.len())])
    }
}

/// Names as volunteers type them, some in other scripts, some hostile.
const NAMES: &[&str] = &[
    "Asha",
    "Lalthanpuii",
    "സ്നേഹ",
    "सुनीता",
    "রহিম",
    "O'Brien, \"Jr\"",
    "<script>alert(1)</script>",
    "Mary",
    "=SUM(A1)",
];

/// One volunteer's device: a register and the device's own ids and clock.
pub struct Device {
    pub n: u64,
    pub reg: Register,
    pub ids: IdGen,
    now: i64,
}

/// Which existing records a device may change. Two devices on different
/// sides never change the same record, so they never conflict; `All`
/// lets them.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Share {
    All,
    Side(u64),
}

impl Share {
    fn mine(self, id: Id) -> bool {
        match self {
            Share::All => true,
            Share::Side(side) => id.stable_hash() % 2 == side,
        }
    }
}

impl Device {
    pub fn new(n: u64) -> Device {
        let mut reg = Register::default();
        reg.add_missing_built_ins();
        Device {
            n,
            reg,
            ids: IdGen::new(super::device(n)),
            now: 1_764_000_000 + n as i64 * 1000,
        }
    }

    fn edit(&mut self) -> Edit<'_> {
        self.now += 60;
        let author = Author {
            device: self.ids.device,
            now: Timestamp(self.now),
        };
        Edit::new(&mut self.reg, &mut self.ids, author)
    }

    pub fn export(&self) -> String {
        export_all(&self.reg, self.n)
    }

    /// Imports a file, answering every conflict with `choose`.
    pub fn import(&mut self, text: &str, choose: impl Fn(Id) -> Choice) {
        let p = super::preview_of(&self.reg, text);
        let choices: Choices = p
            .conflicts
            .iter()
            .map(|c| (c.mine.key(), choose(c.mine.id())))
            .collect();
        self.now += 60;
        import_into(
            &mut self.reg,
            &mut self.ids,
            text,
            &choices,
            Timestamp(self.now),
        );
    }

    fn add_person(&mut self, rng: &mut Rng) {
        let adult = rng.below(3) == 0;
        let year = if adult { 1990 } else { 2012 } + rng.below(8) as i32;
        let person = Person {
            given_name: rng.pick(NAMES).unwrap().into(),
            sex: rng.pick(&Sex::ALL).unwrap(),
            birth: Birth::Known {
                date: d(year, 1 + rng.below(12) as u32, 1 + rng.below(28) as u32),
            },
            ..child("x")
        };
        self.edit().add_person(person).unwrap();
    }

    fn add_group(&mut self, rng: &mut Rng) {
        let places: Vec<Id> = self.reg.places.live().map(|(id, _)| id).collect();
        let place = match rng.pick(&places) {
            Some(place) => place,
            None => self
                .edit()
                .add_place(Place {
                    name: "Ward 1".into(),
                    level: Level::Ward,
                    parent: None,
                })
                .unwrap(),
        };
        let programme = programmes()[rng.below(6)].0;
        let group = Group {
            name: rng.pick(NAMES).unwrap().into(),
            programme,
            place,
            formed_on: d(2020, 1, 1),
            status: GroupStatus::Active,
            mentor: None,
            course: None,
            notes: String::new(),
        };
        self.edit().add_group(group).unwrap();
    }

    fn join(&mut self, rng: &mut Rng, share: Share) {
        let people = self.people(share);
        let groups: Vec<Id> = self.reg.groups.live().map(|(id, _)| id).collect();
        if let (Some(person), Some(group)) = (rng.pick(&people), rng.pick(&groups)) {
            let programme = self.reg.groups.get(group).unwrap().programme;
            let rules = &self.reg.programmes.get(programme).unwrap().rules;
            let role = rules.default_role().to_string();
            let on = d(2025, 1 + rng.below(12) as u32, 1 + rng.below(28) as u32);
            // The programme's rules may refuse; that is fine here.
            let _ = self.edit().join(person, group, &role, on, today());
        }
    }

    fn leave(&mut self, rng: &mut Rng, share: Share) {
        let current: Vec<Id> = self
            .reg
            .memberships
            .live()
            .filter(|(_, m)| m.is_current() && share.mine(m.person))
            .map(|(id, _)| id)
            .collect();
        if let Some(m) = rng.pick(&current) {
            let _ = self.edit().leave(m, d(2026, 6, 1), "moved", today());
        }
    }

    fn meet(&mut self, rng: &mut Rng) {
        let groups: Vec<Id> = self.reg.groups.live().map(|(id, _)| id).collect();
        let Some(group) = rng.pick(&groups) else {
            return;
        };
        let date = d(2026, 1 + rng.below(10) as u32, 1 + rng.below(28) as u32);
        let marks: Vec<(Id, Mark)> = roster(&self.reg, group, date, None)
            .into_iter()
            .map(|p| match rng.below(4) {
                0 => (p, Mark::Absent(AbsenceReason::Illness)),
                _ => (p, Mark::Present),
            })
            .collect();
        let meeting = Meeting {
            group,
            date,
            start: Some(17 * 60),
            facilitator: None,
            topics: "Games".into(),
            themes: Vec::new(),
            decisions: String::new(),
            notes: String::new(),
            guests: 0,
            attendance: Attendance::new(marks),
        };
        let _ = self.edit().add_meeting(meeting, today());
    }

    fn rename(&mut self, rng: &mut Rng, share: Share) {
        if let Some(id) = rng.pick(&self.people(share)) {
            let mut person = self.reg.people.get(id).unwrap().clone();
            person.notes = format!("changed on device {}", self.n);
            person.given_name = rng.pick(NAMES).unwrap().into();
            self.edit().update_person(id, person).unwrap();
        }
    }

    fn delete(&mut self, rng: &mut Rng, share: Share) {
        if let Some(id) = rng.pick(&self.people(share)) {
            self.edit().delete_person(id, today()).unwrap();
        }
    }

    fn edit_meeting(&mut self, rng: &mut Rng, share: Share) {
        let meetings: Vec<Id> = self
            .reg
            .meetings
            .live()
            .filter(|(id, _)| share.mine(*id))
            .map(|(id, _)| id)
            .collect();
        if let Some(id) = rng.pick(&meetings) {
            let mut meeting = self.reg.meetings.get(id).unwrap().clone();
            meeting.notes = format!("noted on device {}", self.n);
            meeting.guests += 1;
            self.edit().update_meeting(id, meeting, today()).unwrap();
        }
    }

    fn people(&self, share: Share) -> Vec<Id> {
        self.reg
            .people
            .live()
            .filter(|(id, _)| share.mine(*id))
            .map(|(id, _)| id)
            .collect()
    }

    /// Builds a register to start from: people, groups, members, meetings.
    pub fn populate(&mut self, rng: &mut Rng) {
        for _ in 0..2 + rng.below(3) {
            self.add_group(rng);
        }
        for _ in 0..6 + rng.below(10) {
            self.add_person(rng);
        }
        for _ in 0..12 {
            self.join(rng, Share::All);
        }
        for _ in 0..4 {
            self.meet(rng);
        }
    }

    /// Makes `count` random changes, to records `share` allows.
    pub fn change(&mut self, rng: &mut Rng, count: usize, share: Share) {
        for _ in 0..count {
            match rng.below(9) {
                0 => self.add_person(rng),
                1 => self.add_group(rng),
                2 => self.join(rng, share),
                3 => self.leave(rng, share),
                4 => self.meet(rng),
                5 | 6 => self.rename(rng, share),
                7 => self.delete(rng, share),
                _ => self.edit_meeting(rng, share),
            }
        }
    }
}

/// A register made on device 10, then copied by import onto devices `a`
/// and `b`, which have not changed anything yet.
pub fn shared_start(seed: u64, a: u64, b: u64) -> (Device, Device) {
    let mut rng = Rng::new(seed);
    let mut origin = Device::new(10);
    origin.populate(&mut rng);
    let file = origin.export();
    let (mut da, mut db) = (Device::new(a), Device::new(b));
    da.import(&file, |_| unreachable!("no conflicts in a first import"));
    db.import(&file, |_| unreachable!("no conflicts in a first import"));
    (da, db)
}
