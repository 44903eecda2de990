//! The forum's rules, for the network's administrators and coordinators: the level
//! (read, post, moderate) of each audience in each category, and the members named
//! moderators of a category. The forum reads them on every request.

pub mod api;
pub mod components;
pub mod model;

#[cfg(feature = "ssr")]
pub mod ssr;
