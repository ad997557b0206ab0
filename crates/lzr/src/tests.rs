use super::*;

fn round_trip(data: &[u8]) -> Vec<u8> {
    let packed = compress(data);
    assert_eq!(decompress(&packed, data.len()).as_deref(), Some(data));
    packed
}

/// Bytes from a little generator, so tests need no crate.
fn noise(seed: u64, len: usize) -> Vec<u8> {
    let mut x = seed | 1;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

#[test]
fn short_inputs_round_trip() {
    for len in 0..64 {
        round_trip(&noise(len as u64, len));
        round_trip(&vec![7; len]);
    }
}

#[test]
fn repeats_shrink_and_noise_does_not_grow_much() {
    let text = "Balasabha meeting, all present. ".repeat(200);
    assert!(round_trip(text.as_bytes()).len() < text.len() / 40);
    let random = noise(3, 10_000);
    assert!(round_trip(&random).len() < 10_000 + 10_000 / 50);
}

#[test]
fn records_with_small_differences_round_trip() {
    // Like a chunk: similar records whose ids count up, at a fixed stride.
    let mut data = Vec::new();
    for i in 0u32..3000 {
        data.extend_from_slice(&i.to_le_bytes());
        data.extend_from_slice(b"\x0c\xe0\xa4\xb8\xe0\xa5\x81\xe0\xa4\xa8\xe0\xa5\x80");
        data.extend_from_slice(&noise(u64::from(i), (i % 5) as usize));
        data.push((i % 3) as u8);
    }
    assert!(round_trip(&data).len() < data.len() / 3);
}

#[test]
fn long_and_far_matches_round_trip() {
    let block = noise(9, 70_000);
    let mut data = block.clone();
    data.extend_from_slice(&noise(10, 5000));
    data.extend_from_slice(&block[..40_000]);
    data.extend(std::iter::repeat_n(0xAB, 1000));
    let packed = round_trip(&data);
    assert!(packed.len() < 80_000, "{}", packed.len());
}

#[test]
fn a_wrong_length_or_a_cut_stream_is_refused() {
    let data = "Jampuijala, Sepahijala, Tripura; ".repeat(50).into_bytes();
    let packed = compress(&data);
    assert_eq!(decompress(&packed[..packed.len() / 2], data.len()), None);
    assert_eq!(decompress(&[], data.len()), None);
    let longer = decompress(&packed, data.len() + 10);
    assert!(longer.is_none_or(|d| d.len() == data.len() + 10 && d.starts_with(&data)));
}

#[test]
fn garbage_never_panics() {
    for seed in 0..300 {
        let junk = noise(seed, (seed as usize * 7) % 200);
        let _ = decompress(&junk, 1000);
    }
}

#[test]
fn mixtures_of_copies_round_trip() {
    // Text made of pieces copied from earlier at random distances, some
    // overlapping themselves, with fresh bytes between: every token kind.
    for seed in 1..40u64 {
        let fresh = noise(seed, 4000);
        let picks = noise(seed + 1000, 4000);
        let mut data: Vec<u8> = fresh[..8].to_vec();
        let mut i = 0;
        while data.len() < 3000 + seed as usize * 50 {
            let (a, b) = (picks[i % 4000] as usize, picks[(i + 1) % 4000] as usize);
            i += 2;
            if a % 3 == 0 {
                data.extend_from_slice(&fresh[i % 3000..i % 3000 + 1 + b % 4]);
            } else {
                let dist = 1 + (a * 7 + b) % data.len().min(600);
                let from = data.len() - dist;
                for k in 0..2 + b % 40 {
                    data.push(data[from + k]);
                }
            }
        }
        round_trip(&data);
    }
}
