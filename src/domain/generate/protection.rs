//! The protection side of a generated register: cases, risk flags and
//! follow-ups for the children of Bal Ashram, out-of-school and child
//! marriage flags in the Balasabhas, and courses for Balika Ashram batches
//! with some trainees' outcomes. Made after the groups, from their members.

use super::rng::Rng;
use super::SpecError;
use crate::domain::case::{Case, CaseStatus, Consent, FollowUp, Goal, GoalArea, StatusChange};
use crate::domain::id::{DeviceTag, Id, IdGen};
use crate::domain::meeting::Attendance;
use crate::domain::person::Sex;
use crate::domain::programme::ADULT_AGE;
use crate::domain::register::Register;
use crate::domain::risk::{Concern, Flag};
use crate::domain::schooling::Schooling;
use crate::domain::seed::{BALASABHA, BALIKA_ASHRAM, BAL_ASHRAM};
use crate::domain::table::Author;
use crate::domain::time::Timestamp;
use crate::domain::training::{Course, Outcome};
use chrono::{Days, NaiveDate};

const REFERRED_BY: &[&str] = &[
    "Bachpan Bachao Andolan",
    "Childline 1098",
    "District Child Protection Unit",
    "Police, Anti-Human Trafficking Unit",
];
const RESCUED_AT: &[&str] = &[
    "Seelampur, Delhi",
    "Jaipur",
    "Alwar",
    "Surat",
    "Bhiwandi",
    "Kolkata",
];
const RESCUED_FROM: &[Concern] = &[
    Concern::ChildLabour,
    Concern::Trafficking,
    Concern::Slavery,
    Concern::Abuse,
];
const VOLUNTEERS: &[&str] = &["Sunita", "Ramesh", "Meena", "Kavita"];
const COURSES: &[(&str, &str)] = &[
    (
        "Tailoring and embroidery",
        "Six months, with a sewing machine for each trainee.",
    ),
    (
        "Computer basics",
        "Typing, spreadsheets and the internet, three months.",
    ),
    (
        "Beauty culture",
        "Four months, with a placement at a salon.",
    ),
];

/// Adds the protection records. `today` is the data set's today.
pub fn add(
    reg: &mut Register,
    ids: &mut IdGen,
    device: DeviceTag,
    rng: &mut Rng,
    today: NaiveDate,
) -> Result<(), SpecError> {
    let at = |day: NaiveDate| Author {
        device,
        now: Timestamp::from_datetime(day.and_hms_opt(11, 0, 0).expect("11:00").and_utc()),
    };
    // Every current member of each programme's groups, with the day they joined.
    let members_of = |reg: &Register, programme: Id| -> Vec<(Id, Id, NaiveDate)> {
        reg.memberships
            .live()
            .filter(|(_, m)| m.is_current())
            .filter(|(_, m)| {
                reg.groups
                    .get(m.group)
                    .is_some_and(|g| g.programme == programme)
            })
            .map(|(id, m)| (id, m.person, m.joined_on))
            .collect()
    };

    // Bal Ashram: every resident came with a case.
    for (_, child, joined) in members_of(reg, BAL_ASHRAM) {
        let concern = rng.pick(RESCUED_FROM);
        let intake = joined;
        let consent = Consent {
            given_on: Some(intake + Days::new(u64::from(rng.below(5)))),
        };
        let mut history = vec![StatusChange {
            on: intake,
            to: CaseStatus::Open,
            reason: String::new(),
        }];
        let in_care = intake + Days::new(7);
        history.push(StatusChange {
            on: in_care,
            to: CaseStatus::InCare,
            reason: String::new(),
        });
        let status = if rng.chance(150) && in_care + Days::new(120) < today {
            let back = in_care + Days::new(120);
            history.push(StatusChange {
                on: back,
                to: CaseStatus::Reintegrated,
                reason: "Family traced".into(),
            });
            CaseStatus::Reintegrated
        } else {
            CaseStatus::InCare
        };
        let case = Case {
            person: child,
            intake_on: intake,
            concerns: vec![concern],
            referred_by: rng.pick(REFERRED_BY).into(),
            rescue_place: rng.pick(RESCUED_AT).into(),
            guardian_consent: consent,
            child_assent: consent,
            goals: vec![
                Goal {
                    area: GoalArea::Education,
                    text: "Enrol in the local school".into(),
                    achieved_on: None,
                },
                Goal {
                    area: GoalArea::FamilyTracing,
                    text: "Trace and visit the family".into(),
                    achieved_on: None,
                },
                Goal {
                    area: GoalArea::Counselling,
                    text: "Weekly counselling".into(),
                    achieved_on: Some(in_care + Days::new(60)),
                },
            ],
            status,
            history,
            notes: String::new(),
        };
        let case_id = reg.cases.insert_new(case, ids, at(intake))?;
        let flag = Flag {
            person: child,
            concern,
            raised_on: intake,
            raised_by: rng.pick(VOLUNTEERS).into(),
            note: String::new(),
            cleared_on: None,
        };
        reg.flags.insert_new(flag, ids, at(intake))?;
        // Monthly visits for the last three months, done; the next one due;
        // now and then one left overdue.
        for months_ago in (1..=3).rev() {
            let due = today - Days::new(30 * months_ago);
            if due <= intake {
                continue;
            }
            let overdue = months_ago == 1 && rng.chance(100);
            let follow_up = FollowUp {
                case: case_id,
                due_on: due,
                plan: "Visit and talk with the child".into(),
                done_on: (!overdue).then_some(due),
                done_by: if overdue {
                    String::new()
                } else {
                    rng.pick(VOLUNTEERS).into()
                },
                outcome: if overdue {
                    String::new()
                } else {
                    "Settled, attending classes".into()
                },
            };
            reg.follow_ups.insert_new(follow_up, ids, at(due))?;
        }
        let next = FollowUp {
            case: case_id,
            due_on: today + Days::new(u64::from(5 + rng.below(20))),
            plan: "Visit and talk with the child".into(),
            done_on: None,
            done_by: String::new(),
            outcome: String::new(),
        };
        reg.follow_ups.insert_new(next, ids, at(today))?;
    }

    // Balasabhas: children out of school, and a few older girls at risk of
    // child marriage.
    for (_, child, joined) in members_of(reg, BALASABHA) {
        let Some(p) = reg.people.get(child) else {
            continue;
        };
        let out_of_school = p.schooling.current() == Schooling::DroppedOut;
        let age = p.age_on(today).map_or(0, |a| a.years);
        let concern = if out_of_school && rng.chance(400) {
            Concern::OutOfSchool
        } else if p.sex == Sex::Female && (14..ADULT_AGE).contains(&age) && rng.chance(20) {
            Concern::ChildMarriage
        } else {
            continue;
        };
        let raised = joined.max(today - Days::new(u64::from(30 + rng.below(300))));
        let cleared = (concern == Concern::OutOfSchool && rng.chance(200))
            .then(|| raised + Days::new(20))
            .filter(|d| *d <= today);
        let flag = Flag {
            person: child,
            concern,
            raised_on: raised,
            raised_by: rng.pick(VOLUNTEERS).into(),
            note: String::new(),
            cleared_on: cleared,
        };
        reg.flags.insert_new(flag, ids, at(raised))?;
    }

    // Balika Ashram: each batch teaches a course; trainees who joined more
    // than six months ago have completed it.
    let batches: Vec<Id> = reg
        .groups
        .live()
        .filter(|(_, g)| g.programme == BALIKA_ASHRAM)
        .map(|(id, _)| id)
        .collect();
    if !batches.is_empty() {
        let start = today - Days::new(5 * 365);
        let courses: Vec<Id> = COURSES
            .iter()
            .map(|(name, about)| {
                reg.courses.insert_new(
                    Course {
                        name: (*name).into(),
                        description: (*about).into(),
                    },
                    ids,
                    at(start),
                )
            })
            .collect::<Result<_, _>>()?;
        for (i, batch) in batches.into_iter().enumerate() {
            let mut group = reg.groups.get(batch).cloned().expect("batch exists");
            group.course = Some(courses[i % courses.len()]);
            reg.groups
                .update(batch, group, at(start))
                .expect("batch exists");
        }
        for (membership, _, joined) in members_of(reg, BALIKA_ASHRAM) {
            let done = joined + Days::new(180);
            if done < today && rng.chance(600) {
                let outcome = [
                    Outcome::Employed,
                    Outcome::SelfEmployed,
                    Outcome::ContinuingStudy,
                    Outcome::NotYetKnown,
                ][rng.weighted(&[35, 40, 15, 10])];
                let mut m = reg
                    .memberships
                    .get(membership)
                    .cloned()
                    .expect("membership exists");
                m.left_on = Some(done);
                m.completed = Some(outcome);
                let (person, group) = (m.person, m.group);
                reg.memberships
                    .update(membership, m, at(done))
                    .expect("membership exists");
                // She is no longer expected at the batch's meetings after that.
                let later: Vec<Id> = reg
                    .meetings
                    .live()
                    .filter(|(_, mt)| mt.group == group && mt.date >= done)
                    .map(|(id, _)| id)
                    .collect();
                for id in later {
                    let mut meeting = reg.meetings.get(id).cloned().expect("meeting exists");
                    meeting.attendance =
                        Attendance::new(meeting.attendance.iter().filter(|(p, _)| *p != person));
                    reg.meetings
                        .update(id, meeting, at(done))
                        .expect("meeting exists");
                }
            }
        }
    }
    Ok(())
}
