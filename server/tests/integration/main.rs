//! The one integration-test binary: every test spawns the whole application on port 0
//! with a fresh database, SQLite by default or PostgreSQL when
//! `ANELLO_TEST_POSTGRES_URL` is set (`make test` runs the suite both ways).
//!
//! Tests run on multi-threaded runtimes, like the server in production: on tokio's
//! single-threaded test runtime, where the app and the client share one thread, about one
//! full run in six stalled while rendering a refused page (not yet root-caused; see the
//! people issue's note).

mod helpers;

mod admin;
mod audit;
mod beds;
mod board_live;
mod board_undo;
mod cli;
mod contacts;
mod forum;
mod forum_materials;
mod notification_email;
mod people;
mod placement_rules;
mod plan_agreement;
mod planner;
mod policy_matrix;
mod reports;
mod screening;
mod security;
mod sessions;
