//! The people the network meets and follows: the anonymous contact log (`contacts`), the
//! screenings, the pseudonymous registry with take-in and consent (`registry`), and the
//! waiting list. `model` and `components` hold the vocabulary their records share;
//! `access` (server only) decides who may see and change a person's data, for every
//! feature.

#[cfg(feature = "ssr")]
pub mod access;
pub mod checklist_seed;
pub mod components;
pub mod contacts;
pub mod model;
pub mod registry;
pub mod screening;
pub mod waiting;
