//! Server functions of the family part of a plan.

use leptos::prelude::*;

use super::model::*;
use crate::kernel::error::AppError;

#[cfg(feature = "ssr")]
fn back_to_family(code: &str) {
    if crate::people::registry::model::is_network_code(code) {
        leptos_axum::redirect(&format!(
            "/persone/{}/progetto/famiglia",
            code.trim().to_uppercase()
        ));
    }
}

#[server(endpoint = "planner/family")]
pub async fn fetch_family(code: String) -> Result<FamilyPage, AppError> {
    use crate::auth::ssr::guard;
    guard("planner/family", |ctx| async move {
        super::ssr::family_page(&ctx, &code).await
    })
    .await
}

#[server(endpoint = "planner/family/need")]
pub async fn save_child_need(code: String, form: ChildNeedForm) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("planner/family/need", |ctx| async move {
        let valid = form.validate()?;
        super::ssr::save_child_need(&ctx, &code, valid).await?;
        back_to_family(&code);
        Ok(())
    })
    .await
}

#[server(endpoint = "planner/family/joint_work")]
pub async fn add_joint_work(code: String, form: JointWorkForm) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("planner/family/joint_work", |ctx| async move {
        let valid = form.validate(crate::kernel::clock::today())?;
        super::ssr::add_joint_work(&ctx, &code, valid).await?;
        back_to_family(&code);
        Ok(())
    })
    .await
}
