//! In-app notifications: a colleague is told that she became a person's reference
//! operator, that a plan version awaits her approval, or that hers was approved. A
//! notification names its subject by code and links to the page that decides, with the
//! reader's own permissions, what she may see there.

pub mod api;
pub mod components;
pub mod model;
#[cfg(feature = "ssr")]
pub mod ssr;
