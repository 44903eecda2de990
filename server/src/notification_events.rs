//! `GET /notifiche/eventi`: the signed-in user's unread notification count, as
//! server-sent events (`event: unread`, data: the count): first her count now, then each
//! new count the process's round finds (`app::notifications::live`). Every page's bar
//! listens, so a handover or a reminder shows without a navigation.

use std::convert::Infallible;

use app::notifications::live::{unread_counts, UnreadChange, UnreadWatch};
use app::state::AppState;
use axum::extract::State;
use axum::response::sse::Event;
use axum::response::Response;
use futures::stream::{self, Stream, StreamExt};
use http::HeaderMap;
use sea_orm::DatabaseConnection;
use tokio::sync::broadcast::error::RecvError;
use tower_sessions::Session;

pub async fn unread_events(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
) -> Response {
    let user =
        match crate::event_streams::allowed_user(&state, &session, &headers, "notifications/list")
            .await
        {
            Ok(user) => user,
            Err(refusal) => return refusal,
        };
    // Watching first: a change between the first count and the watch is not lost.
    let watch = state.unread.watch(user.id);
    let now = unread_counts(&state.db, &[user.id])
        .await
        .ok()
        .map(|counts| counts.get(&user.id).copied().unwrap_or(0));
    let first = stream::iter(now.map(|count| Ok(unread_event(count))));
    crate::event_streams::answer(
        &state,
        first.chain(changes_of(watch, user.id, state.db.clone())),
        "anello_unread_event_streams_open",
    )
}

fn unread_event(count: u64) -> Event {
    Event::default().event("unread").data(count.to_string())
}

/// This user's new counts; the other users' are skipped. A stream too slow to keep up
/// (changes were dropped for it) reads her count again.
fn changes_of(
    watch: UnreadWatch,
    user_id: i32,
    db: DatabaseConnection,
) -> impl Stream<Item = Result<Event, Infallible>> {
    stream::unfold(watch, move |mut watch| {
        let db = db.clone();
        async move {
            loop {
                match watch.changes.recv().await {
                    Ok(UnreadChange {
                        user_id: id,
                        unread,
                    }) if id == user_id => {
                        return Some((Ok(unread_event(unread)), watch));
                    }
                    Ok(_) => {}
                    Err(RecvError::Lagged(_)) => {
                        if let Ok(counts) = unread_counts(&db, &[user_id]).await {
                            let unread = counts.get(&user_id).copied().unwrap_or(0);
                            return Some((Ok(unread_event(unread)), watch));
                        }
                    }
                    Err(RecvError::Closed) => return None,
                }
            }
        }
    })
}
