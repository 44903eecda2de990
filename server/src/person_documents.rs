//! A person's documents, as plain routes (a file is neither a form field a server
//! function reads nor JSON):
//!
//! - `POST /persone/{code}/documenti` (multipart: `kind`, `dated_on`, `expires_on`,
//!   `confidentiality`, `description`, `file`): files a document on her record. A
//!   browser's form post is answered with a redirect to the documents page (carrying the
//!   field problems, if any, for the page to show); any other client gets 201 with the
//!   document's id, or the error with its 4xx.
//! - `GET /persone/{code}/documenti/{id}`: the file, opened, as a download.
//!
//! Every decision (who, which confidentiality, the audit rows) is in
//! `app::path::documents::ssr`.

use app::audit::ssr::{deny_alone, AuditEvent};
use app::kernel::error::{problems_to_query, AppError};
use app::kernel::files::{check_upload, MAX_FILE_BYTES};
use app::path::documents::model::{documents_path, DocumentForm};
use app::path::documents::ssr::{add_document, download};
use app::people::registry::model::is_network_code;
use app::state::AppState;
use axum::extract::{DefaultBodyLimit, Multipart, Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use http::{HeaderMap, StatusCode};
use tower_sessions::Session;

use crate::uploads::{
    error_json, file_response, id_of, page_refusal, read_form, to_page, wants_html,
};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/persone/{code}/documenti",
            post(upload_document).layer(DefaultBodyLimit::max(MAX_FILE_BYTES + 64 * 1024)),
        )
        .route("/persone/{code}/documenti/{id}", get(download_document))
}

async fn upload_document(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    Path(code): Path<String>,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Response {
    let language = app::i18n::request_language(&headers);
    let html = wants_html(&headers);
    if !is_network_code(&code) {
        return crate::security::error_text(&AppError::NotFound, language);
    }
    let result = async {
        let pace = state.settings.upload_pace;
        let ctx = app::auth::ssr::context_for(state, session, &headers).await?;
        let user = ctx.user()?;
        // Refused before the body is read: only the front line keeps a person's papers.
        if !user.has_any_role(app::people::access::TEAM_ROLES) {
            let event = AuditEvent::new(Some(user), "path.documents.add", "person")
                .object(code.trim().to_uppercase());
            return Err(deny_alone(&ctx.db, ctx.request_id(), event).await);
        }
        let mut multipart = multipart.map_err(|_| AppError::BadRequest)?;
        let form = read_form(&mut multipart, pace).await?;
        let described = DocumentForm::from_parts(
            form.fields
                .iter()
                .map(|(name, value)| (name.as_str(), value.as_str())),
        );
        // Every problem at once: the description's and the file's.
        let valid = described.validate(app::kernel::clock::today());
        let checked = check_upload(&form.file_name, &form.bytes);
        let (valid, checked) = match (valid, checked) {
            (Ok(valid), Ok(checked)) => (valid, checked),
            (
                Err(AppError::Invalid { mut problems }),
                Err(AppError::Invalid { problems: more }),
            ) => {
                problems.extend(more);
                return Err(AppError::Invalid { problems });
            }
            (Err(error), _) | (_, Err(error)) => return Err(error),
        };
        add_document(&ctx, &code, checked, form.bytes, valid).await
    }
    .await;
    let page = documents_path(&code);
    match (result, html) {
        (Ok(_), true) => to_page(&headers, &page),
        (Ok(id), false) => (
            StatusCode::CREATED,
            axum::Json(serde_json::json!({ "id": id })),
        )
            .into_response(),
        // The page shows the field problems itself; the file has to be chosen again.
        (Err(error), true) => match problems_to_query(&error) {
            Some(problems) => to_page(&headers, &format!("{page}?errore={problems}")),
            None => page_refusal(&headers, &error, language),
        },
        (Err(error), false) => error_json(&error, language),
    }
}

async fn download_document(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    Path((code, id)): Path<(String, String)>,
) -> Response {
    let language = app::i18n::request_language(&headers);
    let (true, Some(id)) = (is_network_code(&code), id_of(&id)) else {
        return crate::security::error_text(&AppError::NotFound, language);
    };
    let result = async {
        let ctx = app::auth::ssr::context_for(state, session, &headers).await?;
        download(&ctx, &code, id).await
    }
    .await;
    match result {
        Ok(file) => file_response(&file.file_name, file.content_type, file.bytes),
        Err(error) => crate::security::error_text(&error, language),
    }
}
