//! The contact log: anonymous contacts of outreach, help desks and partners, counted by
//! channel, province, gender, age band and exploitation (seed 000, phase 1: emersione).

pub mod api;
pub mod components;
pub mod model;
pub mod offline;
#[cfg(feature = "ssr")]
pub mod ssr;
