//! The knowledge forum: who reads and writes where, the path of a post from the
//! personal-data guard through review to publication, accepted answers, locks, hiding,
//! edit history for moderators, mentions and replies told to the people concerned, and
//! XSS payloads rendered inert in the page.

mod access;
mod answers;
mod guard;
mod moderation;
mod search;
mod xss;

use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::Value;

use crate::helpers::*;
use app::forum::model::ThreadPage;

pub(super) const PARTNER: &str = "partner@anello.test";
pub(super) const TRAINER: &str = "formatrice@anello.test";
pub(super) const CASE_WORKER: &str = "operatrice@anello.test";
pub(super) const COORDINATOR: &str = "coordinatrice@anello.test";

/// The id at the end of a path like `/forum/discussioni/7#messaggio-12` (the post) or
/// `/forum/bozze/12`.
pub(super) fn last_id(path: &str) -> i32 {
    path.rsplit(['/', '-'])
        .next()
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("no id in {path:?}"))
}

pub(super) fn thread_of(path: &str) -> i32 {
    path.trim_start_matches("/forum/discussioni/")
        .split('#')
        .next()
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("no thread in {path:?}"))
}

pub(super) async fn new_thread(
    app: &TestApp,
    cookie: &str,
    category: &str,
    title: &str,
    body: &str,
) -> reqwest::Response {
    app.call_raw(
        "forum/threads/new",
        &[
            ("form[category]", category),
            ("form[title]", title),
            ("form[body]", body),
        ],
        Some(cookie),
    )
    .await
}

pub(crate) async fn reply(
    app: &TestApp,
    cookie: &str,
    thread: i32,
    body: &str,
) -> reqwest::Response {
    app.call_raw(
        "forum/replies/new",
        &[("thread", &thread.to_string()), ("body", body)],
        Some(cookie),
    )
    .await
}

pub(super) async fn thread(app: &TestApp, cookie: &str, id: i32) -> (StatusCode, Value) {
    let response = app
        .call_raw(
            "forum/thread",
            &[("id", &id.to_string()), ("quote", "")],
            Some(cookie),
        )
        .await;
    let status = response.status();
    (status, json(response).await)
}

/// A thread's page as the reader's browser receives it.
pub(super) async fn thread_page(app: &TestApp, cookie: &str, id: i32) -> ThreadPage {
    app.call(
        "forum/thread",
        &[("id", &id.to_string()), ("quote", "")],
        Some(cookie),
    )
    .await
}

pub(crate) async fn demo_thread(app: &TestApp, title_start: &str) -> i32 {
    use app::entity::forum_threads;
    forum_threads::Entity::find()
        .filter(forum_threads::Column::Title.starts_with(title_start))
        .one(&app.db)
        .await
        .unwrap()
        .expect("demo thread")
        .id
}
