//! Messages for changes the register's rules refused.

use super::formats::Formats;
use super::{fill, labels, text, Lang, Msg};
use crate::domain::case_rules::CaseProblem;
use crate::domain::edit::EditError;
use crate::domain::joining::{LeaveRefusal, Refusal};
use crate::domain::meeting_rules::MeetingProblem;
use crate::domain::register::Register;

/// Why a change was refused, in a sentence or a few.
pub fn edit_error(lang: Lang, fmt: Formats, reg: &Register, e: &EditError) -> String {
    match e {
        EditError::NotFound => text(lang, Msg::RecordGone).into(),
        EditError::InUse => text(lang, Msg::RecordInUse).into(),
        EditError::IdsExhausted => text(lang, Msg::IdsExhausted).into(),
        EditError::Join(why) => why
            .iter()
            .map(|r| refusal(lang, fmt, reg, r))
            .collect::<Vec<_>>()
            .join(" "),
        EditError::Leave(why) => text(lang, leave_refusal(*why)).into(),
        EditError::Case(why) => case_problem(lang, why),
        EditError::Meeting(why) => why
            .iter()
            .map(|p| meeting_problem(lang, fmt, reg, p))
            .collect::<Vec<_>>()
            .join(" "),
    }
}

pub fn case_problem(lang: Lang, p: &CaseProblem) -> String {
    let t = |m| text(lang, m);
    match p {
        CaseProblem::UnknownPerson => t(Msg::RefUnknownPerson).into(),
        CaseProblem::DateInFuture => t(Msg::ErrInFuture).into(),
        CaseProblem::BeforeBirth => t(Msg::RefBeforeBirth).into(),
        CaseProblem::NotAllowed { from, to } => fill(
            t(Msg::CaseNotAllowed),
            &[
                ("from", t(labels::case_status(*from))),
                ("to", t(labels::case_status(*to))),
            ],
        ),
        CaseProblem::ReasonRequired => t(Msg::CaseReasonRequired).into(),
        CaseProblem::BeforeLastChange => t(Msg::CaseBeforeLastChange).into(),
        CaseProblem::CaseClosed => t(Msg::CaseIsClosed).into(),
        CaseProblem::BadClearing => t(Msg::FlagBadClearing).into(),
    }
}

pub fn meeting_problem(lang: Lang, fmt: Formats, reg: &Register, p: &MeetingProblem) -> String {
    let t = |m| text(lang, m);
    match p {
        MeetingProblem::UnknownGroup => t(Msg::RecordGone).into(),
        MeetingProblem::DateInFuture => t(Msg::MeetInFuture).into(),
        MeetingProblem::BeforeGroupFormed { formed_on } => {
            fill(t(Msg::MeetBeforeFormed), &[("date", &fmt.date(*formed_on))])
        }
        MeetingProblem::AlreadyRecorded { .. } => t(Msg::MeetAlreadyRecorded).into(),
        MeetingProblem::NotAMember { person } => {
            let name = reg.person_name(*person);
            fill(t(Msg::MeetNotAMember), &[("name", &name)])
        }
        MeetingProblem::UnknownFacilitator => t(Msg::RefUnknownPerson).into(),
        MeetingProblem::GroupChanged => t(Msg::RecordGone).into(),
    }
}

pub fn refusal(lang: Lang, fmt: Formats, reg: &Register, r: &Refusal) -> String {
    let t = |m| text(lang, m);
    let n = |v: u32| v.to_string();
    match r {
        Refusal::UnknownPerson => t(Msg::RefUnknownPerson).into(),
        Refusal::UnknownGroup => t(Msg::RecordGone).into(),
        Refusal::GroupClosed => t(Msg::RefGroupClosed).into(),
        Refusal::JoinDateInFuture => t(Msg::RefJoinInFuture).into(),
        Refusal::BeforeGroupFormed { formed_on } => {
            fill(t(Msg::RefBeforeFormed), &[("date", &fmt.date(*formed_on))])
        }
        Refusal::BeforeBirth => t(Msg::RefBeforeBirth).into(),
        Refusal::ChildrenOnly { age } => fill(t(Msg::RefChildrenOnly), &[("age", &n(*age))]),
        Refusal::AdultsOnly { age } => fill(t(Msg::RefAdultsOnly), &[("age", &n(*age))]),
        Refusal::TooYoung { age, min } => fill(
            t(Msg::RefTooYoung),
            &[("age", &n(*age)), ("min", &min.to_string())],
        ),
        Refusal::TooOld { age, max } => fill(
            t(Msg::RefTooOld),
            &[("age", &n(*age)), ("max", &max.to_string())],
        ),
        Refusal::WrongSex { allowed } => {
            fill(t(Msg::RefWrongSex), &[("sex", t(labels::sex(*allowed)))])
        }
        Refusal::GroupFull { max } => fill(t(Msg::RefGroupFull), &[("max", &max.to_string())]),
        Refusal::AlreadyMember => t(Msg::RefAlreadyMember).into(),
        Refusal::InAnotherGroup { group } => {
            let name = reg.group_name(*group);
            fill(t(Msg::RefInAnotherGroup), &[("group", &name)])
        }
        Refusal::UnknownRole { role } => fill(t(Msg::RefUnknownRole), &[("role", role)]),
    }
}

pub fn leave_refusal(r: LeaveRefusal) -> Msg {
    match r {
        LeaveRefusal::AlreadyEnded => Msg::LeaveAlreadyEnded,
        LeaveRefusal::BeforeJoining => Msg::LeaveBeforeJoining,
        LeaveRefusal::InFuture => Msg::LeaveInFuture,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::person::Sex;

    #[test]
    fn refusals_read_with_their_numbers() {
        let reg = Register::default();
        assert_eq!(
            refusal(
                Lang::En,
                Formats::default(),
                &reg,
                &Refusal::GroupFull { max: 50 }
            ),
            "This group already has 50 members, the most its programme allows."
        );
        assert_eq!(
            refusal(
                Lang::En,
                Formats::default(),
                &reg,
                &Refusal::TooOld { age: 41, max: 40 }
            ),
            "This programme takes members up to age 40; this person was 41 on the joining date."
        );
        assert_eq!(
            refusal(
                Lang::En,
                Formats::default(),
                &reg,
                &Refusal::WrongSex {
                    allowed: Sex::Female
                }
            ),
            "This programme is only for: Girl / woman."
        );
    }
}
