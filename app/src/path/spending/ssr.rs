//! Database work of a person's ledger: the team's audited read, an expense recorded with
//! her receipt, approval by a reception manager of the organisation that paid, removal,
//! the approvals due on "Il mio lavoro", her export and anonymisation.

use std::collections::HashMap;

use chrono::{Duration, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder, Set,
};

use super::model::*;
use crate::auth::model::{CurrentUser, Role};
use crate::auth::ssr::Ctx;
use crate::entity::{people, person_documents, support_budgets, support_expenses};
use crate::kernel::clock::today;
use crate::kernel::error::{AppError, Conflict, Problem};
use crate::kernel::names::{organisation_names, user_names};
use crate::path::documents::model::{Confidentiality, DocumentKind};
use crate::path::model::{PathDate, PathDateKind};
use crate::path::ssr::{change_for_team, own_record, read_for_team, settle_for_team};
use crate::people::access::{people_in_charge_of, person_codes};

/// Whether `user` approves the expenses `organisation_id` paid: its reception managers.
pub fn approves_for(user: &CurrentUser, organisation_id: i32) -> bool {
    user.has_role(Role::ReceptionManager) && user.organisation_id == organisation_id
}

/// Approved amounts by category, every category listed.
pub fn by_category<'a>(
    expenses: impl IntoIterator<Item = &'a support_expenses::Model>,
) -> Vec<(SpendingCategory, i64)> {
    let mut sums: HashMap<SpendingCategory, i64> = HashMap::new();
    for expense in expenses.into_iter().filter(|e| e.approved_by.is_some()) {
        let category = SpendingCategory::from_stored(&expense.category, SpendingCategory::Papers);
        *sums.entry(category).or_default() += expense.amount_cents;
    }
    SpendingCategory::ALL
        .iter()
        .map(|c| (*c, sums.get(c).copied().unwrap_or(0)))
        .collect()
}

/// The expenses `organisation_id` paid between two days (both included).
pub async fn expenses_between<C: ConnectionTrait>(
    conn: &C,
    organisation_id: i32,
    (from, to): (NaiveDate, NaiveDate),
) -> Result<Vec<support_expenses::Model>, AppError> {
    Ok(support_expenses::Entity::find()
        .filter(support_expenses::Column::OrganisationId.eq(organisation_id))
        .filter(support_expenses::Column::SpentOn.gte(from))
        .filter(support_expenses::Column::SpentOn.lte(to))
        .order_by_asc(support_expenses::Column::SpentOn)
        .order_by_asc(support_expenses::Column::Id)
        .all(conn)
        .await?)
}

/// What is left of the budget of `organisation_id` whose period holds `day`.
async fn budget_left<C: ConnectionTrait>(
    conn: &C,
    organisation_id: i32,
    day: NaiveDate,
) -> Result<Option<BudgetLeft>, AppError> {
    let Some(budget) = support_budgets::Entity::find()
        .filter(support_budgets::Column::OrganisationId.eq(organisation_id))
        .filter(support_budgets::Column::StartsOn.lte(day))
        .filter(support_budgets::Column::EndsOn.gte(day))
        .one(conn)
        .await?
    else {
        return Ok(None);
    };
    let expenses =
        expenses_between(conn, organisation_id, (budget.starts_on, budget.ends_on)).await?;
    let (approved, waiting): (Vec<_>, Vec<_>) =
        expenses.iter().partition(|e| e.approved_by.is_some());
    Ok(Some(BudgetLeft {
        project: budget.project,
        ends_on: budget.ends_on,
        amount_cents: budget.amount_cents,
        spent_cents: approved.iter().map(|e| e.amount_cents).sum(),
        waiting_cents: waiting.iter().map(|e| e.amount_cents).sum(),
    }))
}

/// Her receipts the team may point an expense to (never a restricted paper).
async fn receipts<C: ConnectionTrait>(
    conn: &C,
    person_id: i32,
) -> Result<Vec<person_documents::Model>, AppError> {
    use person_documents::Column as D;
    Ok(person_documents::Entity::find()
        .filter(D::PersonId.eq(person_id))
        .filter(D::Kind.eq(DocumentKind::Receipt.code()))
        .filter(D::Confidentiality.eq(Confidentiality::Team.code()))
        .order_by_desc(D::DatedOn)
        .order_by_desc(D::Id)
        .all(conn)
        .await?)
}

pub async fn spending_page(ctx: &Ctx, code: &str) -> Result<SpendingPage, AppError> {
    let user = ctx.user()?.clone();
    read_for_team(ctx, code, "path.spending.view", move |txn, person| {
        Box::pin(async move {
            let expenses = support_expenses::Entity::find()
                .filter(support_expenses::Column::PersonId.eq(person.id))
                .order_by_desc(support_expenses::Column::SpentOn)
                .order_by_desc(support_expenses::Column::Id)
                .all(txn)
                .await?;
            let names = user_names(
                txn,
                expenses
                    .iter()
                    .map(|e| e.recorded_by)
                    .chain(expenses.iter().filter_map(|e| e.approved_by)),
            )
            .await?;
            let organisations =
                organisation_names(txn, expenses.iter().map(|e| e.organisation_id)).await?;
            let receipts = receipts(txn, person.id).await?;
            let dated: HashMap<i32, NaiveDate> =
                receipts.iter().map(|r| (r.id, r.dated_on)).collect();
            let name = |id: i32| names.get(&id).cloned().unwrap_or_default();
            let editable = person.anonymised_at.is_none();
            // Approving or taking back what is there stays possible after anonymisation:
            // it adds nothing about her, and the body's accounts must close.
            Ok(SpendingPage {
                code: person.code.clone(),
                today: today(),
                editable,
                totals: by_category(&expenses),
                expenses: expenses
                    .iter()
                    .map(|e| {
                        let approves = approves_for(&user, e.organisation_id);
                        ExpenseRow {
                            id: e.id,
                            category: SpendingCategory::from_stored(
                                &e.category,
                                SpendingCategory::Papers,
                            ),
                            amount_cents: e.amount_cents,
                            spent_on: e.spent_on,
                            description: e.description.clone(),
                            receipt: e
                                .receipt_document_id
                                .and_then(|id| dated.get(&id).map(|day| (id, *day))),
                            organisation: organisations
                                .get(&e.organisation_id)
                                .cloned()
                                .unwrap_or_default(),
                            recorded_by: name(e.recorded_by),
                            approved: e
                                .approved_by
                                .zip(e.approved_at)
                                .map(|(by, at)| (name(by), crate::kernel::when::day_in_italy(at))),
                            may_approve: approves && e.approved_by.is_none(),
                            may_remove: removes(&user, e),
                        }
                    })
                    .collect(),
                receipts: receipts
                    .into_iter()
                    .map(|r| (r.id, r.dated_on, r.description))
                    .collect(),
                budget: budget_left(txn, user.organisation_id, today()).await?,
            })
        })
    })
    .await
}

/// Records an expense her team's organisation paid for her; a reception manager's own
/// entry waits for approval like anyone's, so that the ledger shows two names.
pub async fn add_expense(ctx: &Ctx, code: &str, form: ValidExpense) -> Result<(), AppError> {
    let user = ctx.user()?.clone();
    change_for_team(ctx, code, "path.spending.expense", move |txn, person| {
        Box::pin(async move {
            if let Some(receipt) = form.receipt {
                if !receipts(txn, person.id)
                    .await?
                    .iter()
                    .any(|r| r.id == receipt)
                {
                    return Err(AppError::invalid("receipt", Problem::UnknownChoice));
                }
            }
            let now = Utc::now();
            let saved = support_expenses::ActiveModel {
                person_id: Set(person.id),
                organisation_id: Set(user.organisation_id),
                category: Set(form.category.code().to_string()),
                amount_cents: Set(form.amount_cents),
                spent_on: Set(form.spent_on),
                description: Set(form.description),
                receipt_document_id: Set(form.receipt),
                recorded_by: Set(user.id),
                approved_by: Set(None),
                approved_at: Set(None),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(txn)
            .await?;
            Ok(format!(
                "expense={} category={} cents={} receipt={}",
                saved.id,
                form.category.code(),
                form.amount_cents,
                form.receipt.is_some()
            ))
        })
    })
    .await
}

/// Approves an expense: a reception manager of the organisation that paid, once.
pub async fn approve_expense(ctx: &Ctx, code: &str, id: i32) -> Result<(), AppError> {
    let user = ctx.user()?.clone();
    settle_for_team(ctx, code, "path.spending.approve", move |txn, person| {
        Box::pin(async move {
            let found = support_expenses::Entity::find_by_id(id).one(txn).await?;
            let row = own_record(found, |row| row.person_id, person)?;
            if !approves_for(&user, row.organisation_id) {
                return Err(AppError::Forbidden);
            }
            if row.approved_by.is_some() {
                return Err(AppError::Conflict {
                    conflict: Conflict::ExpenseApproved,
                });
            }
            let now = Utc::now();
            let mut change = row.into_active_model();
            change.approved_by = Set(Some(user.id));
            change.approved_at = Set(Some(now));
            change.updated_at = Set(now);
            change.update(txn).await?;
            Ok(format!("expense={id}"))
        })
    })
    .await
}

/// Whether `user` may take `expense` off the ledger: staff of the organisation that paid
/// while it waits, its reception managers once approved (another body in charge of her
/// never touches this body's accounts).
pub fn removes(user: &CurrentUser, expense: &support_expenses::Model) -> bool {
    user.organisation_id == expense.organisation_id
        && (expense.approved_by.is_none() || approves_for(user, expense.organisation_id))
}

/// Takes an expense off her ledger (recorded twice, on the wrong person): the paying
/// body's staff while it waits, its reception manager once approved.
pub async fn remove_expense(ctx: &Ctx, code: &str, id: i32) -> Result<(), AppError> {
    let user = ctx.user()?.clone();
    settle_for_team(ctx, code, "path.spending.remove", move |txn, person| {
        Box::pin(async move {
            let found = support_expenses::Entity::find_by_id(id).one(txn).await?;
            let row = own_record(found, |row| row.person_id, person)?;
            if row.organisation_id != user.organisation_id {
                return Err(AppError::Forbidden);
            }
            if !removes(&user, &row) {
                return Err(AppError::Conflict {
                    conflict: Conflict::ExpenseApproved,
                });
            }
            support_expenses::Entity::delete_by_id(row.id)
                .exec(txn)
                .await?;
            Ok(format!(
                "expense={} cents={} approved={}",
                row.id,
                row.amount_cents,
                row.approved_by.is_some()
            ))
        })
    })
    .await
}

/// The expenses waiting for `user`'s approval, due a week after the day they were
/// spent: for a reception manager, those her organisation paid, whoever's team she is
/// on (she approves; she does not follow the person).
pub async fn approvals_due<C: ConnectionTrait>(
    conn: &C,
    user: &CurrentUser,
    horizon: NaiveDate,
) -> Result<Vec<PathDate>, AppError> {
    if !user.has_role(Role::ReceptionManager) {
        return Ok(Vec::new());
    }
    let waiting = support_expenses::Entity::find()
        .filter(support_expenses::Column::OrganisationId.eq(user.organisation_id))
        .filter(support_expenses::Column::ApprovedBy.is_null())
        // Only people still in her body's charge: she could not open the others.
        .filter(
            support_expenses::Column::PersonId
                .in_subquery(people_in_charge_of(user.organisation_id)),
        )
        .filter(
            support_expenses::Column::SpentOn.lte(horizon - Duration::days(APPROVAL_NOTICE_DAYS)),
        )
        .all(conn)
        .await?;
    let codes = person_codes(conn, waiting.iter().map(|e| e.person_id)).await?;
    Ok(waiting
        .into_iter()
        .filter_map(|row| {
            codes.get(&row.person_id).map(|code| PathDate {
                code: code.clone(),
                kind: PathDateKind::SpendingApproval,
                on: row.spent_on + Duration::days(APPROVAL_NOTICE_DAYS),
                link: spending_path(code),
            })
        })
        .collect())
}

/// Her ledger in her own export.
pub async fn exported<C: ConnectionTrait>(
    conn: &C,
    person: &people::Model,
) -> Result<Vec<serde_json::Value>, AppError> {
    let rows = support_expenses::Entity::find()
        .filter(support_expenses::Column::PersonId.eq(person.id))
        .order_by_asc(support_expenses::Column::SpentOn)
        .order_by_asc(support_expenses::Column::Id)
        .all(conn)
        .await?;
    let organisations = organisation_names(conn, rows.iter().map(|e| e.organisation_id)).await?;
    Ok(rows
        .into_iter()
        .map(|e| {
            serde_json::json!({
                "category": e.category,
                "amount_cents": e.amount_cents,
                "spent_on": e.spent_on,
                "description": e.description,
                "paid_by": organisations.get(&e.organisation_id),
                "receipt_attached": e.receipt_document_id.is_some(),
                "approved": e.approved_by.is_some(),
            })
        })
        .collect())
}

/// Anonymisation keeps amounts, categories and dates (the report and the budgets count
/// them) and clears the description, which could describe her.
pub async fn anonymise<C: ConnectionTrait>(conn: &C, person_id: i32) -> Result<(), AppError> {
    support_expenses::Entity::update_many()
        .col_expr(
            support_expenses::Column::Description,
            sea_orm::sea_query::Expr::value(Option::<String>::None),
        )
        .filter(support_expenses::Column::PersonId.eq(person_id))
        .exec(conn)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::model::OrganisationKind;

    fn user(organisation_id: i32, roles: Vec<Role>) -> CurrentUser {
        CurrentUser {
            id: 1,
            email: "x@anello.test".into(),
            display_name: "X".into(),
            organisation_id,
            organisation_name: "Ente".into(),
            organisation_kind: OrganisationKind::ImplementingBody,
            organisation_province: None,
            roles,
            language: None,
            unread_notifications: 0,
            must_change_password: false,
        }
    }

    fn expense(organisation_id: i32, approved: bool) -> support_expenses::Model {
        support_expenses::Model {
            id: 1,
            person_id: 1,
            organisation_id,
            category: "papers".into(),
            amount_cents: 1600,
            spent_on: "2026-12-01".parse().unwrap(),
            description: None,
            receipt_document_id: None,
            recorded_by: 2,
            approved_by: approved.then_some(3),
            approved_at: approved.then(Utc::now),
            created_at: Utc::now(),
            updated_at: Utc::now(),
        }
    }

    #[test]
    fn only_the_paying_body_settles_its_expenses() {
        let worker = user(7, vec![Role::CaseWorker]);
        let manager = user(7, vec![Role::ReceptionManager]);
        let other_manager = user(8, vec![Role::ReceptionManager]);
        // Waiting: the paying body's staff take it back; another body in charge does not.
        assert!(removes(&worker, &expense(7, false)));
        assert!(!removes(&other_manager, &expense(7, false)));
        // Approved: only the paying body's reception manager.
        assert!(!removes(&worker, &expense(7, true)));
        assert!(removes(&manager, &expense(7, true)));
        assert!(approves_for(&manager, 7));
        assert!(!approves_for(&worker, 7));
        assert!(!approves_for(&other_manager, 7));
    }

    #[test]
    fn totals_count_approved_expenses_by_category() {
        let mut waiting = expense(7, false);
        waiting.amount_cents = 99_999;
        let mut ticket = expense(7, true);
        ticket.category = "health".into();
        ticket.amount_cents = 3640;
        let totals = by_category(&[expense(7, true), expense(7, true), waiting, ticket]);
        assert_eq!(totals.len(), SpendingCategory::ALL.len());
        assert_eq!(totals[0], (SpendingCategory::Papers, 3200));
        assert_eq!(totals[1], (SpendingCategory::Health, 3640));
        assert_eq!(totals[4], (SpendingCategory::PocketMoney, 0));
    }
}
