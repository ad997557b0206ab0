//! Bytes packed into text for local storage, 15 bits per UTF-16 code unit.
//!
//! Local storage holds strings and counts its quota in UTF-16 code units, so
//! base64 (6 bits a unit) would waste more than half of it. Each unit here
//! carries 15 bits as a code point in U+3000..=U+AFFF: never a surrogate,
//! never a control character, and the same on every browser.

const BASE: u32 = 0x3000;
const BITS: u32 = 15;
const MASK: u32 = (1 << BITS) - 1;

/// The packed form of `bytes`. The first unit says how many bits of padding
/// the last unit carries, so the length survives exactly.
pub fn pack(bytes: &[u8]) -> String {
    let total_bits = bytes.len() as u64 * 8;
    let units = total_bits.div_ceil(u64::from(BITS));
    let padding = (units * u64::from(BITS) - total_bits) as u32;
    let mut out = String::with_capacity((units as usize + 1) * 3);
    out.push(unit(padding));
    let mut acc: u32 = 0;
    let mut have: u32 = 0;
    for &b in bytes {
        acc = (acc << 8) | u32::from(b);
        have += 8;
        if have >= BITS {
            have -= BITS;
            out.push(unit((acc >> have) & MASK));
        }
    }
    if have > 0 {
        out.push(unit((acc << (BITS - have)) & MASK));
    }
    out
}

/// The bytes packed in `text`, or `None` if it is not a packed string.
pub fn unpack(text: &str) -> Option<Vec<u8>> {
    let mut chars = text.chars();
    let padding = value(chars.next()?)?;
    if padding >= BITS {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() / 3 * 15 / 8 + 1);
    let mut acc: u32 = 0;
    let mut have: u32 = 0;
    let mut units = 0u64;
    for c in chars {
        acc = (acc << BITS) | value(c)?;
        have += BITS;
        units += 1;
        while have >= 8 {
            have -= 8;
            out.push((acc >> have) as u8);
        }
        acc &= (1 << have) - 1;
    }
    let total_bits = units * u64::from(BITS);
    if total_bits < u64::from(padding) || (total_bits - u64::from(padding)) % 8 != 0 {
        return None;
    }
    out.truncate(((total_bits - u64::from(padding)) / 8) as usize);
    Some(out)
}

fn unit(v: u32) -> char {
    char::from_u32(BASE + v).expect("U+3000..=U+AFFF are all characters")
}

fn value(c: char) -> Option<u32> {
    let v = u32::from(c).checked_sub(BASE)?;
    (v <= MASK).then_some(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_length_round_trips() {
        for len in 0..200 {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + len) as u8).collect();
            assert_eq!(unpack(&pack(&bytes)), Some(bytes), "length {len}");
        }
    }

    #[test]
    fn all_byte_values_round_trip() {
        let bytes: Vec<u8> = (0..=255).collect();
        assert_eq!(unpack(&pack(&bytes)), Some(bytes));
    }

    #[test]
    fn uses_about_8_15ths_of_a_unit_per_byte() {
        let packed = pack(&[0xAB; 15_000]);
        assert_eq!(packed.encode_utf16().count(), 1 + 8_000);
    }

    #[test]
    fn foreign_text_is_refused() {
        assert_eq!(unpack(""), None);
        assert_eq!(unpack("{\"json\": true}"), None);
        assert_eq!(unpack("\u{3000}x"), None);
        // A padding count that cannot be.
        assert_eq!(unpack("\u{3010}"), None);
    }
}
