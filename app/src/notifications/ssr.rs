//! Storing and reading notifications. Writers call `notify` inside their own write
//! transaction, so a notification exists exactly when the change it reports does.

use chrono::Utc;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};

use super::model::*;
use crate::auth::ssr::Ctx;
use crate::entity::notifications;
use crate::kernel::error::AppError;

pub async fn notify<C: ConnectionTrait>(
    conn: &C,
    user_id: i32,
    kind: NotificationKind,
    subject: &str,
    link: &str,
) -> Result<(), AppError> {
    notifications::ActiveModel {
        user_id: Set(user_id),
        kind: Set(kind.code().to_string()),
        subject: Set(subject.to_string()),
        link: Set(link.to_string()),
        created_at: Set(Utc::now()),
        read_at: Set(None),
        emailed_at: Set(None),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(())
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
