//! Plain Rust types and rules of the register. Nothing here knows about the
//! browser; everything is tested natively with `cargo test`.

pub mod case;
pub mod case_form;
pub mod case_rules;
pub mod edit;
pub mod form;
pub mod generate;
pub mod group;
pub mod group_form;
pub mod id;
pub mod joining;
pub mod meeting;
pub mod meeting_form;
pub mod meeting_rules;
pub mod name_index;
pub mod paging;
pub mod person;
pub mod person_form;
pub mod place;
pub mod place_form;
pub mod programme;
pub mod programme_form;
pub mod record;
pub mod register;
pub mod rhythm;
pub mod risk;
pub mod schooling;
pub mod seed;
pub mod sort;
pub mod stats;
pub mod suggest;
pub mod table;
pub mod text;
pub mod time;
pub mod training;

#[cfg(test)]
pub(crate) mod testkit;
