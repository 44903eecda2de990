//! Server functions of a person's ledger and of the organisations' budgets.

use leptos::prelude::*;

use super::budgets::*;
use super::model::*;
use crate::kernel::error::AppError;

#[cfg(feature = "ssr")]
fn back_to_ledger(code: &str) {
    if crate::people::registry::model::is_network_code(code) {
        leptos_axum::redirect(&spending_path(code));
    }
}

/// An expense's id as a form sends it.
#[cfg(feature = "ssr")]
fn expense_id(expense: &str) -> Result<i32, AppError> {
    let mut checks = crate::kernel::error::Validation::default();
    let id = crate::kernel::fields::parse_id("expense", expense, &mut checks);
    checks.finish()?;
    id.ok_or(AppError::NotFound)
}

#[server(endpoint = "path/spending")]
pub async fn fetch_spending(code: String) -> Result<SpendingPage, AppError> {
    use crate::auth::ssr::guard;
    guard("path/spending", |ctx| async move {
        super::ssr::spending_page(&ctx, &code).await
    })
    .await
}

#[server(endpoint = "path/spending/expense")]
pub async fn add_expense(code: String, form: ExpenseForm) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("path/spending/expense", |ctx| async move {
        let valid = form.validate(crate::kernel::clock::today())?;
        super::ssr::add_expense(&ctx, &code, valid).await?;
        back_to_ledger(&code);
        Ok(())
    })
    .await
}

#[server(endpoint = "path/spending/approve")]
pub async fn approve_expense(code: String, expense: String) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("path/spending/approve", |ctx| async move {
        let id = expense_id(&expense)?;
        super::ssr::approve_expense(&ctx, &code, id).await?;
        back_to_ledger(&code);
        Ok(())
    })
    .await
}

#[server(endpoint = "path/spending/remove")]
pub async fn remove_expense(code: String, expense: String) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("path/spending/remove", |ctx| async move {
        let id = expense_id(&expense)?;
        super::ssr::remove_expense(&ctx, &code, id).await?;
        back_to_ledger(&code);
        Ok(())
    })
    .await
}

#[server(endpoint = "spending/budgets")]
pub async fn fetch_budgets() -> Result<BudgetsPage, AppError> {
    use crate::auth::ssr::guard;
    guard("spending/budgets", |ctx| async move {
        super::budget_ssr::budgets_page(&ctx).await
    })
    .await
}

#[server(endpoint = "spending/budgets/save")]
pub async fn save_budget(form: BudgetForm) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("spending/budgets/save", |ctx| async move {
        let valid = form.validate()?;
        super::budget_ssr::save_budget(&ctx, valid).await?;
        leptos_axum::redirect(BUDGETS_PATH);
        Ok(())
    })
    .await
}

#[server(endpoint = "spending/budgets/remove")]
pub async fn remove_budget(budget: String) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("spending/budgets/remove", |ctx| async move {
        let mut checks = crate::kernel::error::Validation::default();
        let id = crate::kernel::fields::parse_id("budget", &budget, &mut checks);
        checks.finish()?;
        super::budget_ssr::remove_budget(&ctx, id.ok_or(AppError::NotFound)?).await?;
        leptos_axum::redirect(BUDGETS_PATH);
        Ok(())
    })
    .await
}
