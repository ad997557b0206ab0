//! Finding people by name, fast enough for a state's register.

use super::id::Id;
use super::person::Person;
use super::sort::{self, Key};
use super::table::Table;
use super::text::{fold_all, Query};

/// Every live person's folded name, sorted, so that a search's results come
/// out in name order.
///
/// The names are kept end to end in one text, each ended by a NUL (which
/// no folded name or query word holds), and a search looks for its first
/// word once through that text instead of once in each of a state's 45,000
/// names: one pass over contiguous memory, with no per-name set-up.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NameIndex {
    /// The names in order, each followed by [`END`].
    text: String,
    /// Where each name starts in `text`, in the same order as `ids`.
    starts: Vec<usize>,
    ids: Vec<Id>,
}

const END: char = '\0';

impl NameIndex {
    pub fn build(people: &Table<Person>) -> Self {
        let (ids, names): (Vec<Id>, Vec<String>) =
            people.live().map(|(id, p)| (id, p.full_name())).unzip();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let mut entries: Vec<(String, Id)> = fold_all(&names).into_iter().zip(ids).collect();
        sort::by_key(&mut entries, |(name, id)| Key::text(name.clone(), *id));
        let mut index = NameIndex {
            text: String::with_capacity(entries.iter().map(|(n, _)| n.len() + 1).sum()),
            starts: Vec::with_capacity(entries.len()),
            ids: Vec::with_capacity(entries.len()),
        };
        for (name, id) in entries {
            index.starts.push(index.text.len());
            index.text.extend(name.chars().filter(|&c| c != END));
            index.text.push(END);
            index.ids.push(id);
        }
        index
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The folded name of the `i`-th person, without its end mark.
    fn name(&self, i: usize) -> &str {
        let end = self.starts.get(i + 1).map_or(self.text.len(), |&s| s);
        &self.text[self.starts[i]..end - END.len_utf8()]
    }

    /// The ids of people whose name matches, in name order; everyone when
    /// the query is empty.
    pub fn search<'a>(&'a self, query: &'a Query) -> Box<dyn Iterator<Item = Id> + 'a> {
        let Some(first) = query.first_word() else {
            return Box::new(self.ids.iter().copied());
        };
        // Every name holding the first word, once each (a name can hold it
        // twice), then the other words checked in those names only.
        let mut last = None;
        Box::new(
            self.text
                .match_indices(first)
                .map(|(at, _)| self.starts.partition_point(|&s| s <= at) - 1)
                .filter(move |&i| last.replace(i) != Some(i))
                .filter(|&i| query.matches(self.name(i)))
                .map(|i| self.ids[i]),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::super::id::{DeviceTag, IdGen};
    use super::super::person::fixtures::child;
    use super::super::table::Author;
    use super::super::time::Timestamp;
    use super::*;

    fn table(names: &[&str]) -> (Table<Person>, Vec<Id>) {
        let author = Author {
            device: DeviceTag::from_random(1),
            now: Timestamp(0),
        };
        let mut ids = IdGen::new(author.device);
        let mut t = Table::default();
        let made = names
            .iter()
            .map(|n| {
                let mut p = child(n);
                p.family_name.clear();
                t.insert_new(p, &mut ids, author).unwrap()
            })
            .collect();
        (t, made)
    }

    #[test]
    fn results_come_in_name_order() {
        let (t, ids) = table(&["Zara", "asha", "Mina"]);
        let index = NameIndex::build(&t);
        let all: Vec<Id> = index.search(&Query::new("")).collect();
        assert_eq!(all, vec![ids[1], ids[2], ids[0]]);
    }

    #[test]
    fn search_finds_by_any_part_of_the_name() {
        let (t, ids) = table(&["Priya", "Supriya", "Rahul"]);
        let index = NameIndex::build(&t);
        let found: Vec<Id> = index.search(&Query::new("PRIYA")).collect();
        assert_eq!(found, vec![ids[0], ids[1]]);
    }

    #[test]
    fn a_name_holding_a_word_twice_is_found_once() {
        let (t, ids) = table(&["Anna Annamma", "Ann"]);
        let found: Vec<Id> = NameIndex::build(&t).search(&Query::new("ann")).collect();
        assert_eq!(found, vec![ids[1], ids[0]]);
    }

    #[test]
    fn a_word_is_not_found_across_two_names() {
        // End to end the names read "asha" then "ravi": "ha ra" must not
        // match where one ends and the next begins.
        let (t, _) = table(&["Asha", "Ravi"]);
        let index = NameIndex::build(&t);
        assert_eq!(index.search(&Query::new("shar")).count(), 0);
        assert_eq!(index.search(&Query::new("aravi")).count(), 0);
    }

    #[test]
    fn every_word_of_the_query_must_be_in_the_name() {
        let (t, ids) = table(&["Asha Devi", "Asha Kumari", "Devika"]);
        let index = NameIndex::build(&t);
        let found: Vec<Id> = index.search(&Query::new("devi asha")).collect();
        assert_eq!(found, vec![ids[0]]);
    }

    #[test]
    fn deleted_people_are_not_found() {
        let (mut t, ids) = table(&["Priya"]);
        t.delete(
            ids[0],
            Author {
                device: DeviceTag::from_random(1),
                now: Timestamp(1),
            },
        )
        .unwrap();
        assert!(NameIndex::build(&t).is_empty());
    }

    #[test]
    fn scripts_are_not_interleaved() {
        let (t, ids) = table(&["सुनीता", "Anil", "অনিতা", "ബിന്ദു", "अनिल", "Bina"]);
        let index = NameIndex::build(&t);
        let order: Vec<Id> = index.search(&Query::new("")).collect();
        // Latin, then Devanagari (alphabetical), then Bengali, then Malayalam.
        assert_eq!(order, vec![ids[1], ids[5], ids[4], ids[0], ids[2], ids[3]]);
    }

    /// Within a script, names sort in its alphabet's order (the code points
    /// of Devanagari and Malayalam follow the varnamala), and a name typed
    /// with an atomic chillu or with the older virama + ZWJ sorts as one.
    #[test]
    fn names_sort_in_their_alphabet() {
        let (t, ids) = table(&[
            "രമ",
            "ആതിര",
            "ബിന്ദു",
            "അനിൽ",
            "അനി\u{0D32}\u{0D4D}\u{200D}കുമാർ",
        ]);
        let order: Vec<Id> = NameIndex::build(&t).search(&Query::new("")).collect();
        assert_eq!(order, vec![ids[3], ids[4], ids[1], ids[2], ids[0]]);

        let (t, ids) = table(&["सुनीता", "अनिल", "कविता", "आशा", "गीता"]);
        let order: Vec<Id> = NameIndex::build(&t).search(&Query::new("")).collect();
        assert_eq!(order, vec![ids[1], ids[3], ids[2], ids[4], ids[0]]);
    }
}
