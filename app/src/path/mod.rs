//! The rest of a person's path, between identification and autonomy (seeds 000–002):
//! the Territorial Commission, the judicial route, minors' procedures, her documents,
//! support spending, transfers between projects and regions. Each part is a record with
//! its own page in the person's file, for the team in charge only, every read and
//! change audited in its transaction like the plan's.

pub mod commission;
pub mod components;
#[cfg(feature = "ssr")]
pub mod dates;
#[cfg(feature = "ssr")]
pub mod demo;
pub mod documents;
pub mod judicial;
pub mod minors;
pub mod model;
pub mod page;
pub mod spending;
#[cfg(feature = "ssr")]
pub mod ssr;
pub mod transfers;
