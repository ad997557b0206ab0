use super::*;
use crate::domain::case::FollowUp;
use crate::domain::person::Sex;
use crate::domain::risk::Flag;
use crate::domain::schooling::{SchoolChange, SchoolEvent};
use crate::domain::seed::{AUXILIARY_GROUP, BALASABHA};
use crate::domain::testkit::{d, today, World};

fn everything() -> Filter {
    Filter::last_year(today())
}

fn child(w: &mut World, sex: Sex, born: NaiveDate) -> Id {
    w.person(sex, born)
}

/// Two states, a district in the first with two wards, Balasabhas and
/// auxiliary groups with members.
struct Map {
    w: World,
    tripura: Id,
    sepahijala: Id,
    ward_a: Id,
    ward_b: Id,
    assam: Id,
    assam_ward: Id,
}

fn map() -> Map {
    let mut w = World::new();
    let tripura = w.place("Tripura", Level::State, None);
    let sepahijala = w.place("Sepahijala", Level::District, Some(tripura));
    let block = w.place("Jampuijala", Level::Block, Some(sepahijala));
    let ward_a = w.place("Ward A", Level::Ward, Some(block));
    let ward_b = w.place("Ward B", Level::Ward, Some(block));
    let assam = w.place("Assam", Level::State, None);
    let kamrup = w.place("Kamrup", Level::District, Some(assam));
    let assam_block = w.place("Rani", Level::Block, Some(kamrup));
    let assam_ward = w.place("Ward C", Level::Ward, Some(assam_block));
    Map {
        w,
        tripura,
        sepahijala,
        ward_a,
        ward_b,
        assam,
        assam_ward,
    }
}

/// A Balasabha at `place` with `n` ten-year-old girls.
fn balasabha(w: &mut World, place: Id, n: usize) -> Id {
    let g = w.group_at(BALASABHA, place);
    for _ in 0..n {
        let c = child(w, Sex::Female, d(2016, 5, 1));
        w.join(c, g, d(2024, 1, 1)).unwrap();
    }
    g
}

#[test]
fn the_rollup_counts_groups_and_members_by_state() {
    let mut m = map();
    balasabha(&mut m.w, m.ward_a, 3);
    balasabha(&mut m.w, m.ward_a, 2);
    balasabha(&mut m.w, m.ward_b, 4);
    balasabha(&mut m.w, m.assam_ward, 5);
    let rows = rollup(&m.w.reg, &everything(), today());
    let seen: Vec<(&str, usize, usize, usize)> = rows
        .iter()
        .map(|r| (r.name.as_str(), r.wards, r.groups, r.members))
        .collect();
    assert_eq!(seen, vec![("Assam", 1, 1, 5), ("Tripura", 2, 3, 9)]);
    assert_eq!(rows[1].members_per_group_tenths(), 30);
}

#[test]
fn under_a_place_the_rollup_goes_one_level_down() {
    let mut m = map();
    balasabha(&mut m.w, m.ward_a, 3);
    balasabha(&mut m.w, m.assam_ward, 5);
    let f = Filter {
        place: Some(m.tripura),
        ..everything()
    };
    let rows = rollup(&m.w.reg, &f, today());
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].place, m.sepahijala);
    assert_eq!((rows[0].groups, rows[0].members), (1, 3));
}

#[test]
fn members_who_left_do_not_count_in_the_rollup() {
    let mut m = map();
    let g = balasabha(&mut m.w, m.ward_a, 2);
    let c = child(&mut m.w, Sex::Male, d(2015, 1, 1));
    let joined = m.w.join(c, g, d(2024, 1, 1)).unwrap();
    m.w.edit()
        .leave(joined, d(2025, 1, 1), "Moved away", today())
        .unwrap();
    let rows = rollup(&m.w.reg, &everything(), today());
    assert_eq!(rows[0].members, 2);
}

#[test]
fn members_per_group_is_rounded_to_a_tenth() {
    let row = |groups, members| RollupRow {
        place: Id::built_in(0),
        name: String::new(),
        wards: 0,
        groups,
        members,
    };
    // The seed figures: Tripura 1,529 children in 125 Balasabhas.
    assert_eq!(row(125, 1529).members_per_group_tenths(), 122);
    assert_eq!(row(3, 2).members_per_group_tenths(), 7);
    assert_eq!(row(0, 0).members_per_group_tenths(), 0);
}

#[test]
fn totals_count_children_women_groups_and_programmes() {
    let mut m = map();
    balasabha(&mut m.w, m.ward_a, 2);
    let aux = m.w.group_at(AUXILIARY_GROUP, m.ward_b);
    for years in [20, 30] {
        let woman = m.w.woman_aged(years);
        m.w.join(woman, aux, d(2025, 6, 1)).unwrap();
    }
    // A woman in the register who is in no group is not a member.
    m.w.woman_aged(25);
    let t = totals(&m.w.reg, &everything(), today());
    assert_eq!(t.children, 2);
    assert_eq!(t.women_members, 2);
    assert_eq!(t.groups, 2);
    assert_eq!(t.active_programmes, 2);
    // The auxiliary group is asked for two meetings a month; Balasabhas
    // have no target.
    assert_eq!(t.meetings_target, 2);
}

#[test]
fn a_programme_filter_narrows_the_totals_to_its_members() {
    let mut m = map();
    balasabha(&mut m.w, m.ward_a, 2);
    let aux = m.w.group_at(AUXILIARY_GROUP, m.ward_b);
    let woman = m.w.woman_aged(22);
    m.w.join(woman, aux, d(2025, 6, 1)).unwrap();
    // A child in no group counts in the whole register only.
    child(&mut m.w, Sex::Male, d(2018, 1, 1));
    assert_eq!(totals(&m.w.reg, &everything(), today()).children, 3);
    let f = Filter {
        programme: Some(AUXILIARY_GROUP),
        ..everything()
    };
    let t = totals(&m.w.reg, &f, today());
    assert_eq!((t.children, t.women_members, t.groups), (0, 1, 1));
    let f = Filter {
        place: Some(m.assam),
        ..everything()
    };
    assert_eq!(totals(&m.w.reg, &f, today()), Totals::default());
}

#[test]
fn meetings_this_month_count_against_the_target() {
    let mut w = World::new();
    let aux = w.group(AUXILIARY_GROUP);
    let woman = w.woman_aged(25);
    w.join(woman, aux, d(2025, 1, 1)).unwrap();
    w.meet(aux, d(2026, 11, 3), &[]).unwrap();
    w.meet(aux, d(2026, 10, 3), &[]).unwrap();
    let t = totals(&w.reg, &everything(), today());
    assert_eq!((t.meetings_this_month, t.meetings_target), (1, 2));
}

#[test]
fn month_by_month_counts_meetings_targets_and_attendance() {
    let mut w = World::new();
    let aux = w.group(AUXILIARY_GROUP);
    let a = w.woman_aged(25);
    let b = w.woman_aged(30);
    w.join(a, aux, d(2025, 1, 1)).unwrap();
    w.join(b, aux, d(2025, 1, 1)).unwrap();
    w.meet(aux, d(2026, 10, 3), &[b]).unwrap();
    w.meet(aux, d(2026, 10, 17), &[]).unwrap();
    w.meet(aux, d(2026, 11, 3), &[]).unwrap();
    // Before the filter's months: left out.
    w.meet(aux, d(2025, 2, 3), &[]).unwrap();
    let months = by_month(&w.reg, &everything());
    assert_eq!(months.len(), 12);
    assert_eq!(months[0].month, Month::of(d(2025, 12, 1)));
    let oct = months[10];
    assert_eq!(oct.month, Month::of(d(2026, 10, 1)));
    assert_eq!(
        (oct.held, oct.target, oct.present, oct.expected),
        (2, 2, 3, 4)
    );
    let nov = months[11];
    assert_eq!((nov.held, nov.present, nov.expected), (1, 2, 2));
    assert_eq!(months[0].held, 0);
    assert_eq!(months[0].target, 2);
}

#[test]
fn a_group_counts_toward_targets_from_the_month_it_formed() {
    let mut w = World::new();
    let aux = w.group(AUXILIARY_GROUP);
    let mut g = w.reg.groups.get(aux).unwrap().clone();
    g.formed_on = d(2026, 9, 15);
    w.edit().update_group(aux, g).unwrap();
    let months = by_month(&w.reg, &everything());
    let targets: Vec<usize> = months.iter().map(|m| m.target).collect();
    assert_eq!(targets, [0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 2]);
}

#[test]
fn members_are_counted_by_age_band_and_sex() {
    let mut w = World::new();
    let g = w.group(BALASABHA);
    for (sex, born) in [
        (Sex::Female, d(2016, 5, 1)), // 10: band 6–10
        (Sex::Female, d(2016, 1, 1)), // 10
        (Sex::Male, d(2013, 1, 1)),   // 13: band 11–14
        (Sex::Other, d(2010, 1, 1)),  // 16: band 15–17
    ] {
        let c = w.person(sex, born);
        w.join(c, g, d(2024, 1, 1)).unwrap();
    }
    // Not a member: not counted.
    w.person(Sex::Male, d(2016, 1, 1));
    let bands = members_by_age_and_sex(&w.reg, &everything(), today());
    assert_eq!(AGE_BANDS[1], (6, 10));
    assert_eq!(bands[1], [2, 0, 0]);
    assert_eq!(bands[2], [0, 1, 0]);
    assert_eq!(bands[3], [0, 0, 1]);
    let all: usize = bands.iter().flatten().sum();
    assert_eq!(all, 4);
}

fn flag(person: Id, concern: Concern) -> Flag {
    Flag {
        person,
        concern,
        raised_on: d(2026, 6, 1),
        raised_by: "Anita".into(),
        note: String::new(),
        cleared_on: None,
    }
}

#[test]
fn open_flags_are_counted_by_concern_and_cleared_ones_are_not() {
    let mut w = World::new();
    let a = w.person(Sex::Female, d(2012, 1, 1));
    let b = w.person(Sex::Male, d(2013, 1, 1));
    w.edit()
        .raise_flag(flag(a, Concern::ChildMarriage), today())
        .unwrap();
    w.edit()
        .raise_flag(flag(b, Concern::ChildLabour), today())
        .unwrap();
    w.edit()
        .raise_flag(flag(a, Concern::ChildLabour), today())
        .unwrap();
    let cleared = w
        .edit()
        .raise_flag(flag(b, Concern::DrugUse), today())
        .unwrap();
    w.edit()
        .clear_flag(cleared, d(2026, 7, 1), today())
        .unwrap();
    let counts = open_flags_by_concern(&w.reg, &everything(), today());
    let count = |c| counts.iter().find(|(x, _)| *x == c).unwrap().1;
    assert_eq!(count(Concern::ChildLabour), 2);
    assert_eq!(count(Concern::ChildMarriage), 1);
    assert_eq!(count(Concern::DrugUse), 0);
    // Two children, though three open flags.
    assert_eq!(
        totals(&w.reg, &everything(), today()).children_with_open_flags,
        2
    );
}

fn school(on: NaiveDate, change: SchoolChange) -> SchoolEvent {
    SchoolEvent {
        on,
        change,
        class: Some(5),
        school: String::new(),
    }
}

fn set_schooling(w: &mut World, person: Id, events: &[SchoolEvent]) {
    let mut p = w.reg.people.get(person).unwrap().clone();
    for e in events {
        p.schooling.record(e.clone());
    }
    w.edit().update_person(person, p).unwrap();
}

#[test]
fn children_are_counted_by_schooling_and_re_enrolment_this_year() {
    let mut w = World::new();
    let back = w.person(Sex::Female, d(2013, 1, 1));
    set_schooling(
        &mut w,
        back,
        &[
            school(d(2019, 6, 1), SchoolChange::Enrolled),
            school(d(2024, 3, 1), SchoolChange::DroppedOut),
            school(d(2026, 6, 1), SchoolChange::ReEnrolled),
        ],
    );
    let last_year = w.person(Sex::Male, d(2013, 1, 1));
    set_schooling(
        &mut w,
        last_year,
        &[
            school(d(2024, 3, 1), SchoolChange::DroppedOut),
            school(d(2025, 6, 1), SchoolChange::ReEnrolled),
        ],
    );
    let out = w.person(Sex::Male, d(2012, 1, 1));
    set_schooling(
        &mut w,
        out,
        &[school(d(2025, 3, 1), SchoolChange::DroppedOut)],
    );
    w.person(Sex::Male, d(2015, 1, 1)); // nothing known
    w.woman_aged(30); // an adult: not a child
    let by_status = schooling(&w.reg, &everything(), today());
    assert_eq!(by_status, [2, 1, 0, 0, 1]);
    assert_eq!(
        totals(&w.reg, &everything(), today()).re_enrolled_this_year,
        1
    );
}

#[test]
fn overdue_follow_ups_are_counted() {
    use crate::domain::case::{Case, CaseStatus, Consent};
    let mut w = World::new();
    let c = w.person(Sex::Male, d(2013, 5, 5));
    let case = w
        .edit()
        .open_case(
            Case {
                person: c,
                intake_on: d(2026, 3, 2),
                concerns: vec![Concern::ChildLabour],
                referred_by: String::new(),
                rescue_place: String::new(),
                guardian_consent: Consent { given_on: None },
                child_assent: Consent { given_on: None },
                goals: vec![],
                status: CaseStatus::Open,
                history: vec![],
                notes: String::new(),
            },
            today(),
        )
        .unwrap();
    for due in [d(2026, 11, 1), d(2026, 12, 20)] {
        w.edit()
            .plan_follow_up(FollowUp {
                case,
                due_on: due,
                plan: "Home visit".into(),
                done_on: None,
                done_by: String::new(),
                outcome: String::new(),
            })
            .unwrap();
    }
    assert_eq!(totals(&w.reg, &everything(), today()).overdue_follow_ups, 1);
}

#[test]
fn periods_cover_the_months_they_name() {
    let today = d(2026, 2, 10);
    let m = |y, mo| Month { year: y, month: mo };
    assert_eq!(Period::ThisMonth.months(today), (m(2026, 2), m(2026, 2)));
    assert_eq!(
        Period::LastThreeMonths.months(today),
        (m(2025, 12), m(2026, 2))
    );
    assert_eq!(
        Period::LastTwelveMonths.months(today),
        (m(2025, 3), m(2026, 2))
    );
    assert_eq!(Period::ThisYear.months(today), (m(2026, 1), m(2026, 2)));
    assert_eq!(Period::LastYear.months(today), (m(2025, 1), m(2025, 12)));
}

#[test]
fn a_group_month_lists_who_was_a_member_then_with_their_marks() {
    let mut w = World::new();
    let aux = w.group(AUXILIARY_GROUP);
    let stays = w.woman_aged(25);
    let leaves = w.woman_aged(30);
    let joins_later = w.woman_aged(35);
    let left_before = w.woman_aged(28);
    w.join(stays, aux, d(2025, 1, 1)).unwrap();
    let m = w.join(leaves, aux, d(2025, 1, 1)).unwrap();
    let gone = w.join(left_before, aux, d(2025, 1, 1)).unwrap();
    w.edit()
        .leave(gone, d(2026, 9, 1), "Moved", today())
        .unwrap();
    w.meet(aux, d(2026, 10, 3), &[leaves]).unwrap();
    w.edit()
        .leave(m, d(2026, 10, 10), "Married", today())
        .unwrap();
    w.join(joins_later, aux, d(2026, 10, 12)).unwrap();
    w.meet(aux, d(2026, 10, 17), &[]).unwrap();
    w.meet(aux, d(2026, 11, 3), &[]).unwrap();
    let month = group_month(&w.reg, aux, Month::of(d(2026, 10, 1)));
    assert_eq!(month.meetings.len(), 2);
    assert_eq!(month.target, Some(2));
    assert_eq!((month.present, month.expected), (3, 4));
    let row = |p: Id| {
        month
            .members
            .iter()
            .find(|m| m.person == p)
            .map(|m| m.marks.clone())
    };
    assert_eq!(
        row(stays),
        Some(vec![Some(Mark::Present), Some(Mark::Present)])
    );
    assert!(matches!(
        row(leaves).unwrap()[..],
        [Some(Mark::Absent(_)), None]
    ));
    assert_eq!(row(joins_later), Some(vec![None, Some(Mark::Present)]));
    assert_eq!(row(left_before), None);
}

#[test]
fn the_rollup_of_a_generated_register_reads_the_numbers_it_was_made_with() {
    use crate::domain::generate::{generate, Scale, Spec};
    let spec = Spec::seed_documents(Scale::percent(10));
    let reg = generate(&spec).unwrap();
    let f = Filter {
        programme: Some(BALASABHA),
        ..Filter::last_year(spec.today)
    };
    let rows: Vec<(String, usize, usize)> = rollup(&reg, &f, spec.today)
        .into_iter()
        .map(|r| (r.name, r.groups, r.members))
        .collect();
    let want: Vec<(String, usize, usize)> = spec
        .cohorts
        .iter()
        .filter(|c| c.programme == BALASABHA)
        .map(|c| {
            (
                c.region.info().state.to_string(),
                c.groups as usize,
                c.members as usize,
            )
        })
        .collect();
    let mut want = want;
    want.sort();
    assert_eq!(rows, want);
    // Tripura: 125 Balasabhas and 1,529 children, at a tenth.
    assert!(rows.contains(&("Tripura".to_string(), 13, 153)));
}
