use super::*;
use crate::domain::case::{Case, CaseStatus, Consent, FollowUp, Goal, GoalArea, StatusChange};
use crate::domain::group::Group;
use crate::domain::record::Record;
use crate::domain::risk::Flag;
use crate::domain::schooling::{SchoolChange, SchoolEvent};
use crate::domain::seed;
use crate::domain::testkit::{d, World};
use crate::domain::time::Timestamp;
use crate::domain::training::Course;
use crate::i18n::formats::DateStyle;

fn reader(reg: &Register, lang: Lang) -> Reader<'_> {
    Reader {
        reg,
        lang,
        formats: Formats::default(),
    }
}

fn record<T>(id: Id, body: T) -> Record<T> {
    Record {
        id,
        anchor: None,
        created: Timestamp(0),
        updated: Timestamp(0),
        clock: Default::default(),
        body: Some(body),
    }
}

/// A world with one of every kind of record that can conflict, and the
/// records as an import would see them.
fn world() -> (World, Vec<AnyRecord>) {
    let mut w = World::new();
    let asha = w.person(Sex::Female, d(2016, 3, 14));
    let raju = w.person(Sex::Male, d(2015, 5, 1));
    let group = w.group(seed::BALASABHA);
    w.join(asha, group, d(2024, 1, 1)).unwrap();
    w.join(raju, group, d(2024, 1, 1)).unwrap();
    let meeting = w.meet(group, d(2024, 2, 1), &[raju]).unwrap();
    let membership = w.reg.memberships_of_group(group).next().unwrap().0;
    let kinds = [
        (Kind::People, asha),
        (Kind::Places, w.ward),
        (Kind::Programmes, seed::BALASABHA),
        (Kind::Groups, group),
        (Kind::Memberships, membership),
        (Kind::Meetings, meeting),
    ];
    let mut all: Vec<AnyRecord> = kinds
        .iter()
        .map(|&(k, id)| AnyRecord::from_register(&w.reg, k, id).unwrap())
        .collect();
    let case = Id::built_in(900);
    all.push(AnyRecord::Flag(record(
        Id::built_in(901),
        Flag {
            person: asha,
            concern: Concern::ChildLabour,
            raised_on: d(2024, 3, 1),
            raised_by: "Mini".into(),
            note: "Works at the brick kiln".into(),
            cleared_on: None,
        },
    )));
    all.push(AnyRecord::Case(record(
        case,
        Case {
            person: asha,
            intake_on: d(2024, 3, 2),
            concerns: vec![Concern::ChildLabour, Concern::OutOfSchool],
            referred_by: "Childline".into(),
            rescue_place: "Kiln".into(),
            guardian_consent: Consent {
                given_on: Some(d(2024, 3, 3)),
            },
            child_assent: Consent::default(),
            goals: vec![Goal {
                area: GoalArea::Education,
                text: "Back to school".into(),
                achieved_on: Some(d(2024, 6, 1)),
            }],
            status: CaseStatus::InCare,
            history: vec![StatusChange {
                on: d(2024, 3, 4),
                to: CaseStatus::InCare,
                reason: "Placed".into(),
            }],
            notes: String::new(),
        },
    )));
    all.push(AnyRecord::FollowUp(record(
        Id::built_in(902),
        FollowUp {
            case,
            due_on: d(2024, 4, 1),
            plan: "Visit".into(),
            done_on: None,
            done_by: String::new(),
            outcome: String::new(),
        },
    )));
    all.push(AnyRecord::Course(record(
        Id::built_in(903),
        Course {
            name: "Tailoring".into(),
            description: "Six months".into(),
        },
    )));
    if let Some(AnyRecord::Case(c)) = all.iter().find(|r| r.kind() == Kind::Cases) {
        w.reg.cases.put(c.clone());
    }
    (w, all)
}

fn deleted(r: &AnyRecord) -> AnyRecord {
    let mut r = r.clone();
    match &mut r {
        AnyRecord::Person(r) => r.body = None,
        AnyRecord::Place(r) => r.body = None,
        AnyRecord::Programme(r) => r.body = None,
        AnyRecord::Group(r) => r.body = None,
        AnyRecord::Membership(r) => r.body = None,
        AnyRecord::Meeting(r) => r.body = None,
        AnyRecord::Flag(r) => r.body = None,
        AnyRecord::Case(r) => r.body = None,
        AnyRecord::FollowUp(r) => r.body = None,
        AnyRecord::Course(r) => r.body = None,
        AnyRecord::Change(r) => r.body = None,
    }
    r
}

fn person(w: &World, name: &str) -> Record<crate::domain::person::Person> {
    let id = w
        .reg
        .people
        .live()
        .find(|(_, p)| p.full_name().contains(name));
    w.reg
        .people
        .record(id.map(|(id, _)| id).unwrap())
        .unwrap()
        .clone()
}

#[test]
fn a_changed_village_is_named_as_the_person_form_names_it() {
    let (w, all) = world();
    let mine = all[0].clone();
    let AnyRecord::Person(mut theirs) = mine.clone() else {
        unreachable!()
    };
    let AnyRecord::Person(mut ours) = mine else {
        unreachable!()
    };
    ours.body.as_mut().unwrap().village = "Kulai".into();
    theirs.body.as_mut().unwrap().village = "Bero".into();
    let (mine, theirs) = (AnyRecord::Person(ours), AnyRecord::Person(theirs));
    for lang in Lang::ALL {
        let rows = reader(&w.reg, lang).rows(&mine, &theirs);
        assert_eq!(
            rows,
            [Row {
                label: text(lang, Msg::FieldVillage).into(),
                mine: "Kulai".into(),
                theirs: "Bero".into(),
            }]
        );
    }
}

#[test]
fn every_field_of_every_kind_has_a_label_and_reads_without_json() {
    let (w, all) = world();
    for lang in Lang::ALL {
        let r = reader(&w.reg, lang);
        for record in &all {
            let fields = differences::fields(record).unwrap();
            let rows = r.rows(record, &deleted(record));
            assert!(rows.len() >= fields.len(), "{:?}", record.kind());
            for (key, _) in &fields {
                assert!(
                    key == "rules" || label(record.kind(), key).is_some(),
                    "{:?}.{key} has no label",
                    record.kind()
                );
            }
            for row in rows {
                assert!(!row.label.is_empty() && !row.label.contains('_'), "{row:?}");
                assert_eq!(row.theirs, text(lang, Msg::DeletedVersion), "{row:?}");
                assert!(!row.mine.is_empty(), "{row:?}");
                for c in ['{', '}', '[', ']', '"'] {
                    assert!(!row.mine.contains(c), "{:?} {row:?}", record.kind());
                }
            }
        }
    }
}

#[test]
fn values_are_read_through_labels_names_and_the_chosen_date_style() {
    let (mut w, all) = world();
    let by_kind = |k: Kind| all.iter().find(|r| r.kind() == k).unwrap().clone();
    let row_of = |reg: &Register, lang, formats, r: &AnyRecord, field: &str| {
        let reader = Reader { reg, lang, formats };
        let v = differences::fields(r)
            .unwrap()
            .into_iter()
            .find(|(k, _)| k == field)
            .unwrap()
            .1;
        reader.value(r.kind(), field, &v)
    };
    let en = Formats::default();
    let iso = Formats {
        dates: DateStyle::YearMonthDay,
        ..en
    };
    let person = by_kind(Kind::People);
    assert_eq!(
        row_of(&w.reg, Lang::En, en, &person, "sex"),
        text(Lang::En, Msg::SexFemale)
    );
    assert_eq!(
        row_of(&w.reg, Lang::Hi, en, &person, "sex"),
        text(Lang::Hi, Msg::SexFemale)
    );
    assert_eq!(row_of(&w.reg, Lang::En, en, &person, "birth"), "14/03/2016");
    assert_eq!(
        row_of(&w.reg, Lang::En, iso, &person, "birth"),
        "2016-03-14"
    );
    assert_eq!(
        row_of(&w.reg, Lang::En, en, &person, "guardian_relationship"),
        text(Lang::En, Msg::RelMother)
    );

    let meeting = by_kind(Kind::Meetings);
    assert_eq!(
        row_of(&w.reg, Lang::En, en, &meeting, "attendance"),
        "1 present, 1 absent"
    );
    assert_eq!(row_of(&w.reg, Lang::En, en, &meeting, "group"), "Group");
    assert_eq!(row_of(&w.reg, Lang::En, en, &meeting, "date"), "01/02/2024");

    let group = by_kind(Kind::Groups);
    assert_eq!(
        row_of(&w.reg, Lang::En, en, &group, "programme"),
        "Balasabha"
    );
    assert_eq!(row_of(&w.reg, Lang::Ml, en, &group, "programme"), "ബാലസഭ");
    assert_eq!(row_of(&w.reg, Lang::En, en, &group, "place"), "Ward 12");
    assert_eq!(row_of(&w.reg, Lang::En, en, &group, "status"), "Active");

    let membership = by_kind(Kind::Memberships);
    let name = w.reg.person_name(match &membership {
        AnyRecord::Membership(m) => m.body.as_ref().unwrap().person,
        _ => unreachable!(),
    });
    assert_eq!(row_of(&w.reg, Lang::En, en, &membership, "person"), name);

    let case = by_kind(Kind::Cases);
    assert_eq!(
        row_of(&w.reg, Lang::En, en, &case, "concerns"),
        "Child labour, Out of school / dropout"
    );
    assert_eq!(
        row_of(&w.reg, Lang::En, en, &case, "child_assent"),
        "not given"
    );
    assert_eq!(row_of(&w.reg, Lang::En, en, &case, "status"), "In care");
    let follow_up = by_kind(Kind::FollowUps);
    assert_eq!(
        row_of(&w.reg, Lang::En, en, &follow_up, "case"),
        name_of(&w, &case)
    );

    // A person not on this device: the id rather than nothing, still as text.
    w.reg.people = Default::default();
    let shown = row_of(&w.reg, Lang::En, en, &membership, "person");
    assert!(!shown.contains('"') && shown != EMPTY, "{shown}");
    let _ = person;
}

fn name_of(w: &World, case: &AnyRecord) -> String {
    match case {
        AnyRecord::Case(c) => w.reg.person_name(c.body.as_ref().unwrap().person),
        _ => unreachable!(),
    }
}

#[test]
fn a_schooling_history_and_a_programmes_rules_are_read_field_by_field() {
    let (w, all) = world();
    let r = reader(&w.reg, Lang::En);
    let mut asha = person(&w, "");
    let before = AnyRecord::Person(asha.clone());
    asha.body.as_mut().unwrap().schooling.record(SchoolEvent {
        on: d(2024, 6, 1),
        change: SchoolChange::Enrolled,
        class: Some(4),
        school: "GPS Bero".into(),
    });
    let rows = r.rows(&before, &AnyRecord::Person(asha));
    let last = rows.last().unwrap();
    assert_eq!(last.label, text(Lang::En, Msg::FieldSchooling));
    assert!(last.theirs.contains("01/06/2024: Enrolled"), "{last:?}");
    assert!(last.theirs.contains("Class 4, GPS Bero"), "{last:?}");

    let programme = all.iter().find(|r| r.kind() == Kind::Programmes).unwrap();
    let AnyRecord::Programme(mut changed) = programme.clone() else {
        unreachable!()
    };
    let rules = &mut changed.body.as_mut().unwrap().rules;
    rules.max_age = Some(17);
    rules.concurrent_groups = !rules.concurrent_groups;
    let rows = r.rows(programme, &AnyRecord::Programme(changed));
    let labels: Vec<&str> = rows.iter().map(|r| r.label.as_str()).collect();
    assert!(
        labels.contains(&text(Lang::En, Msg::FieldMaxAge)),
        "{rows:?}"
    );
    assert!(
        labels.contains(&text(Lang::En, Msg::FieldConcurrent)),
        "{rows:?}"
    );
    assert!(rows.iter().any(|r| r.theirs == "17"), "{rows:?}");
    assert!(rows
        .iter()
        .any(|r| ["Yes", "No"].contains(&r.theirs.as_str())));
}

#[test]
fn a_group_with_no_mentor_and_empty_text_shows_a_dash() {
    let (w, all) = world();
    let r = reader(&w.reg, Lang::En);
    let group = all.iter().find(|r| r.kind() == Kind::Groups).unwrap();
    let AnyRecord::Group(mut theirs) = group.clone() else {
        unreachable!()
    };
    let asha = person(&w, "").id;
    let body: &mut Group = theirs.body.as_mut().unwrap();
    body.mentor = Some(asha);
    body.notes = "Meets at the school".into();
    let rows = r.rows(group, &AnyRecord::Group(theirs));
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(rows[0].label, text(Lang::En, Msg::FieldMentor));
    assert_eq!(rows[0].mine, EMPTY);
    assert_eq!(rows[0].theirs, w.reg.person_name(asha));
    assert_eq!(rows[1].mine, EMPTY);
}
