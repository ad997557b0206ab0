//! The fields of a record as a volunteer reads them, for a conflict in an
//! import's preview: each field named as its form names it, and each value
//! as text in the app's language and formats (dates in the chosen style,
//! choices by their labels, people, groups and places by name, a meeting's
//! attendance counted) — never a field key or JSON.

use super::formats::Formats;
use super::{exchange, fill, labels, seed, text, Lang, Msg};
use crate::domain::case::{CaseStatus, Consent, Goal, StatusChange};
use crate::domain::group::GroupStatus;
use crate::domain::id::Id;
use crate::domain::meeting::{Attendance, Mark};
use crate::domain::person::{Birth, Relationship, Sex};
use crate::domain::place::{self, Level};
use crate::domain::programme::Members;
use crate::domain::register::{Kind, Register};
use crate::domain::risk::Concern;
use crate::domain::schooling::SchoolHistory;
use crate::domain::training::Outcome;
use crate::exchange::any_record::AnyRecord;
use crate::exchange::differences::{self, Difference};
use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// Shown for an empty value.
pub const EMPTY: &str = "—";

/// One field that differs, ready to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub label: String,
    pub mine: String,
    pub theirs: String,
}

/// The label of a record's field: the one its form shows.
pub fn label(kind: Kind, field: &str) -> Option<Msg> {
    Some(match (kind, field) {
        (Kind::Places, "name") => Msg::FieldPlaceName,
        (Kind::Programmes, "name") => Msg::FieldProgrammeName,
        (Kind::Groups, "name") => Msg::FieldGroupName,
        (Kind::Courses, "name") => Msg::FieldCourseName,
        // A programme's rules, compared one by one.
        (Kind::Programmes, "members") => Msg::FieldMembers,
        (Kind::Programmes, "sex") => Msg::FieldSexRule,
        (Kind::Programmes, "min_age") => Msg::FieldMinAge,
        (Kind::Programmes, "max_age") => Msg::FieldMaxAge,
        (Kind::Programmes, "min_members") => Msg::FieldMinMembers,
        (Kind::Programmes, "max_members") => Msg::FieldMaxMembers,
        (Kind::Programmes, "meetings_per_month") => Msg::FieldMeetingsPerMonth,
        (Kind::Programmes, "roles") => Msg::FieldRoles,
        (Kind::Programmes, "concurrent_groups") => Msg::FieldConcurrent,
        (Kind::Programmes, "themes") => Msg::FieldThemes,
        (Kind::Programmes, "absences_before_follow_up") => Msg::FieldAbsences,
        (_, "themes") => Msg::FieldMeetingThemes,
        (_, "person") => Msg::FieldPerson,
        (_, "group") => Msg::ColGroup,
        (_, "formed_on") => Msg::FieldFormedOn,
        (_, "completed") => Msg::CompletedCourse,
        (_, "start") => Msg::FieldStart,
        (_, "facilitator") => Msg::FieldFacilitator,
        (_, "topics") => Msg::FieldTopics,
        (_, "decisions") => Msg::FieldDecisions,
        (_, "guests") => Msg::FieldGuests,
        (_, "attendance") => Msg::AttendanceTitle,
        (_, "raised_by") => Msg::ConflictRaisedBy,
        (_, "note") => Msg::FieldNotes,
        (_, "intake_on") => Msg::FieldIntake,
        (_, "concerns") => Msg::FieldConcerns,
        (_, "referred_by") => Msg::FieldReferredBy,
        (_, "rescue_place") => Msg::FieldRescuePlace,
        (_, "guardian_consent") => Msg::FieldGuardianConsent,
        (_, "child_assent") => Msg::FieldChildAssent,
        (_, "goals") => Msg::CarePlan,
        (_, "history") => Msg::StatusHistory,
        (_, "case") => Msg::KindCases,
        (_, other) => return labels::field(other),
    })
}

/// Reads values against a register, in a language and formats.
pub struct Reader<'a> {
    pub reg: &'a Register,
    pub lang: Lang,
    pub formats: Formats,
}

fn typed<T: DeserializeOwned>(v: &Value) -> Option<T> {
    serde_json::from_value(v.clone()).ok()
}

fn date_field(field: &str) -> bool {
    matches!(
        field,
        "formed_on"
            | "joined_on"
            | "left_on"
            | "date"
            | "raised_on"
            | "cleared_on"
            | "intake_on"
            | "due_on"
            | "done_on"
    )
}

fn nonempty(s: String) -> Option<String> {
    (!s.trim().is_empty()).then_some(s)
}

impl Reader<'_> {
    fn t(&self, m: Msg) -> &'static str {
        text(self.lang, m)
    }

    fn date(&self, d: NaiveDate) -> String {
        self.formats.date(d)
    }

    fn person(&self, id: Id) -> Option<String> {
        nonempty(self.reg.person_name(id))
    }

    /// The rows of a conflict: every field that differs, labelled and
    /// written out; a deleted side says so.
    pub fn rows(&self, mine: &AnyRecord, theirs: &AnyRecord) -> Vec<Row> {
        let kind = mine.kind();
        let side = |r: &AnyRecord, v: &Option<Value>, field: &str| match v {
            Some(v) => self.value(kind, field, v),
            None if r.is_deleted() => self.t(Msg::DeletedVersion).to_string(),
            None => EMPTY.to_string(),
        };
        let mut rows = Vec::new();
        for d in differences::differences(mine, theirs) {
            // A programme's rules are its form's fields: compared one by one.
            if d.field == "rules" {
                if let (Some(a), Some(b)) = (&d.mine, &d.theirs) {
                    let (a, b) = (differences::members(a), differences::members(b));
                    if a.is_some() && b.is_some() {
                        let inner = differences::between(a.as_deref(), b.as_deref());
                        rows.extend(inner.into_iter().map(|i: Difference| Row {
                            label: self.label(kind, &i.field),
                            mine: side(mine, &i.mine, &i.field),
                            theirs: side(theirs, &i.theirs, &i.field),
                        }));
                        continue;
                    }
                }
            }
            rows.push(Row {
                label: self.label(kind, &d.field),
                mine: side(mine, &d.mine, &d.field),
                theirs: side(theirs, &d.theirs, &d.field),
            });
        }
        if rows.is_empty() && (mine.is_deleted() || theirs.is_deleted()) {
            let deleted = |r: &AnyRecord| {
                if r.is_deleted() {
                    self.t(Msg::DeletedVersion).to_string()
                } else {
                    EMPTY.to_string()
                }
            };
            rows.push(Row {
                label: String::new(),
                mine: deleted(mine),
                theirs: deleted(theirs),
            });
        }
        rows
    }

    /// A field's label; a field no form shows is named by its key in
    /// words rather than left blank.
    pub fn label(&self, kind: Kind, field: &str) -> String {
        match label(kind, field) {
            Some(m) => self.t(m).to_string(),
            None => field.replace('_', " "),
        }
    }

    /// A field's value as text; a value with no reader of its own is shown
    /// as [`Reader::plain`] text.
    pub fn value(&self, kind: Kind, field: &str, v: &Value) -> String {
        if v.is_null() {
            return match (kind, field) {
                (Kind::Programmes, "sex") => self.t(Msg::AnySex).to_string(),
                _ => EMPTY.to_string(),
            };
        }
        self.read(kind, field, v)
            .and_then(nonempty)
            .unwrap_or_else(|| self.plain(v))
    }

    fn read(&self, kind: Kind, field: &str, v: &Value) -> Option<String> {
        let t = |m| self.t(m).to_string();
        let list = |items: Vec<String>| items.join(", ");
        if date_field(field) {
            return v
                .as_str()
                .and_then(crate::domain::time::parse_date)
                .map(|d| self.date(d));
        }
        match (kind, field) {
            (_, "person" | "mentor" | "facilitator") => self.person(typed(v)?),
            (_, "group") => nonempty(self.reg.group_name(typed(v)?)),
            (_, "place" | "parent") => nonempty(place::full_name(&self.reg.places, typed(v)?)),
            (_, "programme") => {
                let p = self.reg.programmes.get(typed(v)?)?;
                Some(seed::shown_owned(self.lang, &p.name))
            }
            (_, "course") => Some(self.reg.courses.get(typed(v)?)?.name.clone()),
            (_, "case") => self.person(self.reg.cases.get(typed(v)?)?.person),
            (Kind::Programmes, "name" | "description") => {
                Some(seed::shown_owned(self.lang, v.as_str()?))
            }
            (Kind::Programmes, "roles" | "themes") | (Kind::Meetings, "themes") => {
                let items: Vec<String> = typed(v)?;
                Some(list(
                    items
                        .iter()
                        .map(|s| seed::shown_owned(self.lang, s))
                        .collect(),
                ))
            }
            (Kind::Memberships, "role") => Some(seed::shown_owned(self.lang, v.as_str()?)),
            (Kind::Memberships, "leave_reason") => {
                Some(labels::leave_reason(self.lang, v.as_str()?))
            }
            (_, "sex") => Some(t(labels::sex(typed::<Sex>(v)?))),
            (_, "guardian_relationship") => {
                Some(t(labels::relationship(typed::<Relationship>(v)?)))
            }
            (_, "level") => Some(t(labels::level(typed::<Level>(v)?))),
            (_, "members") => Some(t(labels::members(typed::<Members>(v)?))),
            (Kind::Cases, "status") => Some(t(labels::case_status(typed::<CaseStatus>(v)?))),
            (_, "status") => Some(t(labels::status(typed::<GroupStatus>(v)?))),
            (_, "concern") => Some(t(labels::concern(typed::<Concern>(v)?))),
            (_, "concerns") => {
                let all: Vec<Concern> = typed(v)?;
                Some(list(
                    all.into_iter().map(|c| t(labels::concern(c))).collect(),
                ))
            }
            (Kind::Memberships, "completed") => Some(t(labels::outcome(typed::<Outcome>(v)?))),
            (_, "birth") => Some(self.birth(typed(v)?)),
            (_, "schooling") => Some(self.schooling(&typed(v)?)),
            (_, "attendance") => Some(self.attendance(&typed(v)?)),
            (_, "start") => {
                let minutes: u16 = typed(v)?;
                Some(format!("{:02}:{:02}", minutes / 60, minutes % 60))
            }
            (_, "guardian_consent" | "child_assent") => Some(self.consent(typed(v)?)),
            (_, "goals") => Some(self.goals(&typed::<Vec<Goal>>(v)?)),
            (_, "history") if kind == Kind::Cases => {
                Some(self.history(&typed::<Vec<StatusChange>>(v)?))
            }
            (Kind::Changes, "kind") => Some(t(exchange::kind(typed(v)?))),
            _ => None,
        }
    }

    fn birth(&self, b: Birth) -> String {
        match b {
            Birth::Known { date } => self.date(date),
            Birth::Approximate { years, stated_on } => {
                let age = fill(self.t(Msg::AgeYears), &[("years", &years.to_string())]);
                let about = fill(self.t(Msg::AgeEstimated), &[("age", &age)]);
                format!("{about} ({})", self.date(stated_on))
            }
        }
    }

    fn schooling(&self, h: &SchoolHistory) -> String {
        let events: Vec<String> = h
            .events()
            .iter()
            .map(|e| {
                let mut parts = vec![self.t(labels::school_change(e.change)).to_string()];
                if let Some(class) = e.class {
                    parts.push(fill(
                        self.t(Msg::SchoolClass),
                        &[("class", &class.to_string())],
                    ));
                }
                if !e.school.is_empty() {
                    parts.push(e.school.clone());
                }
                format!("{}: {}", self.date(e.on), parts.join(", "))
            })
            .collect();
        events.join("; ")
    }

    fn attendance(&self, a: &Attendance) -> String {
        let present = a.iter().filter(|(_, m)| *m == Mark::Present).count();
        let absent = a.expected() - present;
        fill(
            self.t(Msg::ConflictAttendance),
            &[
                ("present", &self.formats.number(present)),
                ("absent", &self.formats.number(absent)),
            ],
        )
    }

    fn consent(&self, c: Consent) -> String {
        match c.given_on {
            Some(d) => self.date(d),
            None => self.t(Msg::ConsentNotGiven).to_string(),
        }
    }

    fn goals(&self, goals: &[Goal]) -> String {
        let all: Vec<String> = goals
            .iter()
            .map(|g| {
                let mut s = format!("{}: {}", self.t(labels::goal_area(g.area)), g.text);
                if let Some(d) = g.achieved_on {
                    let achieved = fill(self.t(Msg::GoalAchieved), &[("date", &self.date(d))]);
                    s = format!("{s} ({achieved})");
                }
                s
            })
            .collect();
        all.join("; ")
    }

    fn history(&self, moves: &[StatusChange]) -> String {
        let all: Vec<String> = moves
            .iter()
            .map(|m| {
                let mut s = format!("{}: {}", self.date(m.on), self.t(labels::case_status(m.to)));
                if !m.reason.is_empty() {
                    s = format!("{s} ({})", m.reason);
                }
                s
            })
            .collect();
        all.join("; ")
    }

    /// Any value as plain text: text as it is, numbers in the chosen
    /// grouping, yes or no, lists joined, and the values of an object
    /// without its keys or punctuation.
    pub fn plain(&self, v: &Value) -> String {
        let joined = |items: &mut dyn Iterator<Item = &Value>| {
            items
                .map(|i| self.plain(i))
                .filter(|s| s != EMPTY)
                .collect::<Vec<_>>()
                .join(", ")
        };
        let out = match v {
            Value::Null => String::new(),
            Value::Bool(true) => self.t(Msg::ConflictYes).to_string(),
            Value::Bool(false) => self.t(Msg::ConflictNo).to_string(),
            Value::Number(n) => match n.as_u64() {
                Some(n) => {
                    usize::try_from(n).map_or_else(|_| n.to_string(), |n| self.formats.number(n))
                }
                None => n.to_string(),
            },
            Value::String(s) => s.clone(),
            Value::Array(items) => joined(&mut items.iter()),
            Value::Object(map) => joined(&mut map.values()),
        };
        nonempty(out).unwrap_or_else(|| EMPTY.to_string())
    }
}

#[cfg(test)]
mod tests;
