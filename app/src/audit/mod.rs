//! The audit trail: who did what, to which record, when, with what outcome.

pub mod api;
pub mod components;
pub mod model;
#[cfg(feature = "ssr")]
pub mod ssr;
