//! The group form and its rules.

use super::form::{Checker, FieldError, Problem};
use super::group::{Group, GroupStatus};
use super::id::Id;
use super::register::Register;
use super::time::iso_date;
use chrono::NaiveDate;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GroupField {
    Name,
    Programme,
    Place,
    FormedOn,
    Mentor,
    Notes,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupForm {
    pub name: String,
    pub programme: Option<Id>,
    pub place: Option<Id>,
    pub formed_on: String,
    pub status: GroupStatus,
    pub mentor: Option<Id>,
    pub course: Option<Id>,
    pub notes: String,
}

impl GroupForm {
    pub fn blank(today: NaiveDate) -> Self {
        GroupForm {
            name: String::new(),
            programme: None,
            place: None,
            formed_on: iso_date(today),
            status: GroupStatus::Active,
            mentor: None,
            course: None,
            notes: String::new(),
        }
    }

    pub fn from_group(g: &Group) -> Self {
        GroupForm {
            name: g.name.clone(),
            programme: Some(g.programme),
            place: Some(g.place),
            formed_on: iso_date(g.formed_on),
            status: g.status,
            mentor: g.mentor,
            course: g.course,
            notes: g.notes.clone(),
        }
    }

    pub fn validate(
        &self,
        reg: &Register,
        today: NaiveDate,
    ) -> Result<Group, Vec<FieldError<GroupField>>> {
        let mut c = Checker::default();
        let name = c.line(GroupField::Name, &self.name, true);
        let programme = c.chosen(
            GroupField::Programme,
            self.programme
                .filter(|id| reg.programmes.get(*id).is_some()),
        );
        let place = c.chosen(
            GroupField::Place,
            self.place.filter(|id| reg.places.get(*id).is_some()),
        );
        let formed_on = c.past_date(GroupField::FormedOn, &self.formed_on, today);
        if let Some(mentor) = self.mentor {
            if reg.people.get(mentor).is_none() {
                c.fail(GroupField::Mentor, Problem::Required);
            }
        }
        let notes = c.notes(GroupField::Notes, &self.notes);
        let group = match (programme, place, formed_on) {
            (Some(programme), Some(place), Some(formed_on)) => Some(Group {
                name,
                programme,
                place,
                formed_on,
                status: self.status,
                mentor: self.mentor,
                course: self.course.filter(|c| reg.courses.get(*c).is_some()),
                notes,
            }),
            _ => None,
        };
        c.finish(group)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::seed::BALASABHA;

    #[test]
    fn programme_place_and_a_past_date_are_required() {
        let mut reg = Register::default();
        reg.add_missing_built_ins();
        let today = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        let mut form = GroupForm::blank(today);
        form.formed_on = "2027-01-01".into();
        let problems: Vec<_> = form
            .validate(&reg, today)
            .unwrap_err()
            .into_iter()
            .map(|e| (e.field, e.problem))
            .collect();
        assert_eq!(
            problems,
            vec![
                (GroupField::Name, Problem::Required),
                (GroupField::Programme, Problem::Required),
                (GroupField::Place, Problem::Required),
                (GroupField::FormedOn, Problem::InFuture),
            ]
        );
        form.programme = Some(BALASABHA);
        assert!(form
            .validate(&reg, today)
            .unwrap_err()
            .iter()
            .all(|e| e.field != GroupField::Programme));
    }
}
