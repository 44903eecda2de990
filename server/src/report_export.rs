//! `GET /rapporti/esporta/{table}.csv?dal=&al=&organizzazione=&provincia=`: one table of
//! the funder report as a CSV download, and `/rapporti/esporta/rapporto.xlsx?…` the whole
//! report as the Excel workbook the funder receives, with small counts suppressed (they
//! leave the screen). A plain route because the answer is a file; who may read which scope, and the
//! audit row, are decided in `app::reports::ssr`.

use app::auth::policy::Decision;
use app::kernel::error::AppError;
use app::reports::model::{ReportRequest, TableId};
use app::state::AppState;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use http::HeaderMap;
use tower_sessions::Session;

/// The whole report as a workbook.
const WORKBOOK: &str = "rapporto.xlsx";
const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The report's query string as the page's form sends it (names may repeat).
fn request_from_pairs(pairs: Vec<(String, String)>) -> ReportRequest {
    let mut request = ReportRequest::default();
    for (name, value) in pairs {
        match name.as_str() {
            "dal" => request.from = value,
            "al" => request.to = value,
            "organizzazione" => request.organisations.push(value),
            "provincia" => request.provinces.push(value),
            _ => {}
        }
    }
    request
}

pub async fn download_table(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    Path(file): Path<String>,
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Response {
    let language = app::i18n::request_language(&headers);
    let refuse = |error: AppError| crate::security::error_text(&error, language);
    let table = match file.as_str() {
        WORKBOOK => None,
        name => match name.strip_suffix(".csv").and_then(TableId::from_code) {
            Some(table) => Some(table),
            None => return refuse(AppError::NotFound),
        },
    };
    let threshold = state.settings.report_min_count;
    let ctx = match app::auth::ssr::context_for(state, session, &headers).await {
        Ok(ctx) => ctx,
        Err(error) => return refuse(error),
    };
    match app::auth::policy::allows("reports/funder", ctx.user.as_ref()) {
        Decision::Allowed => {}
        Decision::NotSignedIn => return refuse(AppError::NotSignedIn),
        Decision::Forbidden => return refuse(AppError::Forbidden),
        Decision::MustChangePassword => return refuse(AppError::MustChangePassword),
    }
    let Ok(Query(pairs)) = query else {
        return refuse(AppError::BadRequest);
    };
    let request = request_from_pairs(pairs);
    let (file, content_type) = match table {
        Some(table) => (
            app::reports::ssr::table_csv(&ctx, &request, table, threshold, language).await,
            "text/csv; charset=utf-8",
        ),
        None => (
            app::reports::ssr::report_xlsx(&ctx, &request, threshold, language).await,
            XLSX,
        ),
    };
    match file {
        Ok((file_name, body)) => (
            [
                (CONTENT_TYPE, content_type.to_string()),
                (
                    CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{file_name}\""),
                ),
                (CACHE_CONTROL, "no-store".to_string()),
            ],
            body,
        )
            .into_response(),
        Err(error) => refuse(error),
    }
}
