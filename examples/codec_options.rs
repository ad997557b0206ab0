//! Compares ways of compressing storage chunks on a generated register:
//! the UTF-16 units each would take in local storage (after packing 15 bits
//! a unit), and the time to compress and decompress every chunk.
//!
//! ```text
//! cargo run --release --example codec_options           # the state-scale set
//! cargo run --release --example codec_options -- 100    # seed documents at 100%
//! CODECS=none,deflate cargo run --release --example codec_options  # some only
//! ```
//!
//! Only the postcard bytes of each chunk are compressed; keys, the codec
//! tag, the checksum and the stated length are left out.

use bal_register::domain::generate::{generate, Scale, Spec};
use bal_register::domain::register::Kind;
use bal_register::storage::layout::BUCKETS;
use bal_register::storage::lzr;
use bal_register::storage::packing::unpack;
use bal_register::storage::tables::table;
use std::time::{Duration, Instant};

const QUOTA: usize = 5_200_000;

type Squeeze = fn(&[u8]) -> Vec<u8>;

fn main() {
    let spec = match std::env::args().nth(1) {
        Some(p) => Spec::seed_documents(Scale::percent(p.parse().expect("a percentage"))),
        None => Spec::state_scale(),
    };
    let reg = generate(&spec).expect("a valid spec");
    let chunks: Vec<(Kind, Vec<u8>)> = Kind::ALL
        .iter()
        .flat_map(|&kind| (0..BUCKETS).map(move |b| (kind, b)))
        .filter_map(|(kind, b)| table(&reg, kind).encode_bucket(b).map(|t| (kind, t)))
        .map(|(kind, text)| (kind, payload(&text)))
        .collect();

    let options: Vec<(&str, Squeeze, Squeeze)> = vec![
        ("none", |b| b.to_vec(), |b| b.to_vec()),
        ("lzr", lzr_pack, lzr_unpack),
        (
            "lz4_flex",
            |b| lz4_flex::compress_prepend_size(b),
            |b| lz4_flex::decompress_size_prepended(b).unwrap(),
        ),
        (
            "deflate 1",
            |b| miniz_oxide::deflate::compress_to_vec(b, 1),
            inflate,
        ),
        (
            "deflate 3",
            |b| miniz_oxide::deflate::compress_to_vec(b, 3),
            inflate,
        ),
        (
            "deflate 6",
            |b| miniz_oxide::deflate::compress_to_vec(b, 6),
            inflate,
        ),
        (
            "deflate 9",
            |b| miniz_oxide::deflate::compress_to_vec(b, 9),
            inflate,
        ),
    ];
    print!("{:<11}", "option");
    for kind in Kind::ALL {
        print!(" {:>11}", kind.name());
    }
    println!(
        " {:>11} {:>8} {:>9} {:>9}",
        "total", "% quota", "pack ms", "unpack ms"
    );
    let only = std::env::var("CODECS").unwrap_or_default();
    for (name, squeeze, unsqueeze) in options {
        if !only.is_empty() && !only.split(',').any(|o| name.starts_with(o)) {
            continue;
        }
        let mut units = [0usize; Kind::ALL.len()];
        let (mut pack_time, mut unpack_time) = (Duration::ZERO, Duration::ZERO);
        for (kind, bytes) in &chunks {
            let started = Instant::now();
            let small = squeeze(bytes);
            pack_time += started.elapsed();
            let started = Instant::now();
            let again = unsqueeze(&small);
            unpack_time += started.elapsed();
            assert_eq!(&again, bytes, "{name} round trip");
            let i = Kind::ALL.iter().position(|k| k == kind).unwrap();
            units[i] += packed_units(small.len());
        }
        let total: usize = units.iter().sum();
        print!("{name:<11}");
        for u in units {
            print!(" {u:>11}");
        }
        println!(
            " {total:>11} {:>7.1}% {:>9.0} {:>9.0}",
            total as f64 * 100.0 / QUOTA as f64,
            pack_time.as_secs_f64() * 1e3,
            unpack_time.as_secs_f64() * 1e3
        );
    }
}

/// The hand-written LZ + range coder, with the length it needs in front.
fn lzr_pack(bytes: &[u8]) -> Vec<u8> {
    let mut out = (bytes.len() as u32).to_le_bytes().to_vec();
    out.extend_from_slice(&lzr::compress(bytes));
    out
}

fn lzr_unpack(bytes: &[u8]) -> Vec<u8> {
    let length = u32::from_le_bytes(bytes[..4].try_into().unwrap()) as usize;
    lzr::decompress(&bytes[4..], length).unwrap()
}

fn inflate(bytes: &[u8]) -> Vec<u8> {
    miniz_oxide::inflate::decompress_to_vec(bytes).unwrap()
}

/// UTF-16 units of `bytes` packed 15 bits a unit, with the padding unit and
/// the codec tag.
fn packed_units(bytes: usize) -> usize {
    (bytes * 8).div_ceil(15) + 2
}

/// The postcard bytes of a chunk, whichever codec wrote it: plain (`A`)
/// or compressed (`B`), after the checksum.
fn payload(text: &str) -> Vec<u8> {
    let mut chars = text.chars();
    let tag = chars.next();
    let bytes = unpack(chars.as_str()).expect("packed text");
    match tag {
        Some('A') => bytes[4..].to_vec(),
        Some('B') => lzr_unpack(&bytes[4..]),
        other => panic!("codec {other:?}"),
    }
}
