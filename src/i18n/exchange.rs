//! Messages for exchange files: why a file or a record was refused.

use super::{fill, problem_text, text, Lang, Msg};
use crate::domain::register::Kind;
use crate::exchange::checks::RecordProblem;
use crate::exchange::csv::CsvError;
use crate::exchange::import::ImportError;
use crate::exchange::merge::ApplyError;

pub fn kind(k: Kind) -> Msg {
    match k {
        Kind::People => Msg::KindPeople,
        Kind::Places => Msg::KindPlaces,
        Kind::Programmes => Msg::KindProgrammes,
        Kind::Groups => Msg::KindGroups,
        Kind::Memberships => Msg::KindMemberships,
        Kind::Meetings => Msg::KindMeetings,
        Kind::Flags => Msg::KindFlags,
        Kind::Cases => Msg::KindCases,
        Kind::FollowUps => Msg::KindFollowUps,
        Kind::Courses => Msg::KindCourses,
        Kind::Changes => Msg::KindChanges,
    }
}

fn megabytes(bytes: u64) -> String {
    (bytes / 1_000_000).to_string()
}

pub fn import_error(lang: Lang, e: &ImportError) -> String {
    let t = |m| text(lang, m);
    match e {
        ImportError::TooLarge { bytes, limit } => fill(
            t(Msg::ImpTooLarge),
            &[("size", &megabytes(*bytes)), ("limit", &megabytes(*limit))],
        ),
        ImportError::Empty => t(Msg::ImpEmpty).into(),
        ImportError::Truncated => t(Msg::ImpTruncated).into(),
        ImportError::NotJson { line, column } => fill(
            t(Msg::ImpNotJson),
            &[("line", &line.to_string()), ("column", &column.to_string())],
        ),
        ImportError::NotOurFormat { .. } => t(Msg::ImpNotOurs).into(),
        ImportError::Encrypted => t(Msg::ImpEncrypted).into(),
        ImportError::NewerVersion { found, known } => fill(
            t(Msg::ImpNewer),
            &[("found", &found.to_string()), ("known", &known.to_string())],
        ),
        ImportError::TooOld { found, .. } => {
            fill(t(Msg::ImpTooOld), &[("found", &found.to_string())])
        }
        ImportError::MigrationFailed { reason, .. } => {
            fill(t(Msg::ImpMigration), &[("reason", reason)])
        }
        ImportError::BadHeader { field, reason } => fill(
            t(Msg::ImpBadHeader),
            &[("field", field), ("reason", reason)],
        ),
        ImportError::BadTable { table } => fill(t(Msg::ImpBadTable), &[("kind", t(kind(*table)))]),
        ImportError::UnknownTable { name } => fill(t(Msg::ImpUnknownTable), &[("name", name)]),
    }
}

pub fn record_problem(lang: Lang, p: &RecordProblem) -> String {
    let t = |m| text(lang, m);
    match p {
        RecordProblem::Unreadable(detail) => fill(t(Msg::ProbUnreadable), &[("detail", detail)]),
        RecordProblem::BadClock => t(Msg::ProbBadClock).into(),
        RecordProblem::DuplicateId => t(Msg::ProbDuplicateId).into(),
        RecordProblem::Field { field, problem } => fill(
            t(Msg::ProbField),
            &[("field", field), ("problem", &problem_text(lang, *problem))],
        ),
        RecordProblem::UnknownReference(link) => {
            fill(t(Msg::ProbUnknownRef), &[("field", link.field)])
        }
        RecordProblem::RefersToInvalid(link) => {
            fill(t(Msg::ProbRefersToInvalid), &[("field", link.field)])
        }
        RecordProblem::MovedToAnotherGroup => t(Msg::ProbMoved).into(),
    }
}

pub fn apply_error(lang: Lang, e: &ApplyError) -> String {
    match e {
        ApplyError::Unresolved { .. } => text(lang, Msg::ApplyUnresolved).into(),
        ApplyError::ChangedMeanwhile { .. } => text(lang, Msg::ApplyChangedMeanwhile).into(),
    }
}

pub fn csv_error(lang: Lang, e: &CsvError) -> String {
    match e {
        CsvError::TooLarge { bytes, .. } => fill(
            text(lang, Msg::CsvTooLarge),
            &[("size", &megabytes(*bytes))],
        ),
        CsvError::Empty => text(lang, Msg::CsvEmpty).into(),
        CsvError::UnclosedQuote { row } => {
            fill(text(lang, Msg::CsvUnclosed), &[("row", &row.to_string())])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_newer_file_says_to_update_the_app() {
        let m = import_error(Lang::En, &ImportError::NewerVersion { found: 3, known: 1 });
        assert!(
            m.contains("newer version") && m.contains("format 3") && m.contains("up to 1"),
            "{m}"
        );
    }

    #[test]
    fn a_huge_file_gives_its_size() {
        let m = import_error(
            Lang::En,
            &ImportError::TooLarge {
                bytes: 150_000_000,
                limit: 100_000_000,
            },
        );
        assert!(m.contains("150 MB") && m.contains("100 MB"), "{m}");
    }
}
