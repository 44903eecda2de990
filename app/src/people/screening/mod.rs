//! Screening interviews with the versioned indicator checklist, and the trainers' editor
//! of that checklist.

pub mod api;
pub mod components;
pub mod model;
#[cfg(feature = "ssr")]
pub mod ssr;
