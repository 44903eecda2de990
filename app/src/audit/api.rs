use leptos::prelude::*;

use super::model::{AuditFilter, AuditPage};
use crate::kernel::error::AppError;

#[server(endpoint = "audit/entries")]
pub async fn audit_entries(filter: AuditFilter) -> Result<AuditPage, AppError> {
    use crate::auth::ssr::guard;
    guard("audit/entries", |ctx| async move {
        super::ssr::list_entries(&ctx.db, &filter).await
    })
    .await
}
