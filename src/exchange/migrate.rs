//! Reading files written by older versions of the app: each format change
//! comes with a step from the version before it, and a file is brought up
//! to date one step at a time before it is read.
//!
//! A step either rewrites the file, which then has to be read whole as a
//! JSON tree, or rewrites nothing because this app's readers also take what
//! the older version wrote. A file is read as a tree only when a step after
//! its version rewrites (see [`needs_rewrite`]): a state's file is tens of
//! MB, and as a tree it would take several times that in memory and
//! seconds more to read on a phone.

use super::import::ImportError;
use serde_json::{Map, Value};

/// How a file of one version becomes a file of the next.
#[derive(Clone, Copy)]
pub enum Step {
    /// Rewrites the JSON object of the file.
    Rewrite(fn(&mut Map<String, Value>) -> Result<(), String>),
    /// Nothing to rewrite: the file reads as it is. Only for a change whose
    /// readers also take the older form, as the comment on the step says.
    AsIs,
}

/// The oldest file version this app reads.
pub const OLDEST: u32 = 1;

/// `STEPS[i]` brings version `OLDEST + i` to `OLDEST + i + 1`, so the last
/// one produces [`super::envelope::VERSION`]. When the format changes, raise
/// `VERSION` and add the step from the old version here (a test checks that
/// the two agree).
pub const STEPS: &[Step] = &[
    Step::Rewrite(v1_without_trail),
    // Version 3 writes attendance as `{"present": [...], "absent": {...}}`
    // instead of version 2's list of `{"person", "mark"}`. The attendance
    // reader (`domain::meeting`) takes both forms, so a version 2 file is
    // read straight from its text like a current one, one record at a time:
    // a state's version 2 file is 95 MB, and rewriting it would mean holding
    // it whole as a tree. Version 1 files wrote the same list and read the
    // same way once their own step is done.
    Step::AsIs,
];

/// Version 2 added the `changes` list, the audit trail (`domain::audit`).
/// A version 1 file had none: it reads with an empty trail.
fn v1_without_trail(doc: &mut Map<String, Value>) -> Result<(), String> {
    if let Some(records) = doc.get_mut("records").and_then(Value::as_object_mut) {
        records
            .entry("changes")
            .or_insert_with(|| Value::Array(Vec::new()));
    }
    Ok(())
}

/// Whether a file of version `from` (at least [`OLDEST`]) must be rewritten
/// before it is read; if not, it reads as a current file does.
pub fn needs_rewrite(from: u32) -> bool {
    needs_rewrite_with(from, OLDEST, STEPS)
}

fn needs_rewrite_with(from: u32, oldest: u32, steps: &[Step]) -> bool {
    let first = from.saturating_sub(oldest) as usize;
    steps
        .iter()
        .skip(first)
        .any(|step| matches!(step, Step::Rewrite(_)))
}

/// Brings a file of version `from` up to date.
pub fn migrate(doc: &mut Map<String, Value>, from: u32) -> Result<(), ImportError> {
    migrate_with(doc, from, OLDEST, STEPS)
}

/// [`migrate`] over any chain of steps (tests use a chain of their own).
pub(crate) fn migrate_with(
    doc: &mut Map<String, Value>,
    from: u32,
    oldest: u32,
    steps: &[Step],
) -> Result<(), ImportError> {
    if from < oldest {
        return Err(ImportError::TooOld {
            found: from,
            oldest,
        });
    }
    let first = (from - oldest) as usize;
    for (i, step) in steps.iter().enumerate().skip(first) {
        let version = oldest + i as u32;
        if let Step::Rewrite(rewrite) = step {
            rewrite(doc).map_err(|reason| ImportError::MigrationFailed {
                from: version,
                reason,
            })?;
        }
        doc.insert("version".into(), Value::from(version + 1));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exchange::envelope::VERSION;
    use serde_json::json;

    #[test]
    fn the_steps_lead_to_the_version_this_app_writes() {
        assert_eq!(OLDEST + STEPS.len() as u32, VERSION);
    }

    #[test]
    fn a_version_1_file_reads_with_an_empty_trail() {
        let mut doc = json!({"version": 1, "records": {"people": [{"id": "x"}]}})
            .as_object()
            .unwrap()
            .clone();
        migrate(&mut doc, 1).unwrap();
        assert_eq!(doc["version"], VERSION);
        assert_eq!(doc["records"]["changes"], json!([]));
        assert_eq!(doc["records"]["people"][0]["id"], "x");
    }

    #[test]
    fn only_a_version_1_file_is_rewritten() {
        assert!(needs_rewrite(1));
        assert!(!needs_rewrite(2), "version 2 reads as it is");
        assert!(!needs_rewrite(VERSION));
    }

    #[test]
    fn a_version_2_file_keeps_its_attendance_as_written() {
        let attendance = json!([{"person": "k3m9x2ab4", "mark": "present"}]);
        let file = json!({"version": 2, "records": {"meetings": [
            {"id": "k3m9x2ab5", "body": {"attendance": attendance}}
        ]}});
        let mut doc = file.as_object().unwrap().clone();
        migrate(&mut doc, 2).unwrap();
        assert_eq!(doc["version"], 3);
        let meeting = &doc["records"]["meetings"][0]["body"];
        assert_eq!(meeting["attendance"], attendance, "the reader takes it");
    }

    /// A made-up history: version 1 called the people "children", version
    /// 2 had no meetings table.
    fn rename_children(doc: &mut Map<String, Value>) -> Result<(), String> {
        let records = doc["records"].as_object_mut().ok_or("no records")?;
        let children = records.remove("children").ok_or("no children")?;
        records.insert("people".into(), children);
        Ok(())
    }

    fn add_meetings(doc: &mut Map<String, Value>) -> Result<(), String> {
        let records = doc["records"].as_object_mut().ok_or("no records")?;
        records.insert("meetings".into(), json!([]));
        Ok(())
    }

    const MADE_UP: &[Step] = &[Step::Rewrite(rename_children), Step::Rewrite(add_meetings)];

    fn file(version: u32, table: &str) -> Map<String, Value> {
        let value = json!({"version": version, "records": {table: [{"id": "x"}]}});
        value.as_object().unwrap().clone()
    }

    #[test]
    fn an_old_file_goes_through_every_step_after_its_version() {
        let mut doc = file(1, "children");
        migrate_with(&mut doc, 1, 1, MADE_UP).unwrap();
        assert_eq!(doc["version"], 3);
        assert_eq!(doc["records"]["people"][0]["id"], "x");
        assert_eq!(doc["records"]["meetings"], json!([]));

        let mut doc = file(2, "people");
        migrate_with(&mut doc, 2, 1, MADE_UP).unwrap();
        assert_eq!(doc["version"], 3);
        assert_eq!(doc["records"]["people"][0]["id"], "x", "not renamed twice");
    }

    #[test]
    fn a_file_needs_rewriting_while_a_step_after_its_version_rewrites() {
        let steps = [Step::Rewrite(rename_children), Step::AsIs, Step::AsIs];
        assert!(needs_rewrite_with(1, 1, &steps));
        assert!(!needs_rewrite_with(2, 1, &steps));
        assert!(!needs_rewrite_with(4, 1, &steps), "a current file");
        let mut doc = file(1, "children");
        migrate_with(&mut doc, 1, 1, &steps).unwrap();
        assert_eq!(doc["version"], 4, "through the steps that rewrite nothing");
        assert_eq!(doc["records"]["people"][0]["id"], "x");
    }

    #[test]
    fn a_step_that_fails_says_from_which_version() {
        let mut doc = file(1, "people");
        assert_eq!(
            migrate_with(&mut doc, 1, 1, MADE_UP),
            Err(ImportError::MigrationFailed {
                from: 1,
                reason: "no children".into()
            })
        );
    }

    #[test]
    fn a_version_older_than_any_step_is_refused() {
        let mut doc = file(0, "people");
        assert_eq!(
            migrate_with(&mut doc, 0, 1, MADE_UP),
            Err(ImportError::TooOld {
                found: 0,
                oldest: 1
            })
        );
    }
}
