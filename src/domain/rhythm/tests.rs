use super::*;
use crate::domain::edit::EditError;
use crate::domain::meeting_rules::MeetingProblem;
use crate::domain::person::Sex;
use crate::domain::seed::{AUXILIARY_GROUP, BALASABHA};
use crate::domain::testkit::{d, today, World};

/// An auxiliary group formed in January 2026 with three members.
fn auxiliary() -> (World, Id, [Id; 3]) {
    let mut w = World::new();
    let group = w.group(AUXILIARY_GROUP);
    let people = [w.woman_aged(25), w.woman_aged(30), w.woman_aged(35)];
    for p in people {
        w.join(p, group, d(2026, 1, 5)).unwrap();
    }
    (w, group, people)
}

#[test]
fn two_meetings_meet_an_auxiliary_groups_month_and_one_does_not() {
    let (mut w, group, _) = auxiliary();
    w.meet(group, d(2026, 10, 3), &[]).unwrap();
    w.meet(group, d(2026, 10, 17), &[]).unwrap();
    w.meet(group, d(2026, 9, 12), &[]).unwrap();
    w.meet(group, d(2026, 11, 7), &[]).unwrap();
    let months = rhythm(&w.reg, group, today(), 3);
    let states: Vec<(u32, usize, MonthState)> = months
        .iter()
        .map(|m| (m.month.month, m.held, m.state))
        .collect();
    assert_eq!(
        states,
        vec![
            (11, 1, MonthState::InProgress),
            (10, 2, MonthState::Met),
            (9, 1, MonthState::Missed)
        ]
    );
    assert_eq!(behind_target(&w.reg, today()), vec![(group, 1, 2)]);
    w.meet(group, d(2026, 11, 21), &[]).unwrap();
    assert_eq!(rhythm(&w.reg, group, today(), 1)[0].state, MonthState::Met);
    assert!(behind_target(&w.reg, today()).is_empty());
}

#[test]
fn the_rhythm_starts_when_the_group_was_formed_and_needs_a_target() {
    let (w, group, _) = auxiliary();
    // The testkit's groups are formed on 1 January 2020; ask for more months than exist since.
    assert_eq!(rhythm(&w.reg, group, d(2020, 2, 10), 12).len(), 2);
    let mut w = World::new();
    let balasabha = w.group(BALASABHA);
    assert!(
        rhythm(&w.reg, balasabha, today(), 12).is_empty(),
        "Balasabhas have no monthly target"
    );
}

#[test]
fn three_absences_in_a_row_flag_a_member_and_a_present_resets() {
    let (mut w, group, [a, b, _]) = auxiliary();
    w.meet(group, d(2026, 9, 5), &[a, b]).unwrap();
    w.meet(group, d(2026, 10, 3), &[b]).unwrap();
    w.meet(group, d(2026, 10, 17), &[a]).unwrap();
    assert_eq!(
        repeated_absences_in_group(&w.reg, group, today()),
        vec![],
        "two in a row is not yet three"
    );
    w.meet(group, d(2026, 11, 7), &[a, b]).unwrap();
    // a: absent, present, absent, absent → 2 in a row; b: absent, absent, present, absent → 1.
    assert_eq!(repeated_absences_in_group(&w.reg, group, today()), vec![]);
    w.meet(group, d(2026, 11, 21), &[a]).unwrap();
    assert_eq!(
        repeated_absences_in_group(&w.reg, group, today()),
        vec![RepeatedAbsence {
            person: a,
            group,
            absences: 3
        }]
    );
    assert_eq!(repeated_absences(&w.reg, today()).len(), 1);
}

#[test]
fn a_member_who_left_is_no_longer_flagged_but_their_attendance_stays() {
    let (mut w, group, [a, _, _]) = auxiliary();
    for day in [3, 10, 17] {
        w.meet(group, d(2026, 10, day), &[a]).unwrap();
    }
    let membership = w
        .reg
        .memberships_of_group(group)
        .find(|(_, m)| m.person == a)
        .unwrap()
        .0;
    w.edit()
        .leave(membership, d(2026, 10, 20), "moved", today())
        .unwrap();
    assert!(repeated_absences_in_group(&w.reg, group, today()).is_empty());
    let (rows, rate) = attendance_of(&w.reg, a);
    assert_eq!(rows.len(), 3, "her past attendance is unchanged");
    assert_eq!(rate.map(Rate::percent), Some(0));
    w.edit().delete_person(a, today()).unwrap();
    assert_eq!(
        attendance_of(&w.reg, a).0.len(),
        3,
        "even after her record is deleted"
    );
}

#[test]
fn attendance_rate_counts_present_over_expected() {
    let (mut w, group, [a, b, _]) = auxiliary();
    w.meet(group, d(2026, 10, 3), &[a]).unwrap();
    w.meet(group, d(2026, 10, 17), &[]).unwrap();
    w.meet(group, d(2026, 11, 7), &[]).unwrap();
    w.meet(group, d(2026, 11, 21), &[]).unwrap();
    assert_eq!(
        attendance_of(&w.reg, a).1,
        Some(Rate {
            present: 3,
            expected: 4
        })
    );
    assert_eq!(
        Rate {
            present: 3,
            expected: 4
        }
        .percent(),
        75
    );
    assert_eq!(
        Rate {
            present: 2,
            expected: 3
        }
        .percent(),
        67
    );
    assert_eq!(attendance_of(&w.reg, b).1.map(Rate::percent), Some(100));
    let stranger = w.woman_aged(22);
    assert_eq!(attendance_of(&w.reg, stranger), (vec![], None));
}

#[test]
fn meetings_in_the_future_or_twice_a_day_are_refused() {
    let (mut w, group, _) = auxiliary();
    assert_eq!(
        w.meet(group, d(2026, 12, 1), &[]),
        Err(EditError::Meeting(vec![MeetingProblem::DateInFuture]))
    );
    let first = w.meet(group, d(2026, 10, 3), &[]).unwrap();
    assert_eq!(
        w.meet(group, d(2026, 10, 3), &[]),
        Err(EditError::Meeting(vec![MeetingProblem::AlreadyRecorded {
            meeting: first
        }]))
    );
    assert_eq!(
        w.meet(group, d(2019, 6, 1), &[]),
        Err(EditError::Meeting(vec![
            MeetingProblem::BeforeGroupFormed {
                formed_on: d(2020, 1, 1)
            }
        ]))
    );
}

#[test]
fn attendance_for_a_non_member_is_refused() {
    let (mut w, group, _) = auxiliary();
    let outsider = w.person(Sex::Female, d(1996, 3, 3));
    let late = w.woman_aged(28);
    w.join(late, group, d(2026, 11, 1)).unwrap();
    let first = w.meet(group, d(2026, 10, 3), &[]).unwrap();
    let mut meeting = w.reg.meetings.get(first).unwrap().clone();
    meeting.date = d(2026, 10, 10);
    let mut marks: Vec<(Id, crate::domain::meeting::Mark)> = meeting.attendance.iter().collect();
    marks.push((outsider, crate::domain::meeting::Mark::Present));
    marks.push((late, crate::domain::meeting::Mark::Present));
    meeting.attendance = crate::domain::meeting::Attendance::new(marks);
    assert_eq!(
        w.edit().add_meeting(meeting, today()),
        Err(EditError::Meeting(vec![
            MeetingProblem::NotAMember {
                person: outsider.min(late)
            },
            MeetingProblem::NotAMember {
                person: outsider.max(late)
            },
        ]))
    );
}

#[test]
fn editing_an_old_meeting_keeps_a_member_who_has_left_since() {
    let (mut w, group, [a, _, _]) = auxiliary();
    let id = w.meet(group, d(2026, 10, 3), &[]).unwrap();
    let membership = w
        .reg
        .memberships_of_group(group)
        .find(|(_, m)| m.person == a)
        .unwrap()
        .0;
    w.edit()
        .leave(membership, d(2026, 10, 20), "", today())
        .unwrap();
    let mut meeting = w.reg.meetings.get(id).unwrap().clone();
    meeting.topics = "Savings".into();
    assert_eq!(w.edit().update_meeting(id, meeting, today()), Ok(()));
    assert!(w
        .reg
        .meetings
        .get(id)
        .unwrap()
        .attendance
        .mark_of(a)
        .is_some());
}

#[test]
fn a_group_with_meetings_cannot_be_deleted() {
    let mut w = World::new();
    let group = w.group(AUXILIARY_GROUP);
    w.meet(group, d(2026, 10, 3), &[]).unwrap();
    assert_eq!(w.edit().delete_group(group), Err(EditError::InUse));
}

#[test]
fn months_step_over_year_ends_and_know_their_last_day() {
    let dec = Month::of(d(2025, 12, 9));
    assert_eq!(dec.next(), Month::of(d(2026, 1, 1)));
    assert_eq!(dec.next().previous(), dec);
    assert_eq!(Month::of(d(2024, 2, 1)).last_day(), d(2024, 2, 29));
    assert_eq!(dec.last_day(), d(2025, 12, 31));
    let months = Month::of(d(2025, 11, 1)).through(Month::of(d(2026, 2, 1)), 100);
    assert_eq!(months.len(), 4);
    assert!(dec.through(dec.previous(), 100).is_empty());
}

#[test]
fn months_are_written_and_read_as_year_dash_month() {
    let m = Month::of(d(2026, 3, 9));
    assert_eq!(m.code(), "2026-03");
    assert_eq!(Month::parse("2026-03"), Some(m));
    for bad in ["2026-13", "2026", "x-1", "2026-00", ""] {
        assert_eq!(Month::parse(bad), None, "{bad}");
    }
}
