//! The little the register needs from a key-value store. Local storage in the
//! browser implements it (`storage::local`); [`MemoryStore`] implements it
//! natively so that the commit protocol can be tested with failures injected
//! at every step.

use std::collections::BTreeMap;
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WriteError {
    /// The browser's storage quota is used up.
    QuotaExceeded,
    /// Storage refused for another reason (disabled, private mode…).
    Refused(String),
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WriteError::QuotaExceeded => f.write_str("the browser's storage is full"),
            WriteError::Refused(why) => write!(f, "the browser refused to save: {why}"),
        }
    }
}

pub trait KeyValue {
    fn get(&self, key: &str) -> Option<String>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), WriteError>;
    fn remove(&mut self, key: &str);
    /// Every key, in no particular order.
    fn keys(&self) -> Vec<String>;
}

/// An in-memory store with a quota counted like Chrome's: UTF-16 code units
/// of keys and values together.
#[derive(Clone, Debug, Default)]
pub struct MemoryStore {
    pub items: BTreeMap<String, String>,
    /// Quota in UTF-16 code units; `None` for unlimited.
    pub quota: Option<usize>,
    /// Fail the n-th next write (0 = the very next one), to test recovery.
    pub fail_write_after: Option<usize>,
}

impl MemoryStore {
    pub fn used_units(&self) -> usize {
        self.items
            .iter()
            .map(|(k, v)| utf16_len(k) + utf16_len(v))
            .sum()
    }
}

pub fn utf16_len(s: &str) -> usize {
    s.chars().map(char::len_utf16).sum()
}

impl KeyValue for MemoryStore {
    fn get(&self, key: &str) -> Option<String> {
        self.items.get(key).cloned()
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), WriteError> {
        if let Some(n) = self.fail_write_after.as_mut() {
            if *n == 0 {
                self.fail_write_after = None;
                return Err(WriteError::QuotaExceeded);
            }
            *n -= 1;
        }
        if let Some(quota) = self.quota {
            let old = self
                .items
                .get(key)
                .map_or(0, |v| utf16_len(key) + utf16_len(v));
            if self.used_units() - old + utf16_len(key) + utf16_len(value) > quota {
                return Err(WriteError::QuotaExceeded);
            }
        }
        self.items.insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&mut self, key: &str) {
        self.items.remove(key);
    }

    fn keys(&self) -> Vec<String> {
        self.items.keys().cloned().collect()
    }
}
