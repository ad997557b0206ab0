//! A people list from a spreadsheet: columns guessed, rows checked by the
//! person form's rules, problems reported by row, duplicates held back.

use crate::domain::form::Problem;
use crate::domain::person::{Birth, Person, Relationship, Sex};
use crate::domain::person_form::Field;
use crate::domain::register::Register;
use crate::domain::schooling::{SchoolChange, SchoolEvent, SchoolHistory, Schooling};
use crate::domain::testkit::{d, today, World};
use crate::exchange::csv::read;
use crate::exchange::csv_export::people;
use crate::exchange::envelope::Scope;
use crate::exchange::people_import::{
    add_people, preview_people, InvalidRow, PeoplePreview, RowProblem, SameAs,
};
use crate::exchange::people_mapping::{guess_mapping, unmapped_required, Column, Mapping};

fn header(names: &[&str]) -> Vec<String> {
    names.iter().map(|n| n.to_string()).collect()
}

fn import(text: &str, reg: &Register) -> PeoplePreview {
    let sheet = read(text).unwrap();
    let mapping = guess_mapping(&sheet.header);
    preview_people(&sheet, &mapping, reg, today())
}

fn problems(p: &PeoplePreview, row: usize) -> Vec<RowProblem> {
    let found = p.invalid.iter().find(|i| i.row == row);
    found.expect("an invalid row").problems.clone()
}

fn field(field: Field, problem: Problem) -> RowProblem {
    RowProblem::Field(crate::domain::form::FieldError { field, problem })
}

#[test]
fn an_unknown_sex_is_named_once_with_what_was_typed() {
    let p = import("Name,Sex,DOB\nAsha,X,2016-03-14\n", &Register::default());
    assert_eq!(
        problems(&p, 2),
        vec![RowProblem::Unrecognised {
            column: Column::Sex,
            value: "X".into()
        }]
    );
}

#[test]
fn each_row_reports_every_field_problem_with_its_row_number() {
    let text = "Name,Sex,DOB,Phone\n\
                Asha,F,31/02/2016,\n\
                ,M,2015-01-01,12345\n\
                Ravi,M,,\n";
    let p = import(text, &Register::default());
    assert!(p.new.is_empty());
    assert_eq!(
        problems(&p, 2),
        vec![field(Field::BirthDate, Problem::NotADate)]
    );
    assert_eq!(
        problems(&p, 3),
        vec![
            field(Field::GivenName, Problem::Required),
            field(Field::Phone, Problem::NotAPhoneNumber)
        ]
    );
    assert_eq!(
        problems(&p, 4),
        vec![field(Field::BirthDate, Problem::Required)]
    );
}

#[test]
fn a_relationship_or_schooling_nobody_knows_makes_the_row_wait() {
    let text = "Name,Sex,DOB,Relation,School status\nAsha,F,2016-03-14,neighbour,sometimes\n";
    let p = import(text, &Register::default());
    assert_eq!(
        p.invalid,
        vec![InvalidRow {
            row: 2,
            problems: vec![
                RowProblem::Unrecognised {
                    column: Column::GuardianRelationship,
                    value: "neighbour".into()
                },
                RowProblem::Unrecognised {
                    column: Column::Schooling,
                    value: "sometimes".into()
                },
            ]
        }]
    );
}

#[test]
fn the_mapping_step_names_what_no_column_fills() {
    let mapping = guess_mapping(&header(&["Village", "Language"]));
    assert_eq!(mapping, vec![Some(Column::Village), None], "not an age");
    assert_eq!(
        unmapped_required(&mapping),
        vec![Column::GivenName, Column::Sex, Column::BirthDate]
    );
    let mapping = guess_mapping(&header(&["Name", "Gender", "Age (years)"]));
    assert!(unmapped_required(&mapping).is_empty());
}

#[test]
fn a_typical_register_sheet_is_mapped_from_its_header() {
    let mapping = guess_mapping(&header(&[
        "Sl. No.",
        "Name of the Child",
        "Gender",
        "D.O.B",
        "Father's Name",
        "Father's Mobile No",
        "Village/Ward",
        "Class",
        "Name of School",
        "Remarks",
    ]));
    let expected: Mapping = vec![
        None,
        Some(Column::GivenName),
        Some(Column::Sex),
        Some(Column::BirthDate),
        Some(Column::GuardianName),
        Some(Column::Phone),
        Some(Column::Village),
        Some(Column::Class),
        None,
        Some(Column::Notes),
    ];
    assert_eq!(mapping, expected);
}

#[test]
fn spreadsheet_habits_are_understood() {
    let text = "First name,Surname,Sex,Date of birth,Age,Class,Relationship\n\
                Asha,Das,Girl,14/03/2016,,4th,mother\n\
                Ravi,,boy,,9 years,,\n\
                Mary,,F,4.3.2015,,,Grandmother\n";
    let p = import(text, &Register::default());
    assert!(p.invalid.is_empty(), "{:?}", p.invalid);
    let asha = &p.new[0].person;
    assert_eq!(asha.full_name(), "Asha Das");
    assert_eq!(
        asha.birth,
        Birth::Known {
            date: d(2016, 3, 14)
        }
    );
    assert_eq!(
        asha.schooling.current(),
        Schooling::Enrolled { class: Some(4) }
    );
    assert_eq!(asha.guardian_relationship, Some(Relationship::Mother));
    let ravi = &p.new[1].person;
    assert_eq!(
        ravi.birth,
        Birth::Approximate {
            years: 9,
            stated_on: today()
        }
    );
    assert_eq!(
        p.new[2].person.birth,
        Birth::Known {
            date: d(2015, 3, 4)
        }
    );
    assert_eq!(
        p.new[2].person.guardian_relationship,
        Some(Relationship::Grandparent)
    );
}

#[test]
fn the_same_child_twice_is_held_back_unless_asked_for() {
    let mut w = World::new();
    let text = "Name,Sex,DOB\n\
                Asha,F,2016-03-14\n\
                ASHA,female,14/03/2016\n\
                Ravi,M,2015-01-01\n";
    let p = import(text, &w.reg);
    assert_eq!(p.new.len(), 2);
    assert_eq!(p.duplicates.len(), 1);
    assert_eq!(
        (p.duplicates[0].row, p.duplicates[0].same_as),
        (3, SameAs::Row(2))
    );

    let added = add_people(&mut w.edit(), &p, &[]).unwrap();
    assert_eq!(added.len(), 2);
    let again = import(text, &w.reg);
    assert!(
        again.new.is_empty(),
        "importing the same sheet twice adds no one"
    );
    assert_eq!(again.duplicates[0].same_as, SameAs::Person(added[0]));

    let twins = add_people(&mut w.edit(), &again, &[3]).unwrap();
    assert_eq!(twins.len(), 1, "the volunteer said row 3 is another child");
    assert_eq!(w.reg.people.live_count(), 3);
}

#[test]
fn formula_looking_names_are_plain_text_in_the_register() {
    let p = import(
        "Name,Sex,DOB\n'=HYPERLINK(\"x\"),F,2016-03-14\n",
        &Register::default(),
    );
    assert_eq!(p.new[0].person.given_name, "=HYPERLINK(\"x\")");
}

fn everyone(w: &mut World) -> Vec<Person> {
    let mut p = crate::domain::person::fixtures::child("सुनीता");
    p.phone = "+91 94470 12345".into();
    p.notes = "Likes drawing,\nand \"cricket\"".into();
    p.guardian_relationship = Some(Relationship::OtherRelative);
    let mut q = crate::domain::person::fixtures::child("Ravi");
    q.sex = Sex::Male;
    q.birth = Birth::Approximate {
        years: 9,
        stated_on: d(2025, 6, 1),
    };
    // A spreadsheet holds only the status now, so the history that comes
    // back is one change dated the day of the import.
    q.schooling = history(today(), SchoolChange::DroppedOut, None);
    q.guardian_relationship = None;
    for person in [p.clone(), q.clone()] {
        w.edit().add_person(person).unwrap();
    }
    vec![p, q]
}

#[test]
fn the_apps_own_people_list_comes_back_as_the_same_people() {
    let mut w = World::new();
    let people_added = everyone(&mut w);
    let text = people(&w.reg, Scope::All).unwrap();
    let sheet = read(&text).unwrap();
    let mapping = guess_mapping(&sheet.header);
    assert_eq!(mapping[0], None, "the Id column is not a field");
    assert!(Column::ALL.iter().all(|c| mapping.contains(&Some(*c))));
    let p = preview_people(&sheet, &mapping, &Register::default(), today());
    assert!(p.invalid.is_empty(), "{:?}", p.invalid);
    let mut back: Vec<Person> = p.new.into_iter().map(|n| n.person).collect();
    back.sort_by_key(|p| p.given_name.clone());
    let mut expected = people_added;
    expected.sort_by_key(|p| p.given_name.clone());
    assert_eq!(back, expected);
    let same = preview_people(&sheet, &mapping, &w.reg, today());
    assert_eq!((same.new.len(), same.duplicates.len()), (0, 2));
}

/// A schooling history of one change.
fn history(on: chrono::NaiveDate, change: SchoolChange, class: Option<u8>) -> SchoolHistory {
    let mut h = SchoolHistory::default();
    h.record(SchoolEvent {
        on,
        change,
        class,
        school: String::new(),
    });
    h
}
