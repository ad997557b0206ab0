//! Merging an imported file into the register, record by record, by
//! comparing version clocks.
//!
//! | file's version against mine | outcome |
//! | --- | --- |
//! | not here | **new**: taken in as it is |
//! | newer (has seen every change mine has) | **updated**: theirs replaces mine |
//! | the same, or older | **unchanged**: mine stays |
//! | changed on both sides since they last met | **conflict**: the volunteer chooses |
//! | changed alike on both sides (deleted on both) | **updated** to the version that has seen both |
//!
//! A deletion is a version like any other, so a record deleted here does
//! not come back from an older file, and a deletion made there replaces an
//! older record here. Nothing changes until [`Changes::apply_to`], which
//! changes everything or nothing.

use super::any_record::{clock_in, AnyRecord};
use super::checks::{check_references, InvalidRecord, RecordProblem};
use super::envelope::{Envelope, Header};
use crate::domain::edit::Touched;
use crate::domain::id::{Id, IdGen};
use crate::domain::record::{Clock, Version};
use crate::domain::register::{Kind, Register};
use crate::domain::table::Author;
use std::collections::BTreeMap;

/// A record the file has a newer version of.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Updated {
    pub mine: AnyRecord,
    pub theirs: AnyRecord,
}

/// A record changed both here and in the file since the two last met: the
/// two versions, for the volunteer to compare side by side.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    pub mine: AnyRecord,
    pub theirs: AnyRecord,
}

/// Why a record of the file changes nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unchanged {
    /// The same version is already here.
    Same,
    /// The version here is newer than the file's.
    MineNewer,
}

/// What importing a file would do, before anything is changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Preview {
    pub header: Header,
    pub new: Vec<AnyRecord>,
    pub updated: Vec<Updated>,
    pub unchanged: Vec<(Kind, Id, Unchanged)>,
    pub conflicts: Vec<Conflict>,
    pub invalid: Vec<InvalidRecord>,
}

/// How many records fall in each part of a [`Preview`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub new: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub conflicts: usize,
    pub invalid: usize,
}

impl Preview {
    /// The records in each part. Entries of the audit trail come with
    /// their records and are not counted: a volunteer counts children,
    /// groups and meetings, not history lines.
    pub fn counts(&self) -> Counts {
        Counts {
            new: self
                .new
                .iter()
                .filter(|r| r.kind() != Kind::Changes)
                .count(),
            updated: self.updated.len(),
            unchanged: self
                .unchanged
                .iter()
                .filter(|(k, _, _)| *k != Kind::Changes)
                .count(),
            conflicts: self.conflicts.len(),
            invalid: self.invalid.len(),
        }
    }

    /// True when applying would change nothing.
    pub fn changes_nothing(&self) -> bool {
        self.new.is_empty() && self.updated.is_empty() && self.conflicts.is_empty()
    }
}

/// Sorts the records of a file against the register. Records that refer to
/// something neither the file nor the register has are set aside here.
pub fn preview(reg: &Register, envelope: Envelope) -> Preview {
    let mut invalid = envelope.invalid;
    let entries = check_references(envelope.records, reg, &mut invalid);
    let mut p = Preview {
        header: envelope.header,
        new: Vec::new(),
        updated: Vec::new(),
        unchanged: Vec::new(),
        conflicts: Vec::new(),
        invalid: Vec::new(),
    };
    for entry in entries {
        let (kind, id) = entry.record.key();
        let Some(mine_clock) = clock_in(reg, kind, id) else {
            p.new.push(entry.record);
            continue;
        };
        let version = entry.record.clock().compare(mine_clock);
        match version {
            Version::Same => p.unchanged.push((kind, id, Unchanged::Same)),
            Version::Older => p.unchanged.push((kind, id, Unchanged::MineNewer)),
            Version::Newer | Version::Conflict => {
                let mine = AnyRecord::from_register(reg, kind, id).expect("has a clock");
                let mut theirs = entry.record;
                if moved(&mine, &theirs) {
                    invalid.push(entry_problem(&theirs, entry.position));
                    continue;
                }
                // Storage files a record under the anchor it was made with;
                // every version keeps it.
                theirs.set_anchor(mine.anchor());
                if version == Version::Newer {
                    p.updated.push(Updated { mine, theirs });
                } else if mine.same_body(&theirs) {
                    // Changed alike on both sides (deleted on both, say):
                    // there is nothing to choose. The version both have
                    // seen is worked out the same way on either device,
                    // so they agree without another exchange.
                    let clock = mine.clock().merged(theirs.clock());
                    theirs.restamp(clock, mine.updated().max(theirs.updated()));
                    p.updated.push(Updated { mine, theirs });
                } else {
                    p.conflicts.push(Conflict { mine, theirs });
                }
            }
        }
    }
    p.invalid = invalid;
    p
}

/// Both versions are live and name different groups.
fn moved(mine: &AnyRecord, theirs: &AnyRecord) -> bool {
    match (mine.body_anchor(), theirs.body_anchor()) {
        (Some(a), Some(b)) => a != b,
        _ => false,
    }
}

fn entry_problem(record: &AnyRecord, position: usize) -> InvalidRecord {
    InvalidRecord {
        kind: record.kind(),
        id: Some(record.id()),
        position,
        problems: vec![RecordProblem::MovedToAnotherGroup],
    }
}

/// The volunteer's answer to one conflict.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    KeepMine,
    TakeTheirs,
}

/// The answers to the conflicts of a preview, by kind and id.
pub type Choices = BTreeMap<(Kind, Id), Choice>;

/// Why an import was not applied. Nothing was changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ApplyError {
    /// A conflict has no answer yet.
    Unresolved { kind: Kind, id: Id },
    /// The record changed here (in another tab?) after the preview was
    /// made; make the preview again.
    ChangedMeanwhile { kind: Kind, id: Id },
}

/// The records an import will put into the register, each with the version
/// of the register's record it replaces, to check nothing moved meanwhile.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Changes {
    records: Vec<(AnyRecord, Option<Clock>)>,
}

/// Turns a preview and the answers to its conflicts into the changes to
/// make. A resolved conflict gets a clock that has seen both versions and
/// one more change by this device, so that both devices later see it as
/// newer than what they had, whichever version was kept.
pub fn plan(preview: &Preview, choices: &Choices, author: Author) -> Result<Changes, ApplyError> {
    let mut records = Vec::new();
    for record in &preview.new {
        records.push((record.clone(), None));
    }
    for u in &preview.updated {
        records.push((u.theirs.clone(), Some(u.mine.clock().clone())));
    }
    for c in &preview.conflicts {
        let (kind, id) = c.mine.key();
        let choice = choices
            .get(&(kind, id))
            .ok_or(ApplyError::Unresolved { kind, id })?;
        let mut chosen = match choice {
            Choice::KeepMine => c.mine.clone(),
            Choice::TakeTheirs => c.theirs.clone(),
        };
        let mut clock = c.mine.clock().merged(c.theirs.clock());
        clock.tick(author.device);
        chosen.restamp(clock, author.now);
        chosen.set_anchor(c.mine.anchor());
        records.push((chosen, Some(c.mine.clock().clone())));
    }
    Ok(Changes { records })
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// The records that will be written, for storage to save.
    pub fn touched(&self) -> Touched {
        let mut touched = Touched::new();
        for (record, _) in &self.records {
            touched.insert(record.key());
        }
        touched
    }

    /// Puts every change into the register, or none if any record changed
    /// since the preview. `ids` learns of the imported ids so this device
    /// never hands one out again. Returns what storage must save.
    ///
    /// The records are moved into the register, not copied: a state's file
    /// is 160,000 of them.
    pub fn apply_to(self, reg: &mut Register, ids: &mut IdGen) -> Result<Touched, ApplyError> {
        for (record, expected) in &self.records {
            let (kind, id) = record.key();
            if clock_in(reg, kind, id) != expected.as_ref() {
                return Err(ApplyError::ChangedMeanwhile { kind, id });
            }
        }
        let touched = self.touched();
        for (record, _) in self.records {
            ids.skip_past(record.id());
            record.put_into(reg);
        }
        Ok(touched)
    }
}
