//! The network's calendar. Contacts, stays, plans and reports are dated by the Italian
//! calendar, not by UTC: just after midnight in Rome it is still yesterday in UTC.

use chrono::NaiveDate;

/// Today in Italy (Europe/Rome).
pub fn today() -> NaiveDate {
    day_in_italy(chrono::Utc::now())
}

/// The day of a moment, in Italy.
pub fn day_in_italy(moment: chrono::DateTime<chrono::Utc>) -> NaiveDate {
    moment.with_timezone(&chrono_tz::Europe::Rome).date_naive()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn just_after_midnight_in_rome_is_already_the_next_day() {
        // 23:30 UTC on 31 December is 00:30 on 1 January in Rome (UTC+1 in winter).
        let moment = chrono::Utc
            .with_ymd_and_hms(2026, 12, 31, 23, 30, 0)
            .unwrap();
        assert_eq!(
            day_in_italy(moment),
            NaiveDate::from_ymd_opt(2027, 1, 1).unwrap()
        );
    }
}
