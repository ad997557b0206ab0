//! Which column of a spreadsheet holds which field of a person, and reading
//! the values people type there ("F", "Girl", "14/03/2016", "Class 4").
//!
//! The app guesses the mapping from the header ([`guess_mapping`]); the
//! volunteer checks it and can change any column before importing.

use crate::domain::person::{Relationship, Sex};
use crate::domain::person_form::SchoolingChoice;
use crate::domain::text::fold;
use crate::domain::time::iso_date;
use chrono::NaiveDate;

/// A field of the person form a column can fill.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Column {
    /// The name, or the whole name when the sheet has one name column:
    /// names are not split, since no rule splits every culture's names.
    GivenName,
    FamilyName,
    Sex,
    BirthDate,
    /// An age in years, used when there is no birth date.
    ApproxAge,
    /// The day the age was given; the import day if there is no such column.
    AgeStatedOn,
    GuardianName,
    GuardianRelationship,
    Phone,
    Village,
    Community,
    Schooling,
    Class,
    Notes,
}

impl Column {
    pub const ALL: [Column; 14] = [
        Column::GivenName,
        Column::FamilyName,
        Column::Sex,
        Column::BirthDate,
        Column::ApproxAge,
        Column::AgeStatedOn,
        Column::GuardianName,
        Column::GuardianRelationship,
        Column::Phone,
        Column::Village,
        Column::Community,
        Column::Schooling,
        Column::Class,
        Column::Notes,
    ];
}

/// For each column of the sheet, in order, the field it fills (if any).
pub type Mapping = Vec<Option<Column>>;

/// Header names recognised exactly, once lower-cased with everything but
/// letters and digits taken out ("Date of Birth" is "dateofbirth").
const EXACT: &[(Column, &[&str])] = &[
    (
        Column::GivenName,
        &[
            "name",
            "givenname",
            "firstname",
            "forename",
            "fullname",
            "childname",
            "childsname",
            "nameofchild",
            "nameofthechild",
            "studentname",
            "membername",
            "nameofmember",
            "beneficiaryname",
        ],
    ),
    (Column::FamilyName, &["familyname", "surname", "lastname"]),
    (Column::Sex, &["sex", "gender", "mf", "boygirl"]),
    (
        Column::BirthDate,
        &["dob", "dateofbirth", "birthdate", "birthday", "born"],
    ),
    (
        Column::ApproxAge,
        &[
            "age",
            "ageyears",
            "ageinyears",
            "approximateage",
            "approxage",
        ],
    ),
    (
        Column::AgeStatedOn,
        &["agestatedon", "agegivenon", "ageason"],
    ),
    (
        Column::GuardianName,
        &[
            "guardian",
            "guardianname",
            "parent",
            "parentname",
            "parentsname",
            "nameofguardian",
            "nameofparent",
            "mothername",
            "mothersname",
            "fathername",
            "fathersname",
        ],
    ),
    (
        Column::GuardianRelationship,
        &[
            "relationship",
            "relation",
            "guardianrelationship",
            "relationtochild",
        ],
    ),
    (
        Column::Phone,
        &[
            "phone",
            "mobile",
            "phonenumber",
            "mobilenumber",
            "mobileno",
            "phoneno",
            "contact",
            "contactnumber",
            "contactno",
            "telephone",
            "whatsapp",
        ],
    ),
    (
        Column::Village,
        &[
            "village",
            "ward",
            "locality",
            "habitation",
            "villageward",
            "address",
        ],
    ),
    (
        Column::Community,
        &["community", "caste", "castecommunity", "tribe"],
    ),
    (
        Column::Schooling,
        &[
            "schooling",
            "school",
            "schoolstatus",
            "schoolingstatus",
            "inschool",
            "education",
        ],
    ),
    (
        Column::Class,
        &[
            "class",
            "grade",
            "standard",
            "std",
            "classgrade",
            "classstandard",
        ],
    ),
    (
        Column::Notes,
        &["notes", "note", "remarks", "remark", "comments", "comment"],
    ),
];

/// Words looked for inside header names not recognised exactly, in this
/// order: "Father's phone" is a phone before it is a guardian, "Guardian
/// name" a guardian before it is a name. ("school" is left out: "Name of
/// school" holds school names, not whether the child goes to one.)
const CONTAINS: &[(&str, Column)] = &[
    ("birth", Column::BirthDate),
    ("stated", Column::AgeStatedOn),
    ("phone", Column::Phone),
    ("mobile", Column::Phone),
    ("relation", Column::GuardianRelationship),
    ("guardian", Column::GuardianName),
    ("parent", Column::GuardianName),
    ("mother", Column::GuardianName),
    ("father", Column::GuardianName),
    ("surname", Column::FamilyName),
    ("lastname", Column::FamilyName),
    ("familyname", Column::FamilyName),
    ("firstname", Column::GivenName),
    ("givenname", Column::GivenName),
    ("village", Column::Village),
    ("gender", Column::Sex),
    ("remark", Column::Notes),
    ("comment", Column::Notes),
    ("note", Column::Notes),
    ("class", Column::Class),
    ("caste", Column::Community),
    ("community", Column::Community),
    ("name", Column::GivenName),
];

/// Header names starting with "age" ("Age (years)", "Age in 2024") hold an
/// age; "age" inside a word ("Language", "Village") does not.
const AGE_PREFIX: &str = "age";

fn squash(header: &str) -> String {
    fold(header)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect()
}

/// Guesses the field of each column from its header, in English. Each field
/// goes to one column at most: exact names first, then names containing a
/// telling word, leftmost column first. Columns it cannot place are left
/// out (`None`), as is a column this app wrote itself ("Id").
pub fn guess_mapping(header: &[String]) -> Mapping {
    let squashed: Vec<String> = header.iter().map(|h| squash(h)).collect();
    let mut mapping: Mapping = vec![None; header.len()];
    let place = |mapping: &mut Mapping, i: usize, column: Column| {
        if mapping[i].is_none() && !mapping.contains(&Some(column)) {
            mapping[i] = Some(column);
        }
    };
    for (i, name) in squashed.iter().enumerate() {
        if let Some((column, _)) = EXACT
            .iter()
            .find(|(_, names)| names.contains(&name.as_str()))
        {
            place(&mut mapping, i, *column);
        }
    }
    for (i, name) in squashed.iter().enumerate() {
        if let Some((_, column)) = CONTAINS.iter().find(|(word, _)| name.contains(word)) {
            place(&mut mapping, i, *column);
        } else if name.starts_with(AGE_PREFIX) {
            place(&mut mapping, i, Column::ApproxAge);
        }
    }
    mapping
}

/// The fields a row cannot do without that no column fills: a name, the
/// sex, and a birth date or an age. The mapping step shows these.
pub fn unmapped_required(mapping: &Mapping) -> Vec<Column> {
    let has = |c: Column| mapping.contains(&Some(c));
    let mut missing = Vec::new();
    for c in [Column::GivenName, Column::Sex] {
        if !has(c) {
            missing.push(c);
        }
    }
    if !has(Column::BirthDate) && !has(Column::ApproxAge) {
        missing.push(Column::BirthDate);
    }
    missing
}

/// A cell read as one of a field's values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Parsed<T> {
    Empty,
    Found(T),
    /// Something was typed that is none of the field's values.
    Unknown,
}

/// Finds `text` in a list of spellings for each value.
fn lookup<T: Copy>(text: &str, table: &[(&[&str], T)]) -> Parsed<T> {
    let key = squash(text);
    if key.is_empty() {
        return Parsed::Empty;
    }
    table
        .iter()
        .find(|(words, _)| words.contains(&key.as_str()))
        .map_or(Parsed::Unknown, |(_, value)| Parsed::Found(*value))
}

pub fn parse_sex(text: &str) -> Parsed<Sex> {
    lookup(
        text,
        &[
            (&["f", "female", "girl", "woman", "w", "fem"], Sex::Female),
            (&["m", "male", "boy", "man"], Sex::Male),
            (
                &["o", "other", "t", "tg", "transgender", "thirdgender"],
                Sex::Other,
            ),
        ],
    )
}

pub fn parse_relationship(text: &str) -> Parsed<Relationship> {
    lookup(
        text,
        &[
            (&["mother", "mom", "mum", "amma"], Relationship::Mother),
            (&["father", "dad", "papa", "appa"], Relationship::Father),
            (
                &[
                    "grandparent",
                    "grandmother",
                    "grandfather",
                    "grandma",
                    "grandpa",
                ],
                Relationship::Grandparent,
            ),
            (&["sibling", "brother", "sister"], Relationship::Sibling),
            (
                &["otherrelative", "relative", "aunt", "uncle"],
                Relationship::OtherRelative,
            ),
            (
                &["caregiver", "carer", "fosterparent", "warden", "guardian"],
                Relationship::Caregiver,
            ),
        ],
    )
}

pub fn parse_schooling(text: &str) -> Parsed<SchoolingChoice> {
    lookup(
        text,
        &[
            (&["unknown", "notknown"], SchoolingChoice::Unknown),
            (
                &["enrolled", "inschool", "yes", "studying", "attending", "y"],
                SchoolingChoice::Enrolled,
            ),
            (
                &["droppedout", "dropout", "dropped", "leftschool"],
                SchoolingChoice::DroppedOut,
            ),
            (
                &["neverenrolled", "never", "no", "notenrolled", "n"],
                SchoolingChoice::NeverEnrolled,
            ),
        ],
    )
}

/// A date as the form takes it (`YYYY-MM-DD`). Also reads the day-first
/// forms spreadsheets in India use: 14/03/2016, 14-03-2016, 14.03.2016,
/// 4/3/2016. Anything else is returned as typed, for the form to refuse.
pub fn normalise_date(text: &str) -> String {
    let text = text.trim();
    let parts: Vec<&str> = text.split(['/', '-', '.']).collect();
    let day_first = parts.len() == 3
        && parts[2].len() == 4
        && parts[..2].iter().all(|p| (1..=2).contains(&p.len()))
        && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()));
    if day_first {
        let n = |p: &str| p.parse::<u32>().unwrap_or(0);
        if let Some(date) = NaiveDate::from_ymd_opt(n(parts[2]) as i32, n(parts[1]), n(parts[0])) {
            return iso_date(date);
        }
    }
    text.to_string()
}

/// The number in "9 years", "Class 4" or "4th", for the form to check;
/// anything without exactly one number is returned as typed.
pub fn number_in(text: &str) -> String {
    let runs: Vec<&str> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|run| !run.is_empty())
        .collect();
    match runs.as_slice() {
        [one] => one.to_string(),
        _ => text.trim().to_string(),
    }
}
