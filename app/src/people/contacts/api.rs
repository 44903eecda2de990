//! Server functions of the contact log.

use leptos::prelude::*;

use super::model::{ContactForm, ContactLog};
use crate::kernel::error::AppError;

#[server(endpoint = "people/contacts")]
pub async fn fetch_contact_log() -> Result<ContactLog, AppError> {
    use crate::auth::ssr::guard;
    guard("people/contacts", |ctx| async move {
        super::ssr::contact_log(&ctx).await
    })
    .await
}

#[server(endpoint = "people/contacts/log")]
pub async fn log_contact(form: ContactForm) -> Result<i32, AppError> {
    use crate::auth::ssr::guard;
    guard("people/contacts/log", |ctx| async move {
        let valid = form.validate(crate::kernel::clock::today())?;
        let id = super::ssr::log_contact(&ctx, valid).await?;
        leptos_axum::redirect("/contatti?registrato=1");
        Ok(id)
    })
    .await
}
