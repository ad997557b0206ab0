//! What the coder knows while it codes: the probabilities of every choice
//! and how lengths, distances and literals are spelt in bits. The layout
//! follows LZMA (lc=3, lp=0, pb=0), whose choices are well tried.

use super::range::{reverse_tree, tree, Coder, HALF};

/// Matches are 2 to 273 bytes long.
pub const MIN_MATCH: usize = 2;
pub const MAX_MATCH: usize = 273;
/// States remember the kinds of the last tokens (literal, match, rep…).
const STATES: usize = 12;
/// Literals are coded in the context of the previous byte's top 3 bits.
const LITERAL_CONTEXT_BITS: u32 = 3;
const END_POS_MODEL: u32 = 14;
const ALIGN_BITS: u32 = 4;

/// The kinds of token, as coded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Token {
    Literal,
    /// A new distance.
    Match {
        len: usize,
        dist: u32,
    },
    /// One byte copied from the last distance.
    ShortRep,
    /// A copy from one of the last four distances.
    Rep {
        index: usize,
        len: usize,
    },
}

pub struct LenModel {
    choice: u16,
    choice2: u16,
    low: [u16; 8],
    mid: [u16; 8],
    high: [u16; 256],
}

impl LenModel {
    fn new() -> Self {
        LenModel {
            choice: HALF,
            choice2: HALF,
            low: [HALF; 8],
            mid: [HALF; 8],
            high: [HALF; 256],
        }
    }

    /// A match length: 2–9 in 3 bits, 10–17 in 3 more, else 8 bits.
    pub fn code(&mut self, c: &mut impl Coder, len: usize) -> usize {
        let n = len.wrapping_sub(MIN_MATCH) as u32;
        let n = if c.bit(&mut self.choice, u32::from(n >= 8)) == 0 {
            tree(c, &mut self.low, 3, n)
        } else if c.bit(&mut self.choice2, u32::from(n >= 16)) == 0 {
            8 + tree(c, &mut self.mid, 3, n.wrapping_sub(8))
        } else {
            16 + tree(c, &mut self.high, 8, n.wrapping_sub(16))
        };
        n as usize + MIN_MATCH
    }
}

pub struct Model {
    pub state: usize,
    /// The last four distances (minus one), most recent first.
    pub reps: [u32; 4],
    is_match: [u16; STATES],
    is_rep: [u16; STATES],
    is_rep_g0: [u16; STATES],
    is_rep_g1: [u16; STATES],
    is_rep_g2: [u16; STATES],
    is_rep0_long: [u16; STATES],
    literal: Vec<u16>,
    dist_slot: [[u16; 64]; 4],
    spec_pos: [u16; 114],
    align: [u16; 16],
    len: LenModel,
    rep_len: LenModel,
}

impl Model {
    pub fn new() -> Self {
        Model {
            state: 0,
            reps: [0; 4],
            is_match: [HALF; STATES],
            is_rep: [HALF; STATES],
            is_rep_g0: [HALF; STATES],
            is_rep_g1: [HALF; STATES],
            is_rep_g2: [HALF; STATES],
            is_rep0_long: [HALF; STATES],
            literal: vec![HALF; 0x300 << LITERAL_CONTEXT_BITS],
            dist_slot: [[HALF; 64]; 4],
            spec_pos: [HALF; 114],
            align: [HALF; 16],
            len: LenModel::new(),
            rep_len: LenModel::new(),
        }
    }

    /// Codes which kind of token comes next and its length and distance,
    /// updating the state and the last distances.
    pub fn token(&mut self, c: &mut impl Coder, token: Token) -> Token {
        let s = self.state;
        let is = |t: bool| u32::from(t);
        if c.bit(&mut self.is_match[s], is(token != Token::Literal)) == 0 {
            return Token::Literal;
        }
        if c.bit(
            &mut self.is_rep[s],
            is(!matches!(token, Token::Match { .. })),
        ) == 0
        {
            let (len, dist) = match token {
                Token::Match { len, dist } => (len, dist),
                _ => (0, 0),
            };
            let len = self.len.code(c, len);
            let dist = self.distance(c, len, dist);
            self.reps = [dist, self.reps[0], self.reps[1], self.reps[2]];
            self.state = if s < 7 { 7 } else { 10 };
            return Token::Match { len, dist };
        }
        let (index, len) = match token {
            Token::Rep { index, len } => (index, len),
            _ => (0, 1),
        };
        let index = if c.bit(&mut self.is_rep_g0[s], is(index != 0)) == 0 {
            if c.bit(&mut self.is_rep0_long[s], is(len > 1)) == 0 {
                self.state = if s < 7 { 9 } else { 11 };
                return Token::ShortRep;
            }
            0
        } else if c.bit(&mut self.is_rep_g1[s], is(index != 1)) == 0 {
            1
        } else {
            2 + c.bit(&mut self.is_rep_g2[s], is(index != 2)) as usize
        };
        let dist = self.reps[index];
        self.reps.copy_within(0..index, 1);
        self.reps[0] = dist;
        let len = self.rep_len.code(c, len);
        self.state = if s < 7 { 8 } else { 11 };
        Token::Rep { index, len }
    }

    /// Codes a literal byte after `previous`; after a match, in the light of
    /// `match_byte`, the byte the last distance points at.
    pub fn literal(&mut self, c: &mut impl Coder, byte: u8, previous: u8, match_byte: u8) -> u8 {
        let base = 0x300 * usize::from(previous >> (8 - LITERAL_CONTEXT_BITS));
        let probabilities = &mut self.literal[base..base + 0x300];
        let value = u32::from(byte);
        let mut symbol = 1u32;
        let mut i = 8;
        if self.state >= 7 {
            let (mut offset, mut matched) = (0x100u32, u32::from(match_byte));
            while symbol < 0x100 && offset != 0 {
                i -= 1;
                matched <<= 1;
                let match_bit = matched & offset;
                let index = (offset + match_bit + symbol) as usize;
                let bit = c.bit(&mut probabilities[index], (value >> i) & 1);
                symbol = (symbol << 1) | bit;
                offset &= if bit == 1 { match_bit } else { !match_bit };
            }
        }
        while symbol < 0x100 {
            i -= 1;
            let bit = c.bit(&mut probabilities[symbol as usize], (value >> i) & 1);
            symbol = (symbol << 1) | bit;
        }
        self.state = match self.state {
            0..4 => 0,
            4..10 => self.state - 3,
            _ => self.state - 6,
        };
        symbol as u8
    }

    fn distance(&mut self, c: &mut impl Coder, len: usize, dist: u32) -> u32 {
        let len_state = (len - MIN_MATCH).min(3);
        let slot = tree(c, &mut self.dist_slot[len_state], 6, slot_of(dist));
        if slot < 4 {
            return slot;
        }
        let footer = (slot >> 1) - 1;
        let base = (2 | (slot & 1)) << footer;
        let reduced = dist.wrapping_sub(base);
        if slot < END_POS_MODEL {
            let probabilities = &mut self.spec_pos[(base - slot) as usize..];
            base + reverse_tree(c, probabilities, footer, reduced)
        } else {
            let high = c.direct(footer - ALIGN_BITS, reduced >> ALIGN_BITS);
            let low = reverse_tree(c, &mut self.align, ALIGN_BITS, reduced);
            base + (high << ALIGN_BITS) + low
        }
    }
}

/// The slot of a distance (minus one): its bit length and next bit.
fn slot_of(dist: u32) -> u32 {
    if dist < 4 {
        return dist;
    }
    let bits = 31 - dist.leading_zeros();
    2 * bits + ((dist >> (bits - 1)) & 1)
}
