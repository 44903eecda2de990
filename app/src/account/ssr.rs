//! The account's own changes: the password (asked again first; every other session ends,
//! this one gets a new id) and the sessions (listed from the session table, ended one by
//! one). Sessions are named to the page by a keyed hash of their id, never by the id,
//! which is what the session cookie carries.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, Set};

use super::model::*;
use crate::audit::model::Outcome;
use crate::audit::ssr::{record, record_alone, AuditEvent};
use crate::auth::password::{hash_password_off_thread, verify_password_off_thread};
use crate::auth::password_policy::new_password_problem;
use crate::auth::session_store::{DEVICE_KEY, SIGNED_IN_AT_KEY};
use crate::auth::ssr::{Ctx, SEEN_AT_KEY};
use crate::entity::{sessions, users};
use crate::kernel::error::{AppError, Problem, Validation};

/// The page's name for a session: a keyed hash of its id, so that no session id (a
/// bearer secret) reaches a page or its hydration data.
fn session_handle(ctx: &Ctx, session_id: &str) -> String {
    let hash =
        crate::auth::throttle::throttle_key(&ctx.settings.identity_key, "session", session_id);
    hash[..24].to_string()
}

fn current_session_id(ctx: &Ctx) -> Option<String> {
    ctx.session.id().map(|id| id.to_string())
}

fn moment(data: &HashMap<String, serde_json::Value>, key: &str) -> Option<DateTime<Utc>> {
    data.get(key)
        .and_then(serde_json::Value::as_i64)
        .and_then(|seconds| DateTime::from_timestamp(seconds, 0))
}

/// The user's live sessions, this one first, then the most recently used.
async fn sessions_of(ctx: &Ctx, user_id: i32) -> Result<Vec<(String, SessionView)>, AppError> {
    let current = current_session_id(ctx);
    let rows = sessions::Entity::find()
        .filter(sessions::Column::UserId.eq(user_id))
        .filter(sessions::Column::ExpiresAt.gt(Utc::now()))
        .all(&ctx.db)
        .await?;
    let mut views: Vec<(String, SessionView)> = rows
        .into_iter()
        .map(|row| {
            let data: HashMap<String, serde_json::Value> =
                serde_json::from_str(&row.data).unwrap_or_default();
            let view = SessionView {
                handle: session_handle(ctx, &row.id),
                device: data
                    .get(DEVICE_KEY)
                    .and_then(serde_json::Value::as_str)
                    .unwrap_or_default()
                    .to_string(),
                signed_in_at: moment(&data, SIGNED_IN_AT_KEY),
                last_seen_at: moment(&data, SEEN_AT_KEY),
                current: current.as_deref() == Some(row.id.as_str()),
            };
            (row.id, view)
        })
        .collect();
    views.sort_by(|(_, a), (_, b)| {
        b.current
            .cmp(&a.current)
            .then(b.last_seen_at.cmp(&a.last_seen_at))
    });
    Ok(views)
}

pub async fn account_page(ctx: &Ctx) -> Result<AccountPage, AppError> {
    let user = ctx.user()?;
    let sessions = sessions_of(ctx, user.id)
        .await?
        .into_iter()
        .map(|(_, view)| view)
        .collect();
    Ok(AccountPage {
        email: user.email.clone(),
        display_name: user.display_name.clone(),
        organisation_name: user.organisation_name.clone(),
        roles: user.roles.clone(),
        sessions,
        must_change_password: user.must_change_password,
    })
}

/// Changes the user's password: the current one first (a session left open on a shared
/// computer must not be enough), then the policy; every other session of hers ends and
/// this one gets a new id. A wrong current password is audited as a failure.
pub async fn change_password(ctx: &Ctx, form: &PasswordChange) -> Result<(), AppError> {
    let user = ctx.user()?;
    let account = users::Entity::find_by_id(user.id)
        .one(&ctx.db)
        .await?
        .ok_or(AppError::NotSignedIn)?;
    let mut checks = Validation::default();
    if form.current.is_empty() {
        checks.add("current", Problem::Required);
    } else if !verify_password_off_thread(&form.current, account.password_hash.clone()).await {
        record_alone(
            &ctx.db,
            ctx.request_id(),
            AuditEvent::new(Some(user), "auth.password.change", "user")
                .object(user.id)
                .outcome(Outcome::Failure)
                .detail("wrong_current_password"),
        )
        .await?;
        checks.add("current", Problem::WrongPassword);
    }
    let hints = [
        user.email.as_str(),
        user.display_name.as_str(),
        user.organisation_name.as_str(),
    ];
    if let Some(problem) = new_password_problem(&form.new, &hints) {
        checks.add("new", problem);
    } else if form.new != form.repeat {
        checks.add("repeat", Problem::PasswordsDiffer);
    }
    checks.finish()?;
    let hash = hash_password_off_thread(&form.new).await.map_err(|error| {
        tracing::error!(%error, "password hashing failed");
        AppError::Internal
    })?;
    let current = current_session_id(ctx).unwrap_or_default();
    let txn = crate::kernel::db::begin_write(&ctx.db).await?;
    let result: Result<(), AppError> = async {
        users::Entity::update(users::ActiveModel {
            id: Set(user.id),
            password_hash: Set(hash),
            must_change_password: Set(false),
            updated_at: Set(Utc::now()),
            ..Default::default()
        })
        .exec(&txn)
        .await?;
        let ended = sessions::Entity::delete_many()
            .filter(sessions::Column::UserId.eq(user.id))
            .filter(sessions::Column::Id.ne(current.as_str()))
            .exec(&txn)
            .await?
            .rows_affected;
        record(
            &txn,
            ctx.request_id(),
            AuditEvent::new(Some(user), "auth.password.change", "user")
                .object(user.id)
                .detail(format!("other_sessions_ended={ended}")),
        )
        .await?;
        Ok(())
    }
    .await;
    ctx.finish_write(
        txn,
        result,
        ctx.event("auth.password.change", "user").object(user.id),
    )
    .await?;
    // A new id for this session too: whoever had learnt the old one has nothing.
    ctx.session.cycle_id().await?;
    Ok(())
}

/// Ends one of the user's other sessions (this one ends with "Esci").
pub async fn end_session(ctx: &Ctx, handle: &str) -> Result<(), AppError> {
    let user = ctx.user()?;
    let Some((session_id, view)) = sessions_of(ctx, user.id)
        .await?
        .into_iter()
        .find(|(_, view)| view.handle == handle.trim())
    else {
        return Err(AppError::NotFound);
    };
    if view.current {
        return Err(AppError::BadRequest);
    }
    let txn = crate::kernel::db::begin_write(&ctx.db).await?;
    let result: Result<(), AppError> = async {
        sessions::Entity::delete_many()
            .filter(sessions::Column::Id.eq(session_id.as_str()))
            .filter(sessions::Column::UserId.eq(user.id))
            .exec(&txn)
            .await?;
        record(
            &txn,
            ctx.request_id(),
            AuditEvent::new(Some(user), "auth.session.end", "user").object(user.id),
        )
        .await?;
        Ok(())
    }
    .await;
    ctx.finish_write(
        txn,
        result,
        ctx.event("auth.session.end", "user").object(user.id),
    )
    .await
}
