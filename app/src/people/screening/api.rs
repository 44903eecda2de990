//! Server functions of screenings and of the indicator checklist.

use leptos::prelude::*;

use super::model::{ChecklistDraftForm, ChecklistVersions, ScreeningForm, ScreeningStart};
use crate::kernel::error::AppError;

#[server(endpoint = "people/screenings/start")]
pub async fn fetch_screening_start(code: String) -> Result<ScreeningStart, AppError> {
    use crate::auth::ssr::guard;
    guard("people/screenings/start", |ctx| async move {
        super::ssr::screening_start(&ctx, &code).await
    })
    .await
}

#[server(endpoint = "people/screenings/save")]
pub async fn save_screening(code: String, form: ScreeningForm) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("people/screenings/save", |ctx| async move {
        let valid = form.validate(crate::kernel::clock::today())?;
        super::ssr::save_screening(&ctx, &code, valid).await?;
        if crate::people::registry::model::is_network_code(&code) {
            leptos_axum::redirect(&format!("/persone/{code}"));
        }
        Ok(())
    })
    .await
}

#[server(endpoint = "people/checklists")]
pub async fn fetch_checklists() -> Result<ChecklistVersions, AppError> {
    use crate::auth::ssr::guard;
    guard("people/checklists", |ctx| async move {
        let may_edit = ctx.user()?.has_role(crate::auth::model::Role::Trainer);
        super::ssr::checklist_versions(&ctx.db, may_edit).await
    })
    .await
}

#[server(endpoint = "people/checklists/draft")]
pub async fn start_checklist_draft() -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("people/checklists/draft", |ctx| async move {
        super::ssr::start_draft(&ctx).await?;
        leptos_axum::redirect("/indicatori");
        Ok(())
    })
    .await
}

#[server(endpoint = "people/checklists/draft/save")]
pub async fn save_checklist_draft(form: ChecklistDraftForm) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("people/checklists/draft/save", |ctx| async move {
        super::ssr::save_draft(&ctx, &form).await?;
        leptos_axum::redirect("/indicatori");
        Ok(())
    })
    .await
}

#[server(endpoint = "people/checklists/publish")]
pub async fn publish_checklist() -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("people/checklists/publish", |ctx| async move {
        super::ssr::publish_draft(&ctx).await?;
        leptos_axum::redirect("/indicatori");
        Ok(())
    })
    .await
}
