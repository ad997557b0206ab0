use super::*;
use crate::domain::id::{DeviceTag, Id};
use crate::domain::person::{fixtures::child, Person};
use crate::domain::record::Clock;
use crate::domain::time::Timestamp;

fn record(seq: u32, body: Option<Person>) -> Record<Person> {
    let device = DeviceTag::from_random(42);
    let mut clock = Clock::default();
    clock.tick(device);
    Record {
        id: Id::new(device, seq),
        anchor: None,
        created: Timestamp(1_700_000_000),
        updated: Timestamp(1_700_000_100),
        clock,
        body,
    }
}

#[test]
fn records_and_tombstones_round_trip() {
    let mut named = child("സ്നേഹ");
    named.notes = "<img src=x onerror=alert(1)>\nline two".into();
    let rows = [record(1, Some(named)), record(2, None)];
    let text = encode(&rows.iter().collect::<Vec<_>>());
    assert_eq!(decode::<Person>(&text).unwrap(), rows.to_vec());
}

#[test]
fn a_changed_character_is_detected() {
    let rows = [record(1, Some(child("Asha")))];
    let text = encode(&rows.iter().collect::<Vec<_>>());
    let mut chars: Vec<char> = text.chars().collect();
    let mid = chars.len() / 2;
    chars[mid] = char::from_u32(u32::from(chars[mid]) ^ 1).unwrap();
    let damaged: String = chars.into_iter().collect();
    assert_eq!(
        decode::<Person>(&damaged),
        Err(DecodeError::ChecksumMismatch)
    );
}

#[test]
fn a_cut_chunk_is_detected() {
    let rows: Vec<_> = (1..50).map(|i| record(i, Some(child("Asha")))).collect();
    let text = encode(&rows.iter().collect::<Vec<_>>());
    let cut: String = text.chars().take(text.chars().count() / 2).collect();
    assert!(decode::<Person>(&cut).is_err());
}

#[test]
fn foreign_values_are_refused_not_misread() {
    assert_eq!(decode::<Person>(""), Err(DecodeError::UnknownCodec(None)));
    assert_eq!(
        decode::<Person>("[1,2]"),
        Err(DecodeError::UnknownCodec(Some('[')))
    );
    assert_eq!(decode::<Person>("Aabc"), Err(DecodeError::Damaged));
}

/// The same records in the plain encoding of the first version.
fn plain<T: Serialize>(records: &[&Record<T>]) -> String {
    encode_plain(records)
}

fn persons(n: u32) -> Vec<Record<Person>> {
    (1..=n).map(|i| record(i, Some(child("Asha")))).collect()
}

#[test]
fn many_records_are_compressed_into_far_fewer_units() {
    let rows = persons(40);
    let refs: Vec<_> = rows.iter().collect();
    let text = encode(&refs);
    assert!(text.starts_with(COMPRESSED));
    assert!(text.len() * 5 < plain(&refs).len(), "similar records fold");
    assert_eq!(decode::<Person>(&text).unwrap(), rows);
}

#[test]
fn a_chunk_that_compression_cannot_shrink_stays_plain() {
    let rows = [record(1, None)];
    let text = encode(&rows.iter().collect::<Vec<_>>());
    assert!(text.starts_with(PLAIN), "{text}");
    assert_eq!(decode::<Person>(&text).unwrap(), rows.to_vec());
}

#[test]
fn chunks_written_before_compression_still_decode() {
    let rows = persons(40);
    let text = plain(&rows.iter().collect::<Vec<_>>());
    assert!(text.starts_with(PLAIN));
    assert_eq!(decode::<Person>(&text).unwrap(), rows);
    // Written by the first version for `record(1, None)`: what is stored
    // under a tag must read the same for as long as the app exists.
    let first_version = "A\u{300a}\u{784e}\u{a942}\u{3030}\u{4808}\u{3680}\u{3802}\u{3189}\
                         \u{4fd5}\u{3664}\u{6167}\u{aaa1}\u{7012}\u{8008}\u{3000}";
    assert_eq!(decode::<Person>(first_version), Ok(vec![record(1, None)]));
}

/// Damages the unit at `at` (counted from the end when negative).
fn damaged(text: &str, at: isize) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    let i = if at < 0 {
        chars.len() - at.unsigned_abs()
    } else {
        at as usize
    };
    // Flip the top of a unit's 15 bits (they start at U+3000): always data,
    // never padding.
    let value = u32::from(chars[i]) - 0x3000;
    chars[i] = char::from_u32((value ^ 0x4000) + 0x3000).unwrap();
    chars.into_iter().collect()
}

#[test]
fn a_damaged_compressed_chunk_is_detected() {
    let rows = persons(40);
    let text = encode(&rows.iter().collect::<Vec<_>>());
    assert!(text.starts_with(COMPRESSED));
    for at in [2, 3, 10, -2, -1] {
        assert_eq!(
            decode::<Person>(&damaged(&text, at)),
            Err(DecodeError::ChecksumMismatch),
            "unit {at}"
        );
    }
    assert_eq!(
        decode::<Person>(&damaged(&text, 1)),
        Err(DecodeError::Damaged),
        "the padding count"
    );
    let cut: String = text.chars().take(text.chars().count() - 3).collect();
    assert!(decode::<Person>(&cut).is_err());
}

#[test]
fn a_compressed_chunk_whose_stream_lies_is_refused_not_trusted() {
    let body = postcard::to_allocvec(&persons(40).iter().collect::<Vec<_>>()).unwrap();
    let stream = lzr::compress(&body);
    let with_length = |length: usize, stream: &[u8]| {
        let mut payload = (length as u32).to_le_bytes().to_vec();
        payload.extend_from_slice(stream);
        framed(COMPRESSED, &payload)
    };
    assert!(decode::<Person>(&with_length(body.len(), &stream)).is_ok());
    for length in [body.len() - 1, body.len() + 1, 0] {
        let lie = with_length(length, &stream);
        assert!(
            matches!(decode::<Person>(&lie), Err(DecodeError::Malformed(_))),
            "stated length {length} of {}",
            body.len()
        );
    }
    let garbage = with_length(body.len(), &[0xFF; 64]);
    assert!(matches!(
        decode::<Person>(&garbage),
        Err(DecodeError::Malformed(_))
    ));
}

/// Every kind of record of a generated register, chunk by chunk, through
/// the codec and back.
#[test]
fn every_kind_round_trips_compressed() {
    use crate::domain::generate::{generate, Scale, Spec};
    use crate::domain::register::{Kind, Register};
    use crate::storage::layout::BUCKETS;
    use crate::storage::tables::{table, table_mut};
    let reg = generate(&Spec::seed_documents(Scale::per_mille(5))).unwrap();
    let mut back = Register::default();
    for kind in Kind::ALL {
        let mut tags = String::new();
        for bucket in 0..BUCKETS {
            if let Some(text) = table(&reg, kind).encode_bucket(bucket) {
                tags.push(text.chars().next().unwrap());
                table_mut(&mut back, kind)
                    .replace_bucket(bucket, &text)
                    .unwrap();
            }
        }
        assert!(tags.contains(COMPRESSED), "{kind:?}: {tags}");
        assert_eq!(back.live_count(kind), reg.live_count(kind), "{kind:?}");
    }
    assert_eq!(back, reg);
}

/// Encoding many buckets in one pass gives exactly the chunks encoded one
/// by one, and loading those into an empty register rebuilds it.
#[test]
fn buckets_encoded_together_are_the_chunks_encoded_alone() {
    use crate::domain::generate::{generate, Scale, Spec};
    use crate::domain::register::{Kind, Register};
    use crate::storage::layout::BUCKETS;
    use crate::storage::tables::{table, table_mut};
    let reg = generate(&Spec::seed_documents(Scale::per_mille(5))).unwrap();
    let mut back = Register::default();
    // In an order of their own, not 0, 1, 2…
    let buckets: Vec<u16> = (0..BUCKETS).rev().collect();
    for kind in Kind::ALL {
        let together = table(&reg, kind).encode_buckets(&buckets);
        for (&bucket, text) in buckets.iter().zip(&together) {
            assert_eq!(
                *text,
                table(&reg, kind).encode_bucket(bucket),
                "{kind:?} {bucket}"
            );
            if let Some(text) = text {
                table_mut(&mut back, kind).load_bucket(text).unwrap();
            }
        }
    }
    assert_eq!(back, reg);
}
