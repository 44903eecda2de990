//! The one integration-test binary: every test spawns the whole application on port 0
//! with a fresh database, SQLite by default or PostgreSQL when
//! `ANELLO_TEST_POSTGRES_URL` is set (`make test` runs the suite both ways).

mod helpers;

mod admin;
mod audit;
mod cli;
mod contacts;
mod policy_matrix;
mod security;
mod sessions;
