//! Dates typed into forms and query strings (`YYYY-MM-DD`), read in one place.
//!
//! Every date the network records falls between 2000 and 2100 (births excepted, which
//! their own form bounds by age). A date outside is refused with a translated problem
//! instead of reaching the database or date arithmetic, where a year like 275000 made
//! report periods and timelines fail.

use chrono::NaiveDate;

use crate::kernel::error::{Problem, Validation};

/// The first and last day a form may name.
pub const FIRST_DAY: NaiveDate = match NaiveDate::from_ymd_opt(2000, 1, 1) {
    Some(day) => day,
    None => NaiveDate::MIN,
};
pub const LAST_DAY: NaiveDate = match NaiveDate::from_ymd_opt(2100, 12, 31) {
    Some(day) => day,
    None => NaiveDate::MAX,
};

/// A form's date: `Ok(None)` when left empty, `InvalidDate` when it is no date,
/// `DateOutOfRange` outside 2000–2100.
pub fn form_day(text: &str) -> Result<Option<NaiveDate>, Problem> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let day = NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| Problem::InvalidDate)?;
    if (FIRST_DAY..=LAST_DAY).contains(&day) {
        Ok(Some(day))
    } else {
        Err(Problem::DateOutOfRange)
    }
}

/// An optional date of a form; a problem is noted under `field`.
pub fn optional_day(field: &str, text: &str, checks: &mut Validation) -> Option<NaiveDate> {
    form_day(text).unwrap_or_else(|problem| {
        checks.add(field, problem);
        None
    })
}

/// A date the form needs; an empty one is `Required`.
pub fn required_day(field: &str, text: &str, checks: &mut Validation) -> Option<NaiveDate> {
    match form_day(text) {
        Ok(Some(day)) => Some(day),
        Ok(None) => {
            checks.add(field, Problem::Required);
            None
        }
        Err(problem) => {
            checks.add(field, problem);
            None
        }
    }
}

/// The first day of `day`'s month: months of birth and of reports are kept as it.
pub fn first_of_month(day: NaiveDate) -> NaiveDate {
    use chrono::Datelike;
    day.with_day(1).unwrap_or(day)
}

/// The first day of a month named `YYYY-MM` (a page's query), if it is one within range.
pub fn form_month(text: &str) -> Option<NaiveDate> {
    form_day(&format!("{}-01", text.trim())).ok().flatten()
}

/// A required date that has already happened (a consent given, a stay ended).
pub fn past_day(
    field: &str,
    value: &str,
    today: NaiveDate,
    checks: &mut Validation,
) -> Option<NaiveDate> {
    match required_day(field, value, checks) {
        Some(day) if day > today => {
            checks.add(field, Problem::DateInFuture);
            None
        }
        day => day,
    }
}

/// A date that has already happened, if one is given (a hearing held, an opinion given).
pub fn optional_past_day(
    field: &str,
    value: &str,
    today: NaiveDate,
    checks: &mut Validation,
) -> Option<NaiveDate> {
    let day = optional_day(field, value, checks);
    if day.is_some_and(|day| day > today) {
        checks.add(field, Problem::DateInFuture);
    }
    day
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_read_within_the_years_the_network_records() {
        assert_eq!(form_day(""), Ok(None));
        assert_eq!(
            form_day(" 2026-12-05 "),
            Ok(NaiveDate::from_ymd_opt(2026, 12, 5))
        );
        assert_eq!(form_day("2000-01-01"), Ok(Some(FIRST_DAY)));
        assert_eq!(form_day("2100-12-31"), Ok(Some(LAST_DAY)));
        for far in ["1999-12-31", "2101-01-01", "275760-09-13", "+10000-01-01"] {
            assert!(form_day(far).is_err(), "{far}");
        }
        assert_eq!(form_day("2026-02-30"), Err(Problem::InvalidDate));
        assert_eq!(form_day("05/12/2026"), Err(Problem::InvalidDate));
        assert_eq!(form_month("2026-12"), NaiveDate::from_ymd_opt(2026, 12, 1));
        assert_eq!(form_month("99999-01"), None);
        let mut checks = Validation::default();
        assert_eq!(required_day("on", "", &mut checks), None);
        assert_eq!(optional_day("until", "3000-01-01", &mut checks), None);
        let problems = match checks.finish() {
            Err(crate::kernel::error::AppError::Invalid { problems }) => problems,
            other => panic!("expected problems, got {other:?}"),
        };
        assert_eq!(problems[0].problem, Problem::Required);
        assert_eq!(problems[1].problem, Problem::DateOutOfRange);
    }
}
