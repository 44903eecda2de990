//! The network's calendar, on the server: contacts, stays, plans and reports are dated by
//! the Italian calendar, not by UTC (`kernel::when`). The browser's clock is not trusted.

use chrono::NaiveDate;

pub use crate::kernel::when::day_in_italy;

/// Today in Italy (Europe/Rome).
pub fn today() -> NaiveDate {
    day_in_italy(chrono::Utc::now())
}
