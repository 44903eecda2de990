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
use axum::extract::multipart::MultipartError;
use axum::extract::{DefaultBodyLimit, Multipart, Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use http::header::{ACCEPT, CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use http::{HeaderMap, HeaderValue, StatusCode};
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use tower_sessions::Session;

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

fn status_of(error: &AppError) -> StatusCode {
    StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

/// An error for clients that are not a page: the JSON every server function answers,
/// with its message in the caller's language.
fn error_json(error: &AppError, language: &str) -> Response {
    let mut json = serde_json::to_value(error).unwrap_or_default();
    json["message"] = serde_json::Value::String(app::i18n::error_text(language, error));
    (status_of(error), axum::Json(json)).into_response()
}

fn wants_html(headers: &HeaderMap) -> bool {
    headers
        .get(ACCEPT)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|accept| accept.contains("text/html"))
}

fn id_of(value: &str) -> Option<i32> {
    value.trim().parse::<i32>().ok().filter(|id| *id > 0)
}

/// The file of the form, read up to one byte past the limit (the rest is not read), as
/// long as it keeps the pace (`UploadPace`: the 30 s limit of other requests does not
/// apply here, `startup::time_limit`).
async fn read_file(
    multipart: &mut Multipart,
    pace: app::state::UploadPace,
) -> Result<(String, Vec<u8>), AppError> {
    let start = tokio::time::Instant::now();
    let too_slow = |_| AppError::invalid("file", app::kernel::error::Problem::UploadTooSlow);
    let too_large = || AppError::invalid("file", app::kernel::error::Problem::FileTooLarge);
    let refuse = |error: MultipartError| {
        if error.status() == StatusCode::PAYLOAD_TOO_LARGE {
            too_large()
        } else {
            AppError::BadRequest
        }
    };
    while let Some(mut field) =
        tokio::time::timeout_at(start + pace.allowed_for(0), multipart.next_field())
            .await
            .map_err(too_slow)?
            .map_err(refuse)?
    {
        if field.name() != Some("file") {
            continue;
        }
        let name = field.file_name().unwrap_or_default().to_string();
        let mut bytes = Vec::new();
        while let Some(chunk) =
            tokio::time::timeout_at(start + pace.allowed_for(bytes.len()), field.chunk())
                .await
                .map_err(too_slow)?
                .map_err(refuse)?
        {
            bytes.extend_from_slice(&chunk);
            if bytes.len() > MAX_ATTACHMENT_BYTES {
                return Err(too_large());
            }
        }
        return Ok((name, bytes));
    }
    Err(AppError::invalid(
        "file",
        app::kernel::error::Problem::Required,
    ))
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
        let (name, bytes) = read_file(&mut multipart, pace).await?;
        attach(&ctx, version, &name, &bytes).await
    }
    .await;
    match (result, html) {
        (Ok(_), true) => Redirect::to(&draft_path(version)).into_response(),
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
            Redirect::to(&format!("{}?errore={code}", draft_path(version))).into_response()
        }
        (Err(error), true) => crate::security::error_text(&error, language),
        (Err(error), false) => error_json(&error, language),
    }
}

/// Characters kept as they are in `filename*` (RFC 8187's attr-char).
const ATTR_CHAR: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'!')
    .remove(b'#')
    .remove(b'$')
    .remove(b'&')
    .remove(b'+')
    .remove(b'-')
    .remove(b'.')
    .remove(b'^')
    .remove(b'_')
    .remove(b'`')
    .remove(b'|')
    .remove(b'~');

/// `attachment` with an ASCII name for old clients and the exact UTF-8 one for the rest.
fn disposition(file_name: &str) -> HeaderValue {
    let ascii: String = file_name
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded = utf8_percent_encode(file_name, ATTR_CHAR);
    HeaderValue::from_str(&format!(
        "attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}"
    ))
    .unwrap_or_else(|_| HeaderValue::from_static("attachment"))
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
        Ok(file) => {
            let mut response = file.bytes.into_response();
            let headers = response.headers_mut();
            headers.insert(CONTENT_TYPE, HeaderValue::from_static(file.content_type));
            headers.insert(CONTENT_DISPOSITION, disposition(&file.file_name));
            headers.insert(
                "x-content-type-options",
                HeaderValue::from_static("nosniff"),
            );
            // Nothing stays in shared caches, and a permission change is never beaten
            // by a cached copy.
            headers.insert(CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
            response
        }
        Err(error) => crate::security::error_text(&error, language),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn download_names_survive_quotes_and_accents() {
        let value = disposition("Scheda \"attività\" 2.pdf");
        assert_eq!(
            value.to_str().unwrap(),
            "attachment; filename=\"Scheda _attivit__ 2.pdf\"; \
             filename*=UTF-8''Scheda%20%22attivit%C3%A0%22%202.pdf"
        );
    }
}
