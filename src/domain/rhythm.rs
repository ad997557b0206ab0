//! The meeting rhythm (months met or missed against a programme's target),
//! members to follow up after repeated absences, and attendance rates.

use super::group::GroupStatus;
use super::id::Id;
use super::meeting::{Mark, Meeting};
use super::meeting_rules::meetings_of_group;
use super::register::Register;
use super::sort::{self, Key};
use chrono::{Datelike, NaiveDate};
use std::collections::HashMap;

/// A calendar month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    pub year: i32,
    pub month: u32,
}

impl Month {
    pub fn of(date: NaiveDate) -> Month {
        Month {
            year: date.year(),
            month: date.month(),
        }
    }

    pub fn previous(self) -> Month {
        if self.month == 1 {
            Month {
                year: self.year - 1,
                month: 12,
            }
        } else {
            Month {
                year: self.year,
                month: self.month - 1,
            }
        }
    }

    pub fn next(self) -> Month {
        if self.month == 12 {
            Month {
                year: self.year + 1,
                month: 1,
            }
        } else {
            Month {
                year: self.year,
                month: self.month + 1,
            }
        }
    }

    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).expect("months are valid")
    }

    /// The month's last day.
    pub fn last_day(self) -> NaiveDate {
        self.next()
            .first_day()
            .pred_opt()
            .expect("months are valid")
    }

    /// "2026-11", for addresses and files.
    pub fn code(self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }

    /// Reads a month written as `code` writes it.
    pub fn parse(code: &str) -> Option<Month> {
        let (y, m) = code.split_once('-')?;
        let (year, month) = (y.parse().ok()?, m.parse().ok()?);
        NaiveDate::from_ymd_opt(year, month, 1).map(Month::of)
    }

    /// The months from `self` to `to`, both included (none when `to` is
    /// earlier), at most `max` of them.
    pub fn through(self, to: Month, max: usize) -> Vec<Month> {
        let mut out = Vec::new();
        let mut m = self;
        while m <= to && out.len() < max {
            out.push(m);
            m = m.next();
        }
        out
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MonthState {
    Met,
    Missed,
    /// The current month, not yet met: there is still time.
    InProgress,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MonthRhythm {
    pub month: Month,
    pub held: usize,
    pub target: u8,
    pub state: MonthState,
}

/// The programme's monthly meeting target for a group, if it has one.
pub fn target_of(reg: &Register, group: Id) -> Option<u8> {
    let g = reg.groups.get(group)?;
    reg.programmes
        .get(g.programme)?
        .rules
        .meetings_per_month
        .filter(|&t| t > 0)
}

/// Meetings held per month by one group.
fn held_by_month<'a>(meetings: impl Iterator<Item = &'a Meeting>) -> HashMap<Month, usize> {
    let mut held = HashMap::new();
    for m in meetings {
        *held.entry(Month::of(m.date)).or_default() += 1;
    }
    held
}

/// The last `months` months of a group's rhythm, newest first, from the
/// month it was formed at the earliest. Empty when the programme sets no
/// target.
pub fn rhythm(reg: &Register, group: Id, today: NaiveDate, months: usize) -> Vec<MonthRhythm> {
    let (Some(target), Some(g)) = (target_of(reg, group), reg.groups.get(group)) else {
        return Vec::new();
    };
    let held = held_by_month(meetings_of_group(reg, group).into_iter().map(|(_, m)| m));
    let current = Month::of(today);
    let first = Month::of(g.formed_on);
    let mut out = Vec::new();
    let mut month = current;
    while out.len() < months && month >= first {
        let n = held.get(&month).copied().unwrap_or(0);
        let state = if n >= usize::from(target) {
            MonthState::Met
        } else if month == current {
            MonthState::InProgress
        } else {
            MonthState::Missed
        };
        out.push(MonthRhythm {
            month,
            held: n,
            target,
            state,
        });
        month = month.previous();
    }
    out
}

/// Active groups that have not yet held this month's target number of
/// meetings: (group, held, target).
pub fn behind_target(reg: &Register, today: NaiveDate) -> Vec<(Id, usize, u8)> {
    let current = Month::of(today);
    let mut held: HashMap<Id, usize> = HashMap::new();
    for (_, m) in reg
        .meetings
        .live()
        .filter(|(_, m)| Month::of(m.date) == current)
    {
        *held.entry(m.group).or_default() += 1;
    }
    let mut out: Vec<(Id, usize, u8)> = reg
        .groups
        .live()
        .filter(|(_, g)| g.status == GroupStatus::Active)
        .filter_map(|(id, _)| {
            let target = target_of(reg, id)?;
            let n = held.get(&id).copied().unwrap_or(0);
            (n < usize::from(target)).then_some((id, n, target))
        })
        .collect();
    sort::by_key(&mut out, |&(id, n, _)| Key::number(n as i64, id.to_bits()));
    out
}

/// A current member absent from the group's last `absences` meetings in a row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RepeatedAbsence {
    pub person: Id,
    pub group: Id,
    /// Meetings missed in a row, up to the latest.
    pub absences: usize,
}

/// Absences in a row, counting back from the latest meeting the person was
/// expected at.
fn absences_in_a_row<'a>(person: Id, newest_first: impl Iterator<Item = &'a Meeting>) -> usize {
    newest_first
        .filter_map(|m| m.attendance.mark_of(person))
        .take_while(|mark| matches!(mark, Mark::Absent(_)))
        .count()
}

/// Current members of `group` to follow up, per the programme's threshold.
pub fn repeated_absences_in_group(
    reg: &Register,
    group: Id,
    today: NaiveDate,
) -> Vec<RepeatedAbsence> {
    let Some(threshold) = reg
        .groups
        .get(group)
        .and_then(|g| reg.programmes.get(g.programme))
        .map(|p| usize::from(p.rules.absences_before_follow_up.max(1)))
    else {
        return Vec::new();
    };
    let meetings = meetings_of_group(reg, group);
    let mut out: Vec<RepeatedAbsence> = reg
        .memberships_of_group(group)
        .filter(|(_, m)| m.active_on(today))
        .map(|(_, m)| RepeatedAbsence {
            person: m.person,
            group,
            absences: absences_in_a_row(m.person, meetings.iter().map(|(_, m)| *m)),
        })
        .filter(|f| f.absences >= threshold)
        .collect();
    sort::by_key(&mut out, |f| {
        Key::number(-(f.absences as i64), f.person.to_bits())
    });
    out
}

/// Everyone to follow up, in every group.
pub fn repeated_absences(reg: &Register, today: NaiveDate) -> Vec<RepeatedAbsence> {
    let mut groups: Vec<Id> = reg
        .memberships
        .live()
        .filter(|(_, m)| m.active_on(today))
        .map(|(_, m)| m.group)
        .collect();
    groups.sort_unstable();
    groups.dedup();
    groups
        .into_iter()
        .flat_map(|g| repeated_absences_in_group(reg, g, today))
        .collect()
}

/// How many of the meetings a person was expected at they attended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rate {
    pub present: usize,
    pub expected: usize,
}

impl Rate {
    /// The rate in whole percent, rounded (integer arithmetic: formatting
    /// floats would add their printing code to the download).
    pub fn percent(self) -> usize {
        (self.present * 100 + self.expected / 2) / self.expected.max(1)
    }
}

/// A person's attendance record, newest first, and their rate (`None` when
/// they were never expected).
pub fn attendance_of(reg: &Register, person: Id) -> (Vec<(Id, &Meeting, Mark)>, Option<Rate>) {
    let mut rows: Vec<(Id, &Meeting, Mark)> = reg
        .meetings
        .live()
        .filter_map(|(id, m)| m.attendance.mark_of(person).map(|mark| (id, m, mark)))
        .collect();
    sort::by_key(&mut rows, |r| Key::newest_first(r.1.date, r.0));
    let present = rows
        .iter()
        .filter(|(_, _, mark)| *mark == Mark::Present)
        .count();
    let rate = (!rows.is_empty()).then_some(Rate {
        present,
        expected: rows.len(),
    });
    (rows, rate)
}

#[cfg(test)]
mod tests;
