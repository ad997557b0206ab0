//! Telling, without Unicode's tables, that a text is already in NFC.
//!
//! In the browser, normalising is a call into JavaScript
//! (`String.prototype.normalize`). Importing a state's file cleans about a
//! quarter of a million names, villages and notes, most of them in Bengali,
//! Devanagari or Malayalam script, and one call each was about a tenth of
//! the import's preview. Nearly all of them are NFC already. This is
//! Unicode's own quick check (UAX #15, "Detecting Normalization Forms")
//! made for the scripts the programmes write in: a text of those blocks'
//! characters in which none is taken apart or joined to the one before it,
//! and no two combining marks stand side by side (so their order cannot be
//! wrong), is NFC. Anything else is handed to the full normalisation, so
//! this can only save work, never change a result. The tests compare it
//! with the Unicode tables character by character, pair by pair, and on
//! random longer texts.

/// Whether `text` is certainly NFC. `false` means "not known", not "not NFC".
pub fn surely_nfc(text: &str) -> bool {
    let mut previous = '\0';
    for c in text.chars() {
        if !c.is_ascii() {
            if !in_known_block(c) || decomposes(c) || composes(previous, c) {
                return false;
            }
            if is_combining(c) && is_combining(previous) {
                return false;
            }
        }
        previous = c;
    }
    true
}

/// Latin-1 letters and signs, the Indic scripts of the programmes' states
/// (Devanagari, Bengali–Assamese, Malayalam, Meetei Mayek), and the
/// zero-width (non-)joiners typed inside Indic words.
fn in_known_block(c: char) -> bool {
    matches!(c,
        '\u{00A0}'..='\u{00FF}'
        | '\u{0900}'..='\u{097F}'
        | '\u{0980}'..='\u{09FF}'
        | '\u{0D00}'..='\u{0D7F}'
        | '\u{ABC0}'..='\u{ABFF}'
        | '\u{200C}'..='\u{200D}')
}

/// The characters of those blocks that NFC takes apart: letters with a
/// nukta that Unicode excludes from composition (its quick check "no").
fn decomposes(c: char) -> bool {
    matches!(
        c,
        '\u{0958}'..='\u{095F}' | '\u{09DC}' | '\u{09DD}' | '\u{09DF}'
    )
}

/// Whether NFC joins `c` to the character just before it: a nukta to the
/// three Devanagari letters that have a composed form, and the second half
/// of a two-part vowel sign (Bengali o and au, Malayalam o, oo and au) to
/// its first half. These second halves are the blocks' quick check
/// "maybe"; each is a starter or a nukta, which any character between
/// would block, so only the character just before matters.
fn composes(previous: char, c: char) -> bool {
    matches!(
        (previous, c),
        ('\u{0928}' | '\u{0930}' | '\u{0933}', '\u{093C}')
            | ('\u{09C7}', '\u{09BE}' | '\u{09D7}')
            | ('\u{0D46}', '\u{0D3E}' | '\u{0D57}')
            | ('\u{0D47}', '\u{0D3E}')
    )
}

/// The characters of those blocks with a non-zero canonical combining
/// class (viramas, nuktas, Vedic tone marks): normalisation reorders such
/// marks when they stand side by side.
fn is_combining(c: char) -> bool {
    matches!(
        c,
        '\u{093C}' | '\u{094D}' | '\u{0951}'
            ..='\u{0954}'
                | '\u{09BC}'
                | '\u{09CD}'
                | '\u{09FE}'
                | '\u{0D3B}'
                | '\u{0D3C}'
                | '\u{0D4D}'
                | '\u{ABED}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::char::canonical_combining_class;
    use unicode_normalization::{is_nfc, is_nfc_quick, IsNormalized};

    fn known_chars() -> Vec<char> {
        (0..=0xFFFF_u32)
            .filter_map(char::from_u32)
            .filter(|&c| in_known_block(c))
            .collect()
    }

    #[test]
    fn the_lists_are_unicodes_own_for_those_blocks() {
        let chars = known_chars();
        for &c in &chars {
            let quick = is_nfc_quick(std::iter::once(c));
            assert_eq!(decomposes(c), quick == IsNormalized::No, "{:04X}", c as u32);
            let joins_something = chars.iter().any(|&p| composes(p, c));
            let maybe = quick == IsNormalized::Maybe;
            assert_eq!(joins_something, maybe, "{:04X}", c as u32);
            let combining = canonical_combining_class(c) != 0;
            assert_eq!(is_combining(c), combining, "{:04X}", c as u32);
        }
    }

    #[test]
    fn never_says_nfc_of_a_text_that_is_not() {
        let chars = known_chars();
        let mut sure = 0;
        for &a in &chars {
            for &b in &chars {
                let pair: String = [a, b].into_iter().collect();
                if surely_nfc(&pair) {
                    sure += 1;
                    assert!(is_nfc(&pair), "{:04X} {:04X}", a as u32, b as u32);
                }
            }
        }
        // Most pairs are recognised, or the check would save nothing.
        assert!(sure > chars.len() * chars.len() * 9 / 10, "{sure}");
    }

    /// Longer texts, drawn mostly from the characters that compose,
    /// decompose or combine, so that every rule is crossed often.
    #[test]
    fn never_says_nfc_of_a_longer_text_that_is_not() {
        let chars = known_chars();
        let tricky: Vec<char> = chars
            .iter()
            .copied()
            .filter(|&c| {
                is_combining(c)
                    || decomposes(c)
                    || chars.iter().any(|&p| composes(p, c))
                    || chars.iter().any(|&n| composes(c, n))
            })
            .chain("ab ".chars())
            .collect();
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = |n: usize| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % n as u64) as usize
        };
        let (mut sure, mut total) = (0, 0);
        for _ in 0..200_000 {
            let len = 2 + next(5);
            let text: String = (0..len)
                .map(|_| match next(3) {
                    0 => chars[next(chars.len())],
                    _ => tricky[next(tricky.len())],
                })
                .collect();
            total += 1;
            if surely_nfc(&text) {
                sure += 1;
                assert!(
                    is_nfc(&text),
                    "{:?}",
                    text.chars().map(|c| c as u32).collect::<Vec<_>>()
                );
            }
        }
        assert!(sure > total / 10, "{sure} of {total}");
    }

    #[test]
    fn knows_names_as_they_are_written() {
        for name in [
            "Anjali Debbarma",
            "অনিতা দেববৰ্মা",
            "सुनीता मुंडा",
            "ദീപ്തി രാജൻ",
            "ꯊꯣꯏꯕꯤ ꯗꯦꯕꯤ",
            "Zoë",
        ] {
            assert!(surely_nfc(name), "{name}");
        }
    }

    #[test]
    fn hands_on_what_normalisation_may_change() {
        for text in [
            "e\u{0301}",                // e + combining acute: composes to é
            "\u{0958}",                 // क़ excluded from composition: decomposes
            "\u{0928}\u{093C}",         // न + nukta: composes to ऩ
            "\u{09C7}\u{09BE}",         // Bengali e + aa: composes to ো
            "\u{0D46}\u{0D3E}",         // Malayalam e + aa: composes to ൊ
            "\u{0915}\u{094D}\u{093C}", // virama before nukta: reordered
            "\u{4E00}",                 // a script this does not know
        ] {
            assert!(!surely_nfc(text), "{text:?}");
        }
    }
}
