//! Finding people by name, fast enough for a state's register.

use super::id::Id;
use super::person::Person;
use super::sort::{self, Key};
use super::table::Table;
use super::text::{fold_all, Query};

/// Every live person's folded name, sorted, so that a search is one pass
/// over plain strings and its results come out in name order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NameIndex {
    entries: Vec<(String, Id)>,
}

impl NameIndex {
    pub fn build(people: &Table<Person>) -> Self {
        let (ids, names): (Vec<Id>, Vec<String>) =
            people.live().map(|(id, p)| (id, p.full_name())).unzip();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let mut entries: Vec<(String, Id)> = fold_all(&names).into_iter().zip(ids).collect();
        sort::by_key(&mut entries, |(name, id)| Key::text(name.clone(), *id));
        NameIndex { entries }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The ids of people whose name matches, in name order; everyone when
    /// the query is empty.
    pub fn search<'a>(&'a self, query: &'a Query) -> impl Iterator<Item = Id> + 'a {
        self.entries
            .iter()
            .filter(move |(name, _)| query.matches(name))
            .map(|(_, id)| *id)
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
