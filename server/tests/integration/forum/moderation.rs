//! New users' posts wait for review; moderators hide, lock and read the edit history.

use app::forum::model::{ModerationAction, ModerationPage};
use reqwest::StatusCode;

use super::{demo_thread, last_id, reply, thread, thread_page, CASE_WORKER, COORDINATOR};
use crate::helpers::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn new_users_wait_for_review_and_moderators_hide_lock_and_see_history() {
    let app = TestApp::spawn().await;
    let coordinator = app.sign_in(COORDINATOR).await;
    let worker = app.sign_in(CASE_WORKER).await;
    // The outreach worker has posted in the demo; a Cuneo reception manager has not.
    let newcomer = app.sign_in("accoglienza.cuneo@anello.test").await;
    let id = demo_thread(&app, "Conversione del permesso").await;

    let response = reply(&app, &newcomer, id, "Anche a Cuneo chiedono il contratto.").await;
    let post = last_id(&location(&response));
    let (_, page) = thread(&app, &worker, id).await;
    assert!(
        !page.to_string().contains("Anche a Cuneo"),
        "a first post waits for review on {}",
        app.backend
    );
    let queue: ModerationPage = app.call("forum/moderation", &[], Some(&coordinator)).await;
    assert_eq!(queue.pending[0].post_id, post);
    let moderate = |post: i32, action: &'static str| {
        let app = &app;
        let coordinator = coordinator.clone();
        async move {
            app.call_raw(
                "forum/moderate/post",
                &[
                    ("post", &post.to_string()),
                    ("action", action),
                    ("note", ""),
                    ("back", "coda"),
                ],
                Some(&coordinator),
            )
            .await
            .status()
        }
    };
    // Only moderators moderate.
    let response = app
        .call_raw(
            "forum/moderate/post",
            &[
                ("post", &post.to_string()),
                ("action", "approve"),
                ("note", ""),
                ("back", ""),
            ],
            Some(&worker),
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_eq!(moderate(post, "approve").await, StatusCode::OK);
    let (_, page) = thread(&app, &worker, id).await;
    assert!(page.to_string().contains("Anche a Cuneo"));

    // The author edits; the moderator sees the earlier text, the others do not.
    let response = app
        .call_raw(
            "forum/posts/edit",
            &[
                ("post", &post.to_string()),
                ("body", "A Cuneo chiedono il contratto firmato."),
            ],
            Some(&newcomer),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK, "on {}", app.backend);
    let page = thread_page(&app, &coordinator, id).await;
    let edited = page.posts.iter().find(|p| p.id == post).unwrap();
    assert_eq!(
        edited.revisions[0].body,
        "Anche a Cuneo chiedono il contratto."
    );
    let (_, page) = thread(&app, &worker, id).await;
    assert!(!page.to_string().contains("Anche a Cuneo"));

    // A flagged post reaches the queue; hiding it empties the body for readers.
    let response = app
        .call_raw(
            "forum/flag",
            &[
                ("post", &post.to_string()),
                ("reason", "Dettagli sulla Questura"),
            ],
            Some(&worker),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let queue: ModerationPage = app.call("forum/moderation", &[], Some(&coordinator)).await;
    assert_eq!(queue.flagged[0].post_id, post);
    assert_eq!(moderate(post, "hide").await, StatusCode::OK);
    let page = thread_page(&app, &worker, id).await;
    let hidden = page.posts.iter().find(|p| p.id == post).unwrap();
    assert!(hidden.hidden);
    assert_eq!(hidden.html, "");

    // A locked thread takes no replies.
    let response = app
        .call_raw(
            "forum/moderate/thread",
            &[
                ("thread", &id.to_string()),
                ("action", "lock"),
                ("category", ""),
                ("note", "Chiusa"),
            ],
            Some(&coordinator),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let response = reply(&app, &worker, id, "Un'altra risposta").await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    let queue: ModerationPage = app.call("forum/moderation", &[], Some(&coordinator)).await;
    let actions: Vec<ModerationAction> = queue.log.iter().map(|row| row.action).collect();
    assert_eq!(
        actions,
        [
            ModerationAction::Lock,
            ModerationAction::Hide,
            ModerationAction::Approve,
        ],
        "on {}",
        app.backend
    );
}
