//! SeaORM entities, one file a table. Server-only.

pub mod audit_log;
pub mod beds;
pub mod consents;
pub mod contacts;
pub mod indicator_checklists;
pub mod indicators;
pub mod kept_apart;
pub mod minor_authorisations;
pub mod organisations;
pub mod people;
pub mod person_identities;
pub mod person_organisations;
pub mod placements;
pub mod screening_indicators;
pub mod screenings;
pub mod sessions;
pub mod sign_in_attempts;
pub mod structures;
pub mod user_roles;
pub mod users;
pub mod waiting_list;
