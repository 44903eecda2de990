//! The agreed plan: each version agreed with the person (date, language, mediator, and
//! for minors the guardian) is kept as it was, two versions can be compared, a
//! supervisor approves a version, and the agreed plan prints on A4 to be signed.

pub mod api;
pub mod components;
pub mod model;
#[cfg(feature = "ssr")]
pub mod ssr;
