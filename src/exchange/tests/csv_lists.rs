//! The CSV lists as a spreadsheet shows them.

use crate::domain::id::Id;
use crate::domain::meeting::{AbsenceReason, Attendance, Mark, Meeting};
use crate::domain::person::{Birth, Person, Sex};
use crate::domain::seed::{AUXILIARY_GROUP, BALASABHA};
use crate::domain::testkit::{d, today, World};
use crate::exchange::csv::{read, BOM};
use crate::exchange::csv_export::{attendance, groups, meetings, memberships, people};
use crate::exchange::envelope::Scope;

/// A Balasabha with two children (one absent from its meeting), a
/// hostile name, a child whose age is approximate, and a woman in an
/// auxiliary group that met with no members yet.
struct Sheets {
    w: World,
    balasabha: Id,
    asha: Id,
    ravi: Id,
}

fn named(w: &mut World, given: &str, sex: Sex, birth: Birth) -> Id {
    let p = Person {
        given_name: given.into(),
        family_name: String::new(),
        sex,
        birth,
        ..crate::domain::person::fixtures::child("x")
    };
    w.edit().add_person(p).unwrap()
}

fn sheets() -> Sheets {
    let mut w = World::new();
    let balasabha = w.group(BALASABHA);
    let known = |y| Birth::Known { date: d(y, 5, 1) };
    let asha = named(&mut w, "Asha", Sex::Female, known(2016));
    let ravi = named(&mut w, "Ravi", Sex::Male, known(2015));
    named(&mut w, "=HYPERLINK(\"x\")", Sex::Other, known(2014));
    let about_nine = Birth::Approximate {
        years: 9,
        stated_on: d(2026, 6, 1),
    };
    named(&mut w, "सुनीता", Sex::Female, about_nine);
    for child in [asha, ravi] {
        w.join(child, balasabha, d(2026, 1, 10)).unwrap();
    }
    w.meet(balasabha, d(2026, 2, 1), &[ravi]).unwrap();
    let aux = w.group(AUXILIARY_GROUP);
    let meeting = Meeting {
        group: aux,
        date: d(2026, 3, 1),
        start: Some(10 * 60 + 30),
        facilitator: None,
        topics: "Savings".into(),
        themes: vec!["Livelihood".into(), "Health".into()],
        decisions: String::new(),
        notes: String::new(),
        guests: 3,
        attendance: Attendance::new([]),
    };
    w.edit().add_meeting(meeting, today()).unwrap();
    Sheets {
        w,
        balasabha,
        asha,
        ravi,
    }
}

/// The rows under the header, as the spreadsheet shows the cells.
fn rows(text: &str) -> Vec<Vec<String>> {
    assert!(text.starts_with(BOM), "Excel needs the BOM for UTF-8");
    read(text)
        .unwrap()
        .rows
        .into_iter()
        .map(|r| r.cells)
        .collect()
}

#[test]
fn people_are_listed_by_name_with_formulas_made_text() {
    let s = sheets();
    let text = people(&s.w.reg, Scope::All).unwrap();
    let names: Vec<String> = rows(&text).iter().map(|r| r[1].clone()).collect();
    assert_eq!(names, ["'=HYPERLINK(\"x\")", "Asha", "Ravi", "सुनीता"]);
}

#[test]
fn a_known_birth_date_and_an_approximate_age_go_in_their_own_columns() {
    let s = sheets();
    let all = rows(&people(&s.w.reg, Scope::All).unwrap());
    let asha = all.iter().find(|r| r[1] == "Asha").unwrap();
    assert_eq!(asha[0], s.asha.to_string());
    assert_eq!(
        (asha[3].as_str(), asha[4].as_str(), asha[5].as_str()),
        ("female", "2016-05-01", "")
    );
    let sunita = all.iter().find(|r| r[1] == "सुनीता").unwrap();
    assert_eq!(
        (sunita[4].as_str(), sunita[5].as_str(), sunita[6].as_str()),
        ("", "9", "2026-06-01")
    );
}

#[test]
fn a_deleted_person_leaves_the_people_list_but_not_the_history() {
    let mut s = sheets();
    s.w.edit().delete_person(s.ravi, today()).unwrap();
    let listed = rows(&people(&s.w.reg, Scope::All).unwrap());
    assert!(listed.iter().all(|r| r[1] != "Ravi"));
    let history = rows(&memberships(&s.w.reg, Scope::All).unwrap());
    let ravis = history.iter().find(|r| r[3] == s.ravi.to_string()).unwrap();
    assert_eq!(
        (ravis[4].as_str(), ravis[7].as_str()),
        ("", "2026-11-28"),
        "by id, ended"
    );
    assert_eq!(ravis[8], "record deleted");
}

#[test]
fn attendance_has_a_row_per_meeting_per_person_and_one_for_an_empty_meeting() {
    let s = sheets();
    let all = rows(&attendance(&s.w.reg, Scope::All).unwrap());
    let cells: Vec<Vec<&str>> = all
        .iter()
        .map(|r| vec![r[3].as_str(), r[5].as_str(), r[6].as_str(), r[7].as_str()])
        .collect();
    assert_eq!(
        cells,
        vec![
            vec!["2026-02-01", "Asha", "present", ""],
            vec!["2026-02-01", "Ravi", "absent", ""],
            vec!["2026-03-01", "", "", ""],
        ],
        "by group name, date, then person"
    );
    let mut w = s.w;
    let m = w
        .reg
        .meetings
        .live()
        .find(|(_, m)| m.group == s.balasabha)
        .unwrap();
    let (id, mut meeting) = (m.0, m.1.clone());
    meeting.attendance = Attendance::new([
        (s.asha, Mark::Present),
        (s.ravi, Mark::Absent(AbsenceReason::Illness)),
    ]);
    w.edit().update_meeting(id, meeting, today()).unwrap();
    let all = rows(&attendance(&w.reg, Scope::Group(s.balasabha)).unwrap());
    assert_eq!(all.len(), 2, "only that group's meeting");
    assert_eq!(
        (all[1][6].as_str(), all[1][7].as_str()),
        ("absent", "illness")
    );
}

#[test]
fn a_meeting_row_counts_who_came_and_lists_themes() {
    let s = sheets();
    let all = rows(&meetings(&s.w.reg, Scope::All).unwrap());
    let aux = all.iter().find(|r| r[3] == "2026-03-01").unwrap();
    assert_eq!(
        (aux[4].as_str(), aux[6].as_str(), aux[10].as_str()),
        ("10:30", "Livelihood; Health", "3")
    );
    let bala = all.iter().find(|r| r[3] == "2026-02-01").unwrap();
    assert_eq!((bala[11].as_str(), bala[12].as_str()), ("2", "1"));
}

#[test]
fn groups_show_their_programme_place_and_current_members() {
    let s = sheets();
    let all = rows(&groups(&s.w.reg, Scope::Group(s.balasabha)).unwrap());
    assert_eq!(all.len(), 1);
    let g = &all[0];
    assert_eq!(
        (g[2].as_str(), g[3].as_str(), g[5].as_str(), g[7].as_str()),
        ("Balasabha", "Ward 12", "active", "2")
    );
}
