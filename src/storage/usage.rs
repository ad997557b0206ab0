//! How much of the browser's local storage the app's origin uses, counted
//! the way Chrome counts it against its quota: UTF-16 code units of every
//! key and value, the app's or not, real register and demonstration alike.

use super::key_value::{utf16_len, KeyValue};

/// Chrome's local storage quota for one origin: 10 MiB counted as UTF-16
/// code units. Firefox allows about as much, Safari less.
pub const CHROME_QUOTA_UNITS: usize = 5_242_880;

/// The share of the quota at which the volunteer is warned.
pub const WARN_AT_PERCENT: usize = 80;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Usage {
    /// UTF-16 code units of every key and value.
    pub used: usize,
    pub quota: usize,
}

impl Usage {
    /// What `store` holds, against Chrome's quota.
    pub fn of(store: &impl KeyValue) -> Usage {
        let used = store
            .keys()
            .iter()
            .map(|k| utf16_len(k) + store.get(k).map_or(0, |v| utf16_len(&v)))
            .sum();
        Usage {
            used,
            quota: CHROME_QUOTA_UNITS,
        }
    }

    /// Whole percent of the quota used, rounded to the nearest.
    pub fn percent(self) -> usize {
        (self.used * 100 + self.quota / 2) / self.quota.max(1)
    }

    /// At or past [`WARN_AT_PERCENT`] of the quota.
    pub fn nearly_full(self) -> bool {
        self.used * 100 >= WARN_AT_PERCENT * self.quota
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::key_value::MemoryStore;

    #[test]
    fn every_key_and_value_counts_in_utf16_units() {
        let mut store = MemoryStore::default();
        store.set("bal/meta", "{}").unwrap();
        // One Devanagari letter is one unit; an emoji outside the BMP is two.
        store.set("other-app", "क😀").unwrap();
        let usage = Usage::of(&store);
        assert_eq!(usage.used, 8 + 2 + 9 + 3);
        assert_eq!(usage.used, store.used_units());
        assert_eq!(usage.quota, CHROME_QUOTA_UNITS);
    }

    #[test]
    fn the_warning_starts_at_eighty_percent() {
        let at = |used| Usage { used, quota: 1_000 };
        assert!(!at(799).nearly_full());
        assert!(at(800).nearly_full());
        assert_eq!(at(0).percent(), 0);
        assert_eq!(at(327).percent(), 33);
        assert_eq!(at(1_000).percent(), 100);
    }
}
