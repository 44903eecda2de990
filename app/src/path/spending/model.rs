//! Wire types and form validation of a person's support spending (her ledger).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::kernel::dates::past_day;
use crate::kernel::error::{AppError, Validation};
use crate::kernel::fields::{code_enum, optional_text, record_id, required_choice};
use crate::kernel::money::required_cents;

pub const MAX_DESCRIPTION: usize = 200;
/// An expense waiting for approval this many days goes on "Il mio lavoro" as late.
pub const APPROVAL_NOTICE_DAYS: i64 = 7;

code_enum! {
    /// What the money went on (seed 000: "sostegno economico per spese burocratiche e
    /// sanitarie"; school enrolment for minors; transport; pocket money).
    SpendingCategory {
        Papers => "papers",
        Health => "health",
        Transport => "transport",
        School => "school",
        PocketMoney => "pocket_money",
    }
}

/// Where a person's ledger is.
pub fn spending_path(code: &str) -> String {
    format!("/persone/{}/spese", code.trim().to_uppercase())
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExpenseRow {
    pub id: i32,
    pub category: SpendingCategory,
    pub amount_cents: i64,
    pub spent_on: NaiveDate,
    pub description: Option<String>,
    /// Her receipt among her documents: (document id, its date).
    pub receipt: Option<(i32, NaiveDate)>,
    /// The organisation that paid.
    pub organisation: String,
    pub recorded_by: String,
    /// Who approved it and when; none while it waits.
    pub approved: Option<(String, NaiveDate)>,
    /// This reader may approve it (a reception manager of the organisation that paid).
    pub may_approve: bool,
    /// This reader may take it off the ledger (waiting: the team; approved: who approves).
    pub may_remove: bool,
}

/// What is left of the budget of the reader's organisation for the period of today.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BudgetLeft {
    pub project: String,
    pub ends_on: NaiveDate,
    pub amount_cents: i64,
    /// Approved expenses of the organisation dated within the period.
    pub spent_cents: i64,
    /// Expenses still waiting for approval within the period.
    pub waiting_cents: i64,
}

impl BudgetLeft {
    pub fn left_cents(&self) -> i64 {
        self.amount_cents - self.spent_cents
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpendingPage {
    pub code: String,
    pub today: NaiveDate,
    pub editable: bool,
    /// Newest first.
    pub expenses: Vec<ExpenseRow>,
    /// Approved amounts by category, in the order of the list, for her whole path.
    pub totals: Vec<(SpendingCategory, i64)>,
    /// Her receipts the form offers: (document id, date, description).
    pub receipts: Vec<(i32, NaiveDate, Option<String>)>,
    /// The budget of the reader's organisation covering today, if one was set.
    pub budget: Option<BudgetLeft>,
}

/// A new expense on her ledger.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExpenseForm {
    pub category: String,
    pub amount: String,
    pub spent_on: String,
    #[serde(default)]
    pub description: String,
    /// The id of one of her receipts, or empty.
    #[serde(default)]
    pub receipt: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidExpense {
    pub category: SpendingCategory,
    pub amount_cents: i64,
    pub spent_on: NaiveDate,
    pub description: Option<String>,
    pub receipt: Option<i32>,
}

impl ExpenseForm {
    pub fn validate(&self, today: NaiveDate) -> Result<ValidExpense, AppError> {
        let mut checks = Validation::default();
        let category = required_choice(
            "category",
            &self.category,
            SpendingCategory::from_code,
            &mut checks,
        );
        let amount_cents = required_cents("amount", &self.amount, &mut checks);
        let spent_on = past_day("spent_on", &self.spent_on, today, &mut checks);
        let description = optional_text(
            "description",
            &self.description,
            MAX_DESCRIPTION,
            &mut checks,
        );
        let receipt = record_id("receipt", &self.receipt, &mut checks);
        checks.finish()?;
        Ok(ValidExpense {
            category: category.unwrap_or(SpendingCategory::Papers),
            amount_cents: amount_cents.unwrap_or_default(),
            spent_on: spent_on.unwrap_or(today),
            description,
            receipt,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kernel::error::Problem;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn an_expense_has_a_category_an_amount_and_a_past_day() {
        let today = day("2026-12-07");
        let valid = ExpenseForm {
            category: "health".into(),
            amount: "35,40".into(),
            spent_on: "2026-12-01".into(),
            description: "  Ticket   visita  ".into(),
            receipt: "12".into(),
        }
        .validate(today)
        .unwrap();
        assert_eq!(valid.category, SpendingCategory::Health);
        assert_eq!(valid.amount_cents, 3540);
        assert_eq!(valid.description.as_deref(), Some("Ticket visita"));
        assert_eq!(valid.receipt, Some(12));

        let error = ExpenseForm {
            category: "holiday".into(),
            amount: "-3".into(),
            spent_on: "2026-12-08".into(),
            description: "x".repeat(MAX_DESCRIPTION + 1),
            receipt: "uno".into(),
        }
        .validate(today)
        .unwrap_err();
        assert_eq!(error.problem_for("category"), Some(Problem::UnknownChoice));
        assert_eq!(error.problem_for("amount"), Some(Problem::InvalidAmount));
        assert_eq!(error.problem_for("spent_on"), Some(Problem::DateInFuture));
        assert_eq!(error.problem_for("description"), Some(Problem::TooLong));
        assert_eq!(error.problem_for("receipt"), Some(Problem::UnknownChoice));

        let error = ExpenseForm::default().validate(today).unwrap_err();
        assert_eq!(error.problem_for("category"), Some(Problem::Required));
        assert_eq!(error.problem_for("amount"), Some(Problem::Required));
        assert_eq!(error.problem_for("spent_on"), Some(Problem::Required));
    }

    #[test]
    fn what_is_left_counts_only_approved_expenses() {
        let left = BudgetLeft {
            project: "Anello".into(),
            ends_on: day("2027-06-30"),
            amount_cents: 500_000,
            spent_cents: 120_050,
            waiting_cents: 9_000,
        };
        assert_eq!(left.left_cents(), 379_950);
    }
}
