use super::*;
use crate::domain::edit::EditError;
use crate::domain::seed::{AUXILIARY_GROUP, BALASABHA};
use crate::domain::table::Author;
use crate::domain::testkit::{d, today, World};
use crate::domain::time::Timestamp;

#[test]
fn an_auxiliary_group_takes_fifty_members_and_refuses_the_fifty_first() {
    let mut w = World::new();
    let group = w.group(AUXILIARY_GROUP);
    for _ in 0..50 {
        let p = w.woman_aged(25);
        w.join(p, group, d(2026, 2, 1)).unwrap();
    }
    let p = w.woman_aged(25);
    assert_eq!(
        w.join(p, group, d(2026, 3, 1)),
        Err(vec![Refusal::GroupFull { max: 50 }])
    );
}

#[test]
fn a_place_freed_by_a_leaver_can_be_taken() {
    let mut w = World::new();
    let group = w.group(AUXILIARY_GROUP);
    let mut first = None;
    for _ in 0..50 {
        let p = w.woman_aged(30);
        let m = w.join(p, group, d(2026, 2, 1)).unwrap();
        first.get_or_insert(m);
    }
    w.edit()
        .leave(first.unwrap(), d(2026, 4, 1), "moved away", today())
        .unwrap();
    let p = w.woman_aged(30);
    assert!(
        w.join(p, group, d(2026, 4, 1)).is_ok(),
        "joins the day the other left"
    );
    let q = w.woman_aged(30);
    assert_eq!(
        w.join(q, group, d(2026, 4, 1)),
        Err(vec![Refusal::GroupFull { max: 50 }])
    );
}

#[test]
fn joining_back_dated_into_a_full_future_is_refused() {
    let mut w = World::new();
    let group = w.group(AUXILIARY_GROUP);
    for _ in 0..50 {
        let p = w.woman_aged(25);
        w.join(p, group, d(2026, 6, 1)).unwrap();
    }
    let p = w.woman_aged(25);
    assert_eq!(
        w.join(p, group, d(2026, 1, 1)),
        Err(vec![Refusal::GroupFull { max: 50 }])
    );
}

#[test]
fn auxiliary_groups_take_women_from_18_to_40() {
    let mut w = World::new();
    let group = w.group(AUXILIARY_GROUP);
    let on = d(2026, 6, 1);
    let seventeen = w.person(Sex::Female, d(2008, 6, 2));
    assert_eq!(
        w.join(seventeen, group, on),
        Err(vec![
            Refusal::AdultsOnly { age: 17 },
            Refusal::TooYoung { age: 17, min: 18 }
        ])
    );
    let forty_one = w.person(Sex::Female, d(1985, 6, 1));
    assert_eq!(
        w.join(forty_one, group, on),
        Err(vec![Refusal::TooOld { age: 41, max: 40 }])
    );
    let eighteen = w.person(Sex::Female, d(2008, 6, 1));
    let forty = w.person(Sex::Female, d(1985, 6, 2));
    assert!(w.join(eighteen, group, on).is_ok());
    assert!(w.join(forty, group, on).is_ok());
    let man = w.person(Sex::Male, d(1995, 1, 1));
    assert_eq!(
        w.join(man, group, on),
        Err(vec![Refusal::WrongSex {
            allowed: Sex::Female
        }])
    );
}

#[test]
fn a_child_cannot_be_in_two_balasabhas_at_once() {
    let mut w = World::new();
    let (first, second) = (w.group(BALASABHA), w.group(BALASABHA));
    let kid = w.person(Sex::Male, d(2015, 1, 1));
    let m = w.join(kid, first, d(2025, 1, 1)).unwrap();
    assert_eq!(
        w.join(kid, second, d(2025, 6, 1)),
        Err(vec![Refusal::InAnotherGroup { group: first }])
    );

    // After leaving the first, the second is fine.
    w.edit().leave(m, d(2025, 6, 1), "moved", today()).unwrap();
    assert!(w.join(kid, second, d(2025, 6, 1)).is_ok());
}

#[test]
fn a_programme_may_allow_two_groups_at_once() {
    let mut w = World::new();
    w.reg
        .programmes
        .update(
            BALASABHA,
            {
                let mut p = w.reg.programmes.get(BALASABHA).unwrap().clone();
                p.rules.concurrent_groups = true;
                p
            },
            Author {
                device: w.ids.device,
                now: Timestamp(1),
            },
        )
        .unwrap();
    let (first, second) = (w.group(BALASABHA), w.group(BALASABHA));
    let kid = w.person(Sex::Male, d(2015, 1, 1));
    w.join(kid, first, d(2025, 1, 1)).unwrap();
    assert!(w.join(kid, second, d(2025, 6, 1)).is_ok());
}

#[test]
fn a_balasabha_is_for_children() {
    let mut w = World::new();
    let group = w.group(BALASABHA);
    let adult = w.woman_aged(30);
    assert_eq!(
        w.join(adult, group, d(2026, 6, 1)),
        Err(vec![Refusal::ChildrenOnly { age: 30 }])
    );
}

#[test]
fn dates_must_make_sense() {
    let mut w = World::new();
    let group = w.group(BALASABHA);
    let kid = w.person(Sex::Female, d(2019, 5, 1));
    assert_eq!(
        w.join(kid, group, d(2026, 12, 1)),
        Err(vec![Refusal::JoinDateInFuture])
    );
    assert_eq!(
        w.join(kid, group, d(2019, 12, 1)),
        Err(vec![Refusal::BeforeGroupFormed {
            formed_on: d(2020, 1, 1)
        }])
    );
    let unborn_then = w.person(Sex::Female, d(2024, 5, 1));
    assert_eq!(
        w.join(unborn_then, group, d(2023, 1, 1)),
        Err(vec![Refusal::BeforeBirth])
    );
}

#[test]
fn closed_groups_take_nobody_and_members_cannot_join_twice() {
    let mut w = World::new();
    let group = w.group(BALASABHA);
    let kid = w.person(Sex::Female, d(2016, 5, 1));
    let m = w.join(kid, group, d(2025, 1, 1)).unwrap();
    assert_eq!(
        w.join(kid, group, d(2025, 3, 1)),
        Err(vec![Refusal::AlreadyMember])
    );
    w.edit().leave(m, d(2025, 6, 1), "", today()).unwrap();
    assert!(
        w.join(kid, group, d(2025, 9, 1)).is_ok(),
        "coming back makes a new membership"
    );
    assert_eq!(
        w.reg.memberships_of_person(kid).count(),
        2,
        "the first is kept"
    );

    let mut g = w.reg.groups.get(group).unwrap().clone();
    g.status = GroupStatus::Closed;
    w.edit().update_group(group, g).unwrap();
    let other = w.person(Sex::Female, d(2016, 5, 1));
    assert_eq!(
        w.join(other, group, d(2026, 1, 1)),
        Err(vec![Refusal::GroupClosed])
    );
}

#[test]
fn roles_come_from_the_programme() {
    let mut w = World::new();
    let group = w.group(AUXILIARY_GROUP);
    let p = w.woman_aged(22);
    assert!(matches!(
        w.edit().join(p, group, "president", d(2026, 1, 1), today()),
        Err(EditError::Join(why)) if why == vec![Refusal::UnknownRole { role: "president".into() }]
    ));
    assert!(w
        .edit()
        .join(p, group, "Team leader", d(2026, 1, 1), today())
        .is_ok());
}

#[test]
fn leaving_is_checked() {
    let mut w = World::new();
    let group = w.group(BALASABHA);
    let kid = w.person(Sex::Female, d(2016, 5, 1));
    let m = w.join(kid, group, d(2025, 1, 10)).unwrap();
    let leave = |w: &mut World, on| w.edit().leave(m, on, "", today());
    assert_eq!(
        leave(&mut w, d(2025, 1, 9)),
        Err(EditError::Leave(LeaveRefusal::BeforeJoining))
    );
    assert_eq!(
        leave(&mut w, d(2026, 12, 1)),
        Err(EditError::Leave(LeaveRefusal::InFuture))
    );
    assert_eq!(leave(&mut w, d(2025, 3, 1)), Ok(()));
    assert_eq!(
        leave(&mut w, d(2025, 4, 1)),
        Err(EditError::Leave(LeaveRefusal::AlreadyEnded))
    );
    let kept = w.reg.memberships.get(m).unwrap();
    assert_eq!(kept.left_on, Some(d(2025, 3, 1)));
}

#[test]
fn deleting_a_person_ends_their_memberships_but_keeps_the_history() {
    let mut w = World::new();
    let group = w.group(AUXILIARY_GROUP);
    let p = w.woman_aged(25);
    let m = w.join(p, group, d(2026, 1, 1)).unwrap();
    w.edit().delete_person(p, today()).unwrap();
    let kept = w.reg.memberships.get(m).unwrap();
    assert_eq!(kept.left_on, Some(today()));
    assert_eq!(kept.leave_reason, crate::domain::group::LEFT_RECORD_DELETED);
}

#[test]
fn places_programmes_and_groups_in_use_cannot_be_deleted() {
    let mut w = World::new();
    let group = w.group(BALASABHA);
    let ward = w.ward;
    assert_eq!(w.edit().delete_place(ward), Err(EditError::InUse));
    assert_eq!(w.edit().delete_programme(BALASABHA), Err(EditError::InUse));
    let kid = w.person(Sex::Female, d(2016, 5, 1));
    w.join(kid, group, d(2025, 1, 1)).unwrap();
    assert_eq!(w.edit().delete_group(group), Err(EditError::InUse));
    let empty = w.group(BALASABHA);
    assert_eq!(w.edit().delete_group(empty), Ok(()));
}

#[test]
fn a_trainee_completes_a_course_with_an_outcome() {
    use crate::domain::seed::BALIKA_ASHRAM;
    use crate::domain::training::Outcome;
    let mut w = World::new();
    let batch = w.group(BALIKA_ASHRAM);
    let trainee = w.woman_aged(19);
    let m = w.join(trainee, batch, d(2026, 1, 10)).unwrap();
    w.edit()
        .complete_course(m, d(2026, 6, 30), Outcome::SelfEmployed, today())
        .unwrap();
    let kept = w.reg.memberships.get(m).unwrap();
    assert_eq!(
        (kept.left_on, kept.completed),
        (Some(d(2026, 6, 30)), Some(Outcome::SelfEmployed))
    );
    assert_eq!(
        w.edit()
            .complete_course(m, d(2026, 7, 1), Outcome::Employed, today()),
        Err(EditError::Leave(LeaveRefusal::AlreadyEnded))
    );
}
