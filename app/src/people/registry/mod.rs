//! The registry of people: pseudonymous records, identities for the team in charge,
//! joint take-in, consent, the access log.

pub mod api;
pub mod components;
#[cfg(feature = "ssr")]
pub mod demo;
#[cfg(feature = "ssr")]
pub mod duplicates;
pub mod model;
#[cfg(feature = "ssr")]
pub mod numbers;
#[cfg(feature = "ssr")]
pub mod rights;
#[cfg(feature = "ssr")]
pub mod ssr;
