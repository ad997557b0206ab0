//! What every stored record carries besides its data: id, times, a version
//! clock for merging between devices, and deletion as a tombstone.

use super::id::{DeviceTag, Id};
use super::time::Timestamp;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// A version vector: how many changes each device has made to one record.
/// Two versions of a record are ordered when one clock dominates the other;
/// otherwise they were changed on both sides and are in conflict.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clock(Vec<(DeviceTag, u32)>); // sorted by device, no zero counts

/// How two versions of the same record relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Version {
    Same,
    Older,
    Newer,
    Conflict,
}

impl Clock {
    /// Counts one more change made on `device`.
    pub fn tick(&mut self, device: DeviceTag) {
        match self.0.binary_search_by_key(&device, |(d, _)| *d) {
            Ok(i) => self.0[i].1 = self.0[i].1.saturating_add(1),
            Err(i) => self.0.insert(i, (device, 1)),
        }
    }

    pub fn count(&self, device: DeviceTag) -> u32 {
        self.0
            .binary_search_by_key(&device, |(d, _)| *d)
            .map_or(0, |i| self.0[i].1)
    }

    /// How `self` relates to `other`.
    pub fn compare(&self, other: &Clock) -> Version {
        let mut ordering = Ordering::Equal;
        let devices = self.0.iter().chain(other.0.iter()).map(|(d, _)| *d);
        for device in devices {
            match (self.count(device).cmp(&other.count(device)), ordering) {
                (Ordering::Equal, _) => {}
                (o, Ordering::Equal) => ordering = o,
                (o, current) if o != current => return Version::Conflict,
                _ => {}
            }
        }
        match ordering {
            Ordering::Equal => Version::Same,
            Ordering::Less => Version::Older,
            Ordering::Greater => Version::Newer,
        }
    }

    /// The clock that has seen everything both have seen.
    pub fn merged(&self, other: &Clock) -> Clock {
        let mut out = self.clone();
        for &(device, n) in &other.0 {
            match out.0.binary_search_by_key(&device, |(d, _)| *d) {
                Ok(i) => out.0[i].1 = out.0[i].1.max(n),
                Err(i) => out.0.insert(i, (device, n)),
            }
        }
        out
    }

    /// Whether the clock is well formed (sorted, no duplicates, no zeros);
    /// imported files are checked with this.
    pub fn is_valid(&self) -> bool {
        self.0.windows(2).all(|w| w[0].0 < w[1].0) && self.0.iter().all(|(_, n)| *n > 0)
    }
}

/// One record of any kind. `body` is `None` once the record is deleted: the
/// tombstone keeps only the id, the anchor and the clock, so the deletion
/// travels to other devices and the person's data is really gone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record<T> {
    pub id: Id,
    /// The record this one is kept beside in storage (a meeting beside its
    /// group), fixed when it is made. See [`Body::anchor`].
    pub anchor: Option<Id>,
    pub created: Timestamp,
    pub updated: Timestamp,
    pub clock: Clock,
    pub body: Option<T>,
}

/// What every kind of record body can say about itself.
pub trait Body {
    /// The record this one belongs with. Storage keeps records with the same
    /// anchor in the same chunk, so a group's meetings sit together and
    /// compress well; a tombstone keeps its anchor, so it stays in place.
    fn anchor(&self) -> Option<Id> {
        None
    }
}

impl<T> Record<T> {
    pub fn is_deleted(&self) -> bool {
        self.body.is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dev(n: u64) -> DeviceTag {
        DeviceTag::from_random(n)
    }

    fn clock(ticks: &[u64]) -> Clock {
        let mut c = Clock::default();
        for &d in ticks {
            c.tick(dev(d));
        }
        c
    }

    #[test]
    fn equal_clocks_are_the_same_version() {
        assert_eq!(clock(&[1, 2]).compare(&clock(&[2, 1])), Version::Same);
    }

    #[test]
    fn more_changes_on_one_side_is_newer() {
        assert_eq!(clock(&[1, 1]).compare(&clock(&[1])), Version::Newer);
        assert_eq!(clock(&[1]).compare(&clock(&[1, 2])), Version::Older);
    }

    #[test]
    fn changes_on_both_sides_conflict() {
        let base = clock(&[1]);
        let mut a = base.clone();
        a.tick(dev(1));
        let mut b = base;
        b.tick(dev(2));
        assert_eq!(a.compare(&b), Version::Conflict);
        assert_eq!(b.compare(&a), Version::Conflict);
    }

    #[test]
    fn merged_clock_dominates_both() {
        let a = clock(&[1, 1]);
        let b = clock(&[1, 2, 2]);
        let mut m = a.merged(&b);
        assert_eq!(m.compare(&a), Version::Newer);
        assert_eq!(m.compare(&b), Version::Newer);
        m.tick(dev(3));
        assert!(m.is_valid());
        assert_eq!(m.count(dev(1)), 2);
        assert_eq!(m.count(dev(2)), 2);
    }

    #[test]
    fn malformed_clocks_are_detected() {
        assert!(!Clock(vec![(dev(2), 1), (dev(1), 1)]).is_valid());
        assert!(!Clock(vec![(dev(1), 0)]).is_valid());
        assert!(clock(&[3, 1, 2]).is_valid());
    }
}
