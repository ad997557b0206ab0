//! Places: state, district, block or local body, ward or village. Each is
//! entered once and picked from a list afterwards.

use super::id::Id;
use super::record::Body;
use super::sort::{self, Key};
use super::table::Table;
use super::text::{fold, Query};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    State,
    District,
    /// A block, or a local body (panchayat, municipality, corporation).
    Block,
    /// A ward or a village.
    Ward,
}

impl Level {
    pub const ALL: [Level; 4] = [Level::State, Level::District, Level::Block, Level::Ward];

    /// The level a place of this level sits directly under.
    pub fn parent(self) -> Option<Level> {
        match self {
            Level::State => None,
            Level::District => Some(Level::State),
            Level::Block => Some(Level::District),
            Level::Ward => Some(Level::Block),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    pub name: String,
    pub level: Level,
    /// The place this one is in; `None` only for states.
    pub parent: Option<Id>,
}

/// The place and the places it is in, innermost first.
pub fn lineage(places: &Table<Place>, id: Id) -> Vec<(Id, &Place)> {
    let mut out = Vec::new();
    let mut next = Some(id);
    while let Some(id) = next {
        // A cycle cannot be made through the form, but an imported file could
        // hold one; stop rather than loop.
        if out.len() > Level::ALL.len() || out.iter().any(|(seen, _)| *seen == id) {
            break;
        }
        let Some(place) = places.get(id) else { break };
        out.push((id, place));
        next = place.parent;
    }
    out
}

/// "Jampuijala, Sepahijala, Tripura": the place and what it is in.
pub fn full_name(places: &Table<Place>, id: Id) -> String {
    lineage(places, id)
        .iter()
        .map(|(_, p)| p.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Whether `id` is `ancestor` or lies inside it.
pub fn is_within(places: &Table<Place>, id: Id, ancestor: Id) -> bool {
    lineage(places, id).iter().any(|(p, _)| *p == ancestor)
}

/// The state a place is in (the place itself for a state).
pub fn state_of(places: &Table<Place>, id: Id) -> Option<Id> {
    lineage(places, id)
        .into_iter()
        .find(|(_, p)| p.level == Level::State)
        .map(|(id, _)| id)
}

/// Places whose full name matches the query, in full-name order.
pub fn search(places: &Table<Place>, query: &Query) -> Vec<(Id, String)> {
    let mut found: Vec<(String, Id, String)> = places
        .live()
        .map(|(id, _)| {
            let name = full_name(places, id);
            (fold(&name), id, name)
        })
        .filter(|(folded, _, _)| query.matches(folded))
        .collect();
    sort::by_key(&mut found, |f| Key::text(f.0.clone(), f.1));
    found.into_iter().map(|(_, id, name)| (id, name)).collect()
}

/// A live place with the same name (ignoring case and accents) under the
/// same parent, other than `except`: the same place entered twice.
pub fn find_twin(
    places: &Table<Place>,
    name: &str,
    parent: Option<Id>,
    except: Option<Id>,
) -> Option<Id> {
    let folded = fold(name);
    places
        .live()
        .find(|(id, p)| Some(*id) != except && p.parent == parent && fold(&p.name) == folded)
        .map(|(id, _)| id)
}

impl Body for Place {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::id::{DeviceTag, IdGen};
    use crate::domain::table::Author;
    use crate::domain::time::Timestamp;

    fn places() -> (Table<Place>, Id, Id, Id) {
        let author = Author {
            device: DeviceTag::from_random(1),
            now: Timestamp(0),
        };
        let mut ids = IdGen::new(author.device);
        let mut t = Table::default();
        let state = t
            .insert_new(
                Place {
                    name: "Tripura".into(),
                    level: Level::State,
                    parent: None,
                },
                &mut ids,
                author,
            )
            .unwrap();
        let district = t
            .insert_new(
                Place {
                    name: "Sepahijala".into(),
                    level: Level::District,
                    parent: Some(state),
                },
                &mut ids,
                author,
            )
            .unwrap();
        let ward = t
            .insert_new(
                Place {
                    name: "Jampuijala".into(),
                    level: Level::Ward,
                    parent: Some(district),
                },
                &mut ids,
                author,
            )
            .unwrap();
        (t, state, district, ward)
    }

    #[test]
    fn a_place_is_named_with_what_it_is_in() {
        let (t, state, _, ward) = places();
        assert_eq!(full_name(&t, ward), "Jampuijala, Sepahijala, Tripura");
        assert_eq!(state_of(&t, ward), Some(state));
        assert!(is_within(&t, ward, state));
        assert!(!is_within(&t, state, ward));
    }

    #[test]
    fn the_same_place_twice_is_found() {
        let (t, state, district, _) = places();
        assert_eq!(
            find_twin(&t, "SEPAHIJALA", Some(state), None),
            Some(district)
        );
        assert_eq!(
            find_twin(&t, "Sepahijala", Some(state), Some(district)),
            None,
            "itself is not a twin"
        );
        assert_eq!(
            find_twin(&t, "Sepahijala", None, None),
            None,
            "another parent, another place"
        );
    }

    #[test]
    fn a_cycle_from_a_bad_file_does_not_hang() {
        let (mut t, state, district, _) = places();
        let author = Author {
            device: DeviceTag::from_random(1),
            now: Timestamp(1),
        };
        t.update(
            state,
            Place {
                name: "Tripura".into(),
                level: Level::State,
                parent: Some(district),
            },
            author,
        )
        .unwrap();
        assert_eq!(lineage(&t, district).len(), 2);
    }

    #[test]
    fn places_are_found_by_any_part_of_their_full_name() {
        let (t, _, district, ward) = places();
        let ids: Vec<Id> = search(&t, &Query::new("sepah"))
            .into_iter()
            .map(|(id, _)| id)
            .collect();
        assert_eq!(ids, vec![ward, district], "sorted by full name");
        assert_eq!(
            search(&t, &Query::new("jampui")),
            vec![(ward, "Jampuijala, Sepahijala, Tripura".to_string())]
        );
    }

    #[test]
    fn levels_nest() {
        assert_eq!(Level::Ward.parent(), Some(Level::Block));
        assert_eq!(Level::State.parent(), None);
    }
}
