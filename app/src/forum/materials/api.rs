//! Server functions of the materials library (the file upload and download are plain
//! routes of the server crate, since a file is neither a form field nor JSON). Every
//! signed-in user reaches them; the category's rules decide in `materials::ssr`.

use leptos::prelude::*;

use super::model::*;
use crate::kernel::error::AppError;

#[cfg(feature = "ssr")]
use crate::forum::api::id_of;

/// `category`: a category's code, or empty for all of them.
#[server(endpoint = "forum/materials")]
pub async fn fetch_library(category: String) -> Result<LibraryPage, AppError> {
    use crate::auth::ssr::guard;
    guard("forum/materials", |ctx| async move {
        super::ssr::library(&ctx, &category).await
    })
    .await
}

#[server(endpoint = "forum/material")]
pub async fn fetch_material(id: String) -> Result<MaterialPage, AppError> {
    use crate::auth::ssr::guard;
    guard("forum/material", |ctx| async move {
        super::ssr::material_page(&ctx, id_of(&id)?).await
    })
    .await
}

#[server(endpoint = "forum/materials/new")]
pub async fn create_material(form: NewMaterialForm) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("forum/materials/new", |ctx| async move {
        let valid = form.validate()?;
        let next = super::ssr::create_material(&ctx, valid).await?;
        leptos_axum::redirect(&next);
        Ok(())
    })
    .await
}

#[server(endpoint = "forum/materials/versions/new")]
pub async fn start_version(material: String) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("forum/materials/versions/new", |ctx| async move {
        let next = super::ssr::start_version(&ctx, id_of(&material)?).await?;
        leptos_axum::redirect(&next);
        Ok(())
    })
    .await
}

#[server(endpoint = "forum/materials/draft")]
pub async fn fetch_version_draft(id: String) -> Result<VersionDraftPage, AppError> {
    use crate::auth::ssr::guard;
    guard("forum/materials/draft", |ctx| async move {
        super::ssr::draft_page(&ctx, id_of(&id)?).await
    })
    .await
}

/// Saves the draft's text, and publishes it when `publish` is sent (the "Publish"
/// button of the same form). `confirm`: the ticked box that says the passages the guard
/// pointed out may be published.
#[server(endpoint = "forum/materials/draft/save")]
pub async fn save_version_draft(
    version: String,
    body: String,
    changes: String,
    publish: Option<String>,
    confirm: Option<String>,
) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("forum/materials/draft/save", |ctx| async move {
        let version = id_of(&version)?;
        let next = if publish.is_some() {
            super::ssr::publish_draft(&ctx, version, &body, &changes, confirm.is_some()).await?
        } else {
            super::ssr::save_draft(&ctx, version, &body, &changes).await?
        };
        leptos_axum::redirect(&next);
        Ok(())
    })
    .await
}

#[server(endpoint = "forum/materials/draft/discard")]
pub async fn discard_version_draft(version: String) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("forum/materials/draft/discard", |ctx| async move {
        let next = super::ssr::discard_draft(&ctx, id_of(&version)?).await?;
        leptos_axum::redirect(&next);
        Ok(())
    })
    .await
}

#[server(endpoint = "forum/materials/attachments/remove")]
pub async fn remove_attachment(attachment: String) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("forum/materials/attachments/remove", |ctx| async move {
        let next = super::ssr::remove_attachment(&ctx, id_of(&attachment)?).await?;
        leptos_axum::redirect(&next);
        Ok(())
    })
    .await
}

/// `on`: "1" to follow, anything else to stop.
#[server(endpoint = "forum/materials/watch")]
pub async fn watch_material(material: String, on: String) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("forum/materials/watch", |ctx| async move {
        super::ssr::set_material_watch(&ctx, id_of(&material)?, on == "1").await
    })
    .await
}

/// `on`: "1" to follow, anything else to stop.
#[server(endpoint = "forum/categories/watch")]
pub async fn watch_category(category: String, on: String) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("forum/categories/watch", |ctx| async move {
        super::ssr::set_category_watch(&ctx, &category, on == "1").await
    })
    .await
}
