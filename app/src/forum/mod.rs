//! The knowledge forum, the "sezione Tratta" of the network: categories with read, post
//! and moderate rights per role and organisation kind, threads and replies in sanitised
//! Markdown, quotes and mentions, accepted answers, read markers, the personal-data guard
//! and the moderators' queue and log. Network partners see only this part of Anello,
//! and nothing in it is case data.

pub mod api;
pub mod components;
pub mod materials;
pub mod model;
pub mod rules;

#[cfg(feature = "ssr")]
pub mod access;
#[cfg(feature = "ssr")]
pub mod demo;
#[cfg(feature = "ssr")]
pub mod guard;
#[cfg(feature = "ssr")]
pub mod lookups;
#[cfg(feature = "ssr")]
pub mod markdown;
#[cfg(feature = "ssr")]
pub mod personal_data;
#[cfg(feature = "ssr")]
pub mod search;
#[cfg(feature = "ssr")]
pub mod ssr;
