//! The front door of the network: outreach contacts (and, as the people issue grows,
//! screenings, the pseudonymous registry, take-in, consent and the waiting list).

pub mod api;
pub mod checklist_seed;
pub mod components;
pub mod model;
pub mod registry;
pub mod screening;
#[cfg(feature = "ssr")]
pub mod ssr;
pub mod waiting;
