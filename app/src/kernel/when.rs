//! Dates and times as the network reads them: every moment in Europe/Rome, whatever the
//! server's or the browser's zone; the database keeps UTC. Italian pages write
//! `06/12/2026 14:05`, English ones `6 Dec 2026, 14:05` (day before month, which no
//! English reader mistakes); both count hours to 24.
//!
//! Used by the server and by the browser alike, so that a hydrated page says what the
//! server wrote. The zone table is cut to Europe/Rome at build time
//! (`CHRONO_TZ_TIMEZONE_FILTER` in `.cargo/config.toml`), which keeps the browser bundle
//! small.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Europe::Rome;
use chrono_tz::Tz;

/// The moment on a clock in Italy.
pub fn in_italy(moment: DateTime<Utc>) -> DateTime<Tz> {
    moment.with_timezone(&Rome)
}

/// The day of a moment, in Italy: just after midnight in Rome it is still yesterday in UTC.
pub fn day_in_italy(moment: DateTime<Utc>) -> NaiveDate {
    in_italy(moment).date_naive()
}

fn english(language: &str) -> bool {
    language.starts_with("en")
}

/// A calendar day: `06/12/2026`, `6 Dec 2026`.
pub fn day_text(day: NaiveDate, language: &str) -> String {
    if english(language) {
        day.format("%-d %b %Y").to_string()
    } else {
        day.format("%d/%m/%Y").to_string()
    }
}

/// A month (its first day): `12/2026`, `Dec 2026`.
pub fn month_text(first_day: NaiveDate, language: &str) -> String {
    if english(language) {
        first_day.format("%b %Y").to_string()
    } else {
        first_day.format("%m/%Y").to_string()
    }
}

/// A moment's day, in Italy.
pub fn moment_day_text(moment: DateTime<Utc>, language: &str) -> String {
    day_text(day_in_italy(moment), language)
}

/// A moment, day and time in Italy: `06/12/2026 14:05`, `6 Dec 2026, 14:05`.
pub fn moment_text(moment: DateTime<Utc>, language: &str) -> String {
    let local = in_italy(moment);
    let day = day_text(local.date_naive(), language);
    let separator = if english(language) { ", " } else { " " };
    format!("{day}{separator}{}", local.format("%H:%M"))
}

/// The time of a moment in Italy, for something that happens today (`14:05`).
pub fn clock_text(moment: DateTime<Utc>) -> String {
    in_italy(moment).format("%H:%M").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
    }

    #[test]
    fn just_after_midnight_in_rome_is_already_the_next_day() {
        // 23:30 UTC on 31 December is 00:30 on 1 January in Rome (UTC+1 in winter).
        let moment = utc(2026, 12, 31, 23, 30);
        assert_eq!(
            day_in_italy(moment),
            NaiveDate::from_ymd_opt(2027, 1, 1).unwrap()
        );
        assert_eq!(moment_text(moment, "it"), "01/01/2027 00:30");
        assert_eq!(moment_text(moment, "en"), "1 Jan 2027, 00:30");
    }

    #[test]
    fn summer_time_is_two_hours_ahead_of_utc() {
        // Summer time began on 29 March 2026 at 01:00 UTC.
        assert_eq!(clock_text(utc(2026, 3, 29, 0, 59)), "01:59");
        assert_eq!(clock_text(utc(2026, 3, 29, 1, 0)), "03:00");
        assert_eq!(clock_text(utc(2026, 7, 1, 12, 0)), "14:00");
        // And ended on 25 October 2026 at 01:00 UTC.
        assert_eq!(clock_text(utc(2026, 10, 25, 1, 0)), "02:00");
        assert_eq!(clock_text(utc(2026, 12, 6, 12, 0)), "13:00");
    }

    #[test]
    fn days_and_months_in_each_language() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 6).unwrap();
        assert_eq!(day_text(day, "it"), "06/03/2026");
        assert_eq!(day_text(day, "en"), "6 Mar 2026");
        assert_eq!(month_text(day, "it"), "03/2026");
        assert_eq!(month_text(day, "en"), "Mar 2026");
        assert_eq!(moment_day_text(utc(2026, 3, 5, 23, 15), "it"), "06/03/2026");
    }
}
