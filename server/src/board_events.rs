//! `GET /posti-letto/eventi?provincia=…`: the bed board's live updates as server-sent
//! events, for the users who may open the board. Each event is the change as this user's
//! board, with the filter of the query, shows it (`app::beds::ssr::deltas`), numbered;
//! a change her board shows nothing of is not sent. The stream ends when the session's
//! idle time would have run out, and the browser reconnects, so a signed-out or disabled
//! user stops receiving at the latest then.

use std::convert::Infallible;
use std::time::Duration;

use std::sync::Arc;

use app::auth::model::CurrentUser;
use app::auth::policy::{allows, Decision};
use app::beds::live::Update;
use app::beds::model::BoardFilter;
use app::kernel::error::AppError;
use app::state::AppState;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
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

/// The board's filter, named as in the board page's address.
#[derive(Debug, Default, serde::Deserialize)]
pub struct FilterQuery {
    #[serde(default)]
    provincia: String,
    #[serde(default)]
    organizzazione: String,
    #[serde(default)]
    tipo: String,
    #[serde(default)]
    accoglie: String,
    #[serde(default)]
    liberi: String,
}

pub async fn board_events(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    query: Result<Query<FilterQuery>, QueryRejection>,
) -> Response {
    let language = app::i18n::request_language(&headers);
    let refuse = |error: AppError| crate::security::error_text(&error, language);
    let user = match app::auth::ssr::load_current_user(&state.db, &session).await {
        Ok(user) => user,
        Err(error) => return refuse(error),
    };
    let user = match (allows("beds/board", user.as_ref()), user) {
        (Decision::Allowed, Some(user)) => user,
        (Decision::Forbidden, _) => return refuse(AppError::Forbidden),
        (Decision::MustChangePassword, _) => return refuse(AppError::MustChangePassword),
        _ => return refuse(AppError::NotSignedIn),
    };
    let Ok(Query(query)) = query else {
        return refuse(AppError::BadRequest);
    };
    let filter = BoardFilter {
        province: query.provincia,
        organisation: query.organizzazione,
        kind: query.tipo,
        target: query.accoglie,
        free_only: query.liberi,
    };
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
        .chain(board_stream(receiver, user, filter))
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

/// An `event: board` carrying a `BoardEvent`'s JSON (one line: JSON escapes newlines).
fn event_of(seq: u64, json: String) -> Event {
    Event::default()
        .event("board")
        .id(seq.to_string())
        .data(json)
}

/// One open board's stream: what it receives, for whom, and how many events it has had.
struct Listener {
    receiver: broadcast::Receiver<Arc<Update>>,
    user: CurrentUser,
    filter: BoardFilter,
    sent: u64,
}

/// This process's changes as this board shows them, numbered from 1; a change it shows
/// nothing of is skipped, and a reader too slow to keep up is told to reload rather than
/// silently missing changes.
fn board_stream(
    receiver: broadcast::Receiver<Arc<Update>>,
    user: CurrentUser,
    filter: BoardFilter,
) -> impl Stream<Item = Result<Event, Infallible>> {
    let listener = Listener {
        receiver,
        user,
        filter,
        sent: 0,
    };
    stream::unfold(listener, |mut listener| async move {
        loop {
            let update = match listener.receiver.recv().await {
                Ok(update) => update,
                Err(broadcast::error::RecvError::Lagged(_)) => Arc::new(Update::resync()),
                Err(broadcast::error::RecvError::Closed) => return None,
            };
            let seq = listener.sent + 1;
            if let Some(json) = update.event_json_for(&listener.user, &listener.filter, seq) {
                listener.sent = seq;
                return Some((Ok(event_of(seq, json)), listener));
            }
        }
    })
}
