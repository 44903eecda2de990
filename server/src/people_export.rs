//! `GET /persone/{code}/esporta/{json|csv}`: one person's data as a file to hand to her.
//! A plain route rather than a server function because the answer is a download; the
//! decision (identity access only) and the audit row are in `app::people::registry::rights`.

use app::kernel::error::AppError;
use app::people::registry::rights::{export_person, ExportFormat};
use app::state::AppState;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use http::HeaderMap;
use tower_sessions::Session;

pub async fn download_person_data(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    Path((code, format)): Path<(String, String)>,
) -> Response {
    let language = app::i18n::request_language(&headers);
    let refuse = |error: AppError| crate::security::error_text(&error, language);
    let Some(format) = ExportFormat::from_extension(&format) else {
        return refuse(AppError::NotFound);
    };
    let user = match app::auth::ssr::load_current_user(&state.db, &session).await {
        Ok(Some(user)) if user.must_change_password => return refuse(AppError::MustChangePassword),
        Ok(Some(user)) => user,
        Ok(None) => return refuse(AppError::NotSignedIn),
        Err(error) => return refuse(error),
    };
    let request_id = headers.get("x-request-id").and_then(|v| v.to_str().ok());
    let store = (&state.db, &state.settings.documents_key);
    match export_person(store, &user, request_id, &code, (format, language)).await {
        Ok(download) => (
            [
                (CONTENT_TYPE, download.content_type.to_string()),
                (
                    CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{}\"", download.file_name),
                ),
            ],
            download.body,
        )
            .into_response(),
        Err(error) => refuse(error),
    }
}
