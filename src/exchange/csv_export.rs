//! Lists for spreadsheets: people, groups, memberships, meetings, and
//! attendance with one row per meeting per person (the long form that
//! spreadsheet pivot tables and filters work with; a meeting nobody was
//! expected at still gets one row, with the person cells empty).
//!
//! Each list covers the live records of a [`Scope`], as the JSON export
//! does. Headers are English and fixed; values are ISO dates, `HH:MM`
//! times and the same lower-case words as the JSON file (`female`,
//! `dropped out`). A person whose record was deleted appears by id with an
//! empty name. Column order and values are documented in
//! `docs/exchange-format.md`.

use super::csv::CsvWriter;
use super::envelope::Scope;
use super::export::{select, ScopeNotFound, Selection};
use crate::domain::id::Id;
use crate::domain::meeting::{AbsenceReason, Mark};
use crate::domain::meeting_form::format_time;
use crate::domain::person::{Birth, Person, Relationship, Sex};
use crate::domain::place::full_name;
use crate::domain::register::{Kind, Register};
use crate::domain::schooling::Schooling;
use crate::domain::sort::{self, Key};
use crate::domain::text::fold;
use crate::domain::time::iso_date;

/// The people list's header; the people import recognises every column.
pub const PEOPLE_HEADER: [&str; 15] = [
    "Id",
    "Given name",
    "Family name",
    "Sex",
    "Date of birth",
    "Approximate age",
    "Age stated on",
    "Guardian name",
    "Guardian relationship",
    "Phone",
    "Village",
    "Community",
    "Schooling",
    "Class",
    "Notes",
];

/// The ids of live records of `kind` in the scope, ordered by `key`.
fn chosen<T>(
    table: &crate::domain::table::Table<T>,
    kind: Kind,
    selection: &Selection,
    scope: Scope,
    key: impl Fn(Id, &T) -> Key,
) -> Vec<Id> {
    let mut rows: Vec<(Key, Id)> = table
        .live()
        .filter(|(id, _)| scope == Scope::All || selection.contains(&(kind, *id)))
        .map(|(id, body)| (key(id, body), id))
        .collect();
    sort::by_key(&mut rows, |(k, _)| k.clone());
    rows.into_iter().map(|(_, id)| id).collect()
}

fn person_name(reg: &Register, id: Id) -> String {
    reg.people
        .get(id)
        .map(Person::full_name)
        .unwrap_or_default()
}

fn group_name(reg: &Register, id: Id) -> String {
    reg.group_name(id)
}

pub fn sex_word(sex: Sex) -> &'static str {
    match sex {
        Sex::Female => "female",
        Sex::Male => "male",
        Sex::Other => "other",
    }
}

pub fn relationship_word(r: Relationship) -> &'static str {
    match r {
        Relationship::Mother => "mother",
        Relationship::Father => "father",
        Relationship::Grandparent => "grandparent",
        Relationship::Sibling => "sibling",
        Relationship::OtherRelative => "other relative",
        Relationship::Caregiver => "caregiver",
    }
}

fn absence_word(r: AbsenceReason) -> &'static str {
    match r {
        AbsenceReason::NotGiven => "",
        AbsenceReason::Illness => "illness",
        AbsenceReason::Work => "work",
        AbsenceReason::Family => "family",
        AbsenceReason::Studies => "studies",
        AbsenceReason::Travel => "travel",
        AbsenceReason::Other => "other",
    }
}

/// The people of the scope, by name.
pub fn people(reg: &Register, scope: Scope) -> Result<String, ScopeNotFound> {
    let selection = select(reg, scope)?;
    let ids = chosen(&reg.people, Kind::People, &selection, scope, |id, p| {
        Key::text(fold(&p.full_name()), id)
    });
    let mut w = CsvWriter::new(&PEOPLE_HEADER);
    for id in ids {
        let p = reg.people.get(id).expect("live");
        let (born, years, stated) = match p.birth {
            Birth::Known { date } => (iso_date(date), String::new(), String::new()),
            Birth::Approximate { years, stated_on } => {
                (String::new(), years.to_string(), iso_date(stated_on))
            }
        };
        let (schooling, class) = match p.schooling.current() {
            Schooling::Unknown => ("", String::new()),
            Schooling::Enrolled { class } => {
                ("enrolled", class.map(|c| c.to_string()).unwrap_or_default())
            }
            Schooling::DroppedOut => ("dropped out", String::new()),
            Schooling::NeverEnrolled => ("never enrolled", String::new()),
            Schooling::Completed => ("completed", String::new()),
        };
        w.row(&[
            &id.to_string(),
            &p.given_name,
            &p.family_name,
            sex_word(p.sex),
            &born,
            &years,
            &stated,
            &p.guardian_name,
            p.guardian_relationship.map_or("", relationship_word),
            &p.phone,
            &p.village,
            &p.community,
            schooling,
            &class,
            &p.notes,
        ]);
    }
    Ok(w.finish())
}

/// The groups of the scope, by name, with their current member count.
pub fn groups(reg: &Register, scope: Scope) -> Result<String, ScopeNotFound> {
    let selection = select(reg, scope)?;
    let ids = chosen(&reg.groups, Kind::Groups, &selection, scope, |id, g| {
        Key::text(fold(&g.name), id)
    });
    let mut w = CsvWriter::new(&[
        "Id",
        "Name",
        "Programme",
        "Place",
        "Formed on",
        "Status",
        "Mentor",
        "Current members",
        "Notes",
    ]);
    for id in ids {
        let g = reg.groups.get(id).expect("live");
        let programme = reg.programmes.get(g.programme).map(|p| p.name.as_str());
        let members = reg
            .memberships_of_group(id)
            .filter(|(_, m)| m.is_current())
            .count();
        let status = match g.status {
            crate::domain::group::GroupStatus::Active => "active",
            crate::domain::group::GroupStatus::Dormant => "dormant",
            crate::domain::group::GroupStatus::Closed => "closed",
        };
        w.row(&[
            &id.to_string(),
            &g.name,
            programme.unwrap_or_default(),
            &full_name(&reg.places, g.place),
            &iso_date(g.formed_on),
            status,
            &g.mentor.map(|m| person_name(reg, m)).unwrap_or_default(),
            &members.to_string(),
            &g.notes,
        ]);
    }
    Ok(w.finish())
}

/// The memberships of the scope, by group, person and joining date.
pub fn memberships(reg: &Register, scope: Scope) -> Result<String, ScopeNotFound> {
    let selection = select(reg, scope)?;
    let ids = chosen(
        &reg.memberships,
        Kind::Memberships,
        &selection,
        scope,
        |id, m| {
            let text = format!(
                "{}\u{0}{}\u{0}{}",
                fold(&group_name(reg, m.group)),
                fold(&person_name(reg, m.person)),
                iso_date(m.joined_on)
            );
            Key::text(text, id)
        },
    );
    let mut w = CsvWriter::new(&[
        "Id",
        "Group id",
        "Group",
        "Person id",
        "Person",
        "Role",
        "Joined on",
        "Left on",
        "Leave reason",
    ]);
    for id in ids {
        let m = reg.memberships.get(id).expect("live");
        w.row(&[
            &id.to_string(),
            &m.group.to_string(),
            &group_name(reg, m.group),
            &m.person.to_string(),
            &person_name(reg, m.person),
            &m.role,
            &iso_date(m.joined_on),
            &m.left_on.map(iso_date).unwrap_or_default(),
            &m.leave_reason,
        ]);
    }
    Ok(w.finish())
}

/// The meetings of the scope, by group then date.
fn meeting_ids(reg: &Register, scope: Scope) -> Result<Vec<Id>, ScopeNotFound> {
    let selection = select(reg, scope)?;
    Ok(chosen(
        &reg.meetings,
        Kind::Meetings,
        &selection,
        scope,
        |id, m| {
            let text = format!(
                "{}\u{0}{}",
                fold(&group_name(reg, m.group)),
                iso_date(m.date)
            );
            Key::text(text, id)
        },
    ))
}

/// One row per meeting, with how many members were expected and came.
pub fn meetings(reg: &Register, scope: Scope) -> Result<String, ScopeNotFound> {
    let mut w = CsvWriter::new(&[
        "Id",
        "Group id",
        "Group",
        "Date",
        "Start",
        "Facilitator",
        "Themes",
        "Topics",
        "Decisions",
        "Notes",
        "Guests",
        "Members expected",
        "Members present",
    ]);
    for id in meeting_ids(reg, scope)? {
        let m = reg.meetings.get(id).expect("live");
        w.row(&[
            &id.to_string(),
            &m.group.to_string(),
            &group_name(reg, m.group),
            &iso_date(m.date),
            &m.start.map(format_time).unwrap_or_default(),
            &m.facilitator
                .map(|f| person_name(reg, f))
                .unwrap_or_default(),
            &m.themes.join("; "),
            &m.topics,
            &m.decisions,
            &m.notes,
            &m.guests.to_string(),
            &m.attendance.expected().to_string(),
            &m.attendance.present().to_string(),
        ]);
    }
    Ok(w.finish())
}

/// One row per meeting per person expected at it.
pub fn attendance(reg: &Register, scope: Scope) -> Result<String, ScopeNotFound> {
    let mut w = CsvWriter::new(&[
        "Meeting id",
        "Group id",
        "Group",
        "Date",
        "Person id",
        "Person",
        "Attendance",
        "Absence reason",
    ]);
    for id in meeting_ids(reg, scope)? {
        let m = reg.meetings.get(id).expect("live");
        let meeting = [
            id.to_string(),
            m.group.to_string(),
            group_name(reg, m.group),
        ];
        let date = iso_date(m.date);
        let mut marks: Vec<(String, Id, Mark)> = m
            .attendance
            .iter()
            .map(|(p, mark)| (person_name(reg, p), p, mark))
            .collect();
        sort::by_key(&mut marks, |(name, p, _)| Key::text(fold(name), *p));
        if marks.is_empty() {
            w.row(&[&meeting[0], &meeting[1], &meeting[2], &date, "", "", "", ""]);
        }
        for (name, person, mark) in marks {
            let (came, why) = match mark {
                Mark::Present => ("present", ""),
                Mark::Absent(reason) => ("absent", absence_word(reason)),
            };
            let person = person.to_string();
            w.row(&[
                &meeting[0],
                &meeting[1],
                &meeting[2],
                &date,
                &person,
                &name,
                came,
                why,
            ]);
        }
    }
    Ok(w.finish())
}
