//! How much of the browser's local storage quota the state-scale register
//! takes with the chunk codec, and how long encoding and decoding take.
//!
//! ```text
//! cargo run --release --example storage_size            # the state-scale set
//! cargo run --release --example storage_size -- 100     # seed documents at 100%
//! cargo run --release --example storage_size -- balasabhas  # the demonstration's four states
//! ```
//!
//! Chrome allows about 5.2 million UTF-16 code units per origin (10 MiB
//! counted as UTF-16, keys and values together); the target is to use under
//! half of it. Every bucket of every kind is encoded as `Repo::commit` would
//! write it, under keys of the real namespace.

use bal_register::domain::generate::{generate, Scale, Spec};
use bal_register::domain::id::IdGen;
use bal_register::domain::register::{Kind, Register};
use bal_register::storage::key_value::utf16_len;
use bal_register::storage::layout::{chunk_key, meta_key, Meta, BUCKETS, REAL};
use bal_register::storage::packing::unpack;
use bal_register::storage::tables::{table, table_mut};
use std::time::Instant;

/// Chrome's quota in UTF-16 code units.
const QUOTA: usize = 5_200_000;

fn main() {
    let spec = match std::env::args().nth(1) {
        Some(b) if b == "balasabhas" => Spec::balasabhas(3),
        Some(p) => Spec::seed_documents(Scale::percent(p.parse().expect("a percentage"))),
        None => Spec::state_scale(),
    };
    let started = Instant::now();
    let reg = generate(&spec).expect("a valid spec");
    let marks: usize = reg
        .meetings
        .live()
        .map(|(_, m)| m.attendance.expected())
        .sum();
    println!(
        "generated {} people, {} memberships, {} meetings, {marks} marks in {:.2} s",
        reg.people.live_count(),
        reg.memberships.live_count(),
        reg.meetings.live_count(),
        started.elapsed().as_secs_f64()
    );

    let started = Instant::now();
    let chunks: Vec<(Kind, u16, String)> = Kind::ALL
        .iter()
        .flat_map(|&kind| (0..BUCKETS).map(move |b| (kind, b)))
        .filter_map(|(kind, b)| table(&reg, kind).encode_bucket(b).map(|t| (kind, b, t)))
        .collect();
    let encode = started.elapsed();

    let started = Instant::now();
    let mut back = Register::default();
    for (kind, bucket, text) in &chunks {
        table_mut(&mut back, *kind)
            .replace_bucket(*bucket, text)
            .expect("every chunk decodes");
    }
    let decode = started.elapsed();
    assert_eq!(back, reg, "the register survives the round trip");

    println!(
        "\n{:<12} {:>7} {:>12} {:>12} {:>11} {:>9}",
        "kind", "chunks", "payload B", "UTF-16 units", "largest", "% quota"
    );
    let mut total = 0;
    for kind in Kind::ALL {
        let mine: Vec<&(Kind, u16, String)> = chunks.iter().filter(|c| c.0 == kind).collect();
        let units: usize = mine
            .iter()
            .map(|(k, b, t)| utf16_len(&chunk_key(REAL, *k, *b, 1)) + utf16_len(t))
            .sum();
        let payload: usize = mine.iter().map(|c| payload_bytes(&c.2)).sum();
        let largest = mine.iter().map(|c| utf16_len(&c.2)).max().unwrap_or(0);
        total += units;
        println!(
            "{:<12} {:>7} {:>12} {:>12} {:>11} {:>8.2}%",
            kind.name(),
            mine.len(),
            payload,
            units,
            largest,
            percent(units)
        );
    }
    // The commit point: which chunk holds each bucket.
    let mut meta = Meta::new(IdGen::new(spec.device()));
    for (kind, bucket, _) in &chunks {
        meta.chunks.entry(*kind).or_default().insert(*bucket, 1);
    }
    let meta_units = utf16_len(&meta_key(REAL)) + utf16_len(&serde_json::to_string(&meta).unwrap());
    total += meta_units;
    println!(
        "{:<12} {:>7} {:>12} {:>12} {:>11} {:>8.2}%",
        "meta",
        1,
        "",
        meta_units,
        "",
        percent(meta_units)
    );
    println!(
        "{:<12} {:>7} {:>12} {:>12} {:>11} {:>8.2}%",
        "total",
        chunks.len() + 1,
        "",
        total,
        "",
        percent(total)
    );
    // A save rewrites one chunk per changed bucket: the slowest is the
    // largest one.
    let (kind, bucket, _) = chunks
        .iter()
        .max_by_key(|c| utf16_len(&c.2))
        .expect("some chunk");
    let one_save = (0..5)
        .map(|_| {
            let started = Instant::now();
            table(&reg, *kind).encode_bucket(*bucket);
            started.elapsed()
        })
        .min()
        .unwrap_or_default();
    println!(
        "\nlargest chunk ({} {bucket}) encodes in {:.1} ms",
        kind.name(),
        one_save.as_secs_f64() * 1e3
    );
    println!(
        "encode {:.0} ms, decode {:.0} ms (all {} chunks; one thread)",
        encode.as_secs_f64() * 1e3,
        decode.as_secs_f64() * 1e3,
        chunks.len()
    );
}

/// The bytes a chunk carries (after its codec tag), whatever the codec.
fn payload_bytes(text: &str) -> usize {
    let mut chars = text.chars();
    chars.next();
    unpack(chars.as_str()).map_or(0, |b| b.len())
}

fn percent(units: usize) -> f64 {
    units as f64 * 100.0 / QUOTA as f64
}
