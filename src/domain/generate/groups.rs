//! One generated group: its mentor, members, memberships with roles, and
//! its meetings with attendance.

use super::meetings::{self, Habits, MemberPlan, Streak};
use super::people::{any_sex, years_ago, Band, PersonMaker};
use super::places::Village;
use super::rng::Rng;
use crate::domain::group::{Group, GroupStatus, Membership};
use crate::domain::id::{DeviceTag, Id, IdGen, IdsExhausted};
use crate::domain::meeting::AbsenceReason;
use crate::domain::person::Birth;
use crate::domain::programme::{Rules, ADULT_AGE};
use crate::domain::register::Register;
use crate::domain::table::Author;
use crate::domain::time::{self, Timestamp};
use chrono::{Days, NaiveDate};

/// Makes the groups of one cohort.
pub struct GroupMaker<'a> {
    pub reg: &'a mut Register,
    pub ids: &'a mut IdGen,
    pub device: DeviceTag,
    pub people: PersonMaker<'a>,
    pub programme: Id,
    pub rules: &'a Rules,
    pub band: Band,
    /// The meeting days every group of the cohort keeps, before jitter.
    pub months: u32,
    pub per_month: u8,
    pub first_month: crate::domain::rhythm::Month,
    pub today: NaiveDate,
}

const LEAVE_REASONS: &[&str] = &[
    "Moved away",
    "Family migrated for work",
    "Joined a hostel",
    "Started work",
];

impl GroupMaker<'_> {
    /// Makes a group of `size` members meeting in `village`.
    pub fn group(
        &mut self,
        rng: &mut Rng,
        name: String,
        village: &Village,
        size: u32,
    ) -> Result<Id, IdsExhausted> {
        let window_start = self.first_month.first_day();
        let formed_on = window_start - Days::new(30 + u64::from(rng.below(3 * 365)));
        let women_only = self.band.sex == Some(crate::domain::person::Sex::Female);
        let mentor = self.people.mentor(rng, women_only, &village.name);
        let mentor = self
            .reg
            .people
            .insert_new(mentor, self.ids, self.at(formed_on, 9))?;
        let group = Group {
            name,
            programme: self.programme,
            place: village.id,
            formed_on,
            status: GroupStatus::Active,
            mentor: Some(mentor),
            course: None,
            notes: String::new(),
        };
        let group = self
            .reg
            .groups
            .insert_new(group, self.ids, self.at(formed_on, 10))?;

        let days = meetings::schedule(rng, self.first_month, self.months, self.per_month);
        // About one member in fifty left during the year. They come on top
        // of the `size` members the group has today (the number the seed
        // documents give), as long as the group never holds more members at
        // once than its programme allows.
        let cap = self.rules.max_members.map_or(u32::MAX, u32::from);
        let past =
            ((0..size).filter(|_| rng.chance(20)).count() as u32).min(cap.saturating_sub(size));
        let mut plans = Vec::with_capacity((size + past) as usize);
        for i in 0..size + past {
            plans.push(self.member(rng, formed_on, &village.name, days.len(), i >= size)?);
        }
        self.memberships(rng, group, &plans)?;

        let habits = Habits::new(rng, self.band.max_age < ADULT_AGE, mentor);
        for (index, &day) in days.iter().enumerate() {
            let attendance = meetings::attendance(rng, &plans, index, day);
            let meeting = habits.meeting(rng, self.rules, group, day, attendance);
            self.reg
                .meetings
                .insert_new(meeting, self.ids, self.at(day, 18))?;
        }
        Ok(group)
    }

    /// A new member's person record, and when they joined and, for one
    /// who `leaves`, left.
    fn member(
        &mut self,
        rng: &mut Rng,
        formed_on: NaiveDate,
        village: &str,
        meetings: usize,
        leaves: bool,
    ) -> Result<MemberPlan, IdsExhausted> {
        let window_start = self.first_month.first_day();
        let band = self.band;
        let sex = any_sex(rng, band.sex);
        // One who left was old enough to join a year ago at least, so that
        // she can have joined a month before today.
        let youngest = if leaves {
            band.min_age + 1
        } else {
            band.min_age
        };
        let age = rng.between(youngest.min(band.max_age), band.max_age);
        let born = years_ago(self.today, age) - Days::new(u64::from(rng.below(365)));
        // The day after the birthday, so that a 29 February birthday counts
        // the same whichever way the year is reckoned.
        let old_enough = born
            .checked_add_months(chrono::Months::new(band.min_age * 12))
            .and_then(|d| d.succ_opt())
            .expect("generated dates are recent");
        let earliest = formed_on.max(old_enough);
        let before_window = window_start.pred_opt().expect("after year 1");
        let joined_on = if earliest <= before_window && rng.chance(960) {
            // Most join when the group starts; the rest over its first years.
            if earliest == formed_on && rng.chance(600) {
                formed_on
            } else {
                day_between(rng, earliest, before_window)
            }
        } else {
            let latest = if leaves {
                self.today - Days::new(30)
            } else {
                self.today
            };
            day_between(rng, earliest.max(window_start).min(latest), latest)
        };
        let birth = if rng.chance(80) {
            // "About 9", said on the day they joined.
            let years = time::years_between(born, joined_on).expect("born before joining");
            Birth::Approximate {
                years: years as u8,
                stated_on: joined_on,
            }
        } else {
            Birth::Known { date: born }
        };
        let person = self.people.member(rng, &band, sex, birth, village);
        let person = self
            .reg
            .people
            .insert_new(person, self.ids, self.at(joined_on, 10))?;

        let left_on = leaves.then(|| {
            let leave_from = (joined_on + Days::new(30))
                .max(window_start + Days::new(15))
                .min(self.today);
            day_between(rng, leave_from, self.today)
        });
        let absent_per_mille = match rng.weighted(&[60, 30, 10]) {
            0 => rng.between(20, 80),
            1 => rng.between(80, 150),
            _ => rng.between(150, 350),
        };
        let child = age < ADULT_AGE;
        let streak = streak(rng, meetings, child);
        Ok(MemberPlan {
            person,
            joined_on,
            left_on,
            absent_per_mille,
            streak,
            child,
        })
    }

    /// The memberships of a group: the programme's roles (a leader, a
    /// secretary…) go to members who were there all year, one each.
    fn memberships(
        &mut self,
        rng: &mut Rng,
        group: Id,
        plans: &[MemberPlan],
    ) -> Result<(), IdsExhausted> {
        let window_start = self.first_month.first_day();
        let steady = |i: &usize| plans[*i].joined_on < window_start && plans[*i].left_on.is_none();
        // Members there all year first, then the others if there are too few.
        let candidates: Vec<usize> = (0..plans.len())
            .filter(steady)
            .chain((0..plans.len()).filter(|i| !steady(i)))
            .collect();
        let mut roles = vec![self.rules.default_role(); plans.len()];
        for (role, &member) in self.rules.roles.iter().skip(1).zip(&candidates) {
            roles[member] = role;
        }
        for (plan, role) in plans.iter().zip(roles) {
            let membership = Membership {
                person: plan.person,
                group,
                role: role.to_string(),
                joined_on: plan.joined_on,
                left_on: None,
                leave_reason: String::new(),
                completed: None,
            };
            let author = self.at(plan.joined_on, 11);
            let id = self
                .reg
                .memberships
                .insert_new(membership, self.ids, author)?;
            if let Some(left_on) = plan.left_on {
                let mut ended = self.reg.memberships.get(id).expect("just made").clone();
                ended.left_on = Some(left_on);
                ended.leave_reason = rng.pick(LEAVE_REASONS).to_string();
                let author = self.at(left_on, 12);
                self.reg
                    .memberships
                    .update(id, ended, author)
                    .expect("just made");
            }
        }
        Ok(())
    }

    /// This data set's device making a change on `day` at `hour` (UTC).
    fn at(&self, day: NaiveDate, hour: u32) -> Author {
        let time = day.and_hms_opt(hour, 0, 0).expect("valid hour").and_utc();
        Author {
            device: self.device,
            now: Timestamp::from_datetime(time),
        }
    }
}

/// A few members miss several meetings in a row: some in the past, some up
/// to the latest meeting (those are the ones to follow up).
fn streak(rng: &mut Rng, meetings: usize, child: bool) -> Option<Streak> {
    use AbsenceReason::*;
    let len = rng.between(3, 6) as usize;
    if meetings < len {
        return None;
    }
    let first = match rng.below(1000) {
        0..30 => rng.below((meetings - len + 1) as u32) as usize,
        30..40 => meetings - len,
        _ => return None,
    };
    let reasons = [
        Illness,
        Travel,
        Family,
        if child { Studies } else { Work },
        NotGiven,
    ];
    Some(Streak {
        first,
        len,
        reason: rng.pick(&reasons),
    })
}

/// A day from `first` to `last`, both included (`first` if `last` is before).
fn day_between(rng: &mut Rng, first: NaiveDate, last: NaiveDate) -> NaiveDate {
    let span = (last - first).num_days().max(0) as u32;
    first + Days::new(u64::from(rng.below(span + 1)))
}
