//! One component per page (per address).

pub mod child_form;
pub mod child_view;
pub mod children_list;
pub mod home;
pub mod not_found;
pub mod settings;
