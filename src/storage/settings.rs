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
}

impl Settings {
    /// Reads settings leniently: unknown fields are ignored and missing or
    /// broken ones take their defaults, so a damaged value never blocks the app.
    pub fn from_json(text: &str) -> Settings {
        serde_json::from_str(text).unwrap_or_default()
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
    fn garbage_gives_defaults() {
        assert_eq!(Settings::from_json("{{{"), Settings::default());
    }
}
