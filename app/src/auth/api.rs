//! Server functions of sign-in. Thin: the work is in `auth::ssr`.

use leptos::prelude::*;

use super::model::CurrentUser;
use crate::kernel::error::AppError;

/// Signs in, then opens the page she asked for (`torna`, a path of this site only) or
/// the home page.
#[server(endpoint = "auth/sign_in")]
pub async fn sign_in(
    email: String,
    password: String,
    torna: Option<String>,
) -> Result<(), AppError> {
    use super::ssr::{guard, sign_in};
    guard("auth/sign_in", |ctx| async move {
        let user = sign_in(&ctx, &email, &password).await?;
        let target = if user.must_change_password {
            "/il-mio-account"
        } else {
            torna
                .as_deref()
                .and_then(super::model::return_path)
                .unwrap_or("/")
        };
        leptos_axum::redirect(target);
        Ok(())
    })
    .await
}

#[server(endpoint = "auth/sign_out")]
pub async fn sign_out() -> Result<(), AppError> {
    use super::ssr::{guard, sign_out};
    guard("auth/sign_out", |ctx| async move {
        sign_out(&ctx).await?;
        leptos_axum::redirect("/accedi");
        Ok(())
    })
    .await
}

/// The signed-in user, or `None`. Never an error for anonymous visitors.
#[server(endpoint = "auth/current_user")]
pub async fn fetch_current_user() -> Result<Option<CurrentUser>, AppError> {
    use super::ssr::guard;
    guard("auth/current_user", |ctx| async move {
        let Some(mut user) = ctx.user.clone() else {
            return Ok(None);
        };
        user.unread_notifications =
            crate::notifications::ssr::unread_count(&ctx.db, user.id).await?;
        Ok(Some(user))
    })
    .await
}

/// Remembers the interface language: in a cookie for everyone, and on the account of a
/// signed-in user so that it follows them to another device.
#[server(endpoint = "auth/set_language")]
pub async fn set_language(language: String) -> Result<(), AppError> {
    use super::ssr::{guard, remember_language};
    use crate::audit::ssr::record;
    use crate::entity::users;
    use crate::kernel::error::Problem;
    use sea_orm::{EntityTrait, Set};
    guard("auth/set_language", |ctx| async move {
        if !crate::i18n::LANGUAGES.contains(&language.as_str()) {
            return Err(AppError::invalid("language", Problem::UnknownChoice));
        }
        remember_language(&language);
        if let Some(user) = &ctx.user {
            let txn = crate::kernel::db::begin_write(&ctx.db).await?;
            let event = || ctx.event("user.language", "user").object(user.id);
            let result: Result<(), AppError> = async {
                users::Entity::update(users::ActiveModel {
                    id: Set(user.id),
                    language: Set(Some(language.clone())),
                    updated_at: Set(chrono::Utc::now()),
                    ..Default::default()
                })
                .exec(&txn)
                .await?;
                record(&txn, ctx.request_id(), event().detail(language.clone())).await?;
                Ok(())
            }
            .await;
            ctx.finish_write(txn, result, event()).await?;
        }
        Ok(())
    })
    .await
}
