//! Components shared by several pages.

pub mod chart;
pub mod confirm;
pub mod fields;
pub mod file_picker;
pub mod forget;
pub mod history;
pub mod missing;
pub mod notices;
pub mod page_title;
pub mod pager;
pub mod passphrase;
pub mod picker;
pub mod record_list;
