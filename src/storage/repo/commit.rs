//! Committing a change: the touched buckets' chunks written under a new
//! generation, then the meta (the commit point), then the old chunks
//! removed. In two halves, so that the slow middle (framing the chunks)
//! can run elsewhere (`storage::workers`).

use super::{by_kind, dirty_buckets, Repo};
use crate::domain::edit::Touched;
use crate::domain::register::{Kind, Register};
use crate::storage::codec;
use crate::storage::key_value::{KeyValue, WriteError};
use crate::storage::layout::{chunk_key, meta_key, Bucket, Meta};
use crate::storage::tables::table;

/// A change staged by [`Repo::stage`], to be written by
/// [`Repo::commit_framed`].
pub struct Staged {
    /// The namespace and generation it was staged at.
    ns: String,
    gen: u64,
    /// The touched buckets, in the order of `bodies`.
    buckets: Vec<(Kind, Bucket)>,
    /// Each bucket's [`codec::body`]; `None` for a bucket left empty.
    pub bodies: Vec<Option<Vec<u8>>>,
}

impl Staged {
    /// The namespace of the register it was staged in.
    pub fn namespace(&self) -> &str {
        &self.ns
    }
}

impl<S: KeyValue> Repo<S> {
    /// Saves the touched records. On error nothing visible has changed in
    /// storage; call [`Repo::revert`] to bring the register back in line.
    pub fn commit(&mut self, reg: &Register, touched: &Touched) -> Result<(), WriteError> {
        let mut staged = self.stage(reg, touched);
        let texts = codec::frame_each(&std::mem::take(&mut staged.bodies));
        self.write_framed(staged, texts)
    }

    /// The first half of [`Repo::commit`]: the new contents of the buckets
    /// the change touched, as bodies not yet framed. Framing them is the slow
    /// part, and needs nothing else, so it can be done elsewhere before
    /// [`Repo::commit_framed`] writes them.
    pub fn stage(&self, reg: &Register, touched: &Touched) -> Staged {
        let mut bodies = Vec::new();
        let mut staged = self.stage_each(reg, touched, |body| bodies.push(body));
        staged.bodies = bodies;
        staged
    }

    /// [`Repo::stage`] handing each body to `each` as it is made, kind by
    /// kind, so framing can begin before the last is made; the bodies of
    /// the `Staged` it returns are left empty.
    pub fn stage_each(
        &self,
        reg: &Register,
        touched: &Touched,
        mut each: impl FnMut(Option<Vec<u8>>),
    ) -> Staged {
        let dirty = dirty_buckets(reg, touched);
        let mut buckets = Vec::with_capacity(dirty.len());
        for (kind, dirty_buckets) in by_kind(&dirty) {
            table(reg, kind)
                .bucket_bodies(&dirty_buckets)
                .into_iter()
                .for_each(&mut each);
            buckets.extend(dirty_buckets.into_iter().map(|b| (kind, b)));
        }
        Staged {
            ns: self.ns.clone(),
            gen: self.meta.gen,
            buckets,
            bodies: Vec::new(),
        }
    }

    /// The second half of [`Repo::commit`]: writes `texts`, the framed
    /// [`Staged::bodies`] in their order. Refused, with nothing written, if
    /// anything was committed since the change was staged (here or in
    /// another tab), or the texts do not match the bodies one for one.
    pub fn commit_framed(
        &mut self,
        staged: Staged,
        texts: Vec<Option<String>>,
    ) -> Result<(), WriteError> {
        // Time passed while the texts were framed: another tab may have
        // committed meanwhile, and its `storage` event not have arrived yet.
        // The stored meta says. (A plain commit follows `sync` at once and
        // need not read it again.)
        let stored_gen = self
            .kv
            .get(&meta_key(&self.ns))
            .and_then(|text| serde_json::from_str::<Meta>(&text).ok())
            .map(|meta| meta.gen);
        if stored_gen.is_some_and(|gen| gen != self.meta.gen) {
            return Err(changed_meanwhile());
        }
        self.write_framed(staged, texts)
    }

    /// Writes the framed texts under the next generation, then the meta,
    /// then removes the chunks they replace.
    fn write_framed(
        &mut self,
        staged: Staged,
        texts: Vec<Option<String>>,
    ) -> Result<(), WriteError> {
        let same_register = staged.ns == self.ns && staged.gen == self.meta.gen;
        if !same_register || texts.len() != staged.buckets.len() {
            return Err(changed_meanwhile());
        }
        let gen = self.meta.gen + 1;
        let mut next = self.meta.clone();
        next.gen = gen;
        let mut written = Vec::new();
        for (&(kind, bucket), text) in staged.buckets.iter().zip(texts) {
            let buckets = next.chunks.entry(kind).or_default();
            match text {
                Some(text) => {
                    let key = chunk_key(&self.ns, kind, bucket, gen);
                    if let Err(e) = self.kv.set(&key, &text) {
                        self.remove_all(&written);
                        return Err(e);
                    }
                    written.push(key);
                    buckets.insert(bucket, gen);
                }
                None => {
                    buckets.remove(&bucket);
                }
            }
        }
        if let Err(e) = self.write_meta(&next) {
            self.remove_all(&written);
            return Err(e);
        }
        // Committed. The old chunks of the rewritten buckets are now garbage,
        // unless the backup taken before an import still needs them.
        let backup = self.backup();
        for &(kind, bucket) in &staged.buckets {
            if let Some(old) = self.meta.chunk_gen(kind, bucket) {
                if backup
                    .as_ref()
                    .is_none_or(|b| b.meta.chunk_gen(kind, bucket) != Some(old))
                {
                    self.kv.remove(&chunk_key(&self.ns, kind, bucket, old));
                }
            }
        }
        self.meta = next;
        Ok(())
    }
}

fn changed_meanwhile() -> WriteError {
    WriteError::Refused("the register changed while this change was being saved".into())
}
