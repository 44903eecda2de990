//! The personal-data guard holds a version until its author confirms.

use app::forum::materials::model::VersionDraftPage;
use app::forum::model::FindingKind;
use reqwest::StatusCode;

use super::{new_material, publish, upload_ok, PDF, TRAINER};
use crate::helpers::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_guard_holds_a_version_until_its_author_confirms() {
    let app = TestApp::spawn().await;
    let trainer = app.sign_in(TRAINER).await;
    let draft = new_material(
        &app,
        &trainer,
        "formazione",
        "Contatti utili per la formazione",
    )
    .await;
    upload_ok(&app, &trainer, draft, "elenco.pdf", PDF).await;
    let text = "Per iscriversi chiamare il 333 123 4567.";
    let held = publish(&app, &trainer, draft, text, "", false).await;
    assert_eq!(held.status(), StatusCode::OK);
    assert_eq!(location(&held), format!("/forum/materiali/bozze/{draft}"));
    let page: VersionDraftPage = app
        .call(
            "forum/materials/draft",
            &[("id", &draft.to_string())],
            Some(&trainer),
        )
        .await;
    assert_eq!(page.findings[0].kind, FindingKind::Phone);
    assert_eq!(page.body, text, "the text is kept as written");
    let published = publish(&app, &trainer, draft, text, "", true).await;
    assert!(location(&published).starts_with("/forum/materiali/"));
    assert!(!location(&published).contains("bozze"));
}
