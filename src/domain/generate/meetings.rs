//! Generated meetings: when a group meets, who came, and what the volunteer
//! wrote down.

use super::rng::Rng;
use crate::domain::id::Id;
use crate::domain::meeting::{AbsenceReason, Attendance, Mark, Meeting};
use crate::domain::programme::Rules;
use crate::domain::rhythm::Month;
use chrono::{Datelike, NaiveDate};

/// One member of a generated group, as the meetings need them.
#[derive(Clone, Debug)]
pub struct MemberPlan {
    pub person: Id,
    pub joined_on: NaiveDate,
    pub left_on: Option<NaiveDate>,
    /// How often the member misses a meeting, per mille.
    pub absent_per_mille: u32,
    /// Meetings (by index in the group's schedule) missed in a row.
    pub streak: Option<Streak>,
    /// Adults give work as a reason, children their studies.
    pub child: bool,
}

#[derive(Clone, Copy, Debug)]
pub struct Streak {
    pub first: usize,
    pub len: usize,
    pub reason: AbsenceReason,
}

impl MemberPlan {
    fn active_on(&self, day: NaiveDate) -> bool {
        self.joined_on <= day && self.left_on.is_none_or(|left| day < left)
    }
}

/// The days a group meets: `per_month` meetings in each of `months` months
/// from `first`, at about the same point of the month each time (a group
/// keeps its habits: "second and fourth Saturday").
pub fn schedule(rng: &mut Rng, first: Month, months: u32, per_month: u8) -> Vec<NaiveDate> {
    let per_month = u32::from(per_month.max(1));
    let habit = rng.below(1000);
    let mut days = Vec::with_capacity((months * per_month) as usize);
    let mut month = first;
    for _ in 0..months {
        let length = days_in(month);
        let slice = (length / per_month).max(1);
        for slot in 0..per_month {
            let start = slot * slice + 1;
            let preferred = start + habit * slice / 1000;
            let jittered = (preferred + rng.below(3)).saturating_sub(1);
            let day = jittered.clamp(start, (start + slice - 1).min(length));
            days.push(NaiveDate::from_ymd_opt(month.year, month.month, day).expect("in month"));
        }
        month = next(month);
    }
    days
}

/// Who was expected at meeting `index` of the schedule, on `day`, and
/// whether they came.
pub fn attendance(
    rng: &mut Rng,
    members: &[MemberPlan],
    index: usize,
    day: NaiveDate,
) -> Attendance {
    let marks = members.iter().filter(|m| m.active_on(day)).map(|m| {
        let mark = match m.streak {
            Some(s) if (s.first..s.first + s.len).contains(&index) => Mark::Absent(s.reason),
            _ if rng.chance(m.absent_per_mille) => Mark::Absent(reason(rng, m.child)),
            _ => Mark::Present,
        };
        (m.person, mark)
    });
    Attendance::new(marks)
}

/// A reason for missing a meeting, as often as volunteers note each.
pub fn reason(rng: &mut Rng, child: bool) -> AbsenceReason {
    use AbsenceReason::*;
    let reasons = [NotGiven, Illness, Family, Studies, Work, Travel, Other];
    let weights: [u32; 7] = if child {
        [35, 25, 15, 12, 2, 6, 5]
    } else {
        [30, 20, 20, 0, 20, 5, 5]
    };
    reasons[rng.weighted(&weights)]
}

/// What a group's meetings look like apart from attendance.
pub struct Habits {
    /// Usual start, minutes after midnight.
    pub start: u16,
    pub mentor: Id,
}

impl Habits {
    pub fn new(rng: &mut Rng, children: bool, mentor: Id) -> Habits {
        let (earliest, slots) = if children {
            (15 * 60, 8)
        } else {
            (10 * 60, 20)
        };
        Habits {
            start: earliest + 15 * rng.below(slots) as u16,
            mentor,
        }
    }

    /// A meeting of `group` on `date` with the given attendance.
    pub fn meeting(
        &self,
        rng: &mut Rng,
        rules: &Rules,
        group: Id,
        date: NaiveDate,
        attendance: Attendance,
    ) -> Meeting {
        let mut themes: Vec<String> = Vec::new();
        if !rules.themes.is_empty() {
            let count = if rng.chance(300) { 2 } else { 1 };
            for _ in 0..count {
                let theme = rng.pick_ref(&rules.themes);
                if !themes.contains(theme) {
                    themes.push(theme.clone());
                }
            }
        }
        let topics = match themes.first() {
            Some(theme) if rng.chance(750) => topic(rng, theme).to_string(),
            _ => String::new(),
        };
        Meeting {
            group,
            date,
            start: rng
                .chance(800)
                .then(|| self.start + if rng.chance(100) { 30 } else { 0 }),
            facilitator: rng.chance(900).then_some(self.mentor),
            topics,
            themes,
            decisions: pick_some(rng, 150, DECISIONS),
            notes: pick_some(rng, 50, NOTES),
            guests: if rng.chance(150) {
                rng.between(1, 4) as u16
            } else {
                0
            },
            attendance,
        }
    }
}

/// What was done at a meeting about `theme`, as a volunteer might write it.
fn topic(rng: &mut Rng, theme: &str) -> &'static str {
    let choices: &[&'static str] = match theme {
        "Learning through play" => &["Games and songs", "Story telling", "Paper craft"],
        "Leadership" => &[
            "Chose this month's leader",
            "Planned the children's assembly",
        ],
        "Co-operation" => &["Team games", "Cleaned the playground together"],
        "Science" => &["Simple experiments with water", "Seeds and plants"],
        "Democracy" => &["Mock gram sabha", "Talked about children's rights"],
        "Environment" => &["Planted saplings", "Sorting waste at home"],
        "Personality development" => &["Speaking before the group", "Drawing competition"],
        "Livelihood" => &["Tailoring unit plan", "Savings and thrift"],
        "Gender issues" => &["Gender equality discussion", "Women in the ward sabha"],
        "Violence at home" => &["Talk with the counsellor on violence at home"],
        "Training" => &["Digital literacy class", "Mobile banking training"],
        "Health" => &["Anaemia check-up", "Menstrual health", "Hand washing"],
        "Education" => &["Reading practice", "Numbers with pebbles"],
        "Child rights" => &["Right to education", "Child marriage is a crime"],
        "Counselling" => &["Group counselling", "Letters to families"],
        _ => &["Discussion"],
    };
    rng.pick(choices)
}

const DECISIONS: &[&str] = &[
    "Next meeting at the school",
    "Visit the anganwadi together",
    "Collect savings next week",
    "Invite parents to the next meeting",
    "Clean the pond on Saturday",
];

const NOTES: &[&str] = &[
    "Rain; started late",
    "Block coordinator visited",
    "Held outdoors",
    "Power cut",
];

fn pick_some(rng: &mut Rng, per_mille: u32, items: &[&str]) -> String {
    if rng.chance(per_mille) {
        rng.pick(items).to_string()
    } else {
        String::new()
    }
}

fn days_in(month: Month) -> u32 {
    next(month)
        .first_day()
        .pred_opt()
        .expect("after year 1")
        .day()
}

pub fn next(month: Month) -> Month {
    if month.month == 12 {
        Month {
            year: month.year + 1,
            month: 1,
        }
    } else {
        Month {
            year: month.year,
            month: month.month + 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_group_meets_in_every_month_on_distinct_days_in_order() {
        let mut rng = Rng::new(5);
        let first = Month {
            year: 2025,
            month: 11,
        };
        for per_month in [1, 2, 4] {
            let days = schedule(&mut rng, first, 12, per_month);
            assert_eq!(days.len(), 12 * usize::from(per_month));
            assert!(days.windows(2).all(|w| w[0] < w[1]), "{days:?}");
            assert_eq!(days[0].month(), 11);
            assert_eq!(days.last().unwrap().month(), 10);
        }
    }

    #[test]
    fn february_has_its_meetings_too() {
        let days = schedule(
            &mut Rng::new(9),
            Month {
                year: 2026,
                month: 2,
            },
            1,
            2,
        );
        assert!(days.iter().all(|d| d.month() == 2), "{days:?}");
    }
}
