//! Reading a stream back into the bytes it was made from.

use super::model::{Model, Token};
use super::range::Decoder;

/// The `length` bytes coded in `stream`, or `None` if it is not a whole
/// stream of that many bytes.
pub fn decompress(stream: &[u8], length: usize) -> Option<Vec<u8>> {
    let mut out: Vec<u8> = Vec::with_capacity(length);
    let mut c = Decoder::new(stream);
    let mut model = Model::new();
    while out.len() < length {
        if c.overran() {
            return None;
        }
        let previous = out.last().copied().unwrap_or(0);
        match model.token(&mut c, Token::Literal) {
            Token::Literal => {
                let match_byte = back(&out, model.reps[0]).unwrap_or(0);
                out.push(model.literal(&mut c, 0, previous, match_byte));
            }
            Token::ShortRep => out.push(back(&out, model.reps[0])?),
            Token::Match { len, .. } | Token::Rep { len, .. } => {
                let from = out.len().checked_sub(model.reps[0] as usize + 1)?;
                if out.len() + len > length {
                    return None;
                }
                if from + len <= out.len() {
                    out.extend_from_within(from..from + len);
                } else {
                    // The copy overlaps what it writes: byte by byte.
                    for i in from..from + len {
                        out.push(out[i]);
                    }
                }
            }
        }
    }
    (!c.overran()).then_some(out)
}

/// The byte `dist + 1` back from the end of `out`.
fn back(out: &[u8], dist: u32) -> Option<u8> {
    let at = out.len().checked_sub(dist as usize + 1)?;
    Some(out[at])
}
