//! The shared kernel: what more than one feature needs, in one place. Features import
//! the kernel; the kernel imports no feature (`make lint` checks it), so a change to one
//! feature can never reach into another through here.
//!
//! - `error`: the one error type of every server function, its field problems and the
//!   refusal codes (`Breach`, `Conflict`).
//! - `fields`: the parsers of form text (closed lists of codes, ids, free text, search
//!   boxes): one rule and one error for each kind of input, everywhere.
//! - `dates`: dates typed into forms and query strings.
//! - `when`, `numbers`, `money`: dates, times, decimals and euros shown (and euros
//!   typed), in Europe/Rome and the reader's language.
//! - `clock` (server only): today, in Italy; the browser's clock is not trusted.
//! - `files`: uploaded files, the kinds taken and their checks by bytes.
//! - `bilingual`: names kept in Italian and English.
//! - `folding`: text folded for comparison (case, accents, Unicode forms).
//! - `db`, `csv_file`, `names` (server only): the database connection and writer, CSV
//!   downloads, the names of organisations and users beside their ids.
//!
//! The kernel may read the database's tables (`entity`), which belong to no feature.

pub mod bilingual;
#[cfg(feature = "ssr")]
pub mod clock;
pub mod dates;
pub mod error;
pub mod fields;
pub mod files;
pub mod folding;
pub mod money;
pub mod numbers;
pub mod when;

#[cfg(feature = "ssr")]
pub mod csv_file;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod names;
