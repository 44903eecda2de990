//! The Territorial Commission (seed 002): requests for an anti-trafficking interview
//! received from a Commission, and referrals the network sends to one, with the hearing,
//! the accompaniment and the outcome. Counted in the funder report.

pub mod api;
pub mod components;
pub mod model;
#[cfg(feature = "ssr")]
pub mod ssr;
