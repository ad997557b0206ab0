//! The range coder under [`super`]: bits coded against adaptive
//! probabilities (LZMA's binary range coder). Encoding and decoding share
//! every model routine through [`Coder`], so the two cannot drift apart.

/// Probabilities are 11-bit fractions of one; each starts at a half.
pub const HALF: u16 = 1 << 10;
const BITS: u32 = 11;
/// How fast a probability adapts: by 1/32 of the distance each time.
const MOVE: u32 = 5;
const TOP: u32 = 1 << 24;

/// One side of the coder. `bit` codes `value` (when encoding) or reads a
/// bit (when decoding, ignoring `value`), and returns the bit.
pub trait Coder {
    fn bit(&mut self, probability: &mut u16, value: u32) -> u32;
    /// `count` bits of `value`, high first, each taken as even odds.
    fn direct(&mut self, count: u32, value: u32) -> u32;
}

pub struct Encoder {
    low: u64,
    range: u32,
    /// The last byte not yet written, held back in case a carry reaches it,
    /// and how many 0xFF bytes follow it.
    cache: u8,
    pending: u64,
    pub out: Vec<u8>,
}

impl Encoder {
    pub fn new(capacity: usize) -> Self {
        Encoder {
            low: 0,
            range: u32::MAX,
            cache: 0,
            pending: 1,
            out: Vec::with_capacity(capacity),
        }
    }

    pub fn finish(mut self) -> Vec<u8> {
        for _ in 0..5 {
            self.shift_low();
        }
        self.out
    }

    fn shift_low(&mut self) {
        if self.low < 0xFF00_0000 || self.low > u64::from(u32::MAX) {
            let carry = (self.low >> 32) as u8;
            let mut byte = self.cache;
            loop {
                self.out.push(byte.wrapping_add(carry));
                byte = 0xFF;
                self.pending -= 1;
                if self.pending == 0 {
                    break;
                }
            }
            self.cache = (self.low >> 24) as u8;
        }
        self.pending += 1;
        self.low = (self.low & 0x00FF_FFFF) << 8;
    }

    fn normalize(&mut self) {
        while self.range < TOP {
            self.range <<= 8;
            self.shift_low();
        }
    }
}

impl Coder for Encoder {
    fn bit(&mut self, probability: &mut u16, value: u32) -> u32 {
        let p = u32::from(*probability);
        let bound = (self.range >> BITS) * p;
        if value == 0 {
            self.range = bound;
            *probability = (p + (((1 << BITS) - p) >> MOVE)) as u16;
        } else {
            self.low += u64::from(bound);
            self.range -= bound;
            *probability = (p - (p >> MOVE)) as u16;
        }
        self.normalize();
        value
    }

    fn direct(&mut self, count: u32, value: u32) -> u32 {
        for i in (0..count).rev() {
            self.range >>= 1;
            if (value >> i) & 1 == 1 {
                self.low += u64::from(self.range);
            }
            self.normalize();
        }
        value
    }
}

pub struct Decoder<'a> {
    input: &'a [u8],
    at: usize,
    range: u32,
    code: u32,
}

impl<'a> Decoder<'a> {
    pub fn new(input: &'a [u8]) -> Self {
        let mut d = Decoder {
            input,
            at: 0,
            range: u32::MAX,
            code: 0,
        };
        for _ in 0..5 {
            d.code = (d.code << 8) | u32::from(d.next_byte());
        }
        d
    }

    /// Whether the decoder read past the end: the stream was cut or is not
    /// one of ours.
    pub fn overran(&self) -> bool {
        self.at > self.input.len()
    }

    fn next_byte(&mut self) -> u8 {
        let byte = self.input.get(self.at).copied().unwrap_or(0);
        self.at += 1;
        byte
    }

    fn normalize(&mut self) {
        if self.range < TOP {
            self.range <<= 8;
            self.code = (self.code << 8) | u32::from(self.next_byte());
        }
    }
}

impl Coder for Decoder<'_> {
    fn bit(&mut self, probability: &mut u16, _: u32) -> u32 {
        let p = u32::from(*probability);
        let bound = (self.range >> BITS) * p;
        let bit = if self.code < bound {
            self.range = bound;
            *probability = (p + (((1 << BITS) - p) >> MOVE)) as u16;
            0
        } else {
            self.range -= bound;
            self.code -= bound;
            *probability = (p - (p >> MOVE)) as u16;
            1
        };
        self.normalize();
        bit
    }

    fn direct(&mut self, count: u32, _: u32) -> u32 {
        let mut value = 0;
        for _ in 0..count {
            self.range >>= 1;
            let bit = u32::from(self.code >= self.range);
            if bit == 1 {
                self.code -= self.range;
            }
            value = (value << 1) | bit;
            self.normalize();
        }
        value
    }
}

/// A `count`-bit number coded high bit first through a binary tree of
/// probabilities (`probabilities[1..1 << count]`).
pub fn tree(c: &mut impl Coder, probabilities: &mut [u16], count: u32, value: u32) -> u32 {
    let mut node = 1usize;
    for i in (0..count).rev() {
        let bit = c.bit(&mut probabilities[node], (value >> i) & 1);
        node = (node << 1) | bit as usize;
    }
    node as u32 - (1 << count)
}

/// A `count`-bit number coded low bit first (`probabilities[0..]` for
/// tree nodes 1…).
pub fn reverse_tree(c: &mut impl Coder, probabilities: &mut [u16], count: u32, value: u32) -> u32 {
    let (mut node, mut out) = (1usize, 0);
    for i in 0..count {
        let bit = c.bit(&mut probabilities[node - 1], (value >> i) & 1);
        node = (node << 1) | bit as usize;
        out |= bit << i;
    }
    out
}
