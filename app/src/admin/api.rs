//! Server functions of the admin pages.

use leptos::prelude::*;

use super::model::{OrganisationForm, OrganisationRow, UserFilter, UserForm, UserRow};
use crate::kernel::error::AppError;

#[server(endpoint = "admin/organisations")]
pub async fn list_organisations() -> Result<Vec<OrganisationRow>, AppError> {
    use crate::auth::ssr::guard;
    guard("admin/organisations", |ctx| async move {
        super::ssr::list_organisations(&ctx.db).await
    })
    .await
}

#[server(endpoint = "admin/organisations/save")]
pub async fn save_organisation(form: OrganisationForm) -> Result<i32, AppError> {
    use crate::auth::ssr::guard;
    guard("admin/organisations/save", |ctx| async move {
        let valid = form.validate()?;
        let id = super::ssr::save_organisation(&ctx, valid).await?;
        leptos_axum::redirect("/amministrazione/organizzazioni?salvata=1");
        Ok(id)
    })
    .await
}

#[server(endpoint = "admin/users")]
pub async fn list_users(filter: UserFilter) -> Result<Vec<UserRow>, AppError> {
    use crate::auth::ssr::guard;
    guard("admin/users", |ctx| async move {
        super::ssr::list_users(&ctx.db, &filter).await
    })
    .await
}

#[server(endpoint = "admin/users/save")]
pub async fn save_user(form: UserForm) -> Result<i32, AppError> {
    use crate::auth::ssr::guard;
    guard("admin/users/save", |ctx| async move {
        let valid = form.validate()?;
        let id = super::ssr::save_user(&ctx, valid).await?;
        leptos_axum::redirect("/amministrazione/utenti?salvato=1");
        Ok(id)
    })
    .await
}

/// Disables (ending all of the user's sessions at once) or re-enables an account.
#[server(endpoint = "admin/users/set_active")]
pub async fn set_user_active(id: i32, active: bool) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("admin/users/set_active", |ctx| async move {
        super::ssr::set_user_active(&ctx, id, active).await
    })
    .await
}
