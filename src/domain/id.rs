//! Record ids that stay unique when volunteers' devices are merged.
//!
//! An id is the creating device's random 40-bit tag followed by that device's
//! 24-bit sequence number. Ids from one device share their first 8 characters,
//! which keeps them short in text and lets compression fold the repeats.

use serde::{de, Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

const SEQ_BITS: u32 = 24;
const SEQ_MAX: u32 = (1 << SEQ_BITS) - 1;
const TAG_MASK: u64 = (1 << 40) - 1;
const TAG_CHARS: usize = 8;
/// Crockford's base32 alphabet, lower-case: no i, l, o or u to misread.
const ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";

/// The random tag of one device (or of one generated data set).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct DeviceTag(u64);

impl DeviceTag {
    /// The tag of records that come with the app (see `domain::seed`). A
    /// random tag is zero once in 2^40 devices; `from_random` avoids it.
    pub const BUILT_IN: DeviceTag = DeviceTag(0);

    /// Builds a tag from random bits; only the low 40 bits are kept.
    pub fn from_random(bits: u64) -> Self {
        match bits & TAG_MASK {
            0 => DeviceTag(1),
            tag => DeviceTag(tag),
        }
    }

    pub fn bits(self) -> u64 {
        self.0
    }
}

/// An id or a device tag as text, made on the stack: an export writes a
/// million of them, and going through `fmt` for each was a sixth of its time.
struct Text {
    bytes: [u8; TAG_CHARS + 5],
    len: usize,
}

impl Text {
    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..self.len]).expect("alphabet is ASCII")
    }
}

impl DeviceTag {
    fn text(self) -> Text {
        let mut bytes = [0u8; TAG_CHARS + 5];
        for (i, slot) in bytes[..TAG_CHARS].iter_mut().enumerate() {
            let shift = 5 * (TAG_CHARS - 1 - i);
            *slot = ALPHABET[((self.0 >> shift) & 31) as usize];
        }
        Text {
            bytes,
            len: TAG_CHARS,
        }
    }
}

impl fmt::Display for DeviceTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.text().as_str())
    }
}

impl std::str::FromStr for DeviceTag {
    type Err = IdError;
    fn from_str(s: &str) -> Result<Self, IdError> {
        if s.len() != TAG_CHARS {
            return Err(IdError);
        }
        Ok(DeviceTag(decode_base32(s)?))
    }
}

/// A record's stable id.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct Id(u64);

impl Id {
    /// The id of a record that comes with the app.
    pub const fn built_in(seq: u32) -> Self {
        Id(seq as u64)
    }

    pub fn new(device: DeviceTag, seq: u32) -> Self {
        debug_assert!(seq <= SEQ_MAX);
        Id((device.0 << SEQ_BITS) | u64::from(seq & SEQ_MAX))
    }

    pub fn device(self) -> DeviceTag {
        DeviceTag(self.0 >> SEQ_BITS)
    }

    pub fn seq(self) -> u32 {
        (self.0 & u64::from(SEQ_MAX)) as u32
    }

    /// The id as one number, for dense storage encodings.
    pub fn to_bits(self) -> u64 {
        self.0
    }

    pub fn from_bits(bits: u64) -> Self {
        Id(bits)
    }

    /// A well-mixed hash of the id, stable across platforms and versions,
    /// used to spread records over storage chunks.
    pub fn stable_hash(self) -> u64 {
        // splitmix64 finaliser
        let mut z = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

impl Id {
    fn text(self) -> Text {
        let mut text = self.device().text();
        let mut seq = self.seq();
        let mut digits = [0u8; 5];
        let mut n = 0;
        loop {
            digits[n] = ALPHABET[(seq & 31) as usize];
            n += 1;
            seq >>= 5;
            if seq == 0 {
                break;
            }
        }
        digits[..n].reverse();
        text.bytes[TAG_CHARS..TAG_CHARS + n].copy_from_slice(&digits[..n]);
        text.len = TAG_CHARS + n;
        text
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.text().as_str())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IdError;

impl fmt::Display for IdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not a record id")
    }
}

impl std::error::Error for IdError {}

impl std::str::FromStr for Id {
    type Err = IdError;
    fn from_str(s: &str) -> Result<Self, IdError> {
        if !(TAG_CHARS + 1..=TAG_CHARS + 5).contains(&s.len()) || !s.is_ascii() {
            return Err(IdError);
        }
        let device = s[..TAG_CHARS].parse::<DeviceTag>()?;
        let seq = decode_base32(&s[TAG_CHARS..])?;
        if seq > u64::from(SEQ_MAX) {
            return Err(IdError);
        }
        Ok(Id::new(device, seq as u32))
    }
}

/// Each byte's value in [`ALPHABET`], or `NOT_A_DIGIT`.
const DIGITS: [u8; 256] = {
    let mut digits = [NOT_A_DIGIT; 256];
    let mut i = 0;
    while i < ALPHABET.len() {
        digits[ALPHABET[i] as usize] = i as u8;
        i += 1;
    }
    digits
};
const NOT_A_DIGIT: u8 = 0xFF;

fn decode_base32(s: &str) -> Result<u64, IdError> {
    s.bytes()
        .try_fold(0u64, |acc, b| match DIGITS[usize::from(b)] {
            NOT_A_DIGIT => Err(IdError),
            digit => Ok((acc << 5) | u64::from(digit)),
        })
}

// Text in human-readable formats (JSON exports), one number in binary ones.
impl Serialize for Id {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            s.serialize_str(self.text().as_str())
        } else {
            s.serialize_u64(self.0)
        }
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        if d.is_human_readable() {
            let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
            text.parse()
                .map_err(|_| de::Error::custom(format!("“{text}” is not a record id")))
        } else {
            u64::deserialize(d).map(Id)
        }
    }
}

impl Serialize for DeviceTag {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            s.serialize_str(self.text().as_str())
        } else {
            s.serialize_u64(self.0)
        }
    }
}

impl<'de> Deserialize<'de> for DeviceTag {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        if d.is_human_readable() {
            let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
            text.parse()
                .map_err(|_| de::Error::custom(format!("“{text}” is not a device id")))
        } else {
            u64::deserialize(d).map(|bits| DeviceTag(bits & TAG_MASK))
        }
    }
}

/// Hands out this device's ids in sequence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdGen {
    pub device: DeviceTag,
    pub next_seq: u32,
}

/// No more ids can be made under this device tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IdsExhausted;

impl IdGen {
    pub fn new(device: DeviceTag) -> Self {
        IdGen {
            device,
            next_seq: 1,
        }
    }

    pub fn next_id(&mut self) -> Result<Id, IdsExhausted> {
        if self.next_seq > SEQ_MAX {
            return Err(IdsExhausted);
        }
        let id = Id::new(self.device, self.next_seq);
        self.next_seq += 1;
        Ok(id)
    }

    /// Never hand out an id that already exists, even if the stored counter
    /// was lost or an export of this device's own records came back.
    pub fn skip_past(&mut self, existing: Id) {
        if existing.device() == self.device && existing.seq() >= self.next_seq {
            self.next_seq = existing.seq().saturating_add(1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_form_round_trips_and_is_short() {
        let id = Id::new(DeviceTag::from_random(0xAB_CDEF_0123), 41_290);
        let text = id.to_string();
        assert_eq!(text.len(), 8 + 4, "41,290 needs four base-32 digits");
        assert_eq!(text.parse::<Id>(), Ok(id));
        assert_eq!(id.device(), DeviceTag::from_random(0xAB_CDEF_0123));
        assert_eq!(id.seq(), 41_290);
    }

    #[test]
    fn extreme_ids_round_trip() {
        for (tag, seq) in [(1, 0), (u64::MAX, SEQ_MAX), (1, 1)] {
            let id = Id::new(DeviceTag::from_random(tag), seq);
            assert_eq!(id.to_string().parse::<Id>(), Ok(id));
        }
    }

    #[test]
    fn malformed_text_is_refused() {
        for bad in [
            "",
            "abc",
            "0000000",
            "00000000",
            "0000000u1",
            "ÿÿÿÿÿÿÿÿ1",
            "00000000zzzzzz",
        ] {
            assert_eq!(bad.parse::<Id>(), Err(IdError), "{bad:?}");
        }
    }

    #[test]
    fn ids_from_two_devices_differ() {
        let mut a = IdGen::new(DeviceTag::from_random(1));
        let mut b = IdGen::new(DeviceTag::from_random(2));
        assert_ne!(a.next_id(), b.next_id());
    }

    #[test]
    fn generator_skips_past_ids_it_already_made() {
        let tag = DeviceTag::from_random(7);
        let mut gen = IdGen::new(tag);
        gen.skip_past(Id::new(tag, 99));
        gen.skip_past(Id::new(DeviceTag::from_random(8), 500));
        assert_eq!(gen.next_id().unwrap().seq(), 100);
    }

    #[test]
    fn exhausted_generator_refuses_instead_of_repeating() {
        let mut gen = IdGen {
            device: DeviceTag::from_random(3),
            next_seq: SEQ_MAX,
        };
        assert!(gen.next_id().is_ok());
        assert_eq!(gen.next_id(), Err(IdsExhausted));
    }

    #[test]
    fn the_text_form_is_the_one_files_hold() {
        let tag = DeviceTag::from_random(0x1F);
        assert_eq!(tag.to_string(), "0000000z");
        assert_eq!(Id::new(tag, 41_290).to_string(), "0000000z18aa");
        assert_eq!(Id::new(tag, 0).to_string(), "0000000z0");
        assert_eq!(serde_json::to_string(&tag).unwrap(), "\"0000000z\"");
        assert_eq!(
            serde_json::to_string(&Id::new(tag, 31)).unwrap(),
            "\"0000000zz\""
        );
    }

    #[test]
    fn json_uses_text_form() {
        let id = Id::new(DeviceTag::from_random(5), 12);
        let json = serde_json::to_string(&id).unwrap();
        assert_eq!(json, format!("\"{id}\""));
        assert_eq!(serde_json::from_str::<Id>(&json).unwrap(), id);
        assert!(serde_json::from_str::<Id>("\"<script>\"").is_err());
    }
}
