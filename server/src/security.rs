//! Request protection applied to every response: security headers with a per-response CSP nonce, and no caching of pages.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::header::{
    CACHE_CONTROL, CONTENT_SECURITY_POLICY, CONTENT_TYPE, REFERRER_POLICY,
    STRICT_TRANSPORT_SECURITY, X_CONTENT_TYPE_OPTIONS, X_FRAME_OPTIONS,
};
use http::{HeaderValue, StatusCode};
use rand::RngCore;

use app::kernel::error::AppError;
use app::CspNonce;

#[derive(Clone, Debug)]
pub struct SecurityConfig {
    pub secure: bool,
}

/// A translated error as plain text, for answers that are files or streams (CSV, exports,
/// attachments, the board's event stream, unsubscribing) rather than pages or JSON.
pub fn error_text(error: &AppError, language: &str) -> Response {
    (
        StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
        [(http::header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        app::i18n::error_text(language, error),
    )
        .into_response()
}

/// A translated error answer outside Leptos: JSON for API clients, text otherwise.
pub fn error_response(error: &AppError, language: &str, headers: &http::HeaderMap) -> Response {
    let status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::BAD_REQUEST);
    let message = app::i18n::error_text(language, error);
    let wants_json = headers
        .get(http::header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("application/json"));
    if wants_json {
        let mut body = serde_json::to_value(error).unwrap_or_default();
        body["message"] = serde_json::Value::String(message);
        (status, axum::Json(body)).into_response()
    } else {
        (
            status,
            [(CONTENT_TYPE, "text/plain; charset=utf-8")],
            message,
        )
            .into_response()
    }
}

fn new_nonce() -> String {
    let mut bytes = [0u8; 16];
    rand::thread_rng().fill_bytes(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The icon may be cached by the browser (revalidated); the assets under /pkg set their
/// own policy; everything else is a page or an answer that may carry personal data and
/// must never be stored.
fn is_static_asset(path: &str) -> bool {
    path == "/favicon.svg" || path == "/favicon.ico"
}

/// The fonts of `style/assets/fonts` carry their version in their names: a phone keeps
/// them for a year instead of fetching 60 KiB again on every visit.
fn is_versioned_font(path: &str) -> bool {
    path.starts_with("/fonts/") && path.ends_with(".woff2")
}

pub async fn security_headers(
    State(config): State<SecurityConfig>,
    mut request: Request,
    next: Next,
) -> Response {
    let nonce = new_nonce();
    request.extensions_mut().insert(CspNonce(nonce.clone()));
    let path = request.uri().path().to_string();
    let mut response = next.run(request).await;
    let served = response.status().is_success();
    let headers = response.headers_mut();
    let csp = format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; \
         object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    );
    if let Ok(value) = HeaderValue::from_str(&csp) {
        headers.insert(CONTENT_SECURITY_POLICY, value);
    }
    headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    headers.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    headers.insert(
        "permissions-policy",
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), payment=()"),
    );
    if config.secure {
        headers.insert(
            STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    if headers.contains_key(CACHE_CONTROL) {
        // The assets under /pkg say how long they keep.
    } else if is_versioned_font(&path) && served {
        headers.insert(
            CACHE_CONTROL,
            HeaderValue::from_static("public, max-age=31536000, immutable"),
        );
    } else if is_static_asset(&path) {
        headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    } else {
        headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

/// The answer to a request whose handler panicked: a 500 in both languages (the request's
/// language is not known here), with the request id added on the way out, so that the
/// person can quote it and the log line of the panic can be found.
pub fn panic_response(_panic: Box<dyn std::any::Any + Send + 'static>) -> Response {
    // The panic's message was already printed by the panic hook; it is not repeated here,
    // where it might carry a request's data into a log collector.
    tracing::error!("a request handler panicked");
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        [(CONTENT_TYPE, "text/plain; charset=utf-8")],
        "Errore interno: la richiesta non è stata completata. Riprova; se il problema \
         continua, comunica all'assistenza l'identificativo della richiesta (X-Request-Id).\n\
         Internal error: the request was not completed. Try again; if it keeps happening, \
         give support the request id (X-Request-Id).\n",
    )
        .into_response()
}

/// Drops a request id sent by the client: the id written to the audit trail is always
/// generated here, so nobody can forge or overlong it.
pub async fn server_request_ids_only(mut request: Request, next: Next) -> Response {
    request.headers_mut().remove("x-request-id");
    next.run(request).await
}

/// A fresh cell for the signed-in user of this request, in the request's own extensions
/// (`app::auth::ssr::RequestUser`: why not a context).
pub async fn request_user_cell(mut request: Request, next: Next) -> Response {
    request
        .extensions_mut()
        .insert(app::auth::ssr::RequestUser::default());
    next.run(request).await
}

/// The absolute (12 h) and idle (30 min) session timeouts, after the session layer. The
/// event streams every page reopens by itself are not activity.
pub async fn session_lifetime(
    session: tower_sessions::Session,
    request: Request<Body>,
    next: Next,
) -> Response {
    let path = request.uri().path();
    let activity = path != app::beds::live::EVENTS_PATH
        && path != app::notifications::live::UNREAD_EVENTS_PATH;
    if let Err(error) = app::auth::ssr::enforce_session_lifetime(&session, activity).await {
        tracing::error!(%error, "session lifetime check failed");
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    }
    next.run(request).await
}

/// The largest form or JSON body read whole to look for NUL characters.
const MAX_FORM_BODY: usize = 2 * 1024 * 1024;

/// A NUL character has no place in any text of Anello, and PostgreSQL refuses it in a
/// string (the request then failed with a 500: the fuzz test found it in an e-mail at
/// sign-in). It is refused here, once for every page and function, with a translated
/// 400: in the path or query (`%00`), and in form and JSON bodies (`%00`, `\u0000`).
/// Files (multipart uploads) are bytes and pass untouched.
pub async fn refuse_nul_characters(request: Request, next: Next) -> Response {
    let language = app::i18n::request_language(request.headers());
    let refuse =
        |headers: &http::HeaderMap| error_response(&AppError::BadRequest, language, headers);
    let target = request
        .uri()
        .path_and_query()
        .map(|target| target.as_str().to_ascii_lowercase())
        .unwrap_or_default();
    if target.contains("%00") {
        return refuse(request.headers());
    }
    let content_type = request
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
        .to_ascii_lowercase();
    let textual = content_type.starts_with("application/x-www-form-urlencoded")
        || content_type.starts_with("application/json");
    if !textual {
        return next.run(request).await;
    }
    let (parts, body) = request.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_FORM_BODY).await else {
        return refuse(&parts.headers);
    };
    let has_nul = bytes.contains(&0)
        || bytes.windows(3).any(|w| w.eq_ignore_ascii_case(b"%00"))
        || bytes.windows(6).any(|w| w.eq_ignore_ascii_case(b"\\u0000"));
    if has_nul {
        return refuse(&parts.headers);
    }
    next.run(Request::from_parts(parts, Body::from(bytes)))
        .await
}

/// Error answers of server functions, made clear for every client: Leptos answers a
/// function whose arguments cannot be read with a 500, which is the client's mistake and
/// becomes a 400; and the JSON error gains a `message` in the caller's language (the pages
/// translate the code themselves; scripts and integrations read the message).
pub async fn explain_api_errors(request: Request, next: Next) -> Response {
    let is_api = request.uri().path().starts_with("/api/");
    let language = app::i18n::request_language(request.headers());
    let response = next.run(request).await;
    if !is_api || !response.headers().contains_key("serverfnerror") {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let bytes = axum::body::to_bytes(body, 256 * 1024)
        .await
        .unwrap_or_default();
    let Ok(error) = serde_json::from_slice::<AppError>(&bytes) else {
        return Response::from_parts(parts, Body::from(bytes));
    };
    if error == AppError::BadRequest && parts.status == StatusCode::INTERNAL_SERVER_ERROR {
        parts.status = StatusCode::BAD_REQUEST;
    }
    let mut json = serde_json::to_value(&error).unwrap_or_default();
    json["message"] = serde_json::Value::String(app::i18n::error_text(language, &error));
    parts.headers.remove(http::header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(json.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_assets_are_cacheable() {
        assert!(is_static_asset("/favicon.svg"));
        assert!(is_versioned_font(
            "/fonts/titillium-web-5.3.0-latin-400-normal.woff2"
        ));
        assert!(!is_versioned_font("/fonts/../api/admin/users"));
        assert!(!is_static_asset("/amministrazione/utenti"));
        assert!(!is_static_asset("/api/admin/users"));
    }
}
