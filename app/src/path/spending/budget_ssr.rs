//! Database work of the organisations' budgets: the page (a reception manager's own
//! organisation, every implementing body for the coordinator), a budget set or taken
//! back, and the rows of a budget's workbook. Every read and change is audited.

use std::collections::HashSet;

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder, Set, TryIntoModel,
};

use super::budgets::*;
use super::model::SpendingCategory;
use super::ssr::{approves_for, by_category, expenses_between};
use crate::audit::ssr::record;
use crate::auth::model::{CurrentUser, OrganisationKind, Role};
use crate::auth::ssr::Ctx;
use crate::entity::{support_budgets, support_expenses};
use crate::kernel::clock::today;
use crate::kernel::error::{AppError, Conflict};
use crate::kernel::names::{organisation_name, organisations_of_kinds};
use crate::people::access::{people_in_charge_of, person_codes};

/// The organisations whose budgets `user` reads: her own (a reception manager), or
/// every implementing body (the coordinator).
async fn readable<C: ConnectionTrait>(
    conn: &C,
    user: &CurrentUser,
) -> Result<Vec<(i32, String)>, AppError> {
    if user.is_network_wide() {
        return organisations_of_kinds(conn, &[OrganisationKind::ImplementingBody.code()], false)
            .await;
    }
    if !user.has_role(Role::ReceptionManager) {
        return Err(AppError::Forbidden);
    }
    Ok(vec![(
        user.organisation_id,
        organisation_name(conn, user.organisation_id).await?,
    )])
}

/// One budget with what its organisation spent within its period, and the period's
/// expenses by the person's code.
async fn budget_row<C: ConnectionTrait>(
    conn: &C,
    budget: support_budgets::Model,
    expenses: &[support_expenses::Model],
) -> Result<BudgetRow, AppError> {
    let approved: Vec<&support_expenses::Model> = expenses
        .iter()
        .filter(|e| e.approved_by.is_some())
        .collect();
    let people: HashSet<i32> = approved.iter().map(|e| e.person_id).collect();
    Ok(BudgetRow {
        id: budget.id,
        project: budget.project,
        starts_on: budget.starts_on,
        ends_on: budget.ends_on,
        amount_cents: budget.amount_cents,
        spent_cents: approved.iter().map(|e| e.amount_cents).sum(),
        waiting_cents: expenses
            .iter()
            .filter(|e| e.approved_by.is_none())
            .map(|e| e.amount_cents)
            .sum(),
        by_category: by_category(approved.iter().copied()),
        people: people.len(),
        lines: ledger_lines(conn, expenses).await?,
    })
}

async fn ledger_lines<C: ConnectionTrait>(
    conn: &C,
    expenses: &[support_expenses::Model],
) -> Result<Vec<LedgerLine>, AppError> {
    let codes = person_codes(conn, expenses.iter().map(|e| e.person_id)).await?;
    let names = crate::kernel::names::user_names(
        conn,
        expenses
            .iter()
            .map(|e| e.recorded_by)
            .chain(expenses.iter().filter_map(|e| e.approved_by)),
    )
    .await?;
    let name = |id: i32| names.get(&id).cloned().unwrap_or_default();
    Ok(expenses
        .iter()
        .map(|e| LedgerLine {
            spent_on: e.spent_on,
            code: codes.get(&e.person_id).cloned().unwrap_or_default(),
            category: SpendingCategory::from_stored(&e.category, SpendingCategory::Papers),
            amount_cents: e.amount_cents,
            receipt: e.receipt_document_id.is_some(),
            recorded_by: name(e.recorded_by),
            approved: e
                .approved_by
                .zip(e.approved_at)
                .map(|(by, at)| (name(by), crate::kernel::when::day_in_italy(at))),
        })
        .collect())
}

async fn organisation_budgets<C: ConnectionTrait>(
    conn: &C,
    user: &CurrentUser,
    (organisation_id, organisation): (i32, String),
) -> Result<OrganisationBudgets, AppError> {
    let mut budgets = Vec::new();
    for budget in support_budgets::Entity::find()
        .filter(support_budgets::Column::OrganisationId.eq(organisation_id))
        .order_by_desc(support_budgets::Column::StartsOn)
        .all(conn)
        .await?
    {
        let expenses =
            expenses_between(conn, organisation_id, (budget.starts_on, budget.ends_on)).await?;
        budgets.push(budget_row(conn, budget, &expenses).await?);
    }
    let mut waiting = Vec::new();
    if approves_for(user, organisation_id) {
        let rows = support_expenses::Entity::find()
            .filter(support_expenses::Column::OrganisationId.eq(organisation_id))
            .filter(support_expenses::Column::ApprovedBy.is_null())
            .filter(
                support_expenses::Column::PersonId
                    .in_subquery(people_in_charge_of(organisation_id)),
            )
            .order_by_asc(support_expenses::Column::SpentOn)
            .order_by_asc(support_expenses::Column::Id)
            .all(conn)
            .await?;
        let codes = person_codes(conn, rows.iter().map(|e| e.person_id)).await?;
        waiting = rows
            .into_iter()
            .filter_map(|e| {
                codes.get(&e.person_id).map(|code| WaitingExpense {
                    code: code.clone(),
                    category: SpendingCategory::from_stored(&e.category, SpendingCategory::Papers),
                    amount_cents: e.amount_cents,
                    spent_on: e.spent_on,
                })
            })
            .collect();
    }
    Ok(OrganisationBudgets {
        organisation_id,
        organisation,
        budgets,
        waiting,
    })
}

/// The budgets page, audited (each person listed too, as on "Il mio lavoro").
pub async fn budgets_page(ctx: &Ctx) -> Result<BudgetsPage, AppError> {
    let user = ctx.user()?;
    let txn = crate::kernel::db::begin_write(&ctx.db).await?;
    let result = async {
        let organisations = match readable(&txn, user).await {
            Ok(found) => found,
            Err(AppError::Forbidden) => {
                let event = ctx.event("spending.budgets.view", "organisation");
                return Err(crate::audit::ssr::deny(&txn, ctx.request_id(), event).await);
            }
            Err(error) => return Err(error),
        };
        let mut page = BudgetsPage {
            today: today(),
            may_manage: user.has_role(Role::ReceptionManager),
            organisations: Vec::new(),
        };
        for organisation in organisations {
            page.organisations
                .push(organisation_budgets(&txn, user, organisation).await?);
        }
        // The coordinator's list keeps the bodies that have something to show.
        if user.is_network_wide() {
            page.organisations
                .retain(|o| !o.budgets.is_empty() || o.organisation_id == user.organisation_id);
        }
        let listed: HashSet<&str> = page
            .organisations
            .iter()
            .flat_map(|o| {
                o.waiting.iter().map(|w| w.code.as_str()).chain(
                    o.budgets
                        .iter()
                        .flat_map(|b| b.lines.iter().map(|l| l.code.as_str())),
                )
            })
            .collect();
        for code in listed {
            record(
                &txn,
                ctx.request_id(),
                ctx.event("spending.budgets.view", "person").object(code),
            )
            .await?;
        }
        record(
            &txn,
            ctx.request_id(),
            ctx.event("spending.budgets.view", "organisation")
                .object(user.organisation_id)
                .detail(format!("organisations={}", page.organisations.len())),
        )
        .await?;
        Ok(page)
    }
    .await;
    ctx.finish_write(
        txn,
        result,
        ctx.event("spending.budgets.view", "organisation"),
    )
    .await
}

/// Sets a budget of the reader's organisation (a reception manager's), new or changed;
/// two budgets of one organisation never cover the same day.
pub async fn save_budget(ctx: &Ctx, form: ValidBudget) -> Result<(), AppError> {
    let user = ctx.user()?;
    let txn = crate::kernel::db::begin_write(&ctx.db).await?;
    let result = async {
        let now = Utc::now();
        let mut row = match form.record {
            Some(id) => {
                let found = support_budgets::Entity::find_by_id(id)
                    .one(&txn)
                    .await?
                    .ok_or(AppError::NotFound)?;
                if found.organisation_id != user.organisation_id {
                    let event = ctx.event("spending.budget.save", "budget").object(id);
                    return Err(crate::audit::ssr::deny(&txn, ctx.request_id(), event).await);
                }
                found.into_active_model()
            }
            None => support_budgets::ActiveModel {
                organisation_id: Set(user.organisation_id),
                recorded_by: Set(user.id),
                created_at: Set(now),
                ..Default::default()
            },
        };
        let mut overlapping = support_budgets::Entity::find()
            .filter(support_budgets::Column::OrganisationId.eq(user.organisation_id))
            .filter(support_budgets::Column::StartsOn.lte(form.ends_on))
            .filter(support_budgets::Column::EndsOn.gte(form.starts_on));
        if let Some(id) = form.record {
            overlapping = overlapping.filter(support_budgets::Column::Id.ne(id));
        }
        if overlapping.one(&txn).await?.is_some() {
            return Err(AppError::Conflict {
                conflict: Conflict::BudgetOverlap,
            });
        }
        row.project = Set(form.project);
        row.starts_on = Set(form.starts_on);
        row.ends_on = Set(form.ends_on);
        row.amount_cents = Set(form.amount_cents);
        row.updated_at = Set(now);
        let id = row.save(&txn).await?.try_into_model()?.id;
        record(
            &txn,
            ctx.request_id(),
            ctx.event("spending.budget.save", "budget")
                .object(id)
                .detail(format!(
                    "from={} to={} cents={}",
                    form.starts_on, form.ends_on, form.amount_cents
                )),
        )
        .await?;
        Ok(())
    }
    .await;
    ctx.finish_write(txn, result, ctx.event("spending.budget.save", "budget"))
        .await
}

/// Takes back a budget set by mistake: the expenses stay on the people's ledgers.
pub async fn remove_budget(ctx: &Ctx, id: i32) -> Result<(), AppError> {
    let user = ctx.user()?;
    let txn = crate::kernel::db::begin_write(&ctx.db).await?;
    let result = async {
        let found = support_budgets::Entity::find_by_id(id)
            .one(&txn)
            .await?
            .ok_or(AppError::NotFound)?;
        let event = ctx.event("spending.budget.remove", "budget").object(id);
        if found.organisation_id != user.organisation_id {
            return Err(crate::audit::ssr::deny(&txn, ctx.request_id(), event).await);
        }
        support_budgets::Entity::delete_by_id(id).exec(&txn).await?;
        record(&txn, ctx.request_id(), event).await?;
        Ok(())
    }
    .await;
    ctx.finish_write(txn, result, ctx.event("spending.budget.remove", "budget"))
        .await
}

/// What a budget's workbook holds: the budget, its sums and its period's expenses.
pub struct Ledger {
    pub organisation: String,
    pub budget: BudgetRow,
}

/// The budget `id` with its period's expenses, for a reader of its organisation's
/// budgets; audited with the number of lines (each person's code is in the file).
pub async fn ledger(ctx: &Ctx, id: i32) -> Result<Ledger, AppError> {
    let user = ctx.user()?;
    let txn = crate::kernel::db::begin_write(&ctx.db).await?;
    let result = async {
        let budget = support_budgets::Entity::find_by_id(id)
            .one(&txn)
            .await?
            .ok_or(AppError::NotFound)?;
        let event = ctx.event("spending.workbook", "budget").object(id);
        let readable = match readable(&txn, user).await {
            Ok(found) => found,
            Err(AppError::Forbidden) => Vec::new(),
            Err(error) => return Err(error),
        };
        let Some((_, organisation)) = readable
            .into_iter()
            .find(|(org, _)| *org == budget.organisation_id)
        else {
            return Err(crate::audit::ssr::deny(&txn, ctx.request_id(), event).await);
        };
        let expenses = expenses_between(
            &txn,
            budget.organisation_id,
            (budget.starts_on, budget.ends_on),
        )
        .await?;
        let budget = budget_row(&txn, budget, &expenses).await?;
        // Each person whose code is in the file, as when her record is opened.
        let listed: std::collections::BTreeSet<&str> =
            budget.lines.iter().map(|l| l.code.as_str()).collect();
        for code in listed {
            record(
                &txn,
                ctx.request_id(),
                ctx.event("spending.workbook", "person").object(code),
            )
            .await?;
        }
        record(
            &txn,
            ctx.request_id(),
            event.detail(format!("lines={}", budget.lines.len())),
        )
        .await?;
        Ok(Ledger {
            organisation,
            budget,
        })
    }
    .await;
    ctx.finish_write(txn, result, ctx.event("spending.workbook", "budget"))
        .await
}
