//! What the routes that take or give files share (the forum's library, a person's
//! documents): reading a multipart form at the pace of a slow phone, answering a page or
//! a client, and serving a file as a download.

use app::kernel::error::{AppError, Problem};
use app::kernel::files::MAX_FILE_BYTES;
use axum::extract::multipart::MultipartError;
use axum::extract::Multipart;
use axum::response::{IntoResponse, Response};
use http::header::{ACCEPT, CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use http::{HeaderMap, HeaderValue, StatusCode};
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

pub fn status_of(error: &AppError) -> StatusCode {
    StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

/// An error for clients that are not a page: the JSON every server function answers,
/// with its message in the caller's language.
pub fn error_json(error: &AppError, language: &str) -> Response {
    let mut json = serde_json::to_value(error).unwrap_or_default();
    json["message"] = serde_json::Value::String(app::i18n::error_text(language, error));
    (status_of(error), axum::Json(json)).into_response()
}

pub fn wants_html(headers: &HeaderMap) -> bool {
    headers
        .get(ACCEPT)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|accept| accept.contains("text/html"))
}

/// Whether a page's upload asked for its answer as JSON (`app::ui::upload`): sent with
/// its progress shown, it opens the page itself.
pub fn from_progress_form(headers: &HeaderMap) -> bool {
    headers.contains_key(app::ui::upload::PROGRESS_HEADER)
}

/// A page's upload answered: the page to open, as a redirect for a plain form, or as
/// `{"location"}` for the form sent with its progress shown.
pub fn to_page(headers: &HeaderMap, location: &str) -> Response {
    if from_progress_form(headers) {
        axum::Json(serde_json::json!({ "location": location })).into_response()
    } else {
        axum::response::Redirect::to(location).into_response()
    }
}

/// A page's upload refused for no field of its own (403, 409…): the error page for a
/// plain form, the error as JSON (with its message) for the form with its progress.
pub fn page_refusal(headers: &HeaderMap, error: &AppError, language: &str) -> Response {
    if from_progress_form(headers) {
        error_json(error, language)
    } else {
        crate::security::error_text(error, language)
    }
}

pub fn id_of(value: &str) -> Option<i32> {
    value.trim().parse::<i32>().ok().filter(|id| *id > 0)
}

/// What a multipart form brought: its text fields (small, in order) and its file.
pub struct UploadedForm {
    pub fields: Vec<(String, String)>,
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// The longest text field a file form takes (a description, a date, a code), and how
/// many it takes.
const MAX_TEXT_FIELD: usize = 4 * 1024;
const MAX_TEXT_FIELDS: usize = 32;

/// The form's text fields and its file (`file`), the file read up to one byte past
/// `MAX_FILE_BYTES` (the rest is not read), as long as it keeps the pace
/// (`UploadPace`: the 30 s limit of other requests does not apply here,
/// `startup::time_limit`). No file at all is a `Required` problem on `file`.
pub async fn read_form(
    multipart: &mut Multipart,
    pace: app::state::UploadPace,
) -> Result<UploadedForm, AppError> {
    let start = tokio::time::Instant::now();
    let too_slow = |_| AppError::invalid("file", Problem::UploadTooSlow);
    let too_large = || AppError::invalid("file", Problem::FileTooLarge);
    let refuse = |error: MultipartError| {
        if error.status() == StatusCode::PAYLOAD_TOO_LARGE {
            too_large()
        } else {
            AppError::BadRequest
        }
    };
    let mut fields = Vec::new();
    let mut file = None;
    let mut received = 0usize;
    while let Some(mut field) =
        tokio::time::timeout_at(start + pace.allowed_for(received), multipart.next_field())
            .await
            .map_err(too_slow)?
            .map_err(refuse)?
    {
        let name = field.name().unwrap_or_default().to_string();
        if name != "file" {
            if fields.len() >= MAX_TEXT_FIELDS {
                return Err(AppError::BadRequest);
            }
            let mut text = Vec::new();
            while let Some(chunk) =
                tokio::time::timeout_at(start + pace.allowed_for(received), field.chunk())
                    .await
                    .map_err(too_slow)?
                    .map_err(refuse)?
            {
                text.extend_from_slice(&chunk);
                if text.len() > MAX_TEXT_FIELD {
                    return Err(AppError::BadRequest);
                }
            }
            received += text.len();
            // Checked here: the guard against NUL characters leaves multipart bodies alone
            // (a file's bytes have them), and PostgreSQL refuses them in text.
            let text = String::from_utf8(text)
                .ok()
                .filter(|text| !text.contains('\0'))
                .ok_or(AppError::BadRequest)?;
            fields.push((name, text));
            continue;
        }
        if file.is_some() {
            return Err(AppError::BadRequest);
        }
        let file_name = field.file_name().unwrap_or_default().to_string();
        let mut bytes = Vec::new();
        while let Some(chunk) = tokio::time::timeout_at(
            start + pace.allowed_for(received + bytes.len()),
            field.chunk(),
        )
        .await
        .map_err(too_slow)?
        .map_err(refuse)?
        {
            bytes.extend_from_slice(&chunk);
            if bytes.len() > MAX_FILE_BYTES {
                return Err(too_large());
            }
        }
        received += bytes.len();
        file = Some((file_name, bytes));
    }
    let Some((file_name, bytes)) = file else {
        return Err(AppError::invalid("file", Problem::Required));
    };
    Ok(UploadedForm {
        fields,
        file_name,
        bytes,
    })
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
pub fn disposition(file_name: &str) -> HeaderValue {
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

/// A file as a download: its type, `attachment` with its name, `nosniff`, and never
/// kept by a shared cache (a permission change is never beaten by a cached copy).
pub fn file_response(file_name: &str, content_type: &'static str, bytes: Vec<u8>) -> Response {
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(CONTENT_DISPOSITION, disposition(file_name));
    headers.insert(
        "x-content-type-options",
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    response
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
