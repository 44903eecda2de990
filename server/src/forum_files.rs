//! The files of the forum's materials library, as plain routes: a file is neither a form
//! field a server function reads nor JSON.
//!
//! - `POST /forum/materiali/bozze/{version}/allegati` (multipart, field `file`): attaches
//!   a file to the author's draft version. A browser's form post is answered with a
//!   redirect to the draft page (carrying the problem, if any, for the page to show);
//!   any other client gets 201 with the attachment's id, or the error with its 4xx.
//! - `GET /forum/allegati/{id}`: the file, as a download (`Content-Disposition:
//!   attachment`, `nosniff`), to a reader of the category at this moment.
//!
//! Every decision is in `app::forum::materials::ssr`.

use app::forum::materials::model::{draft_path, MAX_ATTACHMENT_BYTES};
use app::forum::materials::ssr::{attach, download};
use app::kernel::error::AppError;
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

/// The routes, with a body limit just above the largest file (the multipart framing and
/// the other fields are small).
pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/forum/materiali/bozze/{version}/allegati",
            post(upload_attachment).layer(DefaultBodyLimit::max(MAX_ATTACHMENT_BYTES + 64 * 1024)),
        )
        .route("/forum/allegati/{id}", get(download_attachment))
}

async fn upload_attachment(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    Path(version): Path<String>,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Response {
    let language = app::i18n::request_language(&headers);
    let html = wants_html(&headers);
    let Some(version) = id_of(&version) else {
        return crate::security::error_text(&AppError::NotFound, language);
    };
    let result = async {
        let pace = state.settings.upload_pace;
        let ctx = app::auth::ssr::context_for(state, session, &headers).await?;
        ctx.user()?;
        let mut multipart = multipart.map_err(|_| AppError::BadRequest)?;
        let form = read_form(&mut multipart, pace).await?;
        attach(&ctx, version, &form.file_name, &form.bytes).await
    }
    .await;
    match (result, html) {
        (Ok(_), true) => to_page(&headers, &draft_path(version)),
        (Ok(id), false) => (
            StatusCode::CREATED,
            axum::Json(serde_json::json!({ "id": id })),
        )
            .into_response(),
        // The page shows a field problem itself; the text typed in the draft is safe on
        // the server already, only the file has to be chosen again.
        (Err(error), true) if error.problem_for("file").is_some() => {
            let problem = error.problem_for("file").map(|problem| {
                serde_json::to_value(problem)
                    .ok()
                    .and_then(|value| value.as_str().map(str::to_string))
                    .unwrap_or_default()
            });
            let code = problem.unwrap_or_default();
            to_page(&headers, &format!("{}?errore={code}", draft_path(version)))
        }
        (Err(error), true) => page_refusal(&headers, &error, language),
        (Err(error), false) => error_json(&error, language),
    }
}

async fn download_attachment(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    let language = app::i18n::request_language(&headers);
    let Some(id) = id_of(&id) else {
        return crate::security::error_text(&AppError::NotFound, language);
    };
    let result = async {
        let ctx = app::auth::ssr::context_for(state, session, &headers).await?;
        download(&ctx, id).await
    }
    .await;
    match result {
        Ok(file) => file_response(&file.file_name, file.content_type, file.bytes),
        Err(error) => crate::security::error_text(&error, language),
    }
}
