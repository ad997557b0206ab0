//! A small compressor for storage chunks: LZ77 matches and literals coded
//! with an adaptive binary range coder, in the manner of LZMA (whose token
//! model it follows), written out here because the deflate crates cost
//! 15 KB of the gzipped download and this costs a fraction of it (see
//! docs/performance.md).
//!
//! The stream has no header and no end mark: the caller keeps the length
//! (and a checksum) beside it.

mod decode;
mod encode;
mod model;
mod range;
#[cfg(test)]
mod tests;

pub use decode::decompress;
pub use encode::compress;
