//! Children born during their mother's project (seed 002: "due bambine sono nate nel
//! progetto"), read from the month of birth the pseudonymous record keeps.

use super::*;
use crate::kernel::dates::first_of_month;

/// The table of births, its columns those of the take-ins by sex.
pub(super) fn births_table(columns: Vec<Label>) -> RawTable {
    RawTable::new(
        TableId::Births,
        vec![Label::BornInProject, Label::BornInPeriod],
        columns,
    )
}

/// Whether `child` was born while her mother was in the project, as a report ending on
/// `to` knows it: in a month from the one of her mother's take-in to the one of her exit,
/// and not after the period (a report of a past period does not change with the births
/// that came later). In the month of the take-in a child may have been born before it:
/// she counts only if her record was written after the take-in (a child who arrived with
/// her mother is registered with her, that day).
pub(super) fn born_during(
    child: &people::Model,
    take_in: NaiveDate,
    exit: Option<NaiveDate>,
    to: NaiveDate,
) -> bool {
    let Some(month) = child.birth_month.map(first_of_month) else {
        return false;
    };
    let registered = crate::kernel::clock::day_in_italy(child.created_at);
    let after_take_in = month > first_of_month(take_in)
        || (month == first_of_month(take_in) && registered > take_in);
    after_take_in && month <= to && exit.is_none_or(|exit| month <= first_of_month(exit))
}

/// Whether the month of `child`'s birth overlaps the period.
pub(super) fn born_within(child: &people::Model, from: NaiveDate, to: NaiveDate) -> bool {
    child
        .birth_month
        .map(first_of_month)
        .is_some_and(|month| month >= first_of_month(from) && month <= to)
}
