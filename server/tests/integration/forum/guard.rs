//! The personal-data guard: a post held on a draft until its author confirms.

use reqwest::StatusCode;

use super::{demo_thread, last_id, reply, thread, CASE_WORKER, PARTNER};
use crate::helpers::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn personal_data_is_held_on_a_draft_until_the_author_confirms() {
    let app = TestApp::spawn().await;
    let worker = app.sign_in(CASE_WORKER).await;
    let partner = app.sign_in(PARTNER).await;
    let id = demo_thread(&app, "Quali indicatori").await;

    let text = "La ragazza è da noi in Pronta accoglienza Aurora, chiamate il 347 123 4567.";
    let response = reply(&app, &worker, id, text).await;
    assert_eq!(response.status(), StatusCode::OK, "on {}", app.backend);
    let draft_path = location(&response);
    assert!(draft_path.starts_with("/forum/bozze/"), "{draft_path}");
    let post = last_id(&draft_path).to_string();

    // Nobody else sees the held text, in the page or in the data.
    let (_, page) = thread(&app, &partner, id).await;
    assert!(!page.to_string().contains("347 123 4567"));
    let html = app
        .get(&format!("/forum/discussioni/{id}"), Some(&partner))
        .await
        .text()
        .await
        .unwrap();
    assert!(!html.contains("347 123 4567"));
    let response = app
        .call_raw("forum/drafts", &[("post", &post)], Some(&partner))
        .await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);

    let draft = json(
        app.call_raw("forum/drafts", &[("post", &post)], Some(&worker))
            .await,
    )
    .await;
    let kinds: Vec<&str> = draft["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|finding| finding["kind"].as_str())
        .collect();
    assert_eq!(kinds, ["Phone", "Structure"], "on {}", app.backend);

    // Publishing unchanged without the tick (an unticked box sends nothing) keeps it a
    // draft.
    let response = app
        .call_raw(
            "forum/drafts/publish",
            &[("post", &post), ("body", text)],
            Some(&worker),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK, "on {}", app.backend);
    assert!(location(&response).starts_with("/forum/bozze/"));
    // Edited to remove the data, it goes out.
    let response = app
        .call_raw(
            "forum/drafts/publish",
            &[
                ("post", &post),
                ("body", "Abbiamo accolto una persona con questi indicatori."),
                ("confirm", ""),
            ],
            Some(&worker),
        )
        .await;
    assert!(location(&response).starts_with("/forum/discussioni/"));
    let (_, page) = thread(&app, &partner, id).await;
    assert!(page.to_string().contains("Abbiamo accolto una persona"));
    assert!(!page.to_string().contains("Aurora"));
}
