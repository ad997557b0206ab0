//! The place form and its rules.

use super::form::{Checker, FieldError, Problem};
use super::id::Id;
use super::place::{find_twin, Level, Place};
use super::register::Register;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PlaceField {
    Name,
    Level,
    Parent,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlaceForm {
    pub name: String,
    pub level: Option<Level>,
    pub parent: Option<Id>,
}

impl PlaceForm {
    pub fn from_place(p: &Place) -> Self {
        PlaceForm {
            name: p.name.clone(),
            level: Some(p.level),
            parent: p.parent,
        }
    }

    /// Checks the form; `editing` is the place being changed, if any.
    pub fn validate(
        &self,
        reg: &Register,
        editing: Option<Id>,
    ) -> Result<Place, Vec<FieldError<PlaceField>>> {
        let mut c = Checker::default();
        let name = c.line(PlaceField::Name, &self.name, true);
        let level = c.chosen(PlaceField::Level, self.level);
        let mut parent = self.parent;
        if let Some(level) = level {
            match level.parent() {
                None => parent = None,
                Some(expected) => match parent.and_then(|id| reg.places.get(id)) {
                    None => c.fail(PlaceField::Parent, Problem::Required),
                    Some(p) if p.level != expected => {
                        c.fail(PlaceField::Parent, Problem::WrongParentLevel)
                    }
                    Some(_) if parent == editing => {
                        c.fail(PlaceField::Parent, Problem::WrongParentLevel)
                    }
                    Some(_) => {}
                },
            }
        }
        if !name.is_empty() && find_twin(&reg.places, &name, parent, editing).is_some() {
            c.fail(PlaceField::Name, Problem::AlreadyExists);
        }
        c.finish(level.map(|level| Place {
            name,
            level,
            parent,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::edit::Edit;
    use crate::domain::id::{DeviceTag, IdGen};
    use crate::domain::table::Author;
    use crate::domain::time::Timestamp;

    fn problems(r: Result<Place, Vec<FieldError<PlaceField>>>) -> Vec<(PlaceField, Problem)> {
        r.err()
            .unwrap_or_default()
            .into_iter()
            .map(|e| (e.field, e.problem))
            .collect()
    }

    fn register_with_tripura() -> (Register, Id) {
        let mut reg = Register::default();
        let mut ids = IdGen::new(DeviceTag::from_random(1));
        let author = Author {
            device: ids.device,
            now: Timestamp(0),
        };
        let state = Edit::new(&mut reg, &mut ids, author)
            .add_place(Place {
                name: "Tripura".into(),
                level: Level::State,
                parent: None,
            })
            .unwrap();
        (reg, state)
    }

    #[test]
    fn a_district_needs_a_state_above_it() {
        let (reg, state) = register_with_tripura();
        let form = PlaceForm {
            name: "Sepahijala".into(),
            level: Some(Level::District),
            parent: None,
        };
        assert_eq!(
            problems(form.validate(&reg, None)),
            vec![(PlaceField::Parent, Problem::Required)]
        );
        let form = PlaceForm {
            parent: Some(state),
            ..form
        };
        assert!(form.validate(&reg, None).is_ok());
    }

    #[test]
    fn a_ward_cannot_sit_directly_in_a_state() {
        let (reg, state) = register_with_tripura();
        let form = PlaceForm {
            name: "Ward 3".into(),
            level: Some(Level::Ward),
            parent: Some(state),
        };
        assert_eq!(
            problems(form.validate(&reg, None)),
            vec![(PlaceField::Parent, Problem::WrongParentLevel)]
        );
    }

    #[test]
    fn the_same_place_is_not_entered_twice() {
        let (reg, state) = register_with_tripura();
        let form = PlaceForm {
            name: " tripura ".into(),
            level: Some(Level::State),
            parent: None,
        };
        assert_eq!(
            problems(form.validate(&reg, None)),
            vec![(PlaceField::Name, Problem::AlreadyExists)]
        );
        assert!(
            form.validate(&reg, Some(state)).is_ok(),
            "renaming itself is fine"
        );
    }

    #[test]
    fn name_and_level_are_required() {
        let (reg, _) = register_with_tripura();
        let problems = problems(PlaceForm::default().validate(&reg, None));
        assert_eq!(
            problems,
            vec![
                (PlaceField::Name, Problem::Required),
                (PlaceField::Level, Problem::Required)
            ]
        );
    }
}
