//! Plain Rust types and rules of the register. Nothing here knows about the
//! browser; everything is tested natively with `cargo test`.

pub mod edit;
pub mod id;
pub mod name_index;
pub mod person;
pub mod person_form;
pub mod record;
pub mod register;
pub mod table;
pub mod text;
pub mod time;
