//! `GET /spese/{budget}/registro.xlsx`: a budget's ledger as an Excel workbook, for the
//! organisation's accounts. A plain route because the answer is a file; who may read
//! which budget, and the audit row, are decided in `app::path::spending::budget_ssr`.

use app::auth::policy::Decision;
use app::kernel::error::AppError;
use app::state::AppState;
use axum::extract::{Path, State};
use axum::response::Response;
use http::HeaderMap;
use tower_sessions::Session;

use crate::uploads::{file_response, id_of};

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

pub async fn download_ledger(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    Path(budget): Path<String>,
) -> Response {
    let language = app::i18n::request_language(&headers);
    let refuse = |error: AppError| crate::security::error_text(&error, language);
    let Some(id) = id_of(&budget) else {
        return refuse(AppError::NotFound);
    };
    let ctx = match app::auth::ssr::context_for(state, session, &headers).await {
        Ok(ctx) => ctx,
        Err(error) => return refuse(error),
    };
    match app::auth::policy::allows("spending/budgets", ctx.user.as_ref()) {
        Decision::Allowed => {}
        Decision::NotSignedIn => return refuse(AppError::NotSignedIn),
        Decision::Forbidden => {
            let event = ctx.event("spending.workbook", "budget").object(id);
            return refuse(app::audit::ssr::deny_alone(&ctx.db, ctx.request_id(), event).await);
        }
        Decision::MustChangePassword => return refuse(AppError::MustChangePassword),
    }
    let ledger = match app::path::spending::budget_ssr::ledger(&ctx, id).await {
        Ok(ledger) => ledger,
        Err(error) => return refuse(error),
    };
    match app::path::spending::workbook::ledger_to_xlsx(&ledger, language) {
        Ok(bytes) => file_response(
            &app::path::spending::workbook::file_name(&ledger),
            XLSX,
            bytes,
        ),
        Err(error) => refuse(error),
    }
}
