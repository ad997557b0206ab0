//! The volunteer's settings: small, plain JSON, kept beside the register.

use crate::i18n::formats::Formats;
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub organisation: String,
    pub volunteer: String,
    pub lang: Lang,
    /// How dates and numbers are written.
    pub formats: Formats,
    /// When the register was last exported (for the reminder to export).
    pub last_export: Option<crate::domain::time::Timestamp>,
    /// With a passphrase set, lock after this many minutes without use
    /// (`None`: [`DEFAULT_LOCK_MINUTES`]).
    pub lock_after_minutes: Option<u32>,
}

/// The idle time before the app locks itself, unless settings say otherwise.
pub const DEFAULT_LOCK_MINUTES: u32 = 5;

/// The idle times offered in settings, in minutes.
pub const LOCK_MINUTES: [u32; 5] = [1, 5, 15, 30, 60];

impl Settings {
    /// Reads settings leniently: unknown fields are ignored and missing or
    /// broken ones take their defaults, so a damaged value never blocks the app.
    pub fn from_json(text: &str) -> Settings {
        serde_json::from_str(text).unwrap_or_default()
    }

    /// Minutes without use before the app locks itself.
    pub fn lock_after(&self) -> u32 {
        self.lock_after_minutes
            .filter(|m| (1..=24 * 60).contains(m))
            .unwrap_or(DEFAULT_LOCK_MINUTES)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_and_unknown_fields_are_tolerated() {
        let s = Settings::from_json(r#"{"volunteer": "Rekha", "future_field": 1}"#);
        assert_eq!(s.volunteer, "Rekha");
        assert_eq!(s.lang, Lang::En);
    }

    #[test]
    fn the_idle_lock_defaults_to_five_minutes_and_ignores_nonsense() {
        assert_eq!(Settings::default().lock_after(), 5);
        let s = Settings::from_json(r#"{"lock_after_minutes": 15}"#);
        assert_eq!(s.lock_after(), 15);
        let s = Settings::from_json(r#"{"lock_after_minutes": 0}"#);
        assert_eq!(s.lock_after(), 5, "never locking is not a choice");
    }

    #[test]
    fn garbage_gives_defaults() {
        assert_eq!(Settings::from_json("{{{"), Settings::default());
    }
}
