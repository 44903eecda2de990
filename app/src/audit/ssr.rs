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

/// A refusal, audited in `conn`'s transaction with the outcome `denied`: answers the 403
/// to return, or the error that kept the row from being written (a refusal is never
/// left unaudited). `db::settle` commits a transaction that ends in a 403, row included.
pub async fn deny<C: ConnectionTrait>(
    conn: &C,
    request_id: Option<&str>,
    event: AuditEvent<'_>,
) -> AppError {
    match record(conn, request_id, event.outcome(Outcome::Denied)).await {
        Ok(()) => AppError::Forbidden,
        Err(error) => error.into(),
    }
}

/// A refusal that ends its write transaction: the denied row is committed, then 403.
pub async fn deny_and_commit<T>(
    txn: crate::kernel::db::WriteTransaction,
    request_id: Option<&str>,
    event: AuditEvent<'_>,
) -> Result<T, AppError> {
    let refusal = deny(&txn, request_id, event).await;
    txn.commit().await?;
    Err(refusal)
}

/// Ends the write transaction of a change to an audited record, as `db::settle` does,
/// and leaves a trace of a change refused by a conflict (see `trace_conflict`). The
/// change's transaction is rolled back first: on PostgreSQL a failed statement has
/// already aborted it.
pub async fn settle_change<T>(
    db: &DatabaseConnection,
    txn: crate::kernel::db::WriteTransaction,
    result: Result<T, AppError>,
    request_id: Option<&str>,
    refused: AuditEvent<'_>,
) -> Result<T, AppError> {
    if !matches!(result, Err(AppError::Conflict { .. })) {
        return crate::kernel::db::settle(txn, result).await;
    }
    txn.rollback().await?;
    trace_conflict(db, request_id, refused, result).await
}

/// A change refused by a conflict (bed taken, person already placed, record changed
/// meanwhile) is audited like a denial: `refused` is written with the outcome
/// `conflict` and the conflict's code, in a transaction of its own that holds nothing
/// but that row (the change's own transaction has ended without it). Any other result
/// passes through.
pub async fn trace_conflict<T>(
    db: &DatabaseConnection,
    request_id: Option<&str>,
    refused: AuditEvent<'_>,
    result: Result<T, AppError>,
) -> Result<T, AppError> {
    let Err(AppError::Conflict { conflict }) = &result else {
        return result;
    };
    if conflict.audited_where_raised() {
        return result;
    }
    let trace = crate::kernel::db::begin_write(db).await?;
    record(
        &trace,
        request_id,
        refused
            .outcome(Outcome::Conflict)
            .detail(format!("conflict={}", conflict.code())),
    )
    .await?;
    trace.commit().await?;
    result
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
