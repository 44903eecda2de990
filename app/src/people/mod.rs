//! The front door of the network: outreach contacts (and, as the people issue grows,
//! screenings, the pseudonymous registry, take-in, consent and the waiting list).

pub mod api;
pub mod components;
pub mod model;
#[cfg(feature = "ssr")]
pub mod ssr;
