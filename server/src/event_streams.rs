//! What every server-sent event stream shares: who may open it (the policy's decision for
//! a page key, refused with a translated error), and how long it lives. A stream ends when
//! the session's idle time would have run out, and the browser reconnects (so a
//! signed-out or disabled user stops receiving at the latest then), or when this replica
//! begins to stop, with a short reconnect hint so that the browser comes back at once, to
//! another replica or to this one restarted. Open streams are counted in the metrics.

use std::convert::Infallible;
use std::time::Duration;

use app::auth::model::CurrentUser;
use app::auth::policy::{allows, Decision};
use app::kernel::error::AppError;
use app::state::AppState;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use futures::stream::{self, Stream, StreamExt};
use http::HeaderMap;
use tower_sessions::Session;

/// How long the browser waits before reconnecting a closed stream.
const RETRY: Duration = Duration::from_secs(2);
/// The same, when the stream closed because this replica is stopping.
const RECONNECT_AFTER_STOP: Duration = Duration::from_millis(500);

/// The user of the session if the policy lets her open what `key` names; otherwise the
/// translated refusal to answer with.
pub async fn allowed_user(
    state: &AppState,
    session: &Session,
    headers: &HeaderMap,
    key: &str,
) -> Result<CurrentUser, Response> {
    let language = app::i18n::request_language(headers);
    let refuse = |error: AppError| crate::security::error_text(&error, language);
    let user = app::auth::ssr::load_current_user(&state.db, session)
        .await
        .map_err(refuse)?;
    match (allows(key, user.as_ref()), user) {
        (Decision::Allowed, Some(user)) => Ok(user),
        (Decision::Forbidden, _) => Err(refuse(AppError::Forbidden)),
        (Decision::MustChangePassword, _) => Err(refuse(AppError::MustChangePassword)),
        _ => Err(refuse(AppError::NotSignedIn)),
    }
}

/// Counts an open stream in the metrics for as long as it lives.
struct OpenStream(&'static str);

impl OpenStream {
    fn new(gauge: &'static str) -> OpenStream {
        metrics::gauge!(gauge).increment(1.0);
        OpenStream(gauge)
    }
}

impl Drop for OpenStream {
    fn drop(&mut self) {
        metrics::gauge!(self.0).decrement(1.0);
    }
}

/// The answer carrying `events`, bounded by the idle timeout and the replica's stop, and
/// counted in the gauge named `gauge`.
pub fn answer(
    state: &AppState,
    events: impl Stream<Item = Result<Event, Infallible>> + Send + 'static,
    gauge: &'static str,
) -> Response {
    let lifetime = Duration::from_secs(app::auth::ssr::IDLE_TIMEOUT_MINUTES as u64 * 60);
    let opening = stream::once(async {
        Ok::<_, Infallible>(Event::default().retry(RETRY).comment("anello"))
    });
    let shutdown = state.shutdown.clone();
    let ends = async move {
        tokio::select! {
            () = tokio::time::sleep(lifetime) => {}
            () = shutdown.begun() => {}
        }
    };
    let closing = stream::once(async {
        Ok::<_, Infallible>(Event::default().retry(RECONNECT_AFTER_STOP).comment("bye"))
    });
    let open = OpenStream::new(gauge);
    let events = opening
        .chain(events)
        .take_until(ends)
        .chain(closing)
        .map(move |event| {
            let _open = &open;
            event
        });
    let mut response = Sse::new(events)
        .keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
        .into_response();
    // A proxy configured without this stream's own location must not buffer it either.
    response.headers_mut().insert(
        http::HeaderName::from_static("x-accel-buffering"),
        http::HeaderValue::from_static("no"),
    );
    response
}
