use super::*;
use crate::domain::edit::Edit;
use crate::domain::group::Membership;
use crate::domain::meeting::{Attendance, Mark, Meeting};
use crate::domain::person::Sex;
use crate::domain::place::{Level, Place};
use crate::domain::register::Kind;
use crate::domain::rhythm::repeated_absences;
use crate::domain::text::{clean_line, surely_nfc};
use std::collections::{BTreeMap, BTreeSet};

fn small() -> Spec {
    Spec::seed_documents(Scale::percent(1))
}

#[test]
fn counts_match_the_spec_exactly() {
    let spec = Spec::seed_documents(Scale::percent(3));
    let reg = generate(&spec).unwrap();
    let want = spec.expected().unwrap();
    assert_eq!(reg.groups.live_count() as u32, want.groups);
    let left = |m: &Membership| m.left_on.is_some() && m.completed.is_none();
    let past = reg.memberships.live().filter(|(_, m)| left(m)).count() as u32;
    assert!(past > 0, "some members left during the year");
    assert_eq!(reg.people.live_count() as u32, want.people + past);
    assert_eq!(reg.memberships.live_count() as u32, want.memberships + past);
    assert_eq!(reg.meetings.live_count() as u32, want.meetings);
    assert_eq!(reg.programmes.live_count(), 6, "only the built-ins");
    for (i, c) in spec.cohorts.iter().enumerate() {
        let groups = reg
            .groups
            .live()
            .filter(|(_, g)| g.programme == c.programme);
        let in_region = groups
            .filter(|(_, g)| state_name(&reg, g.place) == c.region.info().state)
            .count();
        assert_eq!(in_region as u32, c.groups, "cohort {i}");
    }
    let wards = reg.places.live().filter(|(_, p)| p.level == Level::Ward);
    let villages: u32 = spec.cohorts.iter().map(|c| c.villages).sum();
    // Bal Ashram and Balika Ashram share Viratnagar.
    assert_eq!(wards.count() as u32, villages - 1);
}

#[test]
fn the_seed_documents_and_the_state_scale_have_their_numbers() {
    let full = Spec::seed_documents(Scale::FULL).expected().unwrap();
    assert_eq!((full.groups, full.memberships), (5_748, 86_322));
    let state = Spec::state_scale().expected().unwrap();
    assert_eq!(
        (
            state.groups,
            state.memberships,
            state.people,
            state.meetings
        ),
        (2_900, 41_290, 44_190, 69_600)
    );
    let tiny = Cohort::seed_documents()[3].scaled(Scale::per_mille(1));
    assert_eq!((tiny.groups, tiny.members, tiny.villages), (1, 1, 1));
}

#[test]
fn the_same_seed_makes_the_same_register() {
    assert_eq!(generate(&small()).unwrap(), generate(&small()).unwrap());
    let other = generate(&small().with_seed(7)).unwrap();
    assert_ne!(generate(&small()).unwrap(), other);
    let device = small().with_seed(7).device();
    assert!(other.people.live().all(|(id, _)| id.device() == device));
    assert_ne!(device, small().device(), "each data set is its own device");
}

#[test]
fn impossible_specs_are_refused() {
    let unknown = Id::new(DeviceTag::from_random(5), 1);
    let spec = Spec::new(vec![Cohort::spread(Region::Assam, unknown, 1, 1)]);
    assert_eq!(generate(&spec), Err(SpecError::UnknownProgramme(unknown)));
    let crowded = Spec::new(vec![Cohort::spread(
        Region::Kerala,
        AUXILIARY_GROUP,
        2,
        101,
    )]);
    assert_eq!(
        generate(&crowded),
        Err(SpecError::TooManyMembers { cohort: 0, cap: 50 })
    );
}

/// The strongest check: every generated record, entered again through the
/// domain's own `Edit` (the path every page takes), is accepted.
#[test]
fn every_record_passes_the_domain_rules_when_entered_again() {
    let spec = small();
    let generated = generate(&spec).unwrap();
    let mut reg = Register::default();
    reg.add_missing_built_ins();
    let mut ids = IdGen::new(DeviceTag::from_random(77));
    let author = Author {
        device: ids.device,
        now: Timestamp(1_790_000_000),
    };
    let mut edit = Edit::new(&mut reg, &mut ids, author);
    let mut new_id: BTreeMap<Id, Id> = seed::programmes()
        .iter()
        .map(|(id, _)| (*id, *id))
        .collect();
    let map = |m: &BTreeMap<Id, Id>, id: Id| *m.get(&id).expect("entered before use");
    for (id, p) in generated.places.live() {
        let parent = p.parent.map(|p| map(&new_id, p));
        let place = Place {
            parent,
            ..p.clone()
        };
        new_id.insert(id, edit.add_place(place).unwrap());
    }
    for (id, p) in generated.people.live() {
        new_id.insert(id, edit.add_person(p.clone()).unwrap());
    }
    for (id, c) in generated.courses.live() {
        new_id.insert(id, edit.add_course(c.clone()).unwrap());
    }
    for (id, g) in generated.groups.live() {
        let mut g = g.clone();
        g.course = g.course.map(|c| map(&new_id, c));
        g.place = map(&new_id, g.place);
        g.mentor = g.mentor.map(|m| map(&new_id, m));
        new_id.insert(id, edit.add_group(g).unwrap());
    }
    for (id, m) in generated.memberships.live() {
        let (person, group) = (map(&new_id, m.person), map(&new_id, m.group));
        let joined = edit.join(person, group, &m.role, m.joined_on, spec.today);
        let joined = joined.unwrap_or_else(|e| panic!("{m:?} refused: {e:?}"));
        match (m.left_on, m.completed) {
            (Some(left_on), Some(outcome)) => edit
                .complete_course(joined, left_on, outcome, spec.today)
                .unwrap(),
            (Some(left_on), None) => edit
                .leave(joined, left_on, &m.leave_reason, spec.today)
                .unwrap(),
            _ => {}
        }
        new_id.insert(id, joined);
    }
    for (_, m) in generated.meetings.live() {
        let attendance =
            Attendance::new(m.attendance.iter().map(|(p, mark)| (map(&new_id, p), mark)));
        let meeting = Meeting {
            group: map(&new_id, m.group),
            facilitator: m.facilitator.map(|f| map(&new_id, f)),
            attendance,
            ..m.clone()
        };
        edit.add_meeting(meeting, spec.today)
            .unwrap_or_else(|e| panic!("meeting of {} refused: {e:?}", m.date));
    }
    for (_, f) in generated.flags.live() {
        let flag = crate::domain::risk::Flag {
            person: map(&new_id, f.person),
            cleared_on: None,
            ..f.clone()
        };
        let id = edit.raise_flag(flag, spec.today).unwrap();
        if let Some(on) = f.cleared_on {
            edit.clear_flag(id, on, spec.today).unwrap();
        }
    }
    for (id, c) in generated.cases.live() {
        let case = crate::domain::case::Case {
            person: map(&new_id, c.person),
            ..c.clone()
        };
        let opened = edit.open_case(case, spec.today).unwrap();
        for change in c.history.iter().skip(1) {
            edit.change_case_status(opened, change.to, change.on, &change.reason, spec.today)
                .unwrap_or_else(|e| panic!("{change:?} refused: {e:?}"));
        }
        new_id.insert(id, opened);
    }
    for (_, f) in generated.follow_ups.live() {
        let planned = crate::domain::case::FollowUp {
            case: map(&new_id, f.case),
            done_on: None,
            ..f.clone()
        };
        let id = edit.plan_follow_up(planned).unwrap();
        if let Some(done) = f.done_on {
            edit.complete_follow_up(id, done, &f.done_by, &f.outcome, spec.today)
                .unwrap();
        }
    }
    let reg_counts: Vec<usize> = Kind::ALL.iter().map(|&k| reg.live_count(k)).collect();
    let gen_counts: Vec<usize> = Kind::ALL.iter().map(|&k| generated.live_count(k)).collect();
    assert_eq!(reg_counts, gen_counts);
}

fn state_name(reg: &Register, place: Id) -> String {
    let state = crate::domain::place::state_of(&reg.places, place).unwrap();
    reg.places.get(state).unwrap().name.clone()
}

/// Memberships by group, for checks that would be slow through the register.
fn by_group(reg: &Register) -> BTreeMap<Id, Vec<&Membership>> {
    let mut out: BTreeMap<Id, Vec<&Membership>> = BTreeMap::new();
    for (_, m) in reg.memberships.live() {
        out.entry(m.group).or_default().push(m);
    }
    out
}

#[test]
fn groups_have_one_of_each_role_a_mentor_and_room() {
    let spec = Spec::seed_documents(Scale::percent(5));
    let reg = generate(&spec).unwrap();
    let members = by_group(&reg);
    for (id, g) in reg.groups.live() {
        let rules = &reg.programmes.get(g.programme).unwrap().rules;
        let ms = members.get(&id).map_or(&[][..], Vec::as_slice);
        assert!(ms.len() <= usize::from(rules.max_members.unwrap_or(u16::MAX)));
        for role in rules.roles.iter().skip(1) {
            let holders = ms.iter().filter(|m| &m.role == role).count();
            assert_eq!(holders, 1.min(ms.len()), "{role} in {}", g.name);
        }
        assert!(ms.iter().all(|m| rules.has_role(&m.role)));
        let mentor = g.mentor.expect("every group has a mentor");
        let age = reg.people.get(mentor).unwrap().age_on(spec.today).unwrap();
        assert!(age.years >= 18, "mentors are adults");
        assert!(ms.iter().all(|m| m.person != mentor));
    }
}

#[test]
fn members_are_of_the_age_and_sex_their_programme_takes() {
    let spec = Spec::seed_documents(Scale::percent(5));
    let reg = generate(&spec).unwrap();
    let mut estimated = 0;
    for (_, m) in reg.memberships.live() {
        let programme = reg.groups.get(m.group).unwrap().programme;
        let person = reg.people.get(m.person).unwrap();
        let at_joining = person.age_on(m.joined_on).unwrap().years;
        let today = person.age_on(spec.today).unwrap();
        estimated += usize::from(today.estimated);
        let (lo, hi) = match programme {
            AUXILIARY_GROUP => (18, 40),
            BALIKA_ASHRAM => (14, 25),
            _ => (5, 17),
        };
        assert!((lo..=hi).contains(&at_joining), "{at_joining} at joining");
        assert!(today.years <= hi, "{} today", today.years);
        if matches!(programme, AUXILIARY_GROUP | BALIKA_ASHRAM) {
            assert_eq!(person.sex, Sex::Female);
        }
    }
    assert!(estimated > 0, "some ages are only approximate");
}

#[test]
fn meetings_list_exactly_the_members_of_the_day() {
    let spec = Spec::seed_documents(Scale::percent(5));
    let reg = generate(&spec).unwrap();
    let members = by_group(&reg);
    let window_start = {
        let mut m = Month::of(spec.today);
        (0..spec.months).for_each(|_| m = m.previous());
        m.first_day()
    };
    let mut days: BTreeMap<Id, BTreeSet<NaiveDate>> = BTreeMap::new();
    let (mut marks, mut present) = (0usize, 0usize);
    for (_, meeting) in reg.meetings.live() {
        let group = reg.groups.get(meeting.group).unwrap();
        let mut expected: Vec<Id> = members[&meeting.group]
            .iter()
            .filter(|m| m.active_on(meeting.date))
            .map(|m| m.person)
            .collect();
        expected.sort_unstable();
        let listed: Vec<Id> = meeting.attendance.iter().map(|(p, _)| p).collect();
        assert_eq!(listed, expected, "{} on {}", group.name, meeting.date);
        assert!(meeting.date >= window_start && meeting.date < Month::of(spec.today).first_day());
        assert!(meeting.date >= group.formed_on);
        assert!(meeting.facilitator.is_none() || meeting.facilitator == group.mentor);
        let themes = &reg.programmes.get(group.programme).unwrap().rules.themes;
        assert!(meeting.themes.iter().all(|t| themes.contains(t)));
        assert!(
            days.entry(meeting.group).or_default().insert(meeting.date),
            "one a day"
        );
        marks += meeting.attendance.expected();
        present += meeting.attendance.present();
    }
    let rate = present * 100 / marks;
    assert!((85..=97).contains(&rate), "{rate}% present");
    assert!(
        days.values().all(|d| d.len() == 24),
        "two a month for a year"
    );
}

#[test]
fn some_members_miss_several_meetings_in_a_row() {
    let spec = Spec::seed_documents(Scale::percent(5));
    let reg = generate(&spec).unwrap();
    let flagged = repeated_absences(&reg, spec.today);
    let members = reg
        .memberships
        .live()
        .filter(|(_, m)| m.is_current())
        .count();
    assert!(!flagged.is_empty(), "some to follow up");
    assert!(
        flagged.len() * 20 < members,
        "but only a few: {}",
        flagged.len()
    );
    let reasons: BTreeSet<String> = reg
        .meetings
        .live()
        .flat_map(|(_, m)| m.attendance.iter().map(|(_, mark)| mark))
        .filter_map(|mark| match mark {
            Mark::Absent(why) => Some(format!("{why:?}")),
            Mark::Present => None,
        })
        .collect();
    assert!(reasons.len() >= 6, "{reasons:?}");
    let left = reg.memberships.live().filter(|(_, m)| m.left_on.is_some());
    assert!(left.count() > 0, "some members left during the year");
}

/// Whether `text` has a letter in the Unicode block `lo..=hi`.
fn has_script(text: &str, lo: char, hi: char) -> bool {
    text.chars().any(|c| (lo..=hi).contains(&c))
}

#[test]
fn names_are_in_the_script_of_the_state_with_some_latin() {
    let spec = Spec::seed_documents(Scale::percent(5));
    let reg = generate(&spec).unwrap();
    let members = by_group(&reg);
    let mut seen: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for (id, g) in reg.groups.live() {
        let state = state_name(&reg, g.place);
        for m in members.get(&id).into_iter().flatten() {
            let name = reg.people.get(m.person).unwrap().full_name();
            let (lo, hi) = match state.as_str() {
                "Jharkhand" | "Rajasthan" => ('\u{0900}', '\u{097F}'),
                "Kerala" => ('\u{0D00}', '\u{0D7F}'),
                _ => ('\u{0980}', '\u{09FF}'),
            };
            let entry = seen.entry(state.clone()).or_default();
            if has_script(&name, lo, hi) {
                entry.0 += 1;
            } else {
                assert!(name.is_ascii(), "{name} in {state}");
                entry.1 += 1;
            }
        }
    }
    assert_eq!(seen.len(), 6);
    for (state, (native, latin)) in seen {
        assert!(native > 0, "{state}: no name in its script");
        if native + latin >= 100 {
            assert!(latin > 0, "{state}: no name in Latin letters");
        }
        if state == "Jharkhand" {
            assert!(native > latin * 4, "mostly Devanagari in Jharkhand");
        }
    }
}

#[test]
fn text_is_as_the_forms_would_keep_it() {
    for book in names::ALL {
        let lists = [
            book.female,
            book.male,
            book.family,
            book.female_family,
            book.clans,
        ];
        for entry in lists.into_iter().flatten() {
            assert_eq!(clean_line(entry), *entry, "{entry} is not in NFC");
            // So importing a generated register never waits on the
            // browser's normaliser (text::quick_nfc).
            assert!(surely_nfc(entry), "{entry} is not known to be NFC");
            assert!(entry.contains('/'), "{entry} has no Latin spelling");
        }
    }
    let reg = generate(&small()).unwrap();
    for (_, p) in reg.people.live() {
        for text in [&p.given_name, &p.family_name, &p.guardian_name, &p.village] {
            assert_eq!(clean_line(text), *text);
        }
    }
}
