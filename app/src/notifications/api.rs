//! Server functions of the notifications page. Every signed-in user has her own.

use leptos::prelude::*;

use super::model::*;
use crate::kernel::error::AppError;

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

#[server(endpoint = "notifications/email")]
pub async fn fetch_email_settings() -> Result<EmailSettings, AppError> {
    use crate::auth::ssr::guard;
    guard("notifications/email", |ctx| async move {
        super::email::settings_page(&ctx).await
    })
    .await
}

#[server(endpoint = "notifications/email/save")]
pub async fn save_email_settings(mode: String) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("notifications/email/save", |ctx| async move {
        let mode = EmailMode::from_code(mode.trim()).ok_or(AppError::invalid(
            "mode",
            crate::kernel::error::Problem::UnknownChoice,
        ))?;
        super::email::save_mode(&ctx, mode).await
    })
    .await
}

/// The unsubscribe link of an e-mail: no sign-in, the token is the key. Sends the
/// browser back to the page with the outcome (`fatto=1`, or `0` for a link that is not
/// valid).
#[server(endpoint = "notifications/unsubscribe")]
pub async fn unsubscribe(token: String) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("notifications/unsubscribe", |ctx| async move {
        let done = super::email::unsubscribe(&ctx.db, ctx.request_id(), &token).await?;
        let token: String = token
            .chars()
            .filter(char::is_ascii_hexdigit)
            .take(64)
            .collect();
        leptos_axum::redirect(&format!(
            "/notifiche/disiscrizione/{token}?fatto={}",
            u8::from(done)
        ));
        Ok(())
    })
    .await
}
