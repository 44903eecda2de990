//! `GET /posti-letto/eventi`: the bed board's live updates as server-sent events, for the
//! users who may open the board. Events say only what kind of change happened; the board
//! then reloads what its user may see. The stream ends when the session's idle time
//! would have run out, and the browser reconnects, so a signed-out or disabled user stops
//! receiving at the latest then.

use std::convert::Infallible;
use std::time::Duration;

use app::auth::policy::{allows, Decision};
use app::beds::live::BoardEvent;
use app::kernel::error::AppError;
use app::state::AppState;
use axum::extract::State;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use futures::stream::{self, Stream, StreamExt};
use http::HeaderMap;
use tokio::sync::broadcast;
use tower_sessions::Session;

/// How long the browser waits before reconnecting a closed stream.
const RETRY: Duration = Duration::from_secs(2);
/// The same, when the stream closed because this replica is stopping.
const RECONNECT_AFTER_STOP: Duration = Duration::from_millis(500);

/// Counts an open stream in the metrics for as long as it lives.
struct OpenStream;

impl OpenStream {
    fn new() -> OpenStream {
        metrics::gauge!("anello_board_event_streams_open").increment(1.0);
        OpenStream
    }
}

impl Drop for OpenStream {
    fn drop(&mut self) {
        metrics::gauge!("anello_board_event_streams_open").decrement(1.0);
    }
}

pub async fn board_events(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
) -> Response {
    let language = app::i18n::request_language(&headers);
    let refuse = |error: AppError| crate::security::error_text(&error, language);
    let user = match app::auth::ssr::load_current_user(&state.db, &session).await {
        Ok(user) => user,
        Err(error) => return refuse(error),
    };
    match allows("beds/board", user.as_ref()) {
        Decision::Allowed => {}
        Decision::NotSignedIn => return refuse(AppError::NotSignedIn),
        Decision::Forbidden => return refuse(AppError::Forbidden),
    }
    let receiver = state.events.subscribe();
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
    // When this replica stops, the stream ends with a short reconnect hint: the browser
    // comes back at once, to another replica or to this one restarted.
    let closing = stream::once(async {
        Ok::<_, Infallible>(Event::default().retry(RECONNECT_AFTER_STOP).comment("bye"))
    });
    let open = OpenStream::new();
    let events = opening
        .chain(board_stream(receiver))
        .take_until(ends)
        .chain(closing)
        .map(move |event| {
            let _open = &open;
            event
        });
    Sse::new(events)
        .keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
        .into_response()
}

fn event_of(event: &BoardEvent) -> Event {
    Event::default()
        .event("board")
        .json_data(event)
        .unwrap_or_else(|_| Event::default().event("board").data("{}"))
}

/// The announcements of this process as SSE events; a reader too slow to keep up is
/// told to reload rather than silently missing changes.
fn board_stream(
    receiver: broadcast::Receiver<BoardEvent>,
) -> impl Stream<Item = Result<Event, Infallible>> {
    stream::unfold(receiver, |mut receiver| async move {
        let event = match receiver.recv().await {
            Ok(event) => event,
            Err(broadcast::error::RecvError::Lagged(_)) => BoardEvent {
                change: app::beds::live::BoardChange::Resync,
            },
            Err(broadcast::error::RecvError::Closed) => return None,
        };
        Some((Ok(event_of(&event)), receiver))
    })
}
