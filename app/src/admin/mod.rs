//! Managing organisations and users; for the network coordinator and administrators.

#[cfg(feature = "ssr")]
pub mod account_changes;
pub mod api;
pub mod components;
pub mod model;
#[cfg(feature = "ssr")]
pub mod ssr;
