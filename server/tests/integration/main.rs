//! The one integration-test binary: every test spawns the whole application on port 0
//! with a fresh database, SQLite by default or PostgreSQL when
//! `ANELLO_TEST_POSTGRES_URL` is set (`make test` runs the suite both ways).
//!
//! Tests run on multi-threaded runtimes, like the server in production. Their routers
//! share one route list (`server::startup`): listing the routes while another test renders
//! a page left that page waiting forever (leptos #4773).
//!
//! A scenario test is one story told as requests in order (sign in, register, place, check
//! the audit); cutting it into functions of 100 lines would hide that order behind names,
//! so clippy's `too_many_lines` is allowed here and nowhere else outside migrations.
#![allow(clippy::too_many_lines)]

mod helpers;

mod account;
mod admin;
mod audit;
mod beds;
mod board_live;
mod board_undo;
mod cli;
mod contacts;
mod database;
mod durability;
mod forum;
mod forum_materials;
mod fuzz;
mod network;
mod notification_email;
mod password_reset;
mod path;
mod people;
mod placement_rules;
mod plan_agreement;
mod planner;
mod policy_matrix;
mod proxy;
mod reports;
mod review;
mod screening;
mod security;
mod service;
mod sessions;
mod work_reminders;
