//! `GET /posti-letto/eventi?provincia=…`: the bed board's live updates as server-sent
//! events, for the users who may open the board. Each event is the change as this user's
//! board, with the filter of the query, shows it (`app::beds::ssr::deltas`), numbered;
//! a change her board shows nothing of is not sent. The stream ends when the session's
//! idle time would have run out, and the browser reconnects, so a signed-out or disabled
//! user stops receiving at the latest then.

use std::convert::Infallible;

use std::sync::Arc;

use app::auth::model::CurrentUser;
use app::beds::live::Update;
use app::beds::model::BoardFilter;
use app::kernel::error::AppError;
use app::state::AppState;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::response::sse::Event;
use axum::response::Response;
use futures::stream::{self, Stream};
use http::HeaderMap;
use tokio::sync::broadcast;
use tower_sessions::Session;

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
    let user =
        match crate::event_streams::allowed_user(&state, &session, &headers, "beds/board").await {
            Ok(user) => user,
            Err(refusal) => return refusal,
        };
    let Ok(Query(query)) = query else {
        return crate::security::error_text(
            &AppError::BadRequest,
            app::i18n::request_language(&headers),
        );
    };
    let filter = BoardFilter {
        province: query.provincia,
        organisation: query.organizzazione,
        kind: query.tipo,
        target: query.accoglie,
        free_only: query.liberi,
    };
    let receiver = state.events.subscribe();
    crate::event_streams::answer(
        &state,
        board_stream(receiver, user, filter),
        "anello_board_event_streams_open",
    )
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
