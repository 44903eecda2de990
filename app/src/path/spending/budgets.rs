//! Wire types and form validation of an organisation's support budgets: one per project
//! period, with what was spent, what waits for approval and what is left.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::model::SpendingCategory;
use crate::kernel::dates::required_day;
use crate::kernel::error::{AppError, Problem, Validation};
use crate::kernel::fields::{record_id, required_text};
use crate::kernel::money::required_cents;

pub const MAX_PROJECT: usize = 120;
/// A project period runs at most five years (the funders' calls run 15–24 months).
pub const MAX_PERIOD_DAYS: i64 = 5 * 366;

/// The organisation's page of budgets and where its workbook is downloaded.
pub const BUDGETS_PATH: &str = "/spese";

pub fn budget_workbook_path(budget: i32) -> String {
    format!("{BUDGETS_PATH}/{budget}/registro.xlsx")
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BudgetRow {
    pub id: i32,
    pub project: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub amount_cents: i64,
    /// Approved expenses of the organisation dated within the period.
    pub spent_cents: i64,
    pub waiting_cents: i64,
    /// Approved amounts by category, in the order of the list.
    pub by_category: Vec<(SpendingCategory, i64)>,
    /// How many people the approved expenses were for.
    pub people: usize,
    /// The expenses of the period, oldest first.
    pub lines: Vec<LedgerLine>,
}

/// One expense of a budget's period, by the person's code (never her name, nor the
/// description): the page's list and the workbook's lines.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LedgerLine {
    pub spent_on: NaiveDate,
    pub code: String,
    pub category: SpendingCategory,
    pub amount_cents: i64,
    pub receipt: bool,
    pub recorded_by: String,
    /// Who approved it and when; none while it waits.
    pub approved: Option<(String, NaiveDate)>,
}

impl BudgetRow {
    pub fn left_cents(&self) -> i64 {
        self.amount_cents - self.spent_cents
    }
}

/// An expense waiting for approval, for the reception manager who approves it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WaitingExpense {
    pub code: String,
    pub category: SpendingCategory,
    pub amount_cents: i64,
    pub spent_on: NaiveDate,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationBudgets {
    pub organisation_id: i32,
    pub organisation: String,
    /// Newest period first.
    pub budgets: Vec<BudgetRow>,
    /// Oldest first; only for who approves them.
    pub waiting: Vec<WaitingExpense>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BudgetsPage {
    pub today: NaiveDate,
    /// The reader sets her organisation's budgets (a reception manager); the
    /// coordinator reads every organisation's.
    pub may_manage: bool,
    pub organisations: Vec<OrganisationBudgets>,
}

/// A budget, new (`record` empty) or changed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BudgetForm {
    #[serde(default)]
    pub record: String,
    pub project: String,
    pub starts_on: String,
    pub ends_on: String,
    pub amount: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidBudget {
    pub record: Option<i32>,
    pub project: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub amount_cents: i64,
}

impl BudgetForm {
    pub fn validate(&self) -> Result<ValidBudget, AppError> {
        let mut checks = Validation::default();
        let record = record_id("record", &self.record, &mut checks);
        let project = required_text("project", &self.project, MAX_PROJECT, &mut checks);
        let starts_on = required_day("starts_on", &self.starts_on, &mut checks);
        let ends_on = required_day("ends_on", &self.ends_on, &mut checks);
        if let (Some(start), Some(end)) = (starts_on, ends_on) {
            if end < start {
                checks.add("ends_on", Problem::Contradiction);
            } else if (end - start).num_days() > MAX_PERIOD_DAYS {
                checks.add("ends_on", Problem::OutOfRange);
            }
        }
        let amount_cents = required_cents("amount", &self.amount, &mut checks);
        checks.finish()?;
        Ok(ValidBudget {
            record,
            project,
            starts_on: starts_on.unwrap_or_default(),
            ends_on: ends_on.unwrap_or_default(),
            amount_cents: amount_cents.unwrap_or_default(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_budget_names_its_project_and_a_period_in_order() {
        let valid = BudgetForm {
            record: String::new(),
            project: " Anello  2026–2027 ".into(),
            starts_on: "2026-01-01".into(),
            ends_on: "2027-03-31".into(),
            amount: "12.000,00".into(),
        }
        .validate()
        .unwrap();
        assert_eq!(valid.project, "Anello 2026–2027");
        assert_eq!(valid.amount_cents, 1_200_000);
        assert_eq!(valid.record, None);

        let error = BudgetForm {
            record: "x".into(),
            project: String::new(),
            starts_on: "2026-06-01".into(),
            ends_on: "2026-05-31".into(),
            amount: "0".into(),
        }
        .validate()
        .unwrap_err();
        assert_eq!(error.problem_for("record"), Some(Problem::UnknownChoice));
        assert_eq!(error.problem_for("project"), Some(Problem::Required));
        assert_eq!(error.problem_for("ends_on"), Some(Problem::Contradiction));
        assert_eq!(error.problem_for("amount"), Some(Problem::OutOfRange));

        let error = BudgetForm {
            project: "Troppo lungo".into(),
            starts_on: "2020-01-01".into(),
            ends_on: "2026-01-01".into(),
            amount: "1000".into(),
            ..Default::default()
        }
        .validate()
        .unwrap_err();
        assert_eq!(error.problem_for("ends_on"), Some(Problem::OutOfRange));
    }

    #[test]
    fn what_is_left_may_be_overspent() {
        let row = BudgetRow {
            id: 1,
            project: "Anello".into(),
            starts_on: "2026-01-01".parse().unwrap(),
            ends_on: "2026-12-31".parse().unwrap(),
            amount_cents: 10_000,
            spent_cents: 12_500,
            waiting_cents: 0,
            by_category: Vec::new(),
            people: 1,
            lines: Vec::new(),
        };
        assert_eq!(row.left_cents(), -2_500);
    }
}
