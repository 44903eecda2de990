//! A person's documents (seed 000): signed consent, permit scans, medical and legal
//! papers, filed by the team with a kind, a date, an expiry and a confidentiality
//! level, checked by their bytes like the forum's files and sealed at rest
//! (`sealing`). The files themselves travel by plain routes (`server::person_documents`):
//! a multipart upload and a download, both decided here.

pub mod api;
pub mod components;
pub mod model;
#[cfg(feature = "ssr")]
pub mod sealing;
#[cfg(feature = "ssr")]
pub mod ssr;
