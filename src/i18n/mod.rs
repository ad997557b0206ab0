//! Every user-visible string, keyed by language.
//!
//! Pages never hold text: they ask for a [`Msg`] in the current [`Lang`].
//! Each language is one file with an exhaustive `match` over [`Msg`], so a
//! language missing a message does not compile. Adding a language is that
//! file plus its line in [`Lang`] (tag, own name, and the `text` dispatch). Messages with values hold
//! `{name}` placeholders filled by [`fill`].

mod en;
pub mod exchange;
pub mod formats;
mod hi;
pub mod labels;
mod ml;
pub mod record_fields;
pub mod refusals;
pub mod seed;

use crate::domain::form::Problem;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    #[serde(rename = "en")]
    En,
    #[serde(rename = "hi")]
    Hi,
    #[serde(rename = "ml")]
    Ml,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Hi, Lang::Ml];

    /// The BCP 47 tag, for the document's `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Hi => "hi",
            Lang::Ml => "ml",
        }
    }

    /// The language's own name for itself, for the language picker.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Hi => "हिन्दी",
            Lang::Ml => "മലയാളം",
        }
    }
}

/// The text of `msg` in `lang`.
pub fn text(lang: Lang, msg: Msg) -> &'static str {
    match lang {
        Lang::En => en::text(msg),
        Lang::Hi => hi::text(msg),
        Lang::Ml => ml::text(msg),
    }
}

/// Fills `{name}` placeholders in a message.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// The message for a form problem, with its numbers filled in.
pub fn problem_text(lang: Lang, problem: Problem) -> String {
    let t = |m| text(lang, m);
    match problem {
        Problem::Required => t(Msg::ErrRequired).to_string(),
        Problem::TooLong { max } => fill(t(Msg::ErrTooLong), &[("max", &max.to_string())]),
        Problem::NotADate => t(Msg::ErrNotADate).to_string(),
        Problem::InFuture => t(Msg::ErrInFuture).to_string(),
        Problem::OlderThan { years } => {
            fill(t(Msg::ErrOlderThan), &[("years", &years.to_string())])
        }
        Problem::NotAWholeNumber => t(Msg::ErrNotAWholeNumber).to_string(),
        Problem::OutOfRange { min, max } => fill(
            t(Msg::ErrOutOfRange),
            &[("min", &min.to_string()), ("max", &max.to_string())],
        ),
        Problem::NotAPhoneNumber => t(Msg::ErrNotAPhoneNumber).to_string(),
        Problem::AlreadyExists => t(Msg::ErrAlreadyExists).to_string(),
        Problem::MinAboveMax => t(Msg::ErrMinAboveMax).to_string(),
        Problem::WrongParentLevel => t(Msg::ErrWrongParentLevel).to_string(),
        Problem::TooEarly => t(Msg::ErrTooEarly).to_string(),
    }
}

macro_rules! messages {
    ($($name:ident),* $(,)?) => {
        /// A user-visible message.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Msg { $($name),* }

        impl Msg {
            pub const ALL: &'static [Msg] = &[$(Msg::$name),*];
        }
    };
}

messages! {
    // Shell
    AppName, AppTagline, SkipToContent, NavMain, NavHome, NavPeople, NavGroups, NavPlaces,
    NavProgrammes, NavSettings, Loading, PrivacyNote, Dismiss, Cancel, Save, SaveChanges, Edit,
    Delete, Change, All, Optional, ChooseOne, ShowingCount, ShowingRange, Pages, PagePrevious,
    PageNext, PageOf, NoPickMatches, FormHasErrors,
    NotFoundTitle, NotFoundBody, GoHome, ConfirmDeleteTitle, ConfirmDeleteYes, Offline, AppUpdated,
    AppUpdatedReload,
    // Home
    WelcomeTitle, WelcomeBody, WelcomeSeeds, AddFirstChild, HomeTitle, HomePeopleCount, HomeOnePerson, HomeOneGroup,
    HomeGroupsCount,
    // People
    PeopleTitle, SearchLabel, SearchHint, AddPerson, NoPeopleYet, NoMatches, WhoFilter, WhoEveryone,
    WhoChildren, WhoAdults, ColName, ColAge, ColSex, ColVillage, ColSchooling,
    AgeYears, AgeMonths, AgeEstimated, AgeUnknown,
    NewPersonTitle, EditPersonTitle, SectionIdentity, SectionBirth, SectionFamily, SectionPlace,
    SectionSchool, SectionNotes, FieldGivenName, FieldFamilyName, FieldFamilyNameHint, FieldSex,
    BirthDateKnown, BirthDateUnknown, FieldBirthDate, FieldApproxYears, FieldApproxStatedOn,
    FieldApproxHint, FieldGuardianName, FieldGuardianRelationship, FieldPhone, FieldPhoneHint,
    FieldVillage, FieldCommunity, FieldCommunityHint, FieldSchooling, FieldClass, FieldNotes,
    SexFemale, SexMale, SexOther,
    RelMother, RelFather, RelGrandparent, RelSibling, RelOtherRelative, RelCaregiver,
    SchoolUnknown, SchoolEnrolled, SchoolDroppedOut, SchoolNeverEnrolled, SchoolClass, SchoolCompleted,
    SchoolReEnrolled, SchoolMainstreamed,
    BackToPeople, PersonNotFound, RegisteredOn, ChangedOn, ConfirmDeletePerson,
    SavedRecord, DeletedRecord, PersonGroupsTitle, NoMemberships, DuplicateWarning, DuplicateHint,
    RegisterAnyway,
    // Errors in fields
    ErrRequired, ErrTooLong, ErrNotADate, ErrInFuture, ErrOlderThan, ErrNotAWholeNumber,
    ErrOutOfRange, ErrNotAPhoneNumber, ErrAlreadyExists, ErrMinAboveMax, ErrWrongParentLevel,
    ErrTooEarly,
    // Saving
    StorageFull, StorageRefused, RecordGone, RecordInUse, IdsExhausted, DamagedData, MetaRebuilt,
    NewerFormat, StorageUnavailable, OtherTabChanged,
    // Places
    PlacesTitle, AddPlace, NoPlacesYet, SearchPlaces, FieldPlaceName, FieldLevel, FieldParent,
    LevelState, LevelDistrict, LevelBlock, LevelWard, EditPlaceTitle, PlaceNotFound,
    ConfirmDeletePlace, BackToPlaces,
    // Programmes
    ProgrammesTitle, AddProgramme, NewProgrammeTitle, EditProgrammeTitle, FieldProgrammeName,
    FieldDescription, FieldMembers, MembersChildren, MembersAdults, MembersAnyone, FieldSexRule,
    AnySex, FieldMinAge, FieldMaxAge, FieldMinMembers, FieldMaxMembers, FieldMeetingsPerMonth,
    FieldRoles, FieldThemes, FieldConcurrent, FieldAbsences, ProgrammeNotFound,
    ConfirmDeleteProgramme, RuleAges, RuleMaxMembers, RuleMeetings, RuleOneGroup, GroupCount,
    BackToProgrammes,
    // Groups
    GroupsTitle, AddGroup, NewGroupTitle, EditGroupTitle, NoGroupsYet, NoGroupsMatch,
    FieldGroupName, FieldProgramme, FieldPlace, FieldFormedOn, FieldStatus, FieldMentor,
    StatusActive, StatusDormant, StatusClosed, ColMembers, ColProgramme, ColStatus, GroupNotFound,
    BackToGroups, ConfirmDeleteGroup, CurrentMembers, CurrentMembersOfMax, PastMembers, NoMembers,
    AddMember, FieldPerson, FieldRole, FieldJoinedOn, JoinButton, MemberAdded, EndMembership,
    FieldLeftOn, FieldLeaveReason, EndMembershipButton, MembershipEnded, ColRole, ColJoined,
    ColLeft, ColReason, ColGroup, LeftRecordDeleted, SearchPeople,
    // Refusals
    RefUnknownPerson, RefGroupClosed, RefJoinInFuture, RefBeforeFormed, RefBeforeBirth,
    RefChildrenOnly, RefAdultsOnly, RefTooYoung, RefTooOld, RefWrongSex, RefGroupFull,
    RefAlreadyMember, RefInAnotherGroup, RefUnknownRole, LeaveAlreadyEnded, LeaveBeforeJoining,
    LeaveInFuture, MeetInFuture, MeetBeforeFormed, MeetAlreadyRecorded, MeetNotAMember,
    // Meetings
    MeetingsTitle, RecordMeeting, NewMeetingTitle, MeetingTitle, NoMeetings, FieldDate, FieldStart,
    FieldFacilitator, FieldTopics, FieldMeetingThemes, FieldDecisions, FieldGuests, AttendanceTitle,
    AttendanceHint, MarkPresent, MarkAbsent, FieldAbsenceReason, AbsNotGiven, AbsIllness, AbsWork,
    AbsFamily, AbsStudies, AbsTravel, AbsOther, PresentCount, MeetingSaved, MeetingDeleted,
    ConfirmDeleteMeeting, MeetingNotFound, BackToGroup, RhythmTitle, RhythmMet, RhythmMissed,
    RhythmInProgress, RhythmHeld, AbsentInARow, FollowUpTitle, NeedsFollowUp, NoFollowUps,
    BehindTarget, NoneBehindTarget, AttendanceHistory, AttendanceRate, NoAttendance, NavFollowUp,
    GuestsCount, NoMembersOnDate,
    // Protection: flags, cases, follow-ups
    NavCases, CasesTitle, SensitiveBadge, SensitiveNote, FlagsTitle, RaiseFlag, FieldConcern,
    FieldRaisedOn, ClearFlag, FieldClearedOn, OpenFlags, NoOpenFlags, FlagRaised, FlagCleared,
    RaisedBy, RaisedOnText, ClearedOnText, ConcernOutOfSchool, ConcernChildLabour, ConcernChildMarriage,
    ConcernTrafficking, ConcernSlavery, ConcernDrugUse, ConcernAbuse, ConcernOther, OpenCase,
    NewCaseTitle, CaseTitle, FieldIntake, FieldConcerns, FieldReferredBy, FieldRescuePlace,
    FieldGuardianConsent, FieldChildAssent, ConsentNotGiven, CarePlan, AddGoal, FieldGoalArea,
    FieldGoalText, GoalAchieved, MarkAchieved, NoGoals, ChangeStatus, FieldNewStatus,
    FieldStatusDate, FieldStatusReason, StatusHistory, CaseSaved, CaseNotFound, NoCases,
    CaseOpen, CaseInCare, CaseReintegrated, CaseTransferred, CaseClosed, GoalEducation,
    GoalHealth, GoalLegal, GoalFamilyTracing, GoalCounselling, GoalSkills, CaseFollowUps,
    PlanFollowUp, FieldDueOn, FieldPlan, RecordDone, FieldDoneOn, FieldDoneBy, FieldOutcome,
    OverdueFollowUps, NoOverdue, DueOnText, DoneOnText, OverdueText, NoFollowUpsPlanned,
    CaseNotAllowed, CaseReasonRequired, CaseBeforeLastChange, CaseIsClosed, FlagBadClearing,
    PersonCases, AllConcerns,
    // Schooling history and training
    SchoolHistoryTitle, AddSchoolChange, FieldSchoolChange, FieldSchool, FieldChangeOn,
    NoSchoolHistory, CoursesTitle, AddCourse, FieldCourseName, FieldCourse, NoCourses,
    CompletedCourse, OutcomeEmployed, OutcomeSelfEmployed, OutcomeContinuing, OutcomeNotYetKnown,
    HomeOverdue, HomeOpenFlags, HomeOpenCases,
    // Export and import
    NavData, DataTitle, ExportTitle, ExportScope, ScopeAll, ScopeProgramme, ScopePlace, ScopeGroup,
    ExportJson, ExportWarning, CsvTitle, CsvPeople, CsvGroups, CsvMemberships, CsvMeetings,
    CsvAttendance, Exported, ImportTitle, ImportHint, DropHere, ReadingFile, PreviewTitle,
    PreviewFrom, CountNew, CountUpdated, CountUnchanged, CountConflicts, CountInvalid,
    ConflictsTitle, KeepMine, TakeTheirs, KeepAllMine, TakeAllTheirs, MineVersion, TheirVersion,
    DeletedVersion, ConflictAttendance, ConflictYes, ConflictNo, ConflictRaisedBy, InvalidTitle, ApplyImport, Imported, NothingToImport, UndoImport,
    UndoImportBody, UndoImportYes, ImportUndone, ExportReminder, ExportReminderNever,
    ImpTooLarge, ImpEmpty, ImpTruncated, ImpNotJson, ImpNotOurs, ImpEncrypted, ImpNewer, ImpTooOld,
    ImpMigration, ImpBadHeader, ImpBadTable, ImpUnknownTable, ProbUnreadable, ProbBadClock,
    ProbDuplicateId, ProbField, ProbUnknownRef, ProbRefersToInvalid, ProbMoved, ApplyUnresolved,
    ApplyChangedMeanwhile, KindPeople, KindPlaces, KindProgrammes, KindGroups, KindMemberships,
    KindMeetings, KindFlags, KindCases, KindFollowUps, KindCourses, KindChanges, CsvImportTitle, CsvImportHint,
    CsvColumn, CsvNotImported, CsvMissing, PeopleNew, PeopleDuplicates, PeopleInvalid, RowText,
    AddPeople, PeopleAdded, CsvTooLarge, CsvEmpty, CsvUnclosed, CsvUnrecognised,
    // Dashboard and reports
    FiltersTitle, FieldPeriod, PeriodThisMonth, PeriodThreeMonths, PeriodTwelveMonths,
    PeriodThisYear, PeriodLastYear, FigChildren, FigWomenMembers, FigGroups, FigActiveProgrammes,
    FigMeetingsThisMonth, OfTarget, FigOpenFlags, FigOverdue, FigReEnrolled, RollupTitle, ColWards,
    ColGroups, ColPerGroup, Total, NoFigures, ChartAgeSex, ChartMeetings, SeriesHeld, SeriesTarget,
    ChartAttendance, SeriesAttendance, ChartFlags, SeriesOpenFlags, ChartSchooling, SummaryTitle,
    GroupReportTitle, MonthlyReport, PeriodText, AllProgrammes, AllPlaces, PreparedOn, PreparedBy,
    Print, BackToDashboard, FieldMonth, PreviousMonth, NextMonth, FigMeetingsHeld,
    NoMeetingsInMonth, PresentOfExpected, RegisterTitle, MarksKey, PresentShort, AbsentShort,
    SignatureMentor, SignatureCoordinator,
    // Demonstration
    DemoBanner, LeaveDemo, DemoTitle, DemoHint, DemoScale, DemoEnter, DemoPreparing, DemoSmall,
    DemoMedium, DemoLarge, DemoBalasabhas,
    // Privacy: the passphrase lock, protected files, forgetting the device
    LockedTitle, LockedBody, FieldPassphrase, Unlock, Unlocking, WrongPassphrase,
    NeedsOtherPassphrase, CryptoUnavailable, LockUnreadable, Busy, LockedByOtherTab,
    NotSavedReloaded, LockNow, Saving, LockTitle, LockOffBody, LockOnBody, FieldNewPassphrase,
    FieldNewPassphraseHint, FieldRepeatPassphrase, FieldCurrentPassphrase, SetPassphrase,
    ChangePassphrase, RemovePassphrase, PassphraseTooShort, PassphrasesDiffer, PassphraseSet,
    PassphraseChanged, PassphraseRemoved, Encrypting, FieldLockAfter, LockAfterMinutes,
    ForgetTitle, ForgetBody, ForgetWord, ForgetType, ForgetButton, Forgetting, ForgottenTitle,
    ForgottenBody, StartAgain, ForgotPassphrase, ForgotPassphraseBody, ExportProtect,
    ExportProtectHint, ExportUnprotected, EncryptingFile, OpeningFile, ImportPassphraseHint, OpenFile,
    ImportWrongPassphrase, ImportDamaged, ImportNewerEncrypted,
    // The audit trail
    HistoryTitle, HistoryEmpty, HistoryAdded, HistoryChanged, HistoryDeleted, HistoryBy,
    HistoryByUnknown,
    // Settings
    SettingsTitle, FieldOrganisation, FieldVolunteer, FieldVolunteerHint, FieldLanguage,
    SaveSettings, SettingsSaved, FieldDateFormat, FieldNumberFormat,
    // Storage on this device
    StorageTitle, StorageUsed, StorageNearlyFull, StorageEstimate, StorageKept, StorageNotKept,
    StorageKeepAsk, StorageNoPromise,
    // The built-in programmes' own texts
    SeedBalasabha, SeedAuxiliaryGroup, SeedBalMitraGram, SeedBanjaraCentre, SeedBalAshram, SeedBalikaAshram, SeedBalasabhaAbout, SeedAuxiliaryAbout, SeedBalMitraGramAbout, SeedBanjaraAbout, SeedBalAshramAbout, SeedBalikaAshramAbout, RoleMember, RoleLeader, RoleSecretary, RoleTeamLeader, RoleRepresentative, RolePresident, RoleLearner, RoleResident, RoleTrainee, ThemePlay, ThemeLeadership, ThemeCooperation, ThemeScience, ThemeDemocracy, ThemeEnvironment, ThemePersonality, ThemeLivelihood, ThemeGender, ThemeViolence, ThemeTraining, ThemeHealth, ThemeChildRights, ThemeEducation, ThemeCounselling,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placeholders(s: &str) -> Vec<&str> {
        let mut v: Vec<&str> = s
            .split('{')
            .skip(1)
            .filter_map(|p| p.split('}').next())
            .collect();
        v.sort_unstable();
        v
    }

    #[test]
    fn no_message_is_empty_in_any_language() {
        for &lang in &Lang::ALL {
            for &msg in Msg::ALL {
                assert!(!text(lang, msg).trim().is_empty(), "{lang:?} {msg:?}");
            }
        }
    }

    #[test]
    fn every_language_uses_the_same_placeholders_as_english() {
        for &lang in &Lang::ALL {
            for &msg in Msg::ALL {
                assert_eq!(
                    placeholders(text(lang, msg)),
                    placeholders(text(Lang::En, msg)),
                    "{lang:?} {msg:?}"
                );
            }
        }
    }

    /// A message copied from English instead of translated shows as
    /// English on a translated page. Only messages that are nothing but
    /// placeholders and punctuation may read the same.
    #[test]
    fn every_language_translates_every_message() {
        let words = |s: &str| {
            let mut rest = s.to_string();
            for p in placeholders(s) {
                rest = rest.replace(&format!("{{{p}}}"), "");
            }
            rest.chars().any(|c| c.is_alphabetic())
        };
        for &lang in Lang::ALL.iter().filter(|&&l| l != Lang::En) {
            let untranslated: Vec<Msg> = Msg::ALL
                .iter()
                .copied()
                .filter(|&m| text(lang, m) == text(Lang::En, m) && words(text(Lang::En, m)))
                .collect();
            assert!(
                untranslated.is_empty(),
                "{lang:?} still in English: {untranslated:?}"
            );
        }
    }

    #[test]
    fn placeholders_are_compared_by_name() {
        assert_eq!(placeholders("{b} of {a}"), vec!["a", "b"]);
        assert_ne!(
            placeholders("{cout} groups"),
            placeholders("{count} groups")
        );
    }

    #[test]
    fn every_language_has_a_tag_and_its_own_name() {
        let tags: std::collections::HashSet<_> = Lang::ALL.iter().map(|l| l.tag()).collect();
        assert_eq!(tags.len(), Lang::ALL.len());
        assert_eq!(Lang::Hi.native_name(), "हिन्दी");
        assert_eq!(Lang::Ml.native_name(), "മലയാളം");
        for &lang in &Lang::ALL {
            let json = serde_json::to_string(&lang).unwrap();
            assert_eq!(json, format!("\"{}\"", lang.tag()));
        }
    }

    #[test]
    fn fill_replaces_every_placeholder() {
        assert_eq!(
            fill("{a} of {b}, {a}", &[("a", "1"), ("b", "2")]),
            "1 of 2, 1"
        );
    }

    #[test]
    fn problems_read_with_their_numbers() {
        assert_eq!(
            problem_text(Lang::En, Problem::OutOfRange { min: 1, max: 12 }),
            "Enter a number from 1 to 12."
        );
    }
}
