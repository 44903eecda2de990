//! The materials library of the forum: documents that trainers publish and keep up to
//! date (the indicator checklist among them), each with its numbered versions and files.
//! Files are checked by their bytes, kept in the database and served only to those who
//! may read the category, as downloads.

pub mod api;
pub mod components;
pub mod model;

#[cfg(feature = "ssr")]
#[cfg(feature = "ssr")]
pub mod ssr;
pub mod upload;
