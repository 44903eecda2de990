//! Server functions of the contact log.

use leptos::prelude::*;

use super::model::{ContactForm, ContactLog, LoggedContact};
use crate::kernel::error::AppError;

/// The contact page's data; `form_only`: what the form needs and nothing more (the page a
/// phone keeps for use without signal: no list of recent contacts, no colleague's name).
#[server(endpoint = "people/contacts")]
pub async fn fetch_contact_log(#[server(default)] form_only: bool) -> Result<ContactLog, AppError> {
    use crate::auth::ssr::guard;
    guard("people/contacts", |ctx| async move {
        super::ssr::contact_log(&ctx, form_only).await
    })
    .await
}

#[server(endpoint = "people/contacts/log")]
pub async fn log_contact(form: ContactForm) -> Result<LoggedContact, AppError> {
    use crate::auth::ssr::guard;
    guard("people/contacts/log", |ctx| async move {
        let valid = form.validate(crate::kernel::clock::today())?;
        let id = super::ssr::log_contact(&ctx, valid).await?;
        leptos_axum::redirect("/contatti?registrato=1");
        Ok(LoggedContact {
            id: Some(id),
            kept: false,
        })
    })
    .await
}
