//! `GET /azioni-di-sistema/{event}/attestati/{participant}.pdf`: a certificate of
//! attendance, for the participant herself or the event's organisers. A plain route
//! because the answer is a file; who may download which, and the audit row, are decided
//! in `app::network::ssr::certificate_of`.

use app::auth::policy::Decision;
use app::kernel::error::AppError;
use app::state::AppState;
use axum::extract::{Path, State};
use axum::response::Response;
use http::HeaderMap;
use tower_sessions::Session;

use crate::uploads::{file_response, id_of};

pub async fn download_certificate(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    Path((event, file)): Path<(String, String)>,
) -> Response {
    let language = app::i18n::request_language(&headers);
    let refuse = |error: AppError| crate::security::error_text(&error, language);
    let (Some(event), Some(participant)) =
        (id_of(&event), file.strip_suffix(".pdf").and_then(id_of))
    else {
        return refuse(AppError::NotFound);
    };
    let ctx = match app::auth::ssr::context_for(state, session, &headers).await {
        Ok(ctx) => ctx,
        Err(error) => return refuse(error),
    };
    match app::auth::policy::allows("network/event", ctx.user.as_ref()) {
        Decision::Allowed => {}
        Decision::NotSignedIn => return refuse(AppError::NotSignedIn),
        Decision::Forbidden => return refuse(AppError::Forbidden),
        Decision::MustChangePassword => return refuse(AppError::MustChangePassword),
    }
    match app::network::ssr::certificate_of(&ctx, event, participant).await {
        Ok(certificate) => file_response(
            &format!("attestato-{}.pdf", certificate.number),
            "application/pdf",
            app::network::certificate::certificate_pdf(&certificate),
        ),
        Err(error) => refuse(error),
    }
}
