//! Server functions of the notifications page. Every signed-in user has her own.

use leptos::prelude::*;

use super::model::*;
use crate::error::AppError;

#[server(endpoint = "notifications/list")]
pub async fn fetch_notifications() -> Result<NotificationsPage, AppError> {
    use crate::auth::ssr::guard;
    guard("notifications/list", |ctx| async move {
        super::ssr::list(&ctx).await
    })
    .await
}

/// `id` empty: all of them.
#[server(endpoint = "notifications/read")]
pub async fn mark_notifications_read(id: String) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("notifications/read", |ctx| async move {
        let id = match id.trim() {
            "" => None,
            value => Some(value.parse::<i32>().map_err(|_| AppError::BadRequest)?),
        };
        super::ssr::mark_read(&ctx, id).await?;
        leptos_axum::redirect("/notifiche");
        Ok(())
    })
    .await
}
