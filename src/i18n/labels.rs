//! The message naming each value of the domain's enums, and formats for
//! dates and ages.

use super::{fill, text, Lang, Msg};
use crate::domain::case::{CaseStatus, GoalArea};
use crate::domain::group::{GroupStatus, LEFT_RECORD_DELETED};
use crate::domain::meeting::{AbsenceReason, Mark};
use crate::domain::person::{Age, Relationship, Sex};
use crate::domain::person_form::SchoolingChoice;
use crate::domain::place::Level;
use crate::domain::programme::Members;
use crate::domain::risk::Concern;
use crate::domain::schooling::{SchoolChange, Schooling};
use crate::domain::training::Outcome;

pub fn sex(s: Sex) -> Msg {
    match s {
        Sex::Female => Msg::SexFemale,
        Sex::Male => Msg::SexMale,
        Sex::Other => Msg::SexOther,
    }
}

pub fn relationship(r: Relationship) -> Msg {
    match r {
        Relationship::Mother => Msg::RelMother,
        Relationship::Father => Msg::RelFather,
        Relationship::Grandparent => Msg::RelGrandparent,
        Relationship::Sibling => Msg::RelSibling,
        Relationship::OtherRelative => Msg::RelOtherRelative,
        Relationship::Caregiver => Msg::RelCaregiver,
    }
}

pub fn schooling_choice(c: SchoolingChoice) -> Msg {
    match c {
        SchoolingChoice::Unknown => Msg::SchoolUnknown,
        SchoolingChoice::Enrolled => Msg::SchoolEnrolled,
        SchoolingChoice::DroppedOut => Msg::SchoolDroppedOut,
        SchoolingChoice::NeverEnrolled => Msg::SchoolNeverEnrolled,
        SchoolingChoice::Completed => Msg::SchoolCompleted,
    }
}

pub fn absence(r: AbsenceReason) -> Msg {
    match r {
        AbsenceReason::NotGiven => Msg::AbsNotGiven,
        AbsenceReason::Illness => Msg::AbsIllness,
        AbsenceReason::Work => Msg::AbsWork,
        AbsenceReason::Family => Msg::AbsFamily,
        AbsenceReason::Studies => Msg::AbsStudies,
        AbsenceReason::Travel => Msg::AbsTravel,
        AbsenceReason::Other => Msg::AbsOther,
    }
}

/// "Present", or "Absent (Illness)".
pub fn mark(lang: Lang, m: Mark) -> String {
    match m {
        Mark::Present => text(lang, Msg::MarkPresent).to_string(),
        Mark::Absent(AbsenceReason::NotGiven) => text(lang, Msg::MarkAbsent).to_string(),
        Mark::Absent(r) => format!(
            "{} ({})",
            text(lang, Msg::MarkAbsent),
            text(lang, absence(r))
        ),
    }
}

/// "March 2026" style month names are avoided: "03/2026" reads the same in
/// every language the app speaks.
pub fn month(m: crate::domain::rhythm::Month) -> String {
    format!("{:02}/{}", m.month, m.year)
}

pub fn concern(c: Concern) -> Msg {
    match c {
        Concern::OutOfSchool => Msg::ConcernOutOfSchool,
        Concern::ChildLabour => Msg::ConcernChildLabour,
        Concern::ChildMarriage => Msg::ConcernChildMarriage,
        Concern::Trafficking => Msg::ConcernTrafficking,
        Concern::Slavery => Msg::ConcernSlavery,
        Concern::DrugUse => Msg::ConcernDrugUse,
        Concern::Abuse => Msg::ConcernAbuse,
        Concern::Other => Msg::ConcernOther,
    }
}

pub fn case_status(s: CaseStatus) -> Msg {
    match s {
        CaseStatus::Open => Msg::CaseOpen,
        CaseStatus::InCare => Msg::CaseInCare,
        CaseStatus::Reintegrated => Msg::CaseReintegrated,
        CaseStatus::Transferred => Msg::CaseTransferred,
        CaseStatus::Closed => Msg::CaseClosed,
    }
}

pub fn goal_area(a: GoalArea) -> Msg {
    match a {
        GoalArea::Education => Msg::GoalEducation,
        GoalArea::Health => Msg::GoalHealth,
        GoalArea::Legal => Msg::GoalLegal,
        GoalArea::FamilyTracing => Msg::GoalFamilyTracing,
        GoalArea::Counselling => Msg::GoalCounselling,
        GoalArea::Skills => Msg::GoalSkills,
    }
}

pub fn outcome(o: Outcome) -> Msg {
    match o {
        Outcome::Employed => Msg::OutcomeEmployed,
        Outcome::SelfEmployed => Msg::OutcomeSelfEmployed,
        Outcome::ContinuingStudy => Msg::OutcomeContinuing,
        Outcome::NotYetKnown => Msg::OutcomeNotYetKnown,
    }
}

pub fn level(l: Level) -> Msg {
    match l {
        Level::State => Msg::LevelState,
        Level::District => Msg::LevelDistrict,
        Level::Block => Msg::LevelBlock,
        Level::Ward => Msg::LevelWard,
    }
}

pub fn status(s: GroupStatus) -> Msg {
    match s {
        GroupStatus::Active => Msg::StatusActive,
        GroupStatus::Dormant => Msg::StatusDormant,
        GroupStatus::Closed => Msg::StatusClosed,
    }
}

pub fn members(m: Members) -> Msg {
    match m {
        Members::Children => Msg::MembersChildren,
        Members::Adults => Msg::MembersAdults,
        Members::Anyone => Msg::MembersAnyone,
    }
}

/// Why a membership ended, as shown: the reason typed, or the app's own
/// reason in the current language.
pub fn leave_reason(lang: Lang, reason: &str) -> String {
    if reason == LEFT_RECORD_DELETED {
        text(lang, Msg::LeftRecordDeleted).to_string()
    } else {
        reason.to_string()
    }
}

/// "Class 4", "Dropped out"…
pub fn schooling(lang: Lang, s: Schooling) -> String {
    match s {
        Schooling::Enrolled { class: Some(class) } => fill(
            text(lang, Msg::SchoolClass),
            &[("class", &class.to_string())],
        ),
        Schooling::Enrolled { class: None } => text(lang, Msg::SchoolEnrolled).to_string(),
        Schooling::Unknown => text(lang, Msg::SchoolUnknown).to_string(),
        Schooling::DroppedOut => text(lang, Msg::SchoolDroppedOut).to_string(),
        Schooling::NeverEnrolled => text(lang, Msg::SchoolNeverEnrolled).to_string(),
        Schooling::Completed => text(lang, Msg::SchoolCompleted).to_string(),
    }
}

pub fn school_change(c: SchoolChange) -> Msg {
    match c {
        SchoolChange::NeverEnrolled => Msg::SchoolNeverEnrolled,
        SchoolChange::Enrolled => Msg::SchoolEnrolled,
        SchoolChange::DroppedOut => Msg::SchoolDroppedOut,
        SchoolChange::ReEnrolled => Msg::SchoolReEnrolled,
        SchoolChange::Mainstreamed => Msg::SchoolMainstreamed,
        SchoolChange::Completed => Msg::SchoolCompleted,
    }
}

/// "9 years", "10 months", "about 9 years".
pub fn age(lang: Lang, age: Option<Age>) -> String {
    let Some(age) = age else {
        return text(lang, Msg::AgeUnknown).to_string();
    };
    let plain = if age.years < 2 {
        fill(
            text(lang, Msg::AgeMonths),
            &[("months", &age.months.to_string())],
        )
    } else {
        fill(
            text(lang, Msg::AgeYears),
            &[("years", &age.years.to_string())],
        )
    };
    if age.estimated {
        fill(text(lang, Msg::AgeEstimated), &[("age", &plain)])
    } else {
        plain
    }
}

/// The label of a record's field as the trail names it (`given_name`…), for
/// the fields a form shows; `None` for others.
pub fn field(name: &str) -> Option<Msg> {
    Some(match name {
        "given_name" => Msg::FieldGivenName,
        "family_name" => Msg::FieldFamilyName,
        "sex" => Msg::FieldSex,
        "birth" => Msg::FieldBirthDate,
        "guardian_name" => Msg::FieldGuardianName,
        "guardian_relationship" => Msg::FieldGuardianRelationship,
        "phone" => Msg::FieldPhone,
        "village" => Msg::FieldVillage,
        "community" => Msg::FieldCommunity,
        "schooling" => Msg::FieldSchooling,
        "notes" => Msg::FieldNotes,
        "joined_on" => Msg::FieldJoinedOn,
        "left_on" => Msg::FieldLeftOn,
        "leave_reason" => Msg::FieldLeaveReason,
        "role" => Msg::FieldRole,
        "status" => Msg::FieldStatus,
        "place" => Msg::FieldPlace,
        "programme" => Msg::FieldProgramme,
        "mentor" => Msg::FieldMentor,
        "course" => Msg::FieldCourse,
        "date" => Msg::FieldDate,
        "plan" => Msg::FieldPlan,
        "outcome" => Msg::FieldOutcome,
        "due_on" => Msg::FieldDueOn,
        "done_on" => Msg::FieldDoneOn,
        "done_by" => Msg::FieldDoneBy,
        "description" => Msg::FieldDescription,
        "parent" => Msg::FieldParent,
        "level" => Msg::FieldLevel,
        "raised_on" => Msg::FieldRaisedOn,
        "cleared_on" => Msg::FieldClearedOn,
        "concern" => Msg::FieldConcern,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages_read_naturally() {
        let a = |years, months, estimated| {
            Some(Age {
                years,
                months,
                estimated,
            })
        };
        assert_eq!(age(Lang::En, a(9, 110, false)), "9 years");
        assert_eq!(age(Lang::En, a(1, 14, false)), "14 months");
        assert_eq!(age(Lang::En, a(9, 110, true)), "about 9 years");
        assert_eq!(age(Lang::En, None), "unknown");
    }

    #[test]
    fn schooling_names_the_class() {
        assert_eq!(
            schooling(Lang::En, Schooling::Enrolled { class: Some(4) }),
            "Class 4"
        );
    }
}
