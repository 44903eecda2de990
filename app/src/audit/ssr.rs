//! Writing and reading the audit trail. Rows are only ever inserted: there is no update or
//! delete here, and the database refuses both (see the foundation migration).

use chrono::{NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, Set,
};

use super::model::{AuditEntry, AuditFilter, AuditPage, Outcome, AUDIT_PAGE_SIZE};
use crate::auth::model::CurrentUser;
use crate::entity::{audit_log, organisations, users};
use crate::kernel::db::WriteTransaction;
use crate::kernel::error::{AppError, Problem};

/// What happened, to be written in the same transaction as the change it records.
pub struct AuditEvent<'a> {
    pub actor: Option<&'a CurrentUser>,
    pub action: &'a str,
    pub object_type: &'a str,
    pub object_id: Option<String>,
    pub outcome: Outcome,
    /// Non-identifying context (a reason code, the changed fields' names). Never personal data.
    pub detail: Option<String>,
}

impl<'a> AuditEvent<'a> {
    pub fn new(actor: Option<&'a CurrentUser>, action: &'a str, object_type: &'a str) -> Self {
        AuditEvent {
            actor,
            action,
            object_type,
            object_id: None,
            outcome: Outcome::Success,
            detail: None,
        }
    }

    pub fn object(mut self, id: impl ToString) -> Self {
        self.object_id = Some(id.to_string());
        self
    }

    pub fn outcome(mut self, outcome: Outcome) -> Self {
        self.outcome = outcome;
        self
    }

    pub fn detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }
}

pub async fn record<C: ConnectionTrait>(
    conn: &C,
    request_id: Option<&str>,
    event: AuditEvent<'_>,
) -> Result<(), sea_orm::DbErr> {
    let outcome = event.outcome.code();
    audit_log::ActiveModel {
        occurred_at: Set(Utc::now()),
        actor_user_id: Set(event.actor.map(|user| user.id)),
        actor_organisation_id: Set(event.actor.map(|user| user.organisation_id)),
        action: Set(event.action.to_string()),
        object_type: Set(event.object_type.to_string()),
        object_id: Set(event.object_id),
        outcome: Set(outcome.to_string()),
        request_id: Set(request_id.map(str::to_string)),
        detail: Set(event.detail),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    // Counted when written into its transaction (a rolled-back one is counted too).
    metrics::counter!("anello_audit_rows_written_total", "outcome" => outcome).increment(1);
    Ok(())
}

/// An audit row on its own, for a read (a page or list viewed, a sign-in refused before
/// any change): in a transaction of its own, which on SQLite waits for its turn in the
/// writer queue like every other write instead of meeting them in SQLite's busy handler.
pub async fn record_alone(
    db: &DatabaseConnection,
    request_id: Option<&str>,
    event: AuditEvent<'_>,
) -> Result<(), sea_orm::DbErr> {
    let txn = crate::kernel::db::begin_write(db).await?;
    record(&txn, request_id, event).await?;
    txn.commit().await
}

/// A refusal before any change (`auth::ssr::guard`), audited alone as `deny` does.
pub async fn deny_alone(
    db: &DatabaseConnection,
    request_id: Option<&str>,
    event: AuditEvent<'_>,
) -> AppError {
    refusal(record_alone(db, request_id, event.outcome(Outcome::Denied)).await)
}

/// The one denial helper: a refusal, audited in `conn`'s transaction with the outcome
/// `denied`. Answers the 403 to return, or the error that kept the row from being
/// written (a refusal is never left unaudited); `finish_write` then commits the
/// transaction that ends in a 403, row included.
pub async fn deny<C: ConnectionTrait>(
    conn: &C,
    request_id: Option<&str>,
    event: AuditEvent<'_>,
) -> AppError {
    refusal(record(conn, request_id, event.outcome(Outcome::Denied)).await)
}

/// A 403 once its row is written; otherwise the error that kept the row from being
/// written (a refusal is never left unaudited).
fn refusal(written: Result<(), sea_orm::DbErr>) -> AppError {
    match written {
        Ok(()) => AppError::Forbidden,
        Err(error) => error.into(),
    }
}

/// The one way an audited write ends (server functions call it as `Ctx::finish_write`):
/// - a success is committed, with the audit rows written in its transaction;
/// - a refusal (403, a placement the rules refuse, a failed sign-in) is committed too: its
///   `denied`, `refused` or `failure` row was written in the transaction and must not be
///   lost;
/// - a conflict (bed taken, person already placed, record changed meanwhile) is rolled
///   back, then audited as `refused` with the outcome `conflict` and the conflict's code,
///   in a transaction of its own that holds nothing but that row. On PostgreSQL a failed
///   statement has already aborted the change's transaction, hence the rollback first.
///   A conflict audited where it was raised (a sharing refused for want of consent) is
///   committed instead, with the denial row its code wrote;
/// - any other error is rolled back.
pub async fn finish_write<T>(
    db: &DatabaseConnection,
    txn: WriteTransaction,
    result: Result<T, AppError>,
    request_id: Option<&str>,
    refused: AuditEvent<'_>,
) -> Result<T, AppError> {
    match result {
        Ok(value) => {
            txn.commit().await?;
            Ok(value)
        }
        Err(
            error @ (AppError::Forbidden | AppError::Rules { .. } | AppError::WrongCredentials),
        ) => {
            txn.commit().await?;
            Err(error)
        }
        // Its denial row is in the transaction, written where it was raised.
        Err(AppError::Conflict { conflict }) if conflict.audited_where_raised() => {
            txn.commit().await?;
            Err(AppError::Conflict { conflict })
        }
        Err(AppError::Conflict { conflict }) => {
            txn.rollback().await?;
            trace_conflict(db, request_id, refused, &conflict.code()).await?;
            Err(AppError::Conflict { conflict })
        }
        // Dropped, the transaction rolls back.
        Err(error) => Err(error),
    }
}

/// The row of a change refused by a conflict, in a transaction of its own.
async fn trace_conflict(
    db: &DatabaseConnection,
    request_id: Option<&str>,
    refused: AuditEvent<'_>,
    code: &str,
) -> Result<(), AppError> {
    let trace = crate::kernel::db::begin_write(db).await?;
    record(
        &trace,
        request_id,
        refused
            .outcome(Outcome::Conflict)
            .detail(format!("conflict={code}")),
    )
    .await?;
    trace.commit().await?;
    Ok(())
}

fn past_day(field: &str, value: &str) -> Result<Option<NaiveDate>, AppError> {
    crate::kernel::dates::form_day(value).map_err(|problem| AppError::invalid(field, problem))
}

pub async fn list_entries(
    db: &DatabaseConnection,
    filter: &AuditFilter,
) -> Result<AuditPage, AppError> {
    let mut query = audit_log::Entity::find();
    let email = crate::kernel::fields::search_text("actor_email", &filter.actor_email)?;
    if !email.is_empty() {
        let email = email.to_lowercase();
        let ids: Vec<i32> = users::Entity::find()
            .filter(users::Column::Email.contains(&email))
            .all(db)
            .await?
            .into_iter()
            .map(|user| user.id)
            .collect();
        query = query.filter(audit_log::Column::ActorUserId.is_in(ids));
    }
    if !filter.action.trim().is_empty() {
        query = query.filter(audit_log::Column::Action.eq(filter.action.trim()));
    }
    if !filter.outcome.is_empty() {
        let outcome = Outcome::from_code(&filter.outcome)
            .ok_or_else(|| AppError::invalid("outcome", Problem::UnknownChoice))?;
        query = query.filter(audit_log::Column::Outcome.eq(outcome.code()));
    }
    if let Some(from) = past_day("from", &filter.from)? {
        query = query.filter(
            audit_log::Column::OccurredAt
                .gte(from.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc()),
        );
    }
    if let Some(to) = past_day("to", &filter.to)? {
        let end = to
            .succ_opt()
            .unwrap_or(to)
            .and_hms_opt(0, 0, 0)
            .unwrap_or_default()
            .and_utc();
        query = query.filter(audit_log::Column::OccurredAt.lt(end));
    }
    let paginator = query
        .order_by_desc(audit_log::Column::OccurredAt)
        .order_by_desc(audit_log::Column::Id)
        .paginate(db, AUDIT_PAGE_SIZE);
    let totals = paginator.num_items_and_pages().await?;
    let page = filter.page.min(totals.number_of_pages.saturating_sub(1));
    let rows = paginator.fetch_page(page).await?;

    // Names of the actors and organisations on this page, in two small queries.
    let user_ids: Vec<i32> = rows.iter().filter_map(|row| row.actor_user_id).collect();
    let org_ids: Vec<i32> = rows
        .iter()
        .filter_map(|row| row.actor_organisation_id)
        .collect();
    let user_names: std::collections::HashMap<i32, String> = users::Entity::find()
        .filter(users::Column::Id.is_in(user_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|user| (user.id, format!("{} <{}>", user.display_name, user.email)))
        .collect();
    let org_names: std::collections::HashMap<i32, String> = organisations::Entity::find()
        .filter(organisations::Column::Id.is_in(org_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|org| (org.id, org.name))
        .collect();

    let entries = rows
        .into_iter()
        .map(|row| AuditEntry {
            id: row.id,
            occurred_at: row.occurred_at,
            actor: row
                .actor_user_id
                .and_then(|id| user_names.get(&id).cloned()),
            organisation: row
                .actor_organisation_id
                .and_then(|id| org_names.get(&id).cloned()),
            action: row.action,
            object_type: row.object_type,
            object_id: row.object_id,
            outcome: Outcome::from_stored(&row.outcome, Outcome::Failure),
            request_id: row.request_id,
            detail: row.detail,
        })
        .collect();
    Ok(AuditPage {
        entries,
        page,
        pages: totals.number_of_pages,
        total: totals.number_of_items,
    })
}
