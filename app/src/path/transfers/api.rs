//! Server functions of the transfers page.

use leptos::prelude::*;

use super::model::*;
use crate::kernel::error::AppError;

#[cfg(feature = "ssr")]
fn back_to_page(code: &str) {
    if crate::people::registry::model::is_network_code(code) {
        leptos_axum::redirect(&transfers_path(code));
    }
}

#[server(endpoint = "path/transfers")]
pub async fn fetch_transfers(code: String) -> Result<TransfersPage, AppError> {
    use crate::auth::ssr::guard;
    guard("path/transfers", |ctx| async move {
        super::ssr::transfers_page(&ctx, &code).await
    })
    .await
}

#[server(endpoint = "path/transfers/outgoing")]
pub async fn save_outgoing_transfer(code: String, form: OutgoingForm) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("path/transfers/outgoing", |ctx| async move {
        let valid = form.validate(crate::kernel::clock::today())?;
        super::ssr::save_transfer(&ctx, &code, valid).await?;
        back_to_page(&code);
        Ok(())
    })
    .await
}

#[server(endpoint = "path/transfers/incoming")]
pub async fn save_incoming_transfer(code: String, form: IncomingForm) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("path/transfers/incoming", |ctx| async move {
        let valid = form.validate(crate::kernel::clock::today())?;
        super::ssr::save_transfer(&ctx, &code, valid).await?;
        back_to_page(&code);
        Ok(())
    })
    .await
}
