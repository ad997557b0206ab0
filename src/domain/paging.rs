//! Long lists a page of rows at a time. A state's register has tens of
//! thousands of people and hundreds of open flags; fifty rows at once keeps
//! every page well under 1,500 elements, so it stays quick to draw and to
//! scroll on a modest phone however large the register grows.

/// Rows on one page of a list. Each keystroke in a search can replace the
/// whole page, and drawing new rows of names in several scripts (styles,
/// layout, text shaping) was most of a keystroke's time with a hundred rows
/// (docs/performance.md).
pub const PAGE: usize = 50;

/// Conflicts on one page of an import's preview: each shows both versions
/// side by side with its buttons, about 25 elements.
pub const CONFLICT_PAGE: usize = 20;

/// The first row of the page of `size` rows that `start` falls on, kept
/// within `total` rows (a list can shrink under its page when a filter
/// changes).
pub fn page_start(start: usize, total: usize, size: usize) -> usize {
    start.min(total.saturating_sub(1)) / size * size
}

/// The rows of the page that `start` falls on: first and one past the last.
pub fn page_rows(start: usize, total: usize, size: usize) -> std::ops::Range<usize> {
    let first = page_start(start, total, size);
    first..(first + size).min(total)
}

/// How many pages of `size` rows `total` rows take (at least one).
pub fn pages(total: usize, size: usize) -> usize {
    total.div_ceil(size).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_starts_on_a_multiple_of_the_page_within_the_list() {
        assert_eq!(page_start(0, 0, PAGE), 0);
        assert_eq!(page_start(0, 44_190, PAGE), 0);
        assert_eq!(page_start(PAGE, 44_190, PAGE), PAGE);
        assert_eq!(page_start(PAGE + PAGE / 2, 44_190, PAGE), PAGE);
        assert_eq!(page_start(150, 44_190, 100), 100);
        // The list shrank under its page: its last page.
        assert_eq!(page_start(500, 250, 100), 200);
        assert_eq!(page_start(500, 200, 100), 100);
    }

    #[test]
    fn the_last_page_holds_what_is_left() {
        assert_eq!(page_rows(0, 3, PAGE), 0..3);
        assert_eq!(page_rows(0, 0, PAGE), 0..0);
        assert_eq!(page_rows(44_100, 44_190, 100), 44_100..44_190);
        assert_eq!(page_rows(44_160, 44_190, 50), 44_150..44_190);
        assert_eq!(pages(0, PAGE), 1);
        assert_eq!(pages(PAGE, PAGE), 1);
        assert_eq!(pages(PAGE + 1, PAGE), 2);
        assert_eq!(pages(44_190, 100), 442);
        assert_eq!(page_rows(45, 150, CONFLICT_PAGE), 40..60);
        assert_eq!(pages(150, CONFLICT_PAGE), 8);
    }
}
