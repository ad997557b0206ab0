//! The programme form: a programme's name and its rules.

use super::form::{Checker, FieldError, Problem, MAX_AGE_YEARS};
use super::person::Sex;
use super::programme::{Members, Programme, Rules};
use super::text::clean_line;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ProgrammeField {
    Name,
    Description,
    MinAge,
    MaxAge,
    MinMembers,
    MaxMembers,
    MeetingsPerMonth,
    Roles,
    Themes,
    Absences,
}

/// The programme as typed. Lists (roles, themes) are typed one per line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgrammeForm {
    pub name: String,
    pub description: String,
    pub members: Members,
    pub sex: Option<Sex>,
    pub min_age: String,
    pub max_age: String,
    pub min_members: String,
    pub max_members: String,
    pub meetings_per_month: String,
    pub roles: String,
    pub themes: String,
    pub concurrent_groups: bool,
    pub absences: String,
}

fn number_text<T: ToString>(n: Option<T>) -> String {
    n.map(|n| n.to_string()).unwrap_or_default()
}

/// One item per line (commas also separate), cleaned, empty lines dropped,
/// repeats removed.
fn list(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for item in text
        .split(['\n', ','])
        .map(clean_line)
        .filter(|s| !s.is_empty())
    {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

impl ProgrammeForm {
    pub fn blank() -> Self {
        ProgrammeForm::from_programme(&Programme {
            name: String::new(),
            description: String::new(),
            rules: Rules::default(),
        })
    }

    pub fn from_programme(p: &Programme) -> Self {
        let r = &p.rules;
        ProgrammeForm {
            name: p.name.clone(),
            description: p.description.clone(),
            members: r.members,
            sex: r.sex,
            min_age: number_text(r.min_age),
            max_age: number_text(r.max_age),
            min_members: number_text(r.min_members),
            max_members: number_text(r.max_members),
            meetings_per_month: number_text(r.meetings_per_month),
            roles: r.roles.join("\n"),
            themes: r.themes.join("\n"),
            concurrent_groups: r.concurrent_groups,
            absences: r.absences_before_follow_up.to_string(),
        }
    }

    pub fn validate(&self) -> Result<Programme, Vec<FieldError<ProgrammeField>>> {
        use ProgrammeField as F;
        let mut c = Checker::default();
        let name = c.line(F::Name, &self.name, true);
        let description = c.notes(F::Description, &self.description);
        let max_age = MAX_AGE_YEARS;
        let min_age = c.optional_number(F::MinAge, &self.min_age, 0, max_age);
        let max_age = c.optional_number(F::MaxAge, &self.max_age, 0, max_age);
        if let (Some(Some(lo)), Some(Some(hi))) = (min_age, max_age) {
            if lo > hi {
                c.fail(F::MaxAge, Problem::MinAboveMax);
            }
        }
        let min_members = c.optional_number(F::MinMembers, &self.min_members, 1, 10_000);
        let max_members = c.optional_number(F::MaxMembers, &self.max_members, 1, 10_000);
        if let (Some(Some(lo)), Some(Some(hi))) = (min_members, max_members) {
            if lo > hi {
                c.fail(F::MaxMembers, Problem::MinAboveMax);
            }
        }
        let meetings = c.optional_number(F::MeetingsPerMonth, &self.meetings_per_month, 1, 31);
        let roles = list(&self.roles);
        if roles.is_empty() {
            c.fail(F::Roles, Problem::Required);
        }
        let themes = list(&self.themes);
        let absences = c.number(F::Absences, &self.absences, 1, 52);
        let programme = match (
            min_age,
            max_age,
            min_members,
            max_members,
            meetings,
            absences,
        ) {
            (
                Some(min_age),
                Some(max_age),
                Some(min_members),
                Some(max_members),
                Some(meetings),
                Some(absences),
            ) => Some(Programme {
                name,
                description,
                rules: Rules {
                    members: self.members,
                    sex: self.sex,
                    min_age: min_age.map(|n| n as u8),
                    max_age: max_age.map(|n| n as u8),
                    min_members: min_members.map(|n| n as u16),
                    max_members: max_members.map(|n| n as u16),
                    meetings_per_month: meetings.map(|n| n as u8),
                    roles,
                    concurrent_groups: self.concurrent_groups,
                    themes,
                    absences_before_follow_up: absences as u8,
                },
            }),
            _ => None,
        };
        c.finish(programme)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::seed::programmes;

    #[test]
    fn every_built_in_programme_survives_the_form() {
        for (_, p) in programmes() {
            assert_eq!(ProgrammeForm::from_programme(&p).validate(), Ok(p));
        }
    }

    #[test]
    fn limits_must_be_in_order() {
        let mut form = ProgrammeForm::blank();
        form.name = "Test".into();
        form.min_age = "40".into();
        form.max_age = "18".into();
        form.min_members = "60".into();
        form.max_members = "50".into();
        let problems: Vec<_> = form
            .validate()
            .unwrap_err()
            .into_iter()
            .map(|e| (e.field, e.problem))
            .collect();
        assert_eq!(
            problems,
            vec![
                (ProgrammeField::MaxAge, Problem::MinAboveMax),
                (ProgrammeField::MaxMembers, Problem::MinAboveMax)
            ]
        );
    }

    #[test]
    fn lists_are_one_per_line_or_comma_without_repeats() {
        let mut form = ProgrammeForm::blank();
        form.name = "Test".into();
        form.roles = "Member\n Leader , Member\n\n".into();
        assert_eq!(
            form.validate().unwrap().rules.roles,
            vec!["Member", "Leader"]
        );
        form.roles = " \n".into();
        assert!(form.validate().is_err(), "at least one role");
    }
}
