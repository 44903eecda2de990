//! Server functions of the judicial page.

use leptos::prelude::*;

use super::model::*;
use crate::kernel::error::AppError;

#[cfg(feature = "ssr")]
fn back_to_page(code: &str) {
    if crate::people::registry::model::is_network_code(code) {
        leptos_axum::redirect(&format!(
            "/persone/{}/giudiziario",
            code.trim().to_uppercase()
        ));
    }
}

#[server(endpoint = "path/judicial")]
pub async fn fetch_judicial(code: String) -> Result<JudicialPage, AppError> {
    use crate::auth::ssr::guard;
    guard("path/judicial", |ctx| async move {
        super::ssr::judicial_page(&ctx, &code).await
    })
    .await
}

#[server(endpoint = "path/judicial/proceedings")]
pub async fn save_judicial_proceedings(
    code: String,
    form: ProceedingsForm,
) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("path/judicial/proceedings", |ctx| async move {
        let valid = form.validate(crate::kernel::clock::today())?;
        super::ssr::save_proceedings(&ctx, &code, valid).await?;
        back_to_page(&code);
        Ok(())
    })
    .await
}

#[server(endpoint = "path/judicial/hearing")]
pub async fn save_judicial_hearing(code: String, form: HearingForm) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("path/judicial/hearing", |ctx| async move {
        let valid = form.validate()?;
        super::ssr::save_hearing(&ctx, &code, valid).await?;
        back_to_page(&code);
        Ok(())
    })
    .await
}
