//! Storing and reading notifications. Writers call `notify` inside their own write
//! transaction, so a notification exists exactly when the change it reports does.

use chrono::Utc;
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};

use super::model::*;
use crate::auth::model::Role;
use crate::auth::ssr::Ctx;
use crate::entity::{notifications, user_roles, users};
use crate::kernel::error::AppError;

/// A new, unread notification's row.
fn new_row(
    user_id: i32,
    kind: NotificationKind,
    subject: &str,
    link: &str,
    reminder_key: Option<&str>,
) -> notifications::ActiveModel {
    notifications::ActiveModel {
        user_id: Set(user_id),
        kind: Set(kind.code().to_string()),
        subject: Set(subject.to_string()),
        link: Set(link.to_string()),
        created_at: Set(Utc::now()),
        read_at: Set(None),
        emailed_at: Set(None),
        reminder_key: Set(reminder_key.map(str::to_string)),
        ..Default::default()
    }
}

pub async fn notify<C: ConnectionTrait>(
    conn: &C,
    user_id: i32,
    kind: NotificationKind,
    subject: &str,
    link: &str,
) -> Result<(), AppError> {
    new_row(user_id, kind, subject, link, None)
        .insert(conn)
        .await?;
    Ok(())
}

/// Writes a reminder unless this user already has one with this key (`reminders`):
/// `INSERT … ON CONFLICT DO NOTHING`, since a failed insert would end a PostgreSQL
/// transaction. True when it was written now.
pub async fn remind<C: ConnectionTrait>(
    conn: &C,
    user_id: i32,
    kind: NotificationKind,
    subject: &str,
    link: &str,
    key: &str,
) -> Result<bool, AppError> {
    let row = new_row(user_id, kind, subject, link, Some(key));
    let written = notifications::Entity::insert(row)
        .on_conflict(
            OnConflict::columns([
                notifications::Column::UserId,
                notifications::Column::ReminderKey,
            ])
            .do_nothing()
            .to_owned(),
        )
        .exec_without_returning(conn)
        .await?;
    Ok(written > 0)
}

/// The active accounts holding a role, in any organisation or in the ones given: those a
/// notification for "the coordinators" or "these bodies' reception managers" reaches.
pub async fn active_users_with_role<C: ConnectionTrait>(
    conn: &C,
    role: Role,
    organisations: Option<&[i32]>,
) -> Result<Vec<i32>, AppError> {
    let holders: Vec<i32> = user_roles::Entity::find()
        .filter(user_roles::Column::Role.eq(role.code()))
        .all(conn)
        .await?
        .into_iter()
        .map(|row| row.user_id)
        .collect();
    let mut query = users::Entity::find()
        .filter(users::Column::Id.is_in(holders))
        .filter(users::Column::Active.eq(true));
    if let Some(organisations) = organisations {
        query = query.filter(users::Column::OrganisationId.is_in(organisations.iter().copied()));
    }
    let mut ids: Vec<i32> = query
        .all(conn)
        .await?
        .into_iter()
        .map(|user| user.id)
        .collect();
    ids.sort_unstable();
    Ok(ids)
}

pub async fn unread_count<C: ConnectionTrait>(conn: &C, user_id: i32) -> Result<u64, AppError> {
    Ok(notifications::Entity::find()
        .filter(notifications::Column::UserId.eq(user_id))
        .filter(notifications::Column::ReadAt.is_null())
        .count(conn)
        .await?)
}

pub async fn list(ctx: &Ctx) -> Result<NotificationsPage, AppError> {
    let user = ctx.user()?;
    let rows = notifications::Entity::find()
        .filter(notifications::Column::UserId.eq(user.id))
        .order_by_desc(notifications::Column::CreatedAt)
        .order_by_desc(notifications::Column::Id)
        .limit(SHOWN_NOTIFICATIONS)
        .all(&ctx.db)
        .await?;
    let items = rows
        .into_iter()
        .filter_map(|row| {
            Some(NotificationRow {
                id: row.id,
                kind: NotificationKind::from_code(&row.kind)?,
                subject: row.subject,
                link: row.link,
                created_at: row.created_at,
                read: row.read_at.is_some(),
            })
        })
        .collect();
    Ok(NotificationsPage {
        items,
        unread: unread_count(&ctx.db, user.id).await?,
    })
}

/// Marks the user's unread notifications as read: one (`Some(id)`, which must be hers)
/// or all of them.
pub async fn mark_read(ctx: &Ctx, id: Option<i32>) -> Result<(), AppError> {
    let user = ctx.user()?;
    let mut update = notifications::Entity::update_many()
        .col_expr(notifications::Column::ReadAt, Expr::value(Utc::now()))
        .filter(notifications::Column::UserId.eq(user.id))
        .filter(notifications::Column::ReadAt.is_null());
    if let Some(id) = id {
        let mine = notifications::Entity::find_by_id(id)
            .one(&ctx.db)
            .await?
            .is_some_and(|row| row.user_id == user.id);
        if !mine {
            return Err(AppError::NotFound);
        }
        update = update.filter(notifications::Column::Id.eq(id));
    }
    let _turn = crate::kernel::db::single_write_turn(&ctx.db).await?;
    update.exec(&ctx.db).await?;
    Ok(())
}
