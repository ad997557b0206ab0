//! Sorting rows through one code path.
//!
//! Each `sort_by` with a new element type or comparator compiles the whole
//! sort algorithm again, 3–4 KB of wasm every time, and the app sorts many
//! kinds of rows. So rows are sorted here: by a key of one type, computed
//! once per row, with a single instance of the sort underneath.

use super::id::Id;
use chrono::{Datelike, NaiveDate};

/// A sort key: a number, then a text, then a tie-breaking number.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Key(pub i64, pub String, pub u64);

impl Key {
    pub fn text(text: String, then: Id) -> Key {
        Key(0, text, then.to_bits())
    }

    /// Newest first, then by id (newest id first).
    pub fn newest_first(date: NaiveDate, then: Id) -> Key {
        Key(
            -i64::from(date.num_days_from_ce()),
            String::new(),
            u64::MAX - then.to_bits(),
        )
    }

    /// By one id, then another (`None` first). Ids order as numbers.
    pub fn ids(first: Option<Id>, then: Id) -> Key {
        // Flipping the top bit maps u64 order onto i64 order.
        let first = first.map_or(i64::MIN, |id| (id.to_bits() ^ (1 << 63)) as i64);
        Key(first, String::new(), then.to_bits())
    }

    pub fn number(n: i64, then: u64) -> Key {
        Key(n, String::new(), then)
    }
}

/// Sorts `items` by `key`, keeping the order of rows with equal keys.
pub fn by_key<T>(items: &mut Vec<T>, key: impl Fn(&T) -> Key) {
    let mut keyed: Vec<(Key, u32)> = items
        .iter()
        .enumerate()
        .map(|(i, t)| (key(t), i as u32))
        .collect();
    sort_keys(&mut keyed);
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        keyed
            .into_iter()
            .map(|(_, i)| slots[i as usize].take().expect("each index once")),
    );
}

#[inline(never)]
fn sort_keys(keyed: &mut [(Key, u32)]) {
    // The index makes every key distinct, so unstable is stable here.
    keyed.sort_unstable();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_by_key_and_keeps_ties_in_order() {
        let mut v = vec![("b", 2), ("a", 2), ("c", 1)];
        by_key(&mut v, |&(_, n)| Key::number(n, 0));
        assert_eq!(v, vec![("c", 1), ("b", 2), ("a", 2)]);
    }

    #[test]
    fn newest_first_puts_later_dates_first() {
        let id = Id::built_in(1);
        let mut v = vec![
            NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(),
            NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
        ];
        by_key(&mut v, |d| Key::newest_first(*d, id));
        assert_eq!(v[0].year(), 2026);
    }
}
