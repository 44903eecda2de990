//! The forum's materials library: versions and their files, files known by their bytes,
//! downloads only for the readers of the category (also right after a rule changes),
//! followers told of new versions, the personal-data guard, the indicator checklist as a
//! material, and search over materials.

use reqwest::header::{ACCEPT, COOKIE, ORIGIN};
use reqwest::StatusCode;
use serde_json::Value;

use crate::helpers::*;

const PARTNER: &str = "partner@anello.test";
const TRAINER: &str = "formatrice@anello.test";
const CASE_WORKER: &str = "operatrice@anello.test";
const COORDINATOR: &str = "coordinatrice@anello.test";

const PDF: &[u8] = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n";
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0";

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

fn last_id(path: &str) -> i32 {
    path.split('?')
        .next()
        .and_then(|path| path.rsplit('/').next())
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("no id in {path:?}"))
}

/// Creates a material in a category; returns its draft version's id.
async fn new_material(app: &TestApp, cookie: &str, category: &str, title: &str) -> i32 {
    let response = app
        .call_raw(
            "forum/materials/new",
            &[
                ("form[category]", category),
                ("form[title]", title),
                (
                    "form[body]",
                    "Come riconoscere lo sfruttamento nei campi: gli indicatori da osservare.",
                ),
                ("form[tags][labour_agriculture]", "on"),
            ],
            Some(cookie),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let draft = location(&response);
    assert!(draft.starts_with("/forum/materiali/bozze/"), "{draft}");
    last_id(&draft)
}

async fn upload(
    app: &TestApp,
    cookie: &str,
    version: i32,
    name: &str,
    bytes: &[u8],
    accept: &str,
) -> reqwest::Response {
    let part = reqwest::multipart::Part::bytes(bytes.to_vec())
        .file_name(name.to_string())
        // What the browser claims is ignored: the bytes decide.
        .mime_str("application/pdf")
        .unwrap();
    let form = reqwest::multipart::Form::new().part("file", part);
    app.client
        .post(app.url(&format!("/forum/materiali/bozze/{version}/allegati")))
        .header(ORIGIN, app.origin())
        .header(ACCEPT, accept)
        .header(COOKIE, cookie)
        .multipart(form)
        .send()
        .await
        .unwrap()
}

async fn upload_ok(app: &TestApp, cookie: &str, version: i32, name: &str, bytes: &[u8]) -> i32 {
    let response = upload(app, cookie, version, name, bytes, "application/json").await;
    assert_eq!(response.status(), StatusCode::CREATED, "{name}");
    json(response).await["id"].as_i64().unwrap() as i32
}

async fn publish(
    app: &TestApp,
    cookie: &str,
    version: i32,
    body: &str,
    changes: &str,
    confirm: bool,
) -> reqwest::Response {
    let version = version.to_string();
    let mut form = vec![
        ("version", version.as_str()),
        ("body", body),
        ("changes", changes),
        ("publish", "1"),
    ];
    if confirm {
        form.push(("confirm", "on"));
    }
    app.call_raw("forum/materials/draft/save", &form, Some(cookie))
        .await
}

async fn material(app: &TestApp, cookie: &str, id: i32) -> reqwest::Response {
    app.call_raw("forum/material", &[("id", &id.to_string())], Some(cookie))
        .await
}

async fn download(app: &TestApp, cookie: &str, attachment: i64) -> reqwest::Response {
    app.get(&format!("/forum/allegati/{attachment}"), Some(cookie))
        .await
}

async fn notifications(app: &TestApp, cookie: &str) -> Vec<Value> {
    let list = json(app.call_raw("notifications/list", &[], Some(cookie)).await).await;
    list["items"].as_array().cloned().unwrap_or_default()
}

fn kinds(notifications: &[Value]) -> Vec<String> {
    notifications
        .iter()
        .map(|n| n["kind"].as_str().unwrap_or_default().to_string())
        .collect()
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
    let page = json(
        app.call_raw(
            "forum/materials/draft",
            &[("id", &draft.to_string())],
            Some(&trainer),
        )
        .await,
    )
    .await;
    assert_eq!(page["attachments"].as_array().unwrap().len(), 3);
    assert_eq!(page["first"], true);

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
    let page = json(
        app.call_raw(
            "forum/materials/draft",
            &[("id", &second.to_string())],
            Some(&trainer),
        )
        .await,
    )
    .await;
    let files = page["attachments"].as_array().unwrap().clone();
    assert_eq!(files.len(), 3);
    assert_eq!(page["first"], false);
    let odt_file = files.iter().find(|file| file["kind"] == "Odt").unwrap()["id"].to_string();
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

    let page = json(material(&app, &partner, material_id).await).await;
    let versions = page["versions"].as_array().unwrap();
    assert_eq!(versions.len(), 2);
    assert_eq!(versions[0]["number"], 2);
    assert_eq!(
        versions[0]["changes"],
        "Tolto il modulo ODT, aggiornati gli indicatori sul caporalato."
    );
    assert_eq!(versions[0]["attachments"].as_array().unwrap().len(), 2);
    assert_eq!(versions[1]["number"], 1);
    assert_eq!(versions[1]["attachments"].as_array().unwrap().len(), 3);
    assert_eq!(page["may_publish"], false);
    assert_eq!(page["watching"], true);

    // Followers of the material and of its category are told; the author is not.
    let told = notifications(&app, &partner).await;
    assert_eq!(told.len(), before_partner + 1);
    assert!(kinds(&told).contains(&"ForumMaterialVersion".to_string()));
    assert_eq!(told[0]["link"], format!("/forum/materiali/{material_id}"));
    assert!(
        kinds(&notifications(&app, &worker).await).contains(&"ForumMaterialVersion".to_string())
    );
    assert!(
        !kinds(&notifications(&app, &trainer).await).contains(&"ForumMaterialVersion".to_string())
    );

    // A reader downloads the file as a download, never as a page.
    let file = versions[0]["attachments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|file| file["kind"] == "Pdf")
        .unwrap()["id"]
        .as_i64()
        .unwrap();
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
    let library = json(
        app.call_raw(
            "forum/materials",
            &[("category", "indicatori")],
            Some(&partner),
        )
        .await,
    )
    .await;
    let titles: Vec<&str> = library["materials"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|m| m["title"].as_str())
        .collect();
    assert!(
        titles.contains(&"Indicatori nel lavoro agricolo"),
        "{titles:?}"
    );
    let found = json(
        app.call_raw(
            "forum/search",
            &[("form[q]", "raccolte"), ("form[attachments]", "1")],
            Some(&partner),
        )
        .await,
    )
    .await;
    assert_eq!(found["hits"].as_array().unwrap().len(), 0);
    let materials = found["materials"].as_array().unwrap();
    assert_eq!(materials.len(), 1, "{found}");
    assert_eq!(materials[0]["material_id"], material_id);
    assert_eq!(materials[0]["attachments"], 2);
    assert!(materials[0]["snippet"]
        .as_array()
        .unwrap()
        .iter()
        .any(|piece| piece[1] == true && piece[0] == "raccolta."));
}

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
    let library = json(
        app.call_raw("forum/materials", &[("category", "")], Some(&partner))
            .await,
    )
    .await;
    assert!(library["materials"]
        .as_array()
        .unwrap()
        .iter()
        .all(|m| m["id"] != material_id));
    let found = json(
        app.call_raw(
            "forum/search",
            &[("form[q]", "segnali allarme")],
            Some(&partner),
        )
        .await,
    )
    .await;
    assert!(found["materials"].as_array().unwrap().is_empty());
    // The trainer still reads and serves it.
    assert_eq!(
        download(&app, &trainer, file as i64).await.status(),
        StatusCode::OK
    );
}

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
    let page = json(
        app.call_raw(
            "forum/materials/draft",
            &[("id", &draft.to_string())],
            Some(&trainer),
        )
        .await,
    )
    .await;
    assert_eq!(page["findings"][0]["kind"], "Phone");
    assert_eq!(page["body"], text, "the text is kept as written");
    let published = publish(&app, &trainer, draft, text, "", true).await;
    assert!(location(&published).starts_with("/forum/materiali/"));
    assert!(!location(&published).contains("bozze"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_indicator_checklist_is_a_material_with_its_versions() {
    let app = TestApp::spawn().await;
    let trainer = app.sign_in(TRAINER).await;
    let partner = app.sign_in(PARTNER).await;
    let library = json(
        app.call_raw(
            "forum/materials",
            &[("category", "indicatori")],
            Some(&partner),
        )
        .await,
    )
    .await;
    let checklist = library["materials"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["checklist"] == true)
        .unwrap_or_else(|| panic!("no checklist in {library}"))
        .clone();
    assert_eq!(checklist["number"], 1);
    let id = checklist["id"].as_i64().unwrap() as i32;
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

    let page = json(material(&app, &partner, id).await).await;
    let versions = page["versions"].as_array().unwrap();
    assert_eq!(versions.len(), 2);
    assert_eq!(versions[0]["number"], 2);
    assert_eq!(
        versions[0]["changes"],
        "Nuovo indicatore sull'alloggio nel luogo di lavoro."
    );
    assert!(versions[0]["html"]
        .as_str()
        .unwrap()
        .contains("La persona dorme nel capannone dove lavora."));
    assert!(
        kinds(&notifications(&app, &partner).await).contains(&"ForumMaterialVersion".to_string())
    );
    let found = json(
        app.call_raw("forum/search", &[("form[q]", "capannoni")], Some(&partner))
            .await,
    )
    .await;
    assert_eq!(found["materials"][0]["material_id"], id);
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
    let page = json(app.call_raw("admin/forum", &[], Some(&coordinator)).await).await;
    let minors = page["categories"]
        .as_array()
        .unwrap()
        .iter()
        .find(|category| category["code"] == "minori")
        .unwrap();
    assert!(minors["rules"]
        .as_array()
        .unwrap()
        .iter()
        .all(|rule| rule["audience"] != "Everyone"));
    assert!(page["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .all(|candidate| candidate[0].as_i64() != partner_id.parse::<i64>().ok()));

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
