//! Server functions of the account page, and the shell's "stay signed in". Thin: the
//! work is in `account::ssr`.

use leptos::prelude::*;

use super::model::*;
use crate::kernel::error::AppError;

#[server(endpoint = "account/page")]
pub async fn fetch_account() -> Result<AccountPage, AppError> {
    use crate::auth::ssr::guard;
    guard("account/page", |ctx| async move {
        super::ssr::account_page(&ctx).await
    })
    .await
}

#[server(endpoint = "account/password")]
pub async fn change_password(form: PasswordChange) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("account/password", |ctx| async move {
        super::ssr::change_password(&ctx, &form).await?;
        leptos_axum::redirect("/il-mio-account?password=cambiata");
        Ok(())
    })
    .await
}

#[server(endpoint = "account/session/end")]
pub async fn end_session(handle: String) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("account/session/end", |ctx| async move {
        super::ssr::end_session(&ctx, &handle).await?;
        leptos_axum::redirect("/il-mio-account?sessione=chiusa");
        Ok(())
    })
    .await
}

/// Does nothing but reach the server: the session layer refreshes an idle session on
/// every request (`auth::ssr::enforce_session_lifetime`).
#[server(endpoint = "auth/keep_alive")]
pub async fn keep_alive() -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("auth/keep_alive", |_ctx| async move { Ok(()) }).await
}

/// Asks for a reset link by e-mail. The same answer for every address.
#[server(endpoint = "auth/password/forgot")]
pub async fn forgot_password(email: String) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("auth/password/forgot", |ctx| async move {
        super::reset::request_reset(&ctx, &email).await?;
        leptos_axum::redirect("/password-dimenticata?inviata=1");
        Ok(())
    })
    .await
}

/// Sets a new password with a link's token.
#[server(endpoint = "auth/password/reset")]
pub async fn reset_password(token: String, form: PasswordChange) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("auth/password/reset", |ctx| async move {
        super::reset::reset_password(&ctx, &token, &form).await?;
        leptos_axum::redirect("/accedi?password=reimpostata");
        Ok(())
    })
    .await
}

/// Whether this network resets passwords by e-mail (it has an SMTP server).
#[server(endpoint = "auth/password/by_mail")]
pub async fn reset_by_mail() -> Result<bool, AppError> {
    use crate::auth::ssr::guard;
    guard("auth/password/by_mail", |ctx| async move {
        Ok(ctx.settings.mail_enabled)
    })
    .await
}
