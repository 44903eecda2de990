//! The waiting list for shelter: people proposed for placement, with urgency and needs.
//! The bed board drags from it.

pub mod api;
pub mod components;
pub mod model;
#[cfg(feature = "ssr")]
pub mod ssr;
