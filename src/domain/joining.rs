//! The programme rules checked when a person joins or leaves a group.

use super::group::{GroupStatus, Membership};
use super::id::Id;
use super::person::Sex;
use super::programme::{Members, ADULT_AGE};
use super::register::Register;
use super::sort::{self, Key};
use chrono::{Datelike, NaiveDate};

/// Why a person may not join a group. Each reads as a clear message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    UnknownPerson,
    UnknownGroup,
    GroupClosed,
    JoinDateInFuture,
    BeforeGroupFormed {
        formed_on: NaiveDate,
    },
    BeforeBirth,
    ChildrenOnly {
        age: u32,
    },
    AdultsOnly {
        age: u32,
    },
    TooYoung {
        age: u32,
        min: u8,
    },
    TooOld {
        age: u32,
        max: u8,
    },
    WrongSex {
        allowed: Sex,
    },
    GroupFull {
        max: u16,
    },
    AlreadyMember,
    /// Already in another group of a programme that allows only one.
    InAnotherGroup {
        group: Id,
    },
    UnknownRole {
        role: String,
    },
}

/// Checks everything that stops `person` joining `group` on `joined_on` in
/// `role`. Returns every reason, not only the first.
pub fn check_join(
    reg: &Register,
    person: Id,
    group: Id,
    role: &str,
    joined_on: NaiveDate,
    today: NaiveDate,
) -> Result<(), Vec<Refusal>> {
    let mut no = Vec::new();
    let Some(p) = reg.people.get(person) else {
        return Err(vec![Refusal::UnknownPerson]);
    };
    let Some(g) = reg.groups.get(group) else {
        return Err(vec![Refusal::UnknownGroup]);
    };
    let Some(programme) = reg.programmes.get(g.programme) else {
        return Err(vec![Refusal::UnknownGroup]);
    };
    let rules = &programme.rules;

    if g.status == GroupStatus::Closed {
        no.push(Refusal::GroupClosed);
    }
    if joined_on > today {
        no.push(Refusal::JoinDateInFuture);
    }
    if joined_on < g.formed_on {
        no.push(Refusal::BeforeGroupFormed {
            formed_on: g.formed_on,
        });
    }
    match p.age_on(joined_on) {
        None => no.push(Refusal::BeforeBirth),
        Some(age) => {
            let age = age.years;
            match rules.members {
                Members::Children if age >= ADULT_AGE => no.push(Refusal::ChildrenOnly { age }),
                Members::Adults if age < ADULT_AGE => no.push(Refusal::AdultsOnly { age }),
                _ => {}
            }
            if let Some(min) = rules.min_age.filter(|&min| age < u32::from(min)) {
                no.push(Refusal::TooYoung { age, min });
            }
            if let Some(max) = rules.max_age.filter(|&max| age > u32::from(max)) {
                no.push(Refusal::TooOld { age, max });
            }
        }
    }
    if let Some(allowed) = rules.sex.filter(|&s| s != p.sex) {
        no.push(Refusal::WrongSex { allowed });
    }
    if !rules.has_role(role) {
        no.push(Refusal::UnknownRole {
            role: role.to_string(),
        });
    }

    let group_memberships: Vec<&Membership> =
        reg.memberships_of_group(group).map(|(_, m)| m).collect();
    if group_memberships
        .iter()
        .any(|m| m.person == person && m.reaches(joined_on))
    {
        no.push(Refusal::AlreadyMember);
    } else if let Some(max) = rules.max_members {
        if most_members_from(&group_memberships, joined_on) >= usize::from(max) {
            no.push(Refusal::GroupFull { max });
        }
    }
    if !rules.concurrent_groups {
        let elsewhere = reg.memberships_of_person(person).find(|(_, m)| {
            m.group != group
                && m.reaches(joined_on)
                && reg
                    .groups
                    .get(m.group)
                    .is_some_and(|other| other.programme == g.programme)
        });
        if let Some((_, m)) = elsewhere {
            no.push(Refusal::InAnotherGroup { group: m.group });
        }
    }
    if no.is_empty() {
        Ok(())
    } else {
        Err(no)
    }
}

/// The largest number of members the group has on any day from `day` on:
/// a membership starting on `day` (with no end) would add one to it.
fn most_members_from(memberships: &[&Membership], day: NaiveDate) -> usize {
    let mut changes: Vec<(NaiveDate, i32)> = Vec::new();
    for m in memberships.iter().filter(|m| m.reaches(day)) {
        changes.push((m.joined_on.max(day), 1));
        if let Some(left) = m.left_on {
            changes.push((left, -1));
        }
    }
    // On one day, leavings count before joinings: a place freed on a day can
    // be taken that day.
    sort::by_key(&mut changes, |&(date, delta)| {
        Key::number(i64::from(date.num_days_from_ce()) * 4 + i64::from(delta), 0)
    });
    let (mut now, mut most) = (0i32, 0i32);
    for (_, delta) in changes {
        now += delta;
        most = most.max(now);
    }
    most as usize
}

/// Why a membership cannot be ended as asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LeaveRefusal {
    AlreadyEnded,
    BeforeJoining,
    InFuture,
}

pub fn check_leave(
    m: &Membership,
    left_on: NaiveDate,
    today: NaiveDate,
) -> Result<(), LeaveRefusal> {
    if m.left_on.is_some() {
        Err(LeaveRefusal::AlreadyEnded)
    } else if left_on < m.joined_on {
        Err(LeaveRefusal::BeforeJoining)
    } else if left_on > today {
        Err(LeaveRefusal::InFuture)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests;
