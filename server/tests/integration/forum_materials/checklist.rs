//! The indicator checklist as a material, its versions from the checklist editor.

use app::forum::materials::model::{LibraryPage, MaterialPage};
use app::forum::model::SearchPage;
use app::notifications::model::NotificationKind;
use reqwest::StatusCode;

use super::{kinds, notifications, PARTNER, TRAINER};
use crate::helpers::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_indicator_checklist_is_a_material_with_its_versions() {
    let app = TestApp::spawn().await;
    let trainer = app.sign_in(TRAINER).await;
    let partner = app.sign_in(PARTNER).await;
    let library: LibraryPage = app
        .call(
            "forum/materials",
            &[("category", "indicatori")],
            Some(&partner),
        )
        .await;
    let checklist = library
        .materials
        .iter()
        .find(|m| m.checklist)
        .unwrap_or_else(|| panic!("no checklist in {library:?}"));
    assert_eq!(checklist.number, 1);
    let id = checklist.id;
    let watch = app
        .call_raw(
            "forum/materials/watch",
            &[("material", &id.to_string()), ("on", "1")],
            Some(&partner),
        )
        .await;
    assert_eq!(watch.status(), StatusCode::OK);
    // Its versions come from the checklist editor, not from the library.
    let refused = app
        .call_raw(
            "forum/materials/versions/new",
            &[("material", &id.to_string())],
            Some(&trainer),
        )
        .await;
    assert_eq!(refused.status(), StatusCode::CONFLICT);

    assert_eq!(
        app.call_raw("people/checklists/draft", &[], Some(&trainer))
            .await
            .status(),
        StatusCode::OK
    );
    let saved = app
        .call_raw(
            "people/checklists/draft/save",
            &[
                ("form[new_group]", "labour"),
                (
                    "form[new_it]",
                    "La persona dorme nel capannone dove lavora.",
                ),
                (
                    "form[new_en]",
                    "The person sleeps in the shed where she works.",
                ),
                (
                    "form[changes]",
                    "Nuovo indicatore sull'alloggio nel luogo di lavoro.",
                ),
            ],
            Some(&trainer),
        )
        .await;
    assert_eq!(saved.status(), StatusCode::OK);
    assert_eq!(
        app.call_raw("people/checklists/publish", &[], Some(&trainer))
            .await
            .status(),
        StatusCode::OK
    );

    let page: MaterialPage = app
        .call("forum/material", &[("id", &id.to_string())], Some(&partner))
        .await;
    let versions = &page.versions;
    assert_eq!(versions.len(), 2);
    assert_eq!(versions[0].number, 2);
    assert_eq!(
        versions[0].changes,
        "Nuovo indicatore sull'alloggio nel luogo di lavoro."
    );
    assert!(versions[0]
        .html
        .contains("La persona dorme nel capannone dove lavora."));
    assert!(kinds(&notifications(&app, &partner).await)
        .contains(&NotificationKind::ForumMaterialVersion));
    let found: SearchPage = app
        .call("forum/search", &[("form[q]", "capannoni")], Some(&partner))
        .await;
    assert_eq!(found.materials[0].material_id, id);
}
