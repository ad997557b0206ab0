//! Suggestions for a free-text field from the values already entered (the
//! villages people live in), offered a few at a time. A state's register
//! has thousands of villages: offering them all would put thousands of
//! elements in the form (see `domain::paging`), so only those matching
//! what has been typed are offered.

use super::sort::{self, Key};
use super::text::{fold_all, Query};

/// The most suggestions offered at once.
pub const SUGGESTIONS: usize = 50;

/// The distinct values entered so far, sorted, each with its folded form
/// for matching.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Known {
    /// (value, folded value), sorted by value, without duplicates.
    values: Vec<(String, String)>,
}

impl Known {
    /// The distinct non-empty values among `values`.
    pub fn new<'a>(values: impl Iterator<Item = &'a str>) -> Known {
        let mut distinct: Vec<&str> = values.filter(|v| !v.is_empty()).collect();
        sort::by_key(&mut distinct, |s| Key(0, s.to_string(), 0));
        distinct.dedup();
        let folded = fold_all(&distinct);
        Known {
            values: distinct
                .into_iter()
                .map(str::to_string)
                .zip(folded)
                .collect(),
        }
    }

    pub fn len(&self) -> usize {
        self.values.len()
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// Up to `limit` values containing every word of `typed` (case, accents
    /// and typing variants ignored, as in the search), in order.
    pub fn matching(&self, typed: &str, limit: usize) -> Vec<String> {
        let query = Query::new(typed);
        self.values
            .iter()
            .filter(|(_, folded)| query.matches(folded))
            .take(limit)
            .map(|(value, _)| value.clone())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn villages(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("Village {i:04}")).collect()
    }

    #[test]
    fn each_value_is_known_once_and_empty_ones_not_at_all() {
        let known = Known::new(["Rampur", "", "Amdanga", "Rampur"].into_iter());
        assert_eq!(known.len(), 2);
        assert_eq!(known.matching("", 10), ["Amdanga", "Rampur"]);
    }

    #[test]
    fn what_is_typed_narrows_the_suggestions_as_the_search_does() {
        let known = Known::new(["Rampur", "Rāmgarh", "Sonpur", "रामपुर"].into_iter());
        assert_eq!(known.matching("ram", 10), ["Rampur", "Rāmgarh"]);
        assert_eq!(known.matching("PUR", 10), ["Rampur", "Sonpur"]);
        assert_eq!(known.matching("राम", 10), ["रामपुर"]);
        assert!(known.matching("Delhi", 10).is_empty());
    }

    #[test]
    fn a_state_of_villages_is_offered_a_few_at_a_time() {
        let all = villages(2_900);
        let known = Known::new(all.iter().map(String::as_str));
        assert_eq!(known.len(), 2_900);
        let first = known.matching("", SUGGESTIONS);
        assert_eq!(first.len(), SUGGESTIONS);
        assert_eq!(first[0], "Village 0000");
        // Typing narrows to the villages that match, wherever they sort.
        assert_eq!(
            known.matching("village 2899", SUGGESTIONS),
            ["Village 2899"]
        );
        assert_eq!(known.matching("28", SUGGESTIONS).len(), SUGGESTIONS);
    }
}
