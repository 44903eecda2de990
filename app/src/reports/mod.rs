//! The funder report of seed 002 ("Scheda riassuntiva esiti progetto"), computed from the
//! records for any period, with the lists behind its figures, CSV export, an A4 print
//! view and small-count suppression for every copy that leaves the coordinator's screen;
//! and the dashboards (`/rapporti/cruscotto`): beds today and month by month, the flow
//! along the path, per province and organisation, as SVG charts with their tables.

pub mod api;
pub mod charts;
pub mod components;
pub mod model;

#[cfg(feature = "ssr")]
pub mod csv;
#[cfg(feature = "ssr")]
pub mod dashboard;
#[cfg(feature = "ssr")]
pub mod demo;
#[cfg(feature = "ssr")]
pub mod ssr;
#[cfg(feature = "ssr")]
pub mod tables;
#[cfg(feature = "ssr")]
pub mod xlsx;
