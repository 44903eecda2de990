//! Server functions of the minors' page.

use leptos::prelude::*;

use super::model::*;
use crate::kernel::error::AppError;

#[cfg(feature = "ssr")]
fn back_to_page(code: &str) {
    if crate::people::registry::model::is_network_code(code) {
        leptos_axum::redirect(&format!("/persone/{}/minore", code.trim().to_uppercase()));
    }
}

#[server(endpoint = "path/minors")]
pub async fn fetch_minors(code: String) -> Result<MinorsPage, AppError> {
    use crate::auth::ssr::guard;
    guard("path/minors", |ctx| async move {
        super::ssr::minors_page(&ctx, &code).await
    })
    .await
}

#[server(endpoint = "path/minors/procedures")]
pub async fn save_minor_procedures(code: String, form: ProceduresForm) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("path/minors/procedures", |ctx| async move {
        let valid = form.validate(crate::kernel::clock::today())?;
        super::ssr::save_procedures(&ctx, &code, valid).await?;
        back_to_page(&code);
        Ok(())
    })
    .await
}

#[server(endpoint = "path/minors/communication")]
pub async fn add_minor_communication(
    code: String,
    form: CommunicationForm,
) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("path/minors/communication", |ctx| async move {
        let valid = form.validate(crate::kernel::clock::today())?;
        super::ssr::add_communication(&ctx, &code, valid).await?;
        back_to_page(&code);
        Ok(())
    })
    .await
}
