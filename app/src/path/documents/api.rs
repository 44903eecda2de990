//! Server functions of the documents page (the upload and the download are plain
//! routes: a file is neither a form field a server function reads nor JSON).

use leptos::prelude::*;

use super::model::*;
use crate::kernel::error::AppError;

#[server(endpoint = "path/documents")]
pub async fn fetch_documents(code: String) -> Result<DocumentsPage, AppError> {
    use crate::auth::ssr::guard;
    guard("path/documents", |ctx| async move {
        super::ssr::documents_page(&ctx, &code).await
    })
    .await
}

#[server(endpoint = "path/documents/remove")]
pub async fn remove_document(code: String, form: RemoveDocumentForm) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("path/documents/remove", |ctx| async move {
        let id = form.validate()?;
        super::ssr::remove_document(&ctx, &code, id).await?;
        if crate::people::registry::model::is_network_code(&code) {
            leptos_axum::redirect(&documents_path(&code));
        }
        Ok(())
    })
    .await
}
