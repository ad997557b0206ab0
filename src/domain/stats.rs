//! The programme's figures: totals, roll-ups by place, and the series the
//! dashboard draws. Everything is counted from the register under a filter
//! (programme, place, months), the way the seed documents report.

use super::group::GroupStatus;
use super::id::Id;
use super::meeting::Mark;
use super::person::Sex;
use super::place::{is_within, Level};
use super::programme::ADULT_AGE;
use super::register::Register;
use super::rhythm::{target_of, Month};
use super::risk::Concern;
use super::schooling::Schooling;
use chrono::{Datelike, NaiveDate};
use std::collections::{BTreeMap, BTreeSet};

/// Which groups and months the figures cover.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Filter {
    pub programme: Option<Id>,
    pub place: Option<Id>,
    pub from: Month,
    pub to: Month,
}

impl Filter {
    /// Everything, over the twelve months up to `today`.
    pub fn last_year(today: NaiveDate) -> Filter {
        let to = Month::of(today);
        let mut from = to;
        for _ in 0..11 {
            from = from.previous();
        }
        Filter {
            programme: None,
            place: None,
            from,
            to,
        }
    }

    fn covers_month(&self, m: Month) -> bool {
        self.from <= m && m <= self.to
    }
}

/// The periods the dashboard offers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Period {
    ThisMonth,
    LastThreeMonths,
    #[default]
    LastTwelveMonths,
    ThisYear,
    LastYear,
}

impl Period {
    pub const ALL: [Period; 5] = [
        Period::ThisMonth,
        Period::LastThreeMonths,
        Period::LastTwelveMonths,
        Period::ThisYear,
        Period::LastYear,
    ];

    /// The first and last month of the period, as of `today`.
    pub fn months(self, today: NaiveDate) -> (Month, Month) {
        let now = Month::of(today);
        let back = |n: usize| (0..n).fold(now, |m, _| m.previous());
        let january = |year| Month { year, month: 1 };
        let december = |year| Month { year, month: 12 };
        match self {
            Period::ThisMonth => (now, now),
            Period::LastThreeMonths => (back(2), now),
            Period::LastTwelveMonths => (back(11), now),
            Period::ThisYear => (january(today.year()), now),
            Period::LastYear => (january(today.year() - 1), december(today.year() - 1)),
        }
    }
}

/// The groups the filter covers (closed ones too: their history counts).
pub fn groups(reg: &Register, f: &Filter) -> BTreeSet<Id> {
    let mut out = BTreeSet::new();
    for (id, g) in reg.groups.live() {
        if f.programme.is_none_or(|p| g.programme == p)
            && f.place.is_none_or(|p| is_within(&reg.places, g.place, p))
        {
            out.insert(id);
        }
    }
    out
}

/// The people who are members of the covered groups today.
fn members(reg: &Register, groups: &BTreeSet<Id>, today: NaiveDate) -> BTreeSet<Id> {
    let mut out = BTreeSet::new();
    for (_, m) in reg.memberships.live() {
        if groups.contains(&m.group) && m.active_on(today) {
            out.insert(m.person);
        }
    }
    out
}

/// Whether the filter narrows anything (without one, everyone counts).
fn narrowed(f: &Filter) -> bool {
    f.programme.is_some() || f.place.is_some()
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    pub children: usize,
    /// Adult women who are members of a group.
    pub women_members: usize,
    pub groups: usize,
    /// Programmes with at least one active group.
    pub active_programmes: usize,
    pub meetings_this_month: usize,
    /// Meetings the programmes' targets ask for this month.
    pub meetings_target: usize,
    pub children_with_open_flags: usize,
    pub overdue_follow_ups: usize,
    pub re_enrolled_this_year: usize,
}

pub fn totals(reg: &Register, f: &Filter, today: NaiveDate) -> Totals {
    let groups = groups(reg, f);
    let members = members(reg, &groups, today);
    let in_scope = |person: Id| !narrowed(f) || members.contains(&person);
    let age = |person: Id| {
        reg.people
            .get(person)
            .and_then(|p| p.age_on(today))
            .map(|a| a.years)
    };
    let mut t = Totals {
        groups: groups.len(),
        ..Totals::default()
    };
    for (id, p) in reg.people.live() {
        if !in_scope(id) {
            continue;
        }
        let years = age(id).unwrap_or(0);
        if years < ADULT_AGE {
            t.children += 1;
            if p.schooling.re_enrolled_in(today.year()) {
                t.re_enrolled_this_year += 1;
            }
        } else if p.sex == Sex::Female && members.contains(&id) {
            t.women_members += 1;
        }
    }
    let active: BTreeSet<Id> = groups
        .iter()
        .filter_map(|g| {
            reg.groups
                .get(*g)
                .filter(|g| g.status == GroupStatus::Active)
                .map(|g| g.programme)
        })
        .collect();
    t.active_programmes = active.len();
    let month = Month::of(today);
    for (_, m) in reg.meetings.live() {
        if groups.contains(&m.group) && Month::of(m.date) == month {
            t.meetings_this_month += 1;
        }
    }
    for g in &groups {
        if reg
            .groups
            .get(*g)
            .is_some_and(|g| g.status == GroupStatus::Active)
        {
            t.meetings_target += target_of(reg, *g).map_or(0, usize::from);
        }
    }
    let flagged: BTreeSet<Id> = reg
        .flags
        .live()
        .filter(|(_, fl)| fl.is_open() && in_scope(fl.person))
        .map(|(_, fl)| fl.person)
        .collect();
    t.children_with_open_flags = flagged.len();
    t.overdue_follow_ups = super::case_rules::overdue_follow_ups(reg, today)
        .into_iter()
        .filter(|(_, fu)| reg.cases.get(fu.case).is_some_and(|c| in_scope(c.person)))
        .count();
    t
}

/// One row of a roll-up: a place (or the place's part) and its counts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RollupRow {
    pub place: Id,
    pub name: String,
    /// Wards or villages with a group.
    pub wards: usize,
    pub groups: usize,
    pub members: usize,
}

impl RollupRow {
    /// Members per group, in tenths (12.2 is 122), to print without floats.
    pub fn members_per_group_tenths(&self) -> usize {
        (self.members * 10 + self.groups / 2)
            .checked_div(self.groups)
            .unwrap_or(0)
    }
}

/// Groups and members of the covered groups, by the places one level
/// below the filter's place (by state when there is none).
pub fn rollup(reg: &Register, f: &Filter, today: NaiveDate) -> Vec<RollupRow> {
    let groups = groups(reg, f);
    // The place a group counts under: its ancestor right below the filter's
    // place, or its state.
    let under = |place: Id| -> Option<Id> {
        let line = super::place::lineage(&reg.places, place);
        match f.place {
            None => line
                .iter()
                .find(|(_, p)| p.level == Level::State)
                .map(|(id, _)| *id),
            Some(top) => {
                let at = line.iter().position(|(id, _)| *id == top)?;
                Some(if at == 0 { top } else { line[at - 1].0 })
            }
        }
    };
    let mut rows: BTreeMap<Id, (BTreeSet<Id>, usize, usize)> = BTreeMap::new();
    let mut group_row: BTreeMap<Id, Id> = BTreeMap::new();
    for g in &groups {
        let Some(group) = reg.groups.get(*g) else {
            continue;
        };
        let Some(row) = under(group.place) else {
            continue;
        };
        let entry = rows.entry(row).or_default();
        entry.0.insert(group.place);
        entry.1 += 1;
        group_row.insert(*g, row);
    }
    for (_, m) in reg.memberships.live() {
        if let Some(row) = group_row.get(&m.group) {
            if m.active_on(today) {
                rows.entry(*row).or_default().2 += 1;
            }
        }
    }
    let mut out: Vec<RollupRow> = rows
        .into_iter()
        .map(|(place, (wards, groups, members))| RollupRow {
            place,
            name: reg
                .places
                .get(place)
                .map(|p| p.name.clone())
                .unwrap_or_default(),
            wards: wards.len(),
            groups,
            members,
        })
        .collect();
    super::sort::by_key(&mut out, |r| {
        super::sort::Key::text(r.name.clone(), r.place)
    });
    out
}

/// Age bands of the members, for the chart of members by age and sex.
pub const AGE_BANDS: [(u32, u32); 7] = [
    (0, 5),
    (6, 10),
    (11, 14),
    (15, 17),
    (18, 25),
    (26, 40),
    (41, 120),
];

/// Members of the covered groups by age band, as (female, male, other).
pub fn members_by_age_and_sex(reg: &Register, f: &Filter, today: NaiveDate) -> Vec<[usize; 3]> {
    let groups = groups(reg, f);
    let mut out = vec![[0usize; 3]; AGE_BANDS.len()];
    for person in members(reg, &groups, today) {
        let Some(p) = reg.people.get(person) else {
            continue;
        };
        let Some(age) = p.age_on(today) else { continue };
        let Some(band) = AGE_BANDS
            .iter()
            .position(|(lo, hi)| (*lo..=*hi).contains(&age.years))
        else {
            continue;
        };
        let sex = match p.sex {
            Sex::Female => 0,
            Sex::Male => 1,
            Sex::Other => 2,
        };
        out[band][sex] += 1;
    }
    out
}

/// Month by month over the filter's months: meetings held, the meetings the
/// targets asked for, and attendance (present, expected).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MonthFigures {
    pub month: Month,
    pub held: usize,
    pub target: usize,
    pub present: usize,
    pub expected: usize,
}

/// The longest period drawn month by month.
pub const MAX_MONTHS: usize = 120;

pub fn by_month(reg: &Register, f: &Filter) -> Vec<MonthFigures> {
    let groups = groups(reg, f);
    let mut months = Vec::new();
    let mut m = f.to;
    while m >= f.from && months.len() < 120 {
        months.push(MonthFigures {
            month: m,
            held: 0,
            target: 0,
            present: 0,
            expected: 0,
        });
        m = m.previous();
    }
    months.reverse();
    for (_, meeting) in reg.meetings.live() {
        if !groups.contains(&meeting.group) || !f.covers_month(Month::of(meeting.date)) {
            continue;
        }
        let month = Month::of(meeting.date);
        if let Some(mf) = months.iter_mut().find(|x| x.month == month) {
            mf.held += 1;
            mf.present += meeting.attendance.present();
            mf.expected += meeting.attendance.expected();
        }
    }
    for g in &groups {
        let (Some(target), Some(group)) = (target_of(reg, *g), reg.groups.get(*g)) else {
            continue;
        };
        for mf in months.iter_mut() {
            // A group counts toward a month's target from the month it formed.
            if Month::of(group.formed_on) <= mf.month {
                mf.target += usize::from(target);
            }
        }
    }
    months
}

/// Open risk flags by concern, among the covered children.
pub fn open_flags_by_concern(
    reg: &Register,
    f: &Filter,
    today: NaiveDate,
) -> Vec<(Concern, usize)> {
    let groups = groups(reg, f);
    let members = members(reg, &groups, today);
    Concern::ALL
        .into_iter()
        .map(|c| {
            let n = reg
                .flags
                .live()
                .filter(|(_, fl)| {
                    fl.is_open()
                        && fl.concern == c
                        && (!narrowed(f) || members.contains(&fl.person))
                })
                .count();
            (c, n)
        })
        .collect()
}

/// Children by where they stand in school.
pub fn schooling(reg: &Register, f: &Filter, today: NaiveDate) -> [usize; 5] {
    let groups = groups(reg, f);
    let members = members(reg, &groups, today);
    let mut out = [0usize; 5];
    for (id, p) in reg.people.live() {
        if narrowed(f) && !members.contains(&id) {
            continue;
        }
        if p.age_on(today).is_none_or(|a| a.years >= ADULT_AGE) {
            continue;
        }
        let i = match p.schooling.current() {
            Schooling::Enrolled { .. } => 0,
            Schooling::DroppedOut => 1,
            Schooling::NeverEnrolled => 2,
            Schooling::Completed => 3,
            Schooling::Unknown => 4,
        };
        out[i] += 1;
    }
    out
}

/// A group's month for its monthly report: who was a member at some time
/// in the month, the meetings held, and each member's marks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupMonth {
    /// Meetings in the month, oldest first.
    pub meetings: Vec<Id>,
    pub target: Option<u8>,
    pub present: usize,
    pub expected: usize,
    /// Members in name order, each with their marks, one per meeting (none
    /// where they were not expected).
    pub members: Vec<MemberMonth>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemberMonth {
    pub membership: Id,
    pub person: Id,
    pub marks: Vec<Option<Mark>>,
}

pub fn group_month(reg: &Register, group: Id, month: Month) -> GroupMonth {
    let (first, last) = (month.first_day(), month.last_day());
    let mut meetings: Vec<(Id, &super::meeting::Meeting)> =
        super::meeting_rules::meetings_of_group(reg, group)
            .into_iter()
            .filter(|(_, m)| Month::of(m.date) == month)
            .collect();
    meetings.reverse();
    let mut members: Vec<MemberMonth> = reg
        .memberships_of_group(group)
        .filter(|(_, m)| m.joined_on <= last && m.reaches(first))
        .map(|(id, m)| MemberMonth {
            membership: id,
            person: m.person,
            marks: meetings
                .iter()
                .map(|(_, meeting)| meeting.attendance.mark_of(m.person))
                .collect(),
        })
        .collect();
    let name = |p: Id| reg.person_name(p);
    super::sort::by_key(&mut members, |m| {
        super::sort::Key::text(name(m.person), m.membership)
    });
    GroupMonth {
        present: meetings.iter().map(|(_, m)| m.attendance.present()).sum(),
        expected: meetings.iter().map(|(_, m)| m.attendance.expected()).sum(),
        meetings: meetings.into_iter().map(|(id, _)| id).collect(),
        target: target_of(reg, group),
        members,
    }
}

#[cfg(test)]
mod tests;
