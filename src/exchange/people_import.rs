//! Taking in a list of people from a spreadsheet: each row becomes a filled
//! person form, checked by the same rules as the form on screen, so the
//! problems of each row come back field by field with its row number.
//!
//! The preview has the shape of the JSON one: rows that make **new**
//! people, rows that seem to be someone already there (**duplicates**:
//! same name and birth as a person in the register or an earlier row),
//! and **invalid** rows with their problems. Nothing is added until
//! [`add_people`], inside one edit, so all the rows go in or none do.

use super::csv::{unneutralise, Sheet};
use super::people_mapping::{
    normalise_date, number_in, parse_relationship, parse_schooling, parse_sex, Column, Mapping,
    Parsed,
};
use crate::domain::edit::{Edit, EditError};
use crate::domain::id::Id;
use crate::domain::person::{Birth, Person};
use crate::domain::person_form::{Field, PersonError, PersonForm, SchoolingChoice};
use crate::domain::register::Register;
use crate::domain::sort::{self, Key};
use crate::domain::text::fold;
use crate::domain::time::iso_date;
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// What is wrong with a row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RowProblem {
    /// A cell holds none of its field's values ("Sex: X").
    Unrecognised { column: Column, value: String },
    /// What the person form's rules say about a field.
    Field(PersonError),
}

/// A row that makes a new person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewPerson {
    /// The row number as the spreadsheet shows it (the header is row 1).
    pub row: usize,
    pub person: Person,
}

/// Who a duplicate row seems to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SameAs {
    /// A person already in the register.
    Person(Id),
    /// An earlier row of the same sheet.
    Row(usize),
}

/// A valid row that seems to be someone already there: not added unless
/// the volunteer says so (two children can share a name and birthday).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Duplicate {
    pub row: usize,
    pub person: Person,
    pub same_as: SameAs,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvalidRow {
    pub row: usize,
    pub problems: Vec<RowProblem>,
}

/// What importing the sheet would do.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PeoplePreview {
    pub new: Vec<NewPerson>,
    pub duplicates: Vec<Duplicate>,
    pub invalid: Vec<InvalidRow>,
}

/// The person form a row fills, and the cells no field value was found in.
/// Cells are taken as typed, without the apostrophe a CSV export puts
/// before formula-like text. Without a birth date, an age makes an
/// approximate birth, given on the "age stated on" column's day or today.
pub fn form_from_row(
    cells: &[String],
    mapping: &Mapping,
    today: NaiveDate,
) -> (PersonForm, Vec<RowProblem>) {
    let mut form = PersonForm::blank(today);
    let mut problems = Vec::new();
    let mut cell_of = BTreeMap::new();
    for (i, column) in mapping.iter().enumerate() {
        if let (Some(column), Some(cell)) = (column, cells.get(i)) {
            cell_of.insert(*column, unneutralise(cell.trim()).trim());
        }
    }
    let cell = |c: Column| cell_of.get(&c).copied().unwrap_or("");
    let mut unknown = |column: Column| {
        problems.push(RowProblem::Unrecognised {
            column,
            value: cell(column).to_string(),
        })
    };

    form.given_name = cell(Column::GivenName).into();
    form.family_name = cell(Column::FamilyName).into();
    match parse_sex(cell(Column::Sex)) {
        Parsed::Found(sex) => form.sex = Some(sex),
        Parsed::Unknown => unknown(Column::Sex),
        Parsed::Empty => {}
    }
    let age = cell(Column::ApproxAge);
    if cell(Column::BirthDate).is_empty() && !age.is_empty() {
        form.birth_date_known = false;
        form.approx_years = number_in(age);
        let stated = cell(Column::AgeStatedOn);
        if !stated.is_empty() {
            form.approx_stated_on = normalise_date(stated);
        }
    } else {
        form.birth_date = normalise_date(cell(Column::BirthDate));
    }
    form.guardian_name = cell(Column::GuardianName).into();
    match parse_relationship(cell(Column::GuardianRelationship)) {
        Parsed::Found(r) => form.guardian_relationship = Some(r),
        Parsed::Unknown => unknown(Column::GuardianRelationship),
        Parsed::Empty => {}
    }
    form.phone = cell(Column::Phone).into();
    form.village = cell(Column::Village).into();
    form.community = cell(Column::Community).into();
    form.class = number_in(cell(Column::Class));
    form.schooling = match parse_schooling(cell(Column::Schooling)) {
        Parsed::Found(choice) => choice,
        Parsed::Unknown => {
            unknown(Column::Schooling);
            SchoolingChoice::Unknown
        }
        // A class alone says the child goes to school.
        Parsed::Empty if !form.class.is_empty() => SchoolingChoice::Enrolled,
        Parsed::Empty => SchoolingChoice::Unknown,
    };
    form.notes = cell(Column::Notes).into();
    (form, problems)
}

/// Two records of one person, as far as a sheet can tell: the same name
/// (ignoring case and accents) and the same birth.
fn same_person_key(p: &Person) -> (String, String) {
    let birth = match p.birth {
        Birth::Known { date } => iso_date(date),
        Birth::Approximate { years, stated_on } => format!("{years}@{}", iso_date(stated_on)),
    };
    (fold(&p.full_name()), birth)
}

/// Checks every row of the sheet with the mapping, against the register.
pub fn preview_people(
    sheet: &Sheet,
    mapping: &Mapping,
    reg: &Register,
    today: NaiveDate,
) -> PeoplePreview {
    let mut known: BTreeMap<(String, String), SameAs> = BTreeMap::new();
    for (id, p) in reg.people.live() {
        known
            .entry(same_person_key(p))
            .or_insert(SameAs::Person(id));
    }
    let mut preview = PeoplePreview::default();
    for row in &sheet.rows {
        let (form, mut problems) = form_from_row(&row.cells, mapping, today);
        let unrecognised_sex = problems.iter().any(|p| {
            matches!(
                p,
                RowProblem::Unrecognised {
                    column: Column::Sex,
                    ..
                }
            )
        });
        match form.validate(today) {
            Ok(person) if problems.is_empty() => match known.get(&same_person_key(&person)) {
                Some(&same_as) => preview.duplicates.push(Duplicate {
                    row: row.number,
                    person,
                    same_as,
                }),
                None => {
                    known.insert(same_person_key(&person), SameAs::Row(row.number));
                    preview.new.push(NewPerson {
                        row: row.number,
                        person,
                    });
                }
            },
            Ok(_) => preview.invalid.push(InvalidRow {
                row: row.number,
                problems,
            }),
            Err(errors) => {
                // An unreadable sex is already said; "required" would repeat it.
                let said = |e: &PersonError| unrecognised_sex && e.field == Field::Sex;
                problems.extend(
                    errors
                        .into_iter()
                        .filter(|e| !said(e))
                        .map(RowProblem::Field),
                );
                preview.invalid.push(InvalidRow {
                    row: row.number,
                    problems,
                });
            }
        }
    }
    preview
}

/// Adds the new people of the preview, and the duplicates whose rows are in
/// `also_rows`, in row order. Call inside the app's one edit so a failure
/// leaves none of them added.
pub fn add_people(
    edit: &mut Edit,
    preview: &PeoplePreview,
    also_rows: &[usize],
) -> Result<Vec<Id>, EditError> {
    let mut rows: Vec<(usize, &Person)> = preview.new.iter().map(|n| (n.row, &n.person)).collect();
    rows.extend(
        preview
            .duplicates
            .iter()
            .filter(|d| also_rows.contains(&d.row))
            .map(|d| (d.row, &d.person)),
    );
    sort::by_key(&mut rows, |(row, _)| Key::number(*row as i64, 0));
    rows.into_iter()
        .map(|(_, person)| edit.add_person(person.clone()))
        .collect()
}
