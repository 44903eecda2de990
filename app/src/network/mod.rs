//! The network's own work, "azioni di sistema" (seed 002, seed 001): training events and
//! workshops for front-line staff (emergency departments, family clinics, CAS and SAI
//! operators) with their materials from the forum library, registrations, attendance
//! and certificates; and the coordination meetings of the network, with agenda, minutes
//! and decisions whose owners find them on "Il mio lavoro". Counted in the "system
//! actions" table of the funder report.
//!
//! Every member of the network reads the training calendar and registers herself,
//! partners included (they are its audience: CAS and SAI operators, health services);
//! coordination meetings are the implementing bodies' and the coordinator's, never a
//! partner's. The organisers (trainers, reception managers, the coordinator) change the
//! events of their own organisation; the coordinator every event.

pub mod api;
#[cfg(feature = "ssr")]
pub mod certificate;
pub mod components;
#[cfg(feature = "ssr")]
pub mod demo;
pub mod event_components;
pub mod model;
#[cfg(feature = "ssr")]
pub mod ssr;
