//! The case form: intake, what the child was rescued from, consent.

use super::case::{Case, CaseStatus, Consent, Goal};
use super::form::{Checker, FieldError, Problem};
use super::id::Id;
use super::risk::Concern;
use super::time::{iso_date, parse_date};
use chrono::NaiveDate;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CaseField {
    Intake,
    Concerns,
    ReferredBy,
    RescuePlace,
    GuardianConsent,
    ChildAssent,
    Notes,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseForm {
    pub intake_on: String,
    pub concerns: Vec<Concern>,
    pub referred_by: String,
    pub rescue_place: String,
    pub guardian_consent_on: String,
    pub child_assent_on: String,
    pub notes: String,
    /// Kept from the case being edited.
    pub goals: Vec<Goal>,
}

impl CaseForm {
    pub fn blank(today: NaiveDate) -> Self {
        CaseForm {
            intake_on: iso_date(today),
            concerns: Vec::new(),
            referred_by: String::new(),
            rescue_place: String::new(),
            guardian_consent_on: String::new(),
            child_assent_on: String::new(),
            notes: String::new(),
            goals: Vec::new(),
        }
    }

    pub fn from_case(c: &Case) -> Self {
        let date = |consent: Consent| consent.given_on.map(iso_date).unwrap_or_default();
        CaseForm {
            intake_on: iso_date(c.intake_on),
            concerns: c.concerns.clone(),
            referred_by: c.referred_by.clone(),
            rescue_place: c.rescue_place.clone(),
            guardian_consent_on: date(c.guardian_consent),
            child_assent_on: date(c.child_assent),
            notes: c.notes.clone(),
            goals: c.goals.clone(),
        }
    }

    /// The case for `person`; its status and history are set when it is
    /// opened or kept when it is updated (see `Edit::open_case`).
    pub fn validate(
        &self,
        person: Id,
        today: NaiveDate,
    ) -> Result<Case, Vec<FieldError<CaseField>>> {
        let mut c = Checker::default();
        let intake = c.past_date(CaseField::Intake, &self.intake_on, today);
        if self.concerns.is_empty() {
            c.fail(CaseField::Concerns, Problem::Required);
        }
        let referred_by = c.line(CaseField::ReferredBy, &self.referred_by, false);
        let rescue_place = c.line(CaseField::RescuePlace, &self.rescue_place, false);
        let mut consent = |field, text: &str| {
            if text.trim().is_empty() {
                return Consent::default();
            }
            let on = c.past_date(field, text, today);
            if let (Some(on), Some(intake)) = (on, parse_date(&self.intake_on)) {
                if on < intake {
                    c.fail(field, Problem::TooEarly);
                }
            }
            Consent { given_on: on }
        };
        let guardian_consent = consent(CaseField::GuardianConsent, &self.guardian_consent_on);
        let child_assent = consent(CaseField::ChildAssent, &self.child_assent_on);
        let notes = c.notes(CaseField::Notes, &self.notes);
        // In the list's own order, each once.
        let concerns: Vec<Concern> = Concern::ALL
            .into_iter()
            .filter(|c| self.concerns.contains(c))
            .collect();
        let case = intake.map(|intake_on| Case {
            person,
            intake_on,
            concerns,
            referred_by,
            rescue_place,
            guardian_consent,
            child_assent,
            goals: self.goals.clone(),
            status: CaseStatus::Open,
            history: Vec::new(),
            notes,
        });
        c.finish(case)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
    }

    #[test]
    fn a_case_needs_an_intake_date_and_a_reason() {
        let form = CaseForm {
            intake_on: String::new(),
            ..CaseForm::blank(today())
        };
        let fields: Vec<CaseField> = form
            .validate(Id::built_in(1), today())
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, vec![CaseField::Intake, CaseField::Concerns]);
    }

    #[test]
    fn consent_cannot_come_before_intake_or_in_the_future() {
        let mut form = CaseForm::blank(today());
        form.concerns = vec![Concern::Trafficking];
        form.intake_on = "2026-03-02".into();
        form.guardian_consent_on = "2026-03-01".into();
        form.child_assent_on = "2026-12-01".into();
        let problems: Vec<(CaseField, Problem)> = form
            .validate(Id::built_in(1), today())
            .unwrap_err()
            .into_iter()
            .map(|e| (e.field, e.problem))
            .collect();
        assert_eq!(
            problems,
            vec![
                (CaseField::GuardianConsent, Problem::TooEarly),
                (CaseField::ChildAssent, Problem::InFuture)
            ]
        );
    }

    #[test]
    fn consents_are_kept_with_their_dates() {
        let mut form = CaseForm::blank(today());
        form.concerns = vec![
            Concern::ChildLabour,
            Concern::Trafficking,
            Concern::ChildLabour,
        ];
        form.guardian_consent_on = "2026-11-28".into();
        let case = form.validate(Id::built_in(1), today()).unwrap();
        assert_eq!(case.guardian_consent.given_on, Some(today()));
        assert_eq!(case.child_assent.given_on, None);
        assert_eq!(
            case.concerns,
            vec![Concern::ChildLabour, Concern::Trafficking]
        );
        assert_eq!(
            CaseForm::from_case(&case).validate(Id::built_in(1), today()),
            Ok(case)
        );
    }
}
