//! A change to the register, remembering which records it touched so that
//! storage rewrites only the chunks holding them.

use super::id::{Id, IdGen, IdsExhausted};
use super::person::Person;
use super::register::{Kind, Register};
use super::table::{Author, NotFound};
use std::collections::BTreeSet;

/// The records one change touched.
pub type Touched = BTreeSet<(Kind, Id)>;

/// Edits the register on behalf of one author.
pub struct Edit<'a> {
    reg: &'a mut Register,
    ids: &'a mut IdGen,
    author: Author,
    touched: Touched,
}

impl<'a> Edit<'a> {
    pub fn new(reg: &'a mut Register, ids: &'a mut IdGen, author: Author) -> Self {
        Edit {
            reg,
            ids,
            author,
            touched: Touched::new(),
        }
    }

    pub fn register(&self) -> &Register {
        self.reg
    }

    pub fn touched(self) -> Touched {
        self.touched
    }

    pub fn add_person(&mut self, person: Person) -> Result<Id, IdsExhausted> {
        let id = self.reg.people.insert_new(person, self.ids, self.author)?;
        self.touched.insert((Kind::People, id));
        Ok(id)
    }

    pub fn update_person(&mut self, id: Id, person: Person) -> Result<(), NotFound> {
        self.reg.people.update(id, person, self.author)?;
        self.touched.insert((Kind::People, id));
        Ok(())
    }

    pub fn delete_person(&mut self, id: Id) -> Result<(), NotFound> {
        self.reg.people.delete(id, self.author)?;
        self.touched.insert((Kind::People, id));
        Ok(())
    }
}
