//! The category's rules: files follow them at once, and only the network's
//! administrators and coordinators name moderators, never a partner.

use app::forum::materials::model::LibraryPage;
use app::forum::model::SearchPage;
use app::forum::rules::model::{Audience, RulesPage};
use reqwest::StatusCode;

use super::{
    download, last_id, material, new_material, publish, upload_ok, CASE_WORKER, COORDINATOR,
    PARTNER, PNG, TRAINER,
};
use crate::helpers::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn files_follow_the_category_rules_at_once() {
    let app = TestApp::spawn().await;
    let trainer = app.sign_in(TRAINER).await;
    let partner = app.sign_in(PARTNER).await;
    let draft = new_material(
        &app,
        &trainer,
        "indicatori",
        "Schema dei segnali di allarme",
    )
    .await;
    let file = upload_ok(&app, &trainer, draft, "schema.png", PNG).await;
    let response = publish(&app, &trainer, draft, "Lo schema dei segnali.", "", false).await;
    let material_id = last_id(&location(&response));
    let response = download(&app, &partner, file as i64).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["content-type"], "image/png");

    // The coordinator narrows the category to the network's bodies, on the rules page:
    // the partner loses it at once.
    let coordinator = app.sign_in(COORDINATOR).await;
    for (audience, level) in [("kind:implementing_body", "post"), ("all", "none")] {
        let response = app
            .call_raw(
                "admin/forum/rule",
                &[
                    ("category", "indicatori"),
                    ("audience", audience),
                    ("level", level),
                ],
                Some(&coordinator),
            )
            .await;
        assert_eq!(response.status(), StatusCode::OK);
    }
    assert_eq!(
        audit_rows(&app, "indicatori", "forum.rule.set", "success").await,
        2
    );
    let object = file.to_string();
    let before = audit_rows(&app, &object, "forum.denied", "denied").await;
    let response = download(&app, &partner, file as i64).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert!(!response.headers().contains_key("content-disposition"));
    assert_eq!(
        audit_rows(&app, &object, "forum.denied", "denied").await,
        before + 1
    );
    assert_eq!(
        material(&app, &partner, material_id).await.status(),
        StatusCode::FORBIDDEN
    );
    let library: LibraryPage = app
        .call("forum/materials", &[("category", "")], Some(&partner))
        .await;
    assert!(library.materials.iter().all(|m| m.id != material_id));
    let found: SearchPage = app
        .call(
            "forum/search",
            &[("form[q]", "segnali allarme")],
            Some(&partner),
        )
        .await;
    assert!(found.materials.is_empty());
    // The trainer still reads and serves it.
    assert_eq!(
        download(&app, &trainer, file as i64).await.status(),
        StatusCode::OK
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn coordinators_name_moderators_and_partners_cannot_be_named() {
    let app = TestApp::spawn().await;
    let coordinator = app.sign_in(COORDINATOR).await;
    let worker = app.sign_in(CASE_WORKER).await;
    let worker_id = app.user_id(CASE_WORKER).await.to_string();
    let partner_id = app.user_id(PARTNER).await.to_string();
    // Only the network's administrators and coordinators reach the rules.
    assert_eq!(
        app.call_raw("admin/forum", &[], Some(&worker))
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    let page: RulesPage = app.call("admin/forum", &[], Some(&coordinator)).await;
    let minors = page
        .categories
        .iter()
        .find(|category| category.code == "minori")
        .unwrap();
    assert!(minors
        .rules
        .iter()
        .all(|rule| rule.audience != Audience::Everyone));
    assert!(page
        .candidates
        .iter()
        .all(|(id, _)| id.to_string() != partner_id));

    // A partner named moderator would read the minors' category: refused.
    let refused = app
        .call_raw(
            "admin/forum/moderator",
            &[("category", "minori"), ("user", &partner_id), ("on", "1")],
            Some(&coordinator),
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        problem(&json(refused).await, "user").as_deref(),
        Some("role_not_allowed")
    );

    // A case worker named moderator of the training category may publish materials there.
    let named = app
        .call_raw(
            "admin/forum/moderator",
            &[
                ("category", "formazione"),
                ("user", &worker_id),
                ("on", "1"),
            ],
            Some(&coordinator),
        )
        .await;
    assert_eq!(named.status(), StatusCode::OK);
    new_material(&app, &worker, "formazione", "Materiale della moderatrice").await;
    let taken_back = app
        .call_raw(
            "admin/forum/moderator",
            &[
                ("category", "formazione"),
                ("user", &worker_id),
                ("on", "0"),
            ],
            Some(&coordinator),
        )
        .await;
    assert_eq!(taken_back.status(), StatusCode::OK);
    let refused = app
        .call_raw(
            "forum/materials/new",
            &[
                ("form[category]", "formazione"),
                ("form[title]", "Un altro materiale"),
                ("form[body]", "Testo"),
            ],
            Some(&worker),
        )
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        audit_rows(&app, "formazione", "forum.moderator.add", "success").await,
        1
    );
}
