//! Server functions of the waiting list.

use leptos::prelude::*;

use super::model::{WaitingForm, WaitingList};
use crate::kernel::error::AppError;

#[server(endpoint = "people/waiting_list")]
pub async fn fetch_waiting_list() -> Result<WaitingList, AppError> {
    use crate::auth::ssr::guard;
    guard("people/waiting_list", |ctx| async move {
        super::ssr::waiting_list(&ctx).await
    })
    .await
}

#[server(endpoint = "people/waiting_list/add")]
pub async fn add_to_waiting_list(code: String, form: WaitingForm) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("people/waiting_list/add", |ctx| async move {
        let valid = form.validate(crate::kernel::clock::today())?;
        super::ssr::add_to_waiting_list(&ctx, &code, valid).await?;
        if crate::people::registry::model::is_network_code(&code) {
            leptos_axum::redirect(&format!("/persone/{code}"));
        }
        Ok(())
    })
    .await
}

#[server(endpoint = "people/waiting_list/withdraw")]
pub async fn withdraw_from_waiting_list(code: String) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("people/waiting_list/withdraw", |ctx| async move {
        super::ssr::withdraw_from_waiting_list(&ctx, &code).await?;
        if crate::people::registry::model::is_network_code(&code) {
            leptos_axum::redirect(&format!("/persone/{code}"));
        }
        Ok(())
    })
    .await
}
