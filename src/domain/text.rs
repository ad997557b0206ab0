//! Text as people type it: cleaning names before they are kept, and folding
//! them for search so that case, accents and typing variants do not matter.

use normalize::{nfkd, nfkd_lines};
pub(crate) use quick_nfc::surely_nfc;

mod quick_nfc;

/// Unicode normalisation. The browser has it built in
/// (`String.prototype.normalize`), so the app uses that and leaves ~90 KB of
/// Unicode tables out of its download; native builds (tests, tools) use the
/// unicode-normalization crate. Both follow the Unicode standard.
#[cfg(target_arch = "wasm32")]
mod normalize {
    fn js(text: &str, form: &str) -> String {
        js_sys::JsString::from(text)
            .normalize(form)
            .as_string()
            .unwrap_or_else(|| text.to_string())
    }

    pub fn nfc(text: &str) -> String {
        js(text, "NFC")
    }

    pub fn nfkd(text: &str) -> String {
        if text.is_ascii() {
            text.to_string()
        } else {
            js(text, "NFKD")
        }
    }

    /// Normalises many one-line texts in a single call into the browser:
    /// crossing into JavaScript once per name would dominate start-up time
    /// for a large register.
    pub fn nfkd_lines(texts: &[&str]) -> Vec<String> {
        js(&texts.join("\n"), "NFKD")
            .split('\n')
            .map(str::to_string)
            .collect()
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod normalize {
    use unicode_normalization::UnicodeNormalization;

    pub fn nfc(text: &str) -> String {
        text.nfc().collect()
    }

    pub fn nfkd(text: &str) -> String {
        text.nfkd().collect()
    }

    pub fn nfkd_lines(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|t| nfkd(t)).collect()
    }
}

/// `text` in NFC, asking the tables (the browser's, in the app) only when
/// the quick check cannot tell.
fn nfc(text: &str) -> String {
    if surely_nfc(text) {
        text.to_string()
    } else {
        normalize::nfc(text)
    }
}

/// Cleans one line of user text: canonical Unicode (NFC), control characters
/// removed, runs of white space made one space, ends trimmed.
pub fn clean_line(text: &str) -> String {
    if is_clean_line(text) {
        text.to_string()
    } else {
        clean_line_anew(text)
    }
}

/// Whether [`clean_line`] would give `text` back as it is, as it does for
/// nearly every name in an imported file: then it is only copied, not
/// rebuilt a character at a time.
fn is_clean_line(text: &str) -> bool {
    // True at the start: a leading space is not clean.
    let mut after_space = true;
    for c in text.chars() {
        if c == ' ' {
            if after_space {
                return false;
            }
            after_space = true;
        } else if c.is_whitespace() || c.is_control() {
            return false;
        } else {
            after_space = false;
        }
    }
    (text.is_empty() || !after_space) && surely_nfc(text)
}

fn clean_line_anew(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in nfc(text).chars() {
        if c.is_whitespace() {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
        } else if !c.is_control() {
            out.push(c);
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Cleans free text that may span lines (notes): like [`clean_line`] but
/// keeps line breaks.
pub fn clean_multiline(text: &str) -> String {
    let lines: Vec<String> = text.lines().map(clean_line).collect();
    lines.join("\n").trim().to_string()
}

/// Folds text for matching: compatibility-decomposed, lower-cased, with
/// Latin-style accents and invisible joiners removed. Marks that belong to a
/// script (Devanagari, Bengali, Malayalam vowel signs and viramas) are kept,
/// since they change the word.
pub fn fold(text: &str) -> String {
    fold_decomposed(&nfkd(text))
}

/// [`fold`] for many one-line texts at once (names for the search index).
pub fn fold_all(texts: &[&str]) -> Vec<String> {
    nfkd_lines(texts)
        .iter()
        .map(|t| fold_decomposed(t))
        .collect()
}

fn fold_decomposed(decomposed: &str) -> String {
    let mut out = String::with_capacity(decomposed.len());
    for c in decomposed.chars() {
        if is_generic_accent(c) || is_joiner(c) {
            continue;
        }
        if let Some(expanded) = malayalam_chillu(c) {
            out.push_str(expanded);
            continue;
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// Combining marks shared by many scripts (acute, grave, umlaut, tilde…).
fn is_generic_accent(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}')
}

/// Zero-width joiners and non-joiners: they change how a word is drawn, not
/// what it says, and keyboards differ in whether they type them.
fn is_joiner(c: char) -> bool {
    matches!(c, '\u{200C}' | '\u{200D}')
}

/// Malayalam's atomic chillu letters, spelt as the consonant and virama that
/// older keyboards type instead.
fn malayalam_chillu(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{0D7A}' => "\u{0D23}\u{0D4D}",
        '\u{0D7B}' => "\u{0D28}\u{0D4D}",
        '\u{0D7C}' => "\u{0D30}\u{0D4D}",
        '\u{0D7D}' => "\u{0D32}\u{0D4D}",
        '\u{0D7E}' => "\u{0D33}\u{0D4D}",
        '\u{0D7F}' => "\u{0D15}\u{0D4D}",
        _ => return None,
    })
}

/// A search query, folded once and split into words.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    words: Vec<String>,
}

impl Query {
    pub fn new(text: &str) -> Self {
        Query {
            words: fold(text).split_whitespace().map(str::to_string).collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The first word typed, folded; `None` for an empty query.
    pub fn first_word(&self) -> Option<&str> {
        self.words.first().map(String::as_str)
    }

    /// True when every word of the query occurs in `folded` (text already
    /// passed through [`fold`]).
    pub fn matches(&self, folded: &str) -> bool {
        self.words.iter().all(|w| folded.contains(w.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_line_normalises_space_and_controls() {
        assert_eq!(clean_line("  Asha\t\u{0007} Das \n"), "Asha Das");
        assert_eq!(clean_line(""), "");
    }

    #[test]
    fn clean_line_composes_unicode() {
        // "e" + combining acute becomes the single character é.
        assert_eq!(clean_line("Re\u{0301}mi"), "Rémi");
    }

    #[test]
    fn clean_text_is_given_back_as_cleaning_it_anew_would() {
        let parts = [
            "Asha",
            " ",
            "  ",
            "\t",
            "\u{00A0}",
            "\u{0007}",
            "\n",
            "e\u{0301}",
            "é",
            "सुनीता",
            "\u{093C}",
            "അരു\u{0D7A}",
            "\u{200D}",
            "\u{0301}",
            "",
            "Das",
        ];
        let mut texts = vec![String::new()];
        for a in parts {
            for b in parts {
                for c in parts {
                    texts.push(format!("{a}{b}{c}"));
                }
            }
        }
        for text in &texts {
            assert_eq!(clean_line(text), clean_line_anew(text), "{text:?}");
        }
        assert!(texts.iter().any(|t| is_clean_line(t)));
        assert!(texts.iter().any(|t| !is_clean_line(t)));
    }

    #[test]
    fn clean_multiline_keeps_lines() {
        assert_eq!(
            clean_multiline(" first  line \r\n second\n"),
            "first line\nsecond"
        );
    }

    #[test]
    fn search_ignores_case_and_accents() {
        let q = Query::new("rEMI");
        assert!(q.matches(&fold("Rémi Dubois")));
        assert!(Query::new("rémi").matches(&fold("REMI")));
    }

    #[test]
    fn search_in_devanagari_keeps_vowel_signs() {
        let name = fold("सुनीता कुमारी");
        assert!(Query::new("सुनीता").matches(&name));
        assert!(Query::new("कुमारी").matches(&name));
        // सनीता (without the u-sign) is another name.
        assert!(!Query::new("सनीता").matches(&name));
    }

    #[test]
    fn search_in_devanagari_ignores_nukta_encoding() {
        // ड़ typed as one code point or as ड + nukta.
        assert!(Query::new("\u{095C}").matches(&fold("बड\u{093C}ा")));
    }

    #[test]
    fn search_in_malayalam_ignores_chillu_encoding() {
        // അരുൺ with the atomic chillu, and with ണ + virama + ZWJ.
        let atomic = fold("അരു\u{0D7A}");
        let old_style = fold("അരു\u{0D23}\u{0D4D}\u{200D}");
        assert_eq!(atomic, old_style);
        assert!(Query::new("അരു\u{0D23}\u{0D4D}").matches(&atomic));
    }

    #[test]
    fn search_in_bengali() {
        assert!(Query::new("রহিম").matches(&fold("মোঃ রহিম উদ্দিন")));
    }

    #[test]
    fn folding_many_at_once_is_folding_each() {
        let names = ["Rémi", "बड\u{093C}ा", "അരു\u{0D7A}", "", "ASHA das"];
        let one_by_one: Vec<String> = names.iter().map(|n| fold(n)).collect();
        assert_eq!(fold_all(&names), one_by_one);
    }

    #[test]
    fn every_word_must_match() {
        let name = fold("Asha Das");
        assert!(Query::new("das asha").matches(&name));
        assert!(!Query::new("asha roy").matches(&name));
        assert!(Query::new("  ").is_empty());
    }
}
