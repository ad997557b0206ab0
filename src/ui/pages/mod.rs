//! One component per page (per address).

pub mod case;
pub mod cases;
pub mod courses;
pub mod dashboard;
pub mod data;
pub mod data_import;
pub mod demo;
pub mod figures;
pub mod follow_up;
pub mod group_form;
pub mod group_meetings;
pub mod group_view;
pub mod groups_list;
pub mod home;
pub mod meeting;
pub mod not_found;
pub mod people_list;
pub mod person_form;
pub mod person_protection;
pub mod person_view;
pub mod places;
pub mod programmes;
pub mod reports;
pub mod settings;
pub mod storage_use;
