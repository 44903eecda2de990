//! A trainer's versions and their files, known by their bytes; followers told of new
//! versions; downloads, the library and search over materials.

use app::forum::materials::model::{FileKind, LibraryPage, MaterialPage, VersionDraftPage};
use app::forum::model::SearchPage;
use app::notifications::model::NotificationKind;
use reqwest::StatusCode;

use super::{
    download, kinds, last_id, new_material, notifications, publish, upload, upload_ok, CASE_WORKER,
    COORDINATOR, PARTNER, PDF, PNG, TRAINER,
};
use crate::helpers::*;

/// A zip archive whose entries are stored as they are: enough for a DOCX or ODT to be
/// recognised by its parts (the checksums are not what identifies a file).
fn stored_zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = Vec::new();
    for (name, data) in entries {
        zip.extend_from_slice(b"PK\x03\x04");
        zip.extend_from_slice(&[20, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        zip.extend_from_slice(&[0, 0, 0, 0]); // crc
        zip.extend_from_slice(&(data.len() as u32).to_le_bytes());
        zip.extend_from_slice(&(data.len() as u32).to_le_bytes());
        zip.extend_from_slice(&(name.len() as u16).to_le_bytes());
        zip.extend_from_slice(&[0, 0]);
        zip.extend_from_slice(name.as_bytes());
        zip.extend_from_slice(data);
    }
    zip
}

fn docx() -> Vec<u8> {
    stored_zip(&[
        ("word/document.xml", b"<w:document/>"),
        ("[Content_Types].xml", b"<Types/>"),
    ])
}

fn odt() -> Vec<u8> {
    stored_zip(&[
        ("mimetype", b"application/vnd.oasis.opendocument.text"),
        ("content.xml", b"<office:document-content/>"),
    ])
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_trainer_publishes_versions_with_files_and_followers_are_told() {
    let app = TestApp::spawn().await;
    let trainer = app.sign_in(TRAINER).await;
    let worker = app.sign_in(CASE_WORKER).await;
    let partner = app.sign_in(PARTNER).await;
    let coordinator = app.sign_in(COORDINATOR).await;

    // Case workers may post in the indicators' category, not publish materials there.
    let refused = app
        .call_raw(
            "forum/materials/new",
            &[
                ("form[category]", "indicatori"),
                ("form[title]", "La mia scheda"),
                ("form[body]", "Testo"),
            ],
            Some(&worker),
        )
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);

    let draft = new_material(
        &app,
        &trainer,
        "indicatori",
        "Indicatori nel lavoro agricolo",
    )
    .await;
    // Files are known by their bytes; a name that lies is refused, whatever the browser
    // says the type is.
    let pdf = upload_ok(&app, &trainer, draft, "scheda.pdf", PDF).await;
    upload_ok(&app, &trainer, draft, "modulo.docx", &docx()).await;
    upload_ok(&app, &trainer, draft, "modulo.odt", &odt()).await;
    let lying = upload(
        &app,
        &trainer,
        draft,
        "indicatori.pdf",
        PNG,
        "application/json",
    )
    .await;
    assert_eq!(lying.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = json(lying).await;
    assert_eq!(
        problem(&body, "file").as_deref(),
        Some("file_type_mismatch")
    );
    assert!(body["message"].as_str().is_some_and(|m| !m.is_empty()));
    let page = upload(
        &app,
        &trainer,
        draft,
        "pagina.pdf",
        b"<html><script>alert(1)</script></html>",
        "application/json",
    )
    .await;
    assert_eq!(page.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        problem(&json(page).await, "file").as_deref(),
        Some("file_type_not_allowed")
    );
    let mut huge = PDF.to_vec();
    huge.resize(app::forum::materials::model::MAX_ATTACHMENT_BYTES + 1, b' ');
    let too_large = upload(
        &app,
        &trainer,
        draft,
        "enorme.pdf",
        &huge,
        "application/json",
    )
    .await;
    assert_eq!(too_large.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // A browser's form post goes back to the draft page, with the problem to show.
    let from_page = upload(&app, &trainer, draft, "foto.jpg", PDF, "text/html").await;
    assert_eq!(from_page.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        location(&from_page),
        format!("/forum/materiali/bozze/{draft}?errore=file_type_mismatch")
    );
    // A draft and its files are its author's alone.
    let other = upload(
        &app,
        &coordinator,
        draft,
        "altro.pdf",
        PDF,
        "application/json",
    )
    .await;
    assert_eq!(other.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        download(&app, &partner, pdf as i64).await.status(),
        StatusCode::NOT_FOUND
    );
    let page: VersionDraftPage = app
        .call(
            "forum/materials/draft",
            &[("id", &draft.to_string())],
            Some(&trainer),
        )
        .await;
    assert_eq!(page.attachments.len(), 3);
    assert!(page.first);

    // The first version needs no note of changes.
    let response = publish(
        &app,
        &trainer,
        draft,
        "Indicatori da osservare nei campi.",
        "",
        false,
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
    let material_id = last_id(&location(&response));
    assert_eq!(
        location(&response),
        format!("/forum/materiali/{material_id}")
    );

    // The partner follows the material, the case worker its category.
    let watch = app
        .call_raw(
            "forum/materials/watch",
            &[("material", &material_id.to_string()), ("on", "1")],
            Some(&partner),
        )
        .await;
    assert_eq!(watch.status(), StatusCode::OK);
    let watch = app
        .call_raw(
            "forum/categories/watch",
            &[("category", "indicatori"), ("on", "1")],
            Some(&worker),
        )
        .await;
    assert_eq!(watch.status(), StatusCode::OK);

    // Version 2 starts from version 1, files included; one file goes.
    let response = app
        .call_raw(
            "forum/materials/versions/new",
            &[("material", &material_id.to_string())],
            Some(&trainer),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let second = last_id(&location(&response));
    assert_ne!(second, draft);
    let page: VersionDraftPage = app
        .call(
            "forum/materials/draft",
            &[("id", &second.to_string())],
            Some(&trainer),
        )
        .await;
    let files = &page.attachments;
    assert_eq!(files.len(), 3);
    assert!(!page.first);
    let odt_file = files
        .iter()
        .find(|file| file.kind == FileKind::Odt)
        .unwrap()
        .id
        .to_string();
    let removed = app
        .call_raw(
            "forum/materials/attachments/remove",
            &[("attachment", &odt_file)],
            Some(&trainer),
        )
        .await;
    assert_eq!(removed.status(), StatusCode::OK);
    let unsaid = publish(&app, &trainer, second, "Indicatori aggiornati.", "", false).await;
    assert_eq!(unsaid.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        problem(&json(unsaid).await, "changes").as_deref(),
        Some("required")
    );
    let before_partner = notifications(&app, &partner).await.len();
    let response = publish(
        &app,
        &trainer,
        second,
        "Indicatori aggiornati per la stagione della raccolta.",
        "Tolto il modulo ODT, aggiornati gli indicatori sul caporalato.",
        false,
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);

    let page: MaterialPage = app
        .call(
            "forum/material",
            &[("id", &material_id.to_string())],
            Some(&partner),
        )
        .await;
    let versions = &page.versions;
    assert_eq!(versions.len(), 2);
    assert_eq!(versions[0].number, 2);
    assert_eq!(
        versions[0].changes,
        "Tolto il modulo ODT, aggiornati gli indicatori sul caporalato."
    );
    assert_eq!(versions[0].attachments.len(), 2);
    assert_eq!(versions[1].number, 1);
    assert_eq!(versions[1].attachments.len(), 3);
    assert!(!page.may_publish);
    assert!(page.watching);

    // Followers of the material and of its category are told; the author is not.
    let told = notifications(&app, &partner).await;
    assert_eq!(told.len(), before_partner + 1);
    let new_version = NotificationKind::ForumMaterialVersion;
    assert!(kinds(&told).contains(&new_version));
    assert_eq!(told[0].link, format!("/forum/materiali/{material_id}"));
    assert!(kinds(&notifications(&app, &worker).await).contains(&new_version));
    assert!(!kinds(&notifications(&app, &trainer).await).contains(&new_version));

    // A reader downloads the file as a download, never as a page.
    let file = versions[0]
        .attachments
        .iter()
        .find(|file| file.kind == FileKind::Pdf)
        .unwrap()
        .id as i64;
    let response = download(&app, &partner, file).await;
    assert_eq!(response.status(), StatusCode::OK);
    let headers = response.headers().clone();
    assert_eq!(headers["content-type"], "application/pdf");
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert!(headers["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("attachment; filename=\"scheda.pdf\""));
    assert!(headers["cache-control"]
        .to_str()
        .unwrap()
        .contains("no-store"));
    assert_eq!(response.bytes().await.unwrap().as_ref(), PDF);

    // The library lists it; search finds it, also when only materials with files are
    // asked for (posts have none).
    let library: LibraryPage = app
        .call(
            "forum/materials",
            &[("category", "indicatori")],
            Some(&partner),
        )
        .await;
    let titles: Vec<&str> = library.materials.iter().map(|m| m.title.as_str()).collect();
    assert!(
        titles.contains(&"Indicatori nel lavoro agricolo"),
        "{titles:?}"
    );
    let found: SearchPage = app
        .call(
            "forum/search",
            &[("form[q]", "raccolte"), ("form[attachments]", "1")],
            Some(&partner),
        )
        .await;
    assert_eq!(found.hits.len(), 0);
    let materials = &found.materials;
    assert_eq!(materials.len(), 1, "{found:?}");
    assert_eq!(materials[0].material_id, material_id);
    assert_eq!(materials[0].attachments, 2);
    assert!(materials[0]
        .snippet
        .iter()
        .any(|piece| piece.1 && piece.0 == "raccolta."));
}
