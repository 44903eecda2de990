//! SeaORM entities, one file a table. Server-only.

pub mod audit_log;
pub mod beds;
pub mod contacts;
pub mod organisations;
pub mod sessions;
pub mod sign_in_attempts;
pub mod structures;
pub mod user_roles;
pub mod users;
