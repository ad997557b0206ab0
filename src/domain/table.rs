//! A table of records of one kind, with the only three ways they change.

use super::id::{DeviceTag, Id, IdGen, IdsExhausted};
use super::record::{Body, Clock, Record};
use super::time::Timestamp;
use std::collections::BTreeMap;

/// Who is changing the register, and when.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Author {
    pub device: DeviceTag,
    pub now: Timestamp,
}

/// The record to be changed does not exist (or was deleted meanwhile).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotFound(pub Id);

/// All records of one kind, live and deleted, in id order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table<T> {
    rows: BTreeMap<Id, Record<T>>,
}

impl<T> Default for Table<T> {
    fn default() -> Self {
        Table {
            rows: BTreeMap::new(),
        }
    }
}

impl<T> Table<T> {
    /// A live record's data.
    pub fn get(&self, id: Id) -> Option<&T> {
        self.rows.get(&id).and_then(|r| r.body.as_ref())
    }

    /// A record with its metadata, deleted or not.
    pub fn record(&self, id: Id) -> Option<&Record<T>> {
        self.rows.get(&id)
    }

    /// Live records in id order.
    pub fn live(&self) -> impl Iterator<Item = (Id, &T)> + '_ {
        self.rows
            .iter()
            .filter_map(|(id, r)| r.body.as_ref().map(|b| (*id, b)))
    }

    pub fn live_count(&self) -> usize {
        self.rows.values().filter(|r| r.body.is_some()).count()
    }

    /// Every record including tombstones, for storage and export.
    pub fn records(&self) -> impl Iterator<Item = &Record<T>> + '_ {
        self.rows.values()
    }

    /// Adds a new record made on this device.
    pub fn insert_new(
        &mut self,
        body: T,
        ids: &mut IdGen,
        author: Author,
    ) -> Result<Id, IdsExhausted>
    where
        T: Body,
    {
        let id = ids.next_id()?;
        let mut clock = Clock::default();
        clock.tick(author.device);
        self.rows.insert(
            id,
            Record {
                id,
                anchor: body.anchor(),
                created: author.now,
                updated: author.now,
                clock,
                body: Some(body),
            },
        );
        Ok(id)
    }

    /// Replaces a live record's data.
    pub fn update(&mut self, id: Id, body: T, author: Author) -> Result<(), NotFound> {
        let row = self
            .rows
            .get_mut(&id)
            .filter(|r| r.body.is_some())
            .ok_or(NotFound(id))?;
        row.body = Some(body);
        row.updated = author.now;
        row.clock.tick(author.device);
        Ok(())
    }

    /// Deletes a live record, leaving a tombstone without its data.
    pub fn delete(&mut self, id: Id, author: Author) -> Result<(), NotFound> {
        let row = self
            .rows
            .get_mut(&id)
            .filter(|r| r.body.is_some())
            .ok_or(NotFound(id))?;
        row.body = None;
        row.updated = author.now;
        row.clock.tick(author.device);
        Ok(())
    }

    /// Puts a record in as it is (loading from storage, merging an import).
    pub fn put(&mut self, record: Record<T>) {
        self.rows.insert(record.id, record);
    }

    /// Removes every record for which `keep` is false (used when a storage
    /// chunk is reloaded).
    pub fn retain(&mut self, mut keep: impl FnMut(&Record<T>) -> bool) {
        self.rows.retain(|_, r| keep(r));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    impl Body for &str {}
    impl Body for i32 {}

    fn author(device: u64, now: i64) -> Author {
        Author {
            device: DeviceTag::from_random(device),
            now: Timestamp(now),
        }
    }

    #[test]
    fn insert_update_delete() {
        let a = author(1, 100);
        let mut ids = IdGen::new(a.device);
        let mut t = Table::default();
        let id = t.insert_new("first", &mut ids, a).unwrap();
        assert_eq!(t.get(id), Some(&"first"));

        t.update(id, "second", author(1, 200)).unwrap();
        let r = t.record(id).unwrap();
        assert_eq!(
            (r.created, r.updated, r.body),
            (Timestamp(100), Timestamp(200), Some("second"))
        );
        assert_eq!(r.clock.count(a.device), 2);

        t.delete(id, author(1, 300)).unwrap();
        assert_eq!(t.get(id), None);
        assert_eq!(t.live_count(), 0);
        assert!(t.record(id).unwrap().is_deleted(), "a tombstone stays");
        assert_eq!(
            t.update(id, "again", a),
            Err(NotFound(id)),
            "deleted records cannot be edited"
        );
        assert_eq!(t.delete(id, a), Err(NotFound(id)));
    }

    #[test]
    fn new_ids_are_unique() {
        let a = author(1, 0);
        let mut ids = IdGen::new(a.device);
        let mut t = Table::default();
        let x = t.insert_new(1, &mut ids, a).unwrap();
        let y = t.insert_new(2, &mut ids, a).unwrap();
        assert_ne!(x, y);
        assert_eq!(t.live().map(|(_, v)| *v).collect::<Vec<_>>(), vec![1, 2]);
    }
}
