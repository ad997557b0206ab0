//! Loading the register from storage and committing changes to it safely.
//! The layout and the commit protocol are described in [`super::layout`].

use super::key_value::{KeyValue, WriteError};
use super::layout::{backup_key, chunk_key, meta_key, parse_chunk_key, Bucket, Meta, FORMAT};
use super::tables::{table, table_mut};
use crate::domain::edit::Touched;
use crate::domain::id::{DeviceTag, IdGen};
use crate::domain::register::{Kind, Register};
use crate::domain::sort::{self, Key};
use crate::domain::time::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The register as it was before an import, kept to undo it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Backup {
    pub taken_at: Timestamp,
    pub meta: Meta,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RestoreError {
    NoBackup,
    Storage(WriteError),
}

/// The register cannot be opened at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenError {
    /// Saved by a newer version of the app; opening it here could lose data.
    NewerFormat { found: u32 },
}

/// A stored chunk that could not be read. It is left in storage untouched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Damage {
    pub key: String,
    pub reason: String,
}

/// What opening the register found besides the records.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LoadReport {
    pub damaged: Vec<Damage>,
    /// The commit point was missing or unreadable and was rebuilt from the
    /// chunks found in storage.
    pub meta_rebuilt: bool,
}

/// The register's storage: one namespace of one key-value store.
pub struct Repo<S: KeyValue> {
    kv: S,
    ns: String,
    meta: Meta,
}

impl<S: KeyValue> Repo<S> {
    /// Opens the register kept under `ns`, creating an empty one if there is
    /// none. `new_device` gives a fresh random device tag when one is needed.
    pub fn open(
        kv: S,
        ns: &str,
        new_device: impl FnOnce() -> DeviceTag,
    ) -> Result<(Self, Register, LoadReport), OpenError> {
        let mut report = LoadReport::default();
        let meta = match kv.get(&meta_key(ns)) {
            Some(text) => {
                check_format(&text)?;
                match serde_json::from_str::<Meta>(&text) {
                    Ok(meta) => meta,
                    Err(_) => {
                        report.meta_rebuilt = true;
                        rebuild_meta(&kv, ns, new_device())
                    }
                }
            }
            None if kv.keys().iter().any(|k| parse_chunk_key(ns, k).is_some()) => {
                report.meta_rebuilt = true;
                rebuild_meta(&kv, ns, new_device())
            }
            None => Meta::new(IdGen::new(new_device())),
        };
        let mut repo = Repo {
            kv,
            ns: ns.to_string(),
            meta,
        };
        let mut reg = Register::default();
        let chunks: Vec<_> = repo.meta.all_chunks().collect();
        for (kind, bucket, gen) in chunks {
            let key = chunk_key(ns, kind, bucket, gen);
            if let Err(reason) = repo.load_chunk(&mut reg, kind, &key) {
                repo.quarantine(kind, bucket, key.clone());
                report.damaged.push(Damage { key, reason });
            }
        }
        repo.sweep_superseded();
        repo.skip_used_ids(&reg);
        if report.meta_rebuilt || !report.damaged.is_empty() {
            // Best effort: if this fails the same repairs are made next time.
            let _ = repo.write_meta(&repo.meta.clone());
        }
        Ok((repo, reg, report))
    }

    pub fn namespace(&self) -> &str {
        &self.ns
    }

    pub fn meta(&self) -> &Meta {
        &self.meta
    }

    pub fn ids_mut(&mut self) -> &mut IdGen {
        &mut self.meta.ids
    }

    pub fn store(&self) -> &S {
        &self.kv
    }

    pub fn store_mut(&mut self) -> &mut S {
        &mut self.kv
    }

    /// Reloads the touched records' chunks, undoing in memory a change whose
    /// commit failed.
    pub fn revert(&mut self, reg: &mut Register, touched: &Touched) {
        let dirty = dirty_buckets(reg, touched);
        for (kind, bucket) in dirty {
            self.reload_bucket(reg, kind, bucket);
        }
    }

    /// Takes in what another tab committed since this one last looked.
    /// Returns true when the register changed.
    pub fn sync(&mut self, reg: &mut Register) -> Result<bool, OpenError> {
        let Some(text) = self.kv.get(&meta_key(&self.ns)) else {
            return Ok(false);
        };
        check_format(&text)?;
        let Ok(theirs) = serde_json::from_str::<Meta>(&text) else {
            return Ok(false);
        };
        if theirs.gen == self.meta.gen {
            return Ok(false);
        }
        let changed: BTreeSet<(Kind, Bucket)> = theirs
            .all_chunks()
            .chain(self.meta.all_chunks())
            .filter(|&(k, b, _)| theirs.chunk_gen(k, b) != self.meta.chunk_gen(k, b))
            .map(|(k, b, _)| (k, b))
            .collect();
        let next_seq = self.meta.ids.next_seq.max(theirs.ids.next_seq);
        self.meta = theirs;
        self.meta.ids.next_seq = next_seq;
        for (kind, bucket) in changed {
            self.reload_bucket(reg, kind, bucket);
        }
        Ok(true)
    }

    fn reload_bucket(&mut self, reg: &mut Register, kind: Kind, bucket: Bucket) {
        match self.meta.chunk_gen(kind, bucket) {
            Some(gen) => {
                let key = chunk_key(&self.ns, kind, bucket, gen);
                if self.read_bucket(reg, kind, bucket, &key).is_err() {
                    self.quarantine(kind, bucket, key);
                    clear_bucket(reg, kind, bucket);
                }
            }
            None => clear_bucket(reg, kind, bucket),
        }
    }

    /// Adds the records stored under `key` to a register being read from
    /// scratch, where no bucket is read twice.
    fn load_chunk(&self, reg: &mut Register, kind: Kind, key: &str) -> Result<(), String> {
        let text = self
            .kv
            .get(key)
            .ok_or_else(|| "the chunk is missing".to_string())?;
        table_mut(reg, kind)
            .load_bucket(&text)
            .map_err(|e| e.to_string())
    }

    /// Replaces one bucket's records in memory with those stored under `key`.
    fn read_bucket(
        &self,
        reg: &mut Register,
        kind: Kind,
        bucket: Bucket,
        key: &str,
    ) -> Result<(), String> {
        let text = self
            .kv
            .get(key)
            .ok_or_else(|| "the chunk is missing".to_string())?;
        table_mut(reg, kind)
            .replace_bucket(bucket, &text)
            .map_err(|e| e.to_string())
    }

    fn quarantine(&mut self, kind: Kind, bucket: Bucket, key: String) {
        if let Some(b) = self.meta.chunks.get_mut(&kind) {
            b.remove(&bucket);
        }
        if self.kv.get(&key).is_some() && !self.meta.quarantine.contains(&key) {
            self.meta.quarantine.push(key);
        }
    }

    /// Removes chunks older than the ones the meta points at: left behind
    /// when a tab closed between a commit and its clean-up. Newer ones may
    /// belong to another tab's commit in progress and are left alone.
    fn sweep_superseded(&mut self) {
        let backup = self.backup();
        for key in self.kv.keys() {
            if let Some((kind, bucket, gen)) = parse_chunk_key(&self.ns, &key) {
                let current = self.meta.chunk_gen(kind, bucket);
                let kept = self.meta.quarantine.contains(&key)
                    || backup
                        .as_ref()
                        .is_some_and(|b| b.meta.chunk_gen(kind, bucket) == Some(gen));
                if current.is_some_and(|c| gen < c) && !kept {
                    self.kv.remove(&key);
                }
            }
        }
    }

    /// The backup taken before the last import, if there is one.
    pub fn backup(&self) -> Option<Backup> {
        let text = self.kv.get(&backup_key(&self.ns))?;
        serde_json::from_str(&text).ok()
    }

    /// Keeps the register as it is now, to be restored by
    /// [`Repo::restore_backup`]: the commit point is copied, and the chunks
    /// it names are kept until the backup is dropped. Only changed chunks
    /// cost space twice. Replaces any earlier backup.
    pub fn take_backup(&mut self, at: Timestamp) -> Result<(), WriteError> {
        self.drop_backup();
        let backup = Backup {
            taken_at: at,
            meta: self.meta.clone(),
        };
        let text = serde_json::to_string(&backup).expect("backups always serialise");
        self.kv.set(&backup_key(&self.ns), &text)
    }

    /// Forgets the backup and frees the chunks only it needed.
    pub fn drop_backup(&mut self) {
        let Some(backup) = self.backup() else { return };
        for (kind, bucket, gen) in backup.meta.all_chunks() {
            if self.meta.chunk_gen(kind, bucket) != Some(gen) {
                self.kv.remove(&chunk_key(&self.ns, kind, bucket, gen));
            }
        }
        self.kv.remove(&backup_key(&self.ns));
    }

    /// Puts the register back as it was when the backup was taken, in one
    /// write of the commit point, and returns it as stored. Changes made
    /// since are gone. The id generator keeps counting on, so no id is
    /// handed out twice.
    pub fn restore_backup(&mut self) -> Result<(Register, LoadReport), RestoreError> {
        let backup = self.backup().ok_or(RestoreError::NoBackup)?;
        let mut restored = backup.meta.clone();
        restored.gen = self.meta.gen + 1;
        restored.ids = self.meta.ids.clone();
        restored.quarantine = self.meta.quarantine.clone();
        self.write_meta(&restored).map_err(RestoreError::Storage)?;
        // The chunks written since the backup are garbage now.
        for (kind, bucket, gen) in self.meta.all_chunks() {
            if restored.chunk_gen(kind, bucket) != Some(gen) {
                self.kv.remove(&chunk_key(&self.ns, kind, bucket, gen));
            }
        }
        self.kv.remove(&backup_key(&self.ns));
        self.meta = restored;
        let mut reg = Register::default();
        let mut report = LoadReport::default();
        let chunks: Vec<_> = self.meta.all_chunks().collect();
        for (kind, bucket, gen) in chunks {
            let key = chunk_key(&self.ns, kind, bucket, gen);
            if let Err(reason) = self.load_chunk(&mut reg, kind, &key) {
                self.quarantine(kind, bucket, key.clone());
                report.damaged.push(Damage { key, reason });
            }
        }
        Ok((reg, report))
    }

    fn skip_used_ids(&mut self, reg: &Register) {
        for kind in Kind::ALL {
            for id in table(reg, kind).ids() {
                self.meta.ids.skip_past(id);
            }
        }
    }

    fn write_meta(&mut self, meta: &Meta) -> Result<(), WriteError> {
        let text = serde_json::to_string(meta).expect("meta always serialises");
        self.kv.set(&meta_key(&self.ns), &text)
    }

    fn remove_all(&mut self, keys: &[String]) {
        for key in keys {
            self.kv.remove(key);
        }
    }
}

/// Refuses a register written by a newer app before anything else is read.
fn check_format(meta_text: &str) -> Result<(), OpenError> {
    #[derive(Deserialize)]
    struct FormatOnly {
        format: u32,
    }
    match serde_json::from_str::<FormatOnly>(meta_text) {
        Ok(f) if f.format > FORMAT => Err(OpenError::NewerFormat { found: f.format }),
        _ => Ok(()),
    }
}

/// A commit point pieced together from the chunks in storage: for each
/// bucket, the newest chunk that reads.
fn rebuild_meta(kv: &impl KeyValue, ns: &str, device: DeviceTag) -> Meta {
    let mut found: BTreeMap<(Kind, Bucket), Vec<u64>> = BTreeMap::new();
    for key in kv.keys() {
        if let Some((kind, bucket, gen)) = parse_chunk_key(ns, &key) {
            found.entry((kind, bucket)).or_default().push(gen);
        }
    }
    let mut meta = Meta::new(IdGen::new(device));
    let empty = Register::default();
    for ((kind, bucket), mut gens) in found {
        sort::by_key(&mut gens, |g| Key::number(0, u64::MAX - g));
        meta.gen = meta.gen.max(gens[0]);
        let readable = gens.into_iter().find(|&gen| {
            let text = kv
                .get(&chunk_key(ns, kind, bucket, gen))
                .unwrap_or_default();
            table(&empty, kind).decodes(&text)
        });
        if let Some(gen) = readable {
            meta.chunks.entry(kind).or_default().insert(bucket, gen);
        }
    }
    meta
}

/// The buckets holding the touched records.
fn dirty_buckets(reg: &Register, touched: &Touched) -> BTreeSet<(Kind, Bucket)> {
    touched
        .iter()
        .map(|&(kind, id)| (kind, table(reg, kind).bucket_of_id(id)))
        .collect()
}

/// The dirty buckets of each kind, kinds in order.
fn by_kind(dirty: &BTreeSet<(Kind, Bucket)>) -> Vec<(Kind, Vec<Bucket>)> {
    let mut groups: Vec<(Kind, Vec<Bucket>)> = Vec::new();
    for &(kind, bucket) in dirty {
        match groups.last_mut() {
            Some((k, buckets)) if *k == kind => buckets.push(bucket),
            _ => groups.push((kind, vec![bucket])),
        }
    }
    groups
}

fn clear_bucket(reg: &mut Register, kind: Kind, bucket: Bucket) {
    table_mut(reg, kind).clear_bucket(bucket);
}

mod commit;
pub use commit::Staged;

#[cfg(test)]
mod tests;
