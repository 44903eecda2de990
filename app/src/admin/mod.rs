//! Managing organisations and users; for the network coordinator and administrators.

pub mod api;
pub mod components;
pub mod model;
#[cfg(feature = "ssr")]
pub mod ssr;
