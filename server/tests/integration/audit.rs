use reqwest::StatusCode;
use sea_orm::{ConnectionTrait, EntityTrait, PaginatorTrait};

use crate::helpers::*;
use app::audit::model::AuditPage;
use app::entity::audit_log;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_database_refuses_to_change_or_delete_audit_rows() {
    let app = TestApp::spawn().await;
    app.sign_in("operatrice@anello.test").await;
    let before = audit_log::Entity::find().count(&app.db).await.unwrap();
    assert!(before > 0);
    let update = app
        .db
        .execute_unprepared("UPDATE audit_log SET outcome = 'success'")
        .await;
    assert!(update.is_err(), "UPDATE must be refused on {}", app.backend);
    let delete = app.db.execute_unprepared("DELETE FROM audit_log").await;
    assert!(delete.is_err(), "DELETE must be refused on {}", app.backend);
    assert_eq!(
        audit_log::Entity::find().count(&app.db).await.unwrap(),
        before
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_audit_page_filters_by_who_what_and_outcome_and_pages() {
    let app = TestApp::spawn().await;
    for _ in 0..3 {
        app.try_sign_in("strada@anello.test", "x").await;
    }
    app.sign_in("operatrice@anello.test").await;
    let coordinator = app.sign_in("coordinatrice@anello.test").await;

    let page: AuditPage = app
        .call(
            "audit/entries",
            &[
                ("filter[action]", "auth.sign_in"),
                ("filter[outcome]", "failure"),
            ],
            Some(&coordinator),
        )
        .await;
    assert_eq!(page.total, 3);

    let page: AuditPage = app
        .call(
            "audit/entries",
            &[("filter[actor_email]", "operatrice@")],
            Some(&coordinator),
        )
        .await;
    assert_eq!(page.total, 1);
    assert_eq!(page.entries[0].action, "auth.sign_in");
    assert!(page.entries[0]
        .actor
        .as_deref()
        .unwrap()
        .contains("operatrice@anello.test"));

    let today = chrono::Utc::now().format("%Y-%m-%d").to_string();
    let page: AuditPage = app
        .call(
            "audit/entries",
            &[("filter[from]", &today), ("filter[to]", &today)],
            Some(&coordinator),
        )
        .await;
    assert!(page.total >= 5);
    let page: AuditPage = app
        .call(
            "audit/entries",
            &[("filter[to]", "2000-01-01")],
            Some(&coordinator),
        )
        .await;
    assert_eq!(page.total, 0);
    let response = app
        .call_raw(
            "audit/entries",
            &[("filter[from]", "yesterday")],
            Some(&coordinator),
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

/// Times are shown as a clock in Italy reads them, in the reader's language; the database
/// keeps UTC (the conversion itself is checked against known dates in `kernel::when`).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_audit_page_shows_times_in_italy_in_the_readers_language() {
    let app = TestApp::spawn().await;
    app.sign_in("operatrice@anello.test").await;
    let coordinator = app.sign_in("coordinatrice@anello.test").await;
    let page: AuditPage = app
        .call(
            "audit/entries",
            &[("filter[actor_email]", "operatrice@")],
            Some(&coordinator),
        )
        .await;
    let at = page.entries[0].occurred_at;
    let html = app
        .get("/registro-attivita?chi=operatrice%40", Some(&coordinator))
        .await
        .text()
        .await
        .unwrap();
    let italian = app::kernel::when::moment_text(at, "it");
    assert!(html.contains(&italian), "{italian} not in the page");
    // Rome is one or two hours ahead of UTC: the UTC reading is not on the page.
    let utc = at.format("%d/%m/%Y %H:%M").to_string();
    assert_ne!(utc, italian);
    assert!(!html.contains(&utc), "{utc} (UTC) on the page");
    assert!(!html.contains(" UTC"));

    let english = app
        .client
        .get(app.url("/registro-attivita?chi=operatrice%40"))
        .header("accept", "text/html")
        .header("accept-language", "en-GB,en;q=0.9")
        .header("cookie", &coordinator)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let when = app::kernel::when::moment_text(at, "en");
    assert!(english.contains(&when), "{when} not in the English page");
}
