//! Finding repeats and choosing tokens: a hash-chain match finder and a
//! greedy parser.
//!
//! Speed is worth more here than the last few per cent of size: an import
//! compresses a whole state's register while the volunteer waits, and the
//! register uses about a third of the browser's room. Against the parser
//! this replaced (one step of lookahead, 48 candidates, every position
//! remembered), it compresses a state's chunks in about two thirds of the
//! time for 4.4% more bytes (docs/performance.md).

use super::model::{Model, Token, MAX_MATCH, MIN_MATCH};
use super::range::Encoder;

const HASH_BITS: u32 = 16;
/// Candidates looked at per position: more finds longer matches, slower.
const DEPTH: usize = 32;
/// A match this long is taken at once.
const NICE: usize = 64;
/// A three-byte match farther back than this costs about as many bits as
/// its three literals, and ends a run of cheap repeats: it is left.
const FAR_THREE: u32 = 1 << 12;
/// Positions remembered inside a match, from its start: remembering every
/// one of a long match's bytes took a third of the time and found little.
const INSERTED: usize = 8;

/// Positions of earlier occurrences of each 3-byte sequence.
struct Finder<'a> {
    data: &'a [u8],
    /// Latest position + 1 of each hash (0: none).
    head: Vec<u32>,
    /// For each position + 1, the previous position + 1 with its hash.
    previous: Vec<u32>,
}

impl<'a> Finder<'a> {
    fn new(data: &'a [u8]) -> Self {
        Finder {
            data,
            head: vec![0; 1 << HASH_BITS],
            previous: vec![0; data.len()],
        }
    }

    fn hash(&self, at: usize) -> usize {
        let d = self.data;
        let key = u32::from(d[at]) | u32::from(d[at + 1]) << 8 | u32::from(d[at + 2]) << 16;
        (key.wrapping_mul(0x9E37_79B1) >> (32 - HASH_BITS)) as usize
    }

    /// Remembers position `at` (once, in order).
    fn insert(&mut self, at: usize) {
        if at + 3 <= self.data.len() {
            let h = self.hash(at);
            self.previous[at] = self.head[h];
            self.head[h] = at as u32 + 1;
        }
    }

    /// The longest earlier match at `at`: (length, distance − 1).
    fn longest(&self, at: usize) -> (usize, u32) {
        let (mut best, mut best_dist) = (0, 0);
        if at + 3 > self.data.len() {
            return (best, best_dist);
        }
        let limit = (self.data.len() - at).min(MAX_MATCH);
        let mut candidate = self.head[self.hash(at)];
        for _ in 0..DEPTH {
            let Some(from) = (candidate as usize).checked_sub(1) else {
                break;
            };
            if from >= at {
                break;
            }
            if self.data.get(from + best) == self.data.get(at + best) {
                let len = common(self.data, from, at, limit);
                if len > best {
                    (best, best_dist) = (len, (at - from - 1) as u32);
                    if len >= NICE.min(limit) {
                        break;
                    }
                }
            }
            candidate = self.previous[from];
        }
        (best, best_dist)
    }
}

/// How many bytes at `at` repeat those at `from`, up to `limit`.
///
/// Eight bytes are compared at a time: the match finder spends most of the
/// compressor's time here, and long repeats are the common case in records.
fn common(data: &[u8], from: usize, at: usize, limit: usize) -> usize {
    let (here, there) = (&data[at..at + limit], &data[from..from + limit]);
    let mut len = 0;
    for (a, b) in here.chunks_exact(8).zip(there.chunks_exact(8)) {
        let a = u64::from_le_bytes(a.try_into().expect("eight bytes"));
        let b = u64::from_le_bytes(b.try_into().expect("eight bytes"));
        let differ = a ^ b;
        if differ != 0 {
            return len + (differ.trailing_zeros() / 8) as usize;
        }
        len += 8;
    }
    len + here[len..]
        .iter()
        .zip(&there[len..])
        .take_while(|(a, b)| a == b)
        .count()
}

pub fn compress(data: &[u8]) -> Vec<u8> {
    let mut c = Encoder::new(data.len() / 4 + 16);
    let mut model = Model::new();
    let mut finder = Finder::new(data);
    let mut at = 0;
    while at < data.len() {
        let limit = (data.len() - at).min(MAX_MATCH);
        let rep_len =
            |reps: &[u32; 4], i: usize, at: usize| match at.checked_sub(reps[i] as usize + 1) {
                Some(from) => common(data, from, at, limit.min(data.len() - at)),
                None => 0,
            };
        let (mut rep_index, mut best_rep) = (0, 0);
        for i in 0..4 {
            let len = rep_len(&model.reps, i, at);
            if len > best_rep {
                (rep_index, best_rep) = (i, len);
            }
        }
        let (main_len, main_dist) = finder.longest(at);
        finder.insert(at);

        let token = if best_rep >= NICE || (best_rep >= MIN_MATCH && best_rep + 1 >= main_len) {
            Token::Rep {
                index: rep_index,
                len: best_rep,
            }
        } else if main_len > 3 || (main_len == 3 && main_dist < FAR_THREE) {
            Token::Match {
                len: main_len,
                dist: main_dist,
            }
        } else if best_rep >= MIN_MATCH {
            Token::Rep {
                index: rep_index,
                len: best_rep,
            }
        } else if at > model.reps[0] as usize && data[at] == data[at - model.reps[0] as usize - 1] {
            Token::ShortRep
        } else {
            Token::Literal
        };

        let len = match model.token(&mut c, token) {
            Token::Literal => {
                let previous = if at > 0 { data[at - 1] } else { 0 };
                let match_byte = at
                    .checked_sub(model.reps[0] as usize + 1)
                    .map_or(0, |from| data[from]);
                model.literal(&mut c, data[at], previous, match_byte);
                1
            }
            Token::ShortRep => 1,
            Token::Match { len, .. } | Token::Rep { len, .. } => len,
        };
        for covered in (at + 1..at + len).take(INSERTED) {
            finder.insert(covered);
        }
        at += len;
    }
    c.finish()
}

#[cfg(test)]
mod tests {
    use super::common;

    /// The word-at-a-time comparison agrees with comparing byte by byte,
    /// wherever the first difference falls and whatever the limit.
    #[test]
    fn common_counts_like_a_byte_by_byte_comparison() {
        let mut data: Vec<u8> = b"abcdefghijklmnopqrstuvwxyz0123456789".repeat(3);
        let end = data.len();
        for change in 36..end {
            data[change] ^= 0x20;
            for from in 0..8 {
                for at in [from + 36, from + 37] {
                    for limit in 0..=(end - at) {
                        let naive = (0..limit)
                            .take_while(|&i| data[from + i] == data[at + i])
                            .count();
                        assert_eq!(common(&data, from, at, limit), naive);
                    }
                }
            }
            data[change] ^= 0x20;
        }
    }
}
