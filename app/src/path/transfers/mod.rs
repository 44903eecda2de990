//! Transfers between projects and regions: an outgoing transfer (the receiving project
//! and region, the reason, whether it is for her safety, the day, her file handed over
//! only with her consent) and an incoming one (the sending project and region, who
//! referred her: the national toll-free number among others). Counted in the report.

pub mod api;
pub mod components;
pub mod model;
#[cfg(feature = "ssr")]
pub mod ssr;
