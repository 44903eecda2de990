//! The personalised project ("progetto personalizzato"): phases, team, assessment and
//! goals by area, actions from the service catalogue with their timeline, the case
//! diary, and each user's "My work".

pub mod agreement;
pub mod api;
pub mod components;
#[cfg(feature = "ssr")]
pub mod demo;
pub mod family;
pub mod model;
#[cfg(feature = "ssr")]
pub mod ssr;
pub mod timeline_drag;
