//! In-app notifications: a colleague is told that she became a person's reference
//! operator, that a plan version awaits her approval, or that hers was approved. A
//! notification names its subject by code and links to the page that decides, with the
//! reader's own permissions, what she may see there.

//!
//! Those who ask for it also get an e-mail (each notification, or a daily summary) when
//! the server has an SMTP server: it says how many notifications wait, never what they
//! are about.

pub mod api;
pub mod components;
#[cfg(feature = "ssr")]
pub mod email;
pub mod live;
pub mod model;
#[cfg(feature = "ssr")]
pub mod reminders;
pub mod settings_components;
#[cfg(feature = "ssr")]
pub mod ssr;
