use super::*;
use crate::domain::case::{Consent, Goal, GoalArea};
use crate::domain::person::Sex;
use crate::domain::risk::Concern;
use crate::domain::testkit::{d, today, World};

fn case_for(person: Id) -> Case {
    Case {
        person,
        intake_on: d(2026, 3, 2),
        concerns: vec![Concern::Trafficking, Concern::ChildLabour],
        referred_by: "Childline 1098".into(),
        rescue_place: "Seelampur, Delhi".into(),
        guardian_consent: Consent {
            given_on: Some(d(2026, 3, 3)),
        },
        child_assent: Consent {
            given_on: Some(d(2026, 3, 3)),
        },
        goals: vec![Goal {
            area: GoalArea::FamilyTracing,
            text: "Find the parents".into(),
            achieved_on: None,
        }],
        status: CaseStatus::InCare, // ignored: a new case starts open
        history: vec![],
        notes: String::new(),
    }
}

fn world_with_case() -> (World, Id, Id) {
    let mut w = World::new();
    let child = w.person(Sex::Male, d(2013, 5, 5));
    let case = w.edit().open_case(case_for(child), today()).unwrap();
    (w, child, case)
}

fn follow_up(case: Id, due: NaiveDate) -> FollowUp {
    FollowUp {
        case,
        due_on: due,
        plan: "Home visit".into(),
        done_on: None,
        done_by: String::new(),
        outcome: String::new(),
    }
}

#[test]
fn a_new_case_starts_open_from_its_intake() {
    let (w, _, case) = world_with_case();
    let c = w.reg.cases.get(case).unwrap();
    assert_eq!(c.status, CaseStatus::Open);
    assert_eq!(
        c.history,
        vec![StatusChange {
            on: d(2026, 3, 2),
            to: CaseStatus::Open,
            reason: String::new()
        }]
    );
}

#[test]
fn status_moves_only_along_allowed_paths() {
    let (mut w, _, case) = world_with_case();
    let move_to =
        |w: &mut World, to, on| w.edit().change_case_status(case, to, on, "reason", today());
    assert_eq!(
        move_to(&mut w, CaseStatus::Reintegrated, d(2026, 4, 1)),
        Err(EditError::Case(CaseProblem::NotAllowed {
            from: CaseStatus::Open,
            to: CaseStatus::Reintegrated
        }))
    );
    assert_eq!(move_to(&mut w, CaseStatus::InCare, d(2026, 4, 1)), Ok(()));
    assert_eq!(
        move_to(&mut w, CaseStatus::Reintegrated, d(2026, 8, 1)),
        Ok(())
    );
    assert_eq!(move_to(&mut w, CaseStatus::Closed, d(2026, 11, 1)), Ok(()));
    assert_eq!(
        move_to(&mut w, CaseStatus::InCare, d(2026, 11, 2)),
        Err(EditError::Case(CaseProblem::NotAllowed {
            from: CaseStatus::Closed,
            to: CaseStatus::InCare
        })),
        "a closed case must be reopened first"
    );
    assert_eq!(move_to(&mut w, CaseStatus::Open, d(2026, 11, 2)), Ok(()));
    let c = w.reg.cases.get(case).unwrap();
    let path: Vec<CaseStatus> = c.history.iter().map(|h| h.to).collect();
    assert_eq!(
        path,
        vec![
            CaseStatus::Open,
            CaseStatus::InCare,
            CaseStatus::Reintegrated,
            CaseStatus::Closed,
            CaseStatus::Open
        ]
    );
}

#[test]
fn closing_needs_a_reason_and_a_sensible_date() {
    let (mut w, _, case) = world_with_case();
    assert_eq!(
        w.edit()
            .change_case_status(case, CaseStatus::Closed, d(2026, 6, 1), "  ", today()),
        Err(EditError::Case(CaseProblem::ReasonRequired))
    );
    assert_eq!(
        w.edit()
            .change_case_status(case, CaseStatus::Closed, d(2026, 2, 1), "x", today()),
        Err(EditError::Case(CaseProblem::BeforeLastChange))
    );
    assert_eq!(
        w.edit()
            .change_case_status(case, CaseStatus::Closed, d(2026, 12, 1), "x", today()),
        Err(EditError::Case(CaseProblem::DateInFuture))
    );
    assert_eq!(
        w.edit().change_case_status(
            case,
            CaseStatus::Closed,
            d(2026, 6, 1),
            "Turned 18, moved to hostel",
            today()
        ),
        Ok(())
    );
    assert_eq!(
        w.reg
            .cases
            .get(case)
            .unwrap()
            .history
            .last()
            .unwrap()
            .reason,
        "Turned 18, moved to hostel"
    );
}

#[test]
fn a_closed_case_takes_no_follow_ups_until_reopened() {
    let (mut w, _, case) = world_with_case();
    let planned = w
        .edit()
        .plan_follow_up(follow_up(case, d(2026, 12, 1)))
        .unwrap();
    w.edit()
        .change_case_status(case, CaseStatus::Closed, d(2026, 6, 1), "Reunited", today())
        .unwrap();
    assert_eq!(
        w.edit().plan_follow_up(follow_up(case, d(2026, 12, 5))),
        Err(EditError::Case(CaseProblem::CaseClosed))
    );
    assert_eq!(
        w.edit()
            .complete_follow_up(planned, d(2026, 7, 1), "Rekha", "Fine", today()),
        Err(EditError::Case(CaseProblem::CaseClosed))
    );
    w.edit()
        .change_case_status(case, CaseStatus::Open, d(2026, 7, 1), "", today())
        .unwrap();
    assert!(w
        .edit()
        .plan_follow_up(follow_up(case, d(2026, 12, 5)))
        .is_ok());
}

#[test]
fn overdue_follow_ups_are_the_undone_ones_due_before_today_on_open_cases() {
    let (mut w, child, case) = world_with_case();
    let yesterday = today().pred_opt().unwrap();
    let late = w.edit().plan_follow_up(follow_up(case, yesterday)).unwrap();
    w.edit().plan_follow_up(follow_up(case, today())).unwrap();
    let done = w
        .edit()
        .plan_follow_up(follow_up(case, d(2026, 10, 1)))
        .unwrap();
    w.edit()
        .complete_follow_up(done, d(2026, 10, 2), "Rekha", "Met the family", today())
        .unwrap();
    let ids: Vec<Id> = overdue_follow_ups(&w.reg, today())
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    assert_eq!(ids, vec![late]);

    let other = w.edit().open_case(case_for(child), today()).unwrap();
    let older = w
        .edit()
        .plan_follow_up(follow_up(other, d(2026, 9, 1)))
        .unwrap();
    let ids: Vec<Id> = overdue_follow_ups(&w.reg, today())
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    assert_eq!(ids, vec![older, late], "soonest due first");
    w.edit()
        .change_case_status(
            other,
            CaseStatus::Closed,
            d(2026, 10, 1),
            "Transferred to CWC",
            today(),
        )
        .unwrap();
    assert_eq!(
        overdue_follow_ups(&w.reg, today()).len(),
        1,
        "closed cases are not chased"
    );
}

#[test]
fn flags_are_raised_and_cleared_once_with_sensible_dates() {
    let mut w = World::new();
    let child = w.person(Sex::Female, d(2012, 1, 1));
    let flag = Flag {
        person: child,
        concern: Concern::ChildMarriage,
        raised_on: d(2026, 5, 1),
        raised_by: "Rekha".into(),
        note: String::new(),
        cleared_on: None,
    };
    assert_eq!(
        w.edit().raise_flag(
            Flag {
                raised_on: d(2027, 1, 1),
                ..flag.clone()
            },
            today()
        ),
        Err(EditError::Case(CaseProblem::DateInFuture))
    );
    assert_eq!(
        w.edit().raise_flag(
            Flag {
                raised_on: d(2011, 1, 1),
                ..flag.clone()
            },
            today()
        ),
        Err(EditError::Case(CaseProblem::BeforeBirth))
    );
    let id = w.edit().raise_flag(flag, today()).unwrap();
    assert_eq!(
        w.edit().clear_flag(id, d(2026, 4, 1), today()),
        Err(EditError::Case(CaseProblem::BadClearing))
    );
    assert_eq!(w.edit().clear_flag(id, d(2026, 9, 1), today()), Ok(()));
    assert_eq!(
        w.edit().clear_flag(id, d(2026, 9, 2), today()),
        Err(EditError::Case(CaseProblem::BadClearing))
    );
    assert!(!w.reg.flags.get(id).unwrap().is_open());
}

#[test]
fn open_flags_filter_by_concern_and_by_the_place_of_the_childs_group() {
    use crate::domain::risk::open_flags;
    use crate::domain::seed::BALASABHA;
    let mut w = World::new();
    let group = w.group(BALASABHA);
    let in_group = w.person(Sex::Female, d(2014, 1, 1));
    let elsewhere = w.person(Sex::Female, d(2014, 1, 1));
    w.join(in_group, group, d(2025, 1, 1)).unwrap();
    let raise = |w: &mut World, person, concern| {
        let flag = Flag {
            person,
            concern,
            raised_on: d(2026, 5, 1),
            raised_by: String::new(),
            note: String::new(),
            cleared_on: None,
        };
        w.edit().raise_flag(flag, today()).unwrap()
    };
    let a = raise(&mut w, in_group, Concern::Trafficking);
    let b = raise(&mut w, elsewhere, Concern::Trafficking);
    let c = raise(&mut w, in_group, Concern::DrugUse);
    w.edit().clear_flag(c, d(2026, 6, 1), today()).unwrap();
    let ids = |v: Vec<(Id, &Flag)>| v.into_iter().map(|(id, _)| id).collect::<Vec<_>>();
    assert_eq!(
        ids(open_flags(&w.reg, None, None, today())).len(),
        2,
        "the cleared flag is not open"
    );
    assert_eq!(
        ids(open_flags(&w.reg, Some(Concern::DrugUse), None, today())),
        vec![]
    );
    let ward = w.ward;
    assert_eq!(
        ids(open_flags(
            &w.reg,
            Some(Concern::Trafficking),
            Some(ward),
            today()
        )),
        vec![a]
    );
    let _ = b;
}

#[test]
fn schooling_changes_are_kept_in_order_and_checked() {
    use crate::domain::schooling::{SchoolChange, SchoolEvent, Schooling};
    let mut w = World::new();
    let child = w.person(Sex::Female, d(2014, 1, 1));
    let event = |on, change, class| SchoolEvent {
        on,
        change,
        class,
        school: "GPS Bero".into(),
    };
    w.edit()
        .record_school_change(
            child,
            event(d(2025, 3, 1), SchoolChange::DroppedOut, None),
            today(),
        )
        .unwrap();
    w.edit()
        .record_school_change(
            child,
            event(d(2022, 6, 1), SchoolChange::Enrolled, Some(2)),
            today(),
        )
        .unwrap();
    w.edit()
        .record_school_change(
            child,
            event(d(2026, 6, 10), SchoolChange::ReEnrolled, Some(6)),
            today(),
        )
        .unwrap();
    let history = &w.reg.people.get(child).unwrap().schooling;
    assert_eq!(history.current(), Schooling::Enrolled { class: Some(6) });
    assert!(history.re_enrolled_in(2026));
    assert_eq!(
        w.edit().record_school_change(
            child,
            event(d(2027, 1, 1), SchoolChange::DroppedOut, None),
            today()
        ),
        Err(EditError::Case(CaseProblem::DateInFuture))
    );
}
