//! The built-in programmes' own texts (names, descriptions, roles and
//! themes) in the volunteer's language.
//!
//! They are records, stored in English and editable like any other, so the
//! stored text is never changed: it is shown translated only while it is
//! still exactly the built-in English text. A programme a volunteer renamed
//! shows as they wrote it.

use super::{text, Lang, Msg};
use std::borrow::Cow;

/// Every message that holds a built-in text.
const BUILT_IN: &[Msg] = &[
    Msg::SeedBalasabha,
    Msg::SeedAuxiliaryGroup,
    Msg::SeedBalMitraGram,
    Msg::SeedBanjaraCentre,
    Msg::SeedBalAshram,
    Msg::SeedBalikaAshram,
    Msg::SeedBalasabhaAbout,
    Msg::SeedAuxiliaryAbout,
    Msg::SeedBalMitraGramAbout,
    Msg::SeedBanjaraAbout,
    Msg::SeedBalAshramAbout,
    Msg::SeedBalikaAshramAbout,
    Msg::RoleMember,
    Msg::RoleLeader,
    Msg::RoleSecretary,
    Msg::RoleTeamLeader,
    Msg::RoleRepresentative,
    Msg::RolePresident,
    Msg::RoleLearner,
    Msg::RoleResident,
    Msg::RoleTrainee,
    Msg::ThemePlay,
    Msg::ThemeLeadership,
    Msg::ThemeCooperation,
    Msg::ThemeScience,
    Msg::ThemeDemocracy,
    Msg::ThemeEnvironment,
    Msg::ThemePersonality,
    Msg::ThemeLivelihood,
    Msg::ThemeGender,
    Msg::ThemeViolence,
    Msg::ThemeTraining,
    Msg::ThemeHealth,
    Msg::ThemeChildRights,
    Msg::ThemeEducation,
    Msg::ThemeCounselling,
];

/// `stored` in `lang` if it is one of the built-in English texts; else
/// `stored` as it is.
pub fn shown(lang: Lang, stored: &str) -> Cow<'_, str> {
    if lang == Lang::En {
        return Cow::Borrowed(stored);
    }
    match BUILT_IN.iter().find(|&&m| text(Lang::En, m) == stored) {
        Some(&m) => Cow::Borrowed(text(lang, m)),
        None => Cow::Borrowed(stored),
    }
}

/// [`shown`], owned.
pub fn shown_owned(lang: Lang, stored: &str) -> String {
    shown(lang, stored).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::seed::programmes;

    #[test]
    fn every_built_in_text_has_its_message() {
        for (_, p) in programmes() {
            let texts = [p.name.as_str(), p.description.as_str()]
                .into_iter()
                .chain(p.rules.roles.iter().map(String::as_str))
                .chain(p.rules.themes.iter().map(String::as_str));
            for t in texts {
                for &lang in Lang::ALL.iter().filter(|&&l| l != Lang::En) {
                    assert_ne!(shown(lang, t), t, "{lang:?} has no translation of {t:?}");
                }
            }
        }
    }

    #[test]
    fn texts_a_volunteer_wrote_are_shown_as_written() {
        assert_eq!(shown(Lang::Ml, "Balasabha"), "ബാലസഭ");
        assert_eq!(shown(Lang::Hi, "Member"), "सदस्य");
        assert_eq!(
            shown(Lang::Ml, "Balasabha (Vizhinjam)"),
            "Balasabha (Vizhinjam)"
        );
        assert_eq!(shown(Lang::En, "Balasabha"), "Balasabha");
    }
}
