//! Saving an import, and undoing it.
//!
//! A state's file rewrites every chunk of the register, and framing them
//! (compressing, reading back) is most of the work: it is done in worker
//! threads where the browser has them (`storage::workers`), between the two
//! halves of the commit. The app is busy meanwhile, so no other change is
//! made, and nothing is written until every chunk is framed.

use super::state::{AppState, ImportFailure, SaveError};
use crate::domain::edit::EditError;
use crate::domain::edit::Touched;
use crate::domain::table::Author;
use crate::exchange::merge::{plan, Choices, Preview};
use crate::storage::repo::{RestoreError, Staged};
use crate::storage::workers::Framer;
use crate::ui::state::now;
use leptos::prelude::*;

/// Records in a file from which its save starts workers at once.
const LARGE_IMPORT: usize = 5_000;

impl AppState {
    /// Imports a previewed file with the volunteer's answers to its
    /// conflicts. A backup of the register as it was is taken first, so the
    /// import can be undone; nothing changes if any step fails.
    pub async fn import(
        &self,
        preview: &Preview,
        choices: &Choices,
    ) -> Result<Touched, ImportFailure> {
        if self.busy.get_untracked() {
            return Err(ImportFailure::Save(SaveError::Busy));
        }
        self.busy.set(true);
        // A file this large saves enough to be worth workers: they start
        // now, while the changes are made and staged.
        let c = preview.counts();
        let mut framer = Framer::for_app(c.new + c.updated + c.conflicts >= LARGE_IMPORT);
        let outcome = match self.stage_import(preview, choices, |body| framer.add(body)) {
            Ok((staged, touched)) => {
                let texts = framer.finish().await.texts;
                self.commit_import(staged, texts, touched)
            }
            Err(e) => Err(e),
        };
        self.busy.set(false);
        self.register.notify();
        self.flush_later();
        self.backup_taken.set(
            self.repo
                .with_value(|r| r.as_ref().and_then(|r| r.backup()).map(|b| b.taken_at)),
        );
        outcome
    }

    /// Takes the backup, makes the changes in memory and stages them, each
    /// body to `framer`.
    fn stage_import(
        &self,
        preview: &Preview,
        choices: &Choices,
        framer: impl FnMut(Option<Vec<u8>>),
    ) -> Result<(Staged, Touched), ImportFailure> {
        let mut outcome = Err(ImportFailure::Save(SaveError::ReadOnly));
        self.repo.update_value(|repo| {
            let Some(repo) = repo else { return };
            self.register.update_untracked(|reg| {
                let _ = repo.sync(reg);
                let author = Author {
                    device: repo.meta().ids.device,
                    now: now(),
                };
                outcome = (|| {
                    let changes = plan(preview, choices, author).map_err(ImportFailure::Apply)?;
                    repo.take_backup(author.now)
                        .map_err(|e| ImportFailure::Save(SaveError::Storage(e)))?;
                    let touched = changes
                        .apply_to(reg, repo.ids_mut())
                        .map_err(ImportFailure::Apply)?;
                    Ok((repo.stage_each(reg, &touched, framer), touched))
                })();
            });
        });
        outcome
    }

    /// Writes the framed chunks; on failure puts the register back as it is
    /// stored and drops the backup.
    fn commit_import(
        &self,
        staged: Staged,
        texts: Vec<Option<String>>,
        touched: Touched,
    ) -> Result<Touched, ImportFailure> {
        let mut outcome = Err(ImportFailure::Save(SaveError::ReadOnly));
        self.repo.update_value(|repo| {
            let Some(repo) = repo else { return };
            // Another register was opened meanwhile (the demonstration):
            // this one's storage was not touched, and its backup is not ours.
            if repo.namespace() != staged.namespace() {
                outcome = Err(ImportFailure::Save(SaveError::Busy));
                return;
            }
            self.register.update_untracked(|reg| {
                outcome = match repo.commit_framed(staged, texts) {
                    Ok(()) => Ok(touched),
                    Err(e) => {
                        repo.revert(reg, &touched);
                        repo.drop_backup();
                        Err(ImportFailure::Save(SaveError::Storage(e)))
                    }
                };
            });
        });
        outcome
    }

    /// Puts the register back as it was before the last import.
    pub fn undo_import(&self) -> Result<(), SaveError> {
        if self.busy.get_untracked() {
            return Err(SaveError::Busy);
        }
        let mut outcome = Err(SaveError::ReadOnly);
        self.repo.update_value(|repo| {
            let Some(repo) = repo else { return };
            outcome = match repo.restore_backup() {
                Ok((reg, report)) => {
                    self.report_load(self.lang(), &report);
                    self.register.set(reg);
                    Ok(())
                }
                Err(RestoreError::NoBackup) => Err(SaveError::Edit(EditError::NotFound)),
                Err(RestoreError::Storage(e)) => Err(SaveError::Storage(e)),
            };
        });
        self.flush_later();
        self.backup_taken.set(None);
        outcome
    }
}
