//! Server functions of agreed versions and the print view.

use leptos::prelude::*;

use super::model::*;
use crate::kernel::error::AppError;

/// An optional version number from a query or a form: empty is "not given".
#[cfg(feature = "ssr")]
fn version_number(field: &str, value: &str) -> Result<Option<i32>, AppError> {
    match value.trim() {
        "" => Ok(None),
        value => match value.parse::<i32>() {
            Ok(number) if number >= 0 => Ok(Some(number)),
            _ => Err(AppError::invalid(
                field,
                crate::kernel::error::Problem::UnknownChoice,
            )),
        },
    }
}

#[cfg(feature = "ssr")]
fn back_to_versions(code: &str) {
    if crate::people::registry::model::is_network_code(code) {
        leptos_axum::redirect(&format!(
            "/persone/{}/progetto/versioni",
            code.trim().to_uppercase()
        ));
    }
}

#[server(endpoint = "planner/versions")]
pub async fn fetch_versions(
    code: String,
    from: String,
    to: String,
) -> Result<VersionsPage, AppError> {
    use crate::auth::ssr::guard;
    guard("planner/versions", |ctx| async move {
        let from = version_number("from", &from)?;
        let to = version_number("to", &to)?;
        super::ssr::versions_page(&ctx, &code, from, to).await
    })
    .await
}

#[server(endpoint = "planner/versions/agree")]
pub async fn record_agreed_version(code: String, form: AgreementForm) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("planner/versions/agree", |ctx| async move {
        super::ssr::record_version(&ctx, &code, form).await?;
        back_to_versions(&code);
        Ok(())
    })
    .await
}

#[server(endpoint = "planner/versions/approve")]
pub async fn approve_version(code: String, number: String, note: String) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    use crate::kernel::error::Validation;
    guard("planner/versions/approve", |ctx| async move {
        let number = version_number("number", &number)?.ok_or(AppError::BadRequest)?;
        let mut checks = Validation::default();
        let note =
            crate::planner::model::prose("notes", &note, MAX_AGREEMENT_NOTES, false, &mut checks);
        checks.finish()?;
        super::ssr::approve_version(&ctx, &code, number, note).await?;
        back_to_versions(&code);
        Ok(())
    })
    .await
}

#[server(endpoint = "planner/print")]
pub async fn fetch_print(code: String, version: String) -> Result<PrintPage, AppError> {
    use crate::auth::ssr::guard;
    guard("planner/print", |ctx| async move {
        let version = version_number("version", &version)?;
        super::ssr::print_page(&ctx, &code, version).await
    })
    .await
}
