//! Search: Italian forms without accents, and only what the reader may read.

use app::forum::model::SearchPage;
use reqwest::StatusCode;
use serde_json::Value;

use super::{demo_thread, last_id, new_thread, reply, CASE_WORKER, COORDINATOR, PARTNER};
use crate::helpers::*;

/// The search form's fields as the page sends them: `form[q]`, `form[tag]`…
fn form_of(fields: &[(&str, &str)]) -> Vec<(String, String)> {
    fields
        .iter()
        .map(|(key, value)| (format!("form[{key}]"), value.to_string()))
        .collect()
}

/// A search the reader may run: its results.
async fn search(app: &TestApp, cookie: &str, fields: &[(&str, &str)]) -> SearchPage {
    let form = form_of(fields);
    let form: Vec<(&str, &str)> = form
        .iter()
        .map(|(key, value)| (key.as_str(), value.as_str()))
        .collect();
    app.call("forum/search", &form, Some(cookie)).await
}

/// A search that is refused: the status and the problem's body.
async fn refused(app: &TestApp, cookie: &str, fields: &[(&str, &str)]) -> (StatusCode, Value) {
    let form = form_of(fields);
    let form: Vec<(&str, &str)> = form
        .iter()
        .map(|(key, value)| (key.as_str(), value.as_str()))
        .collect();
    let response = app.call_raw("forum/search", &form, Some(cookie)).await;
    let status = response.status();
    (status, json(response).await)
}

fn hit_posts(page: &SearchPage) -> Vec<i32> {
    page.hits.iter().map(|hit| hit.post_id).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn search_finds_italian_forms_without_accents_and_only_what_the_reader_may_read() {
    let app = TestApp::spawn().await;
    let worker = app.sign_in(CASE_WORKER).await;
    let partner = app.sign_in(PARTNER).await;
    let coordinator = app.sign_in(COORDINATOR).await;
    let harvest = demo_thread(&app, "Stagione della raccolta").await;

    let response = reply(
        &app,
        &worker,
        harvest,
        "Molte donne sfruttate nei campi: perché la città non interviene?",
    )
    .await;
    let visible = last_id(&location(&response));
    let response = new_thread(
        &app,
        &worker,
        "minori",
        "Ragazzi sfruttati nelle consegne",
        "Li usano come corrieri, in cambio di un posto letto.",
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK, "on {}", app.backend);

    // Italian stemming: "sfruttamento" finds "sfruttate"; the minors' thread stays out of
    // the partner's results and in the case worker's.
    let page = search(&app, &partner, &[("q", "sfruttamento")]).await;
    assert_eq!(hit_posts(&page), [visible], "partner on {}", app.backend);
    let marked: Vec<&str> = page.hits[0]
        .snippet
        .iter()
        .filter(|piece| piece.1)
        .map(|piece| piece.0.as_str())
        .collect();
    assert_eq!(marked, ["sfruttate"]);
    let page = search(&app, &worker, &[("q", "sfruttamento")]).await;
    assert_eq!(hit_posts(&page).len(), 2, "case worker on {}", app.backend);

    // Accents do not matter, either way.
    let page = search(&app, &partner, &[("q", "citta perche")]).await;
    assert_eq!(hit_posts(&page), [visible], "accents on {}", app.backend);

    // Filters: tag, author, category (one she may not read is refused like an unknown one).
    let page = search(&app, &partner, &[("q", "sfruttate"), ("tag", "CN")]).await;
    assert_eq!(hit_posts(&page), [visible]);
    let page = search(&app, &partner, &[("q", "sfruttate"), ("tag", "TO")]).await;
    assert!(hit_posts(&page).is_empty());
    let page = search(
        &app,
        &partner,
        &[("q", "sfruttate"), ("author", "@sara.colombo")],
    )
    .await;
    assert_eq!(hit_posts(&page), [visible]);
    let page = search(
        &app,
        &partner,
        &[("q", "sfruttate"), ("author", "laura.ferrero")],
    )
    .await;
    assert!(hit_posts(&page).is_empty());
    let (status, body) = refused(
        &app,
        &partner,
        &[("q", "sfruttate"), ("category", "minori")],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        problem(&body, "category").as_deref(),
        Some("unknown_choice")
    );
    let (status, body) = refused(&app, &partner, &[("q", "sfruttate"), ("from", "ieri")]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(problem(&body, "from").as_deref(), Some("invalid_date"));

    // A hidden post is found no more; an edit is found by its new words.
    let response = app
        .call_raw(
            "forum/posts/edit",
            &[
                ("post", &visible.to_string()),
                ("body", "Molte donne sfruttate nei frutteti."),
            ],
            Some(&worker),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let page = search(&app, &partner, &[("q", "frutteto")]).await;
    assert_eq!(hit_posts(&page), [visible], "edit on {}", app.backend);
    let page = search(&app, &partner, &[("q", "citta")]).await;
    assert!(hit_posts(&page).is_empty(), "old words on {}", app.backend);
    let response = app
        .call_raw(
            "forum/moderate/post",
            &[
                ("post", &visible.to_string()),
                ("action", "hide"),
                ("note", ""),
                ("back", ""),
            ],
            Some(&coordinator),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let page = search(&app, &partner, &[("q", "sfruttamento")]).await;
    assert!(hit_posts(&page).is_empty(), "hidden on {}", app.backend);
}
