//! A person's documents: filed by the team, checked by their bytes, sealed at rest,
//! opened by the team only (restricted ones by her reference operator), every download
//! audited; in her export, gone with anonymisation.

use app::path::documents::model::{Confidentiality, DocumentKind, DocumentsPage};
use app::path::model::PathDateKind;
use app::planner::model::MyWork;
use reqwest::header::{ACCEPT, CACHE_CONTROL, CONTENT_TYPE, COOKIE, ORIGIN};
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use super::{CASE_WORKER, OTHER_BODY, PARTNER, RECEPTION};
use crate::helpers::*;

const PERMIT: &[u8] = b"%PDF-1.4\n% permesso di soggiorno art. 18 di Joy\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n";
const MEDICAL: &[u8] =
    b"%PDF-1.4\n% referto del consultorio\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n";
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0";

async fn page(app: &TestApp, cookie: &str, code: &str) -> DocumentsPage {
    app.call("path/documents", &[("code", code)], Some(cookie))
        .await
}

/// Posts a document as the page's form does (`accept`: a page's `text/html`, or JSON).
async fn file_document(
    app: &TestApp,
    cookie: &str,
    code: &str,
    fields: &[(&str, &str)],
    (name, bytes): (&str, &[u8]),
    accept: &str,
) -> reqwest::Response {
    let mut form = reqwest::multipart::Form::new();
    for (field, value) in fields {
        form = form.text(field.to_string(), value.to_string());
    }
    let part = reqwest::multipart::Part::bytes(bytes.to_vec())
        .file_name(name.to_string())
        // What the browser claims is ignored: the bytes decide.
        .mime_str("application/pdf")
        .unwrap();
    app.client
        .post(app.url(&format!("/persone/{code}/documenti")))
        .header(ORIGIN, app.origin())
        .header(ACCEPT, accept)
        .header(COOKIE, cookie)
        .multipart(form.part("file", part))
        .send()
        .await
        .unwrap()
}

async fn download(app: &TestApp, cookie: &str, code: &str, id: i64) -> reqwest::Response {
    app.get(&format!("/persone/{code}/documenti/{id}"), Some(cookie))
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_team_files_documents_sealed_and_only_the_team_opens_them() {
    let app = TestApp::spawn().await;
    let worker = app.sign_in(CASE_WORKER).await;
    let code = app.register_person(&worker, "Okafor").await;
    let expires = day(30);
    let permit = [
        ("kind", "permit"),
        ("dated_on", &day(-10)[..]),
        ("expires_on", &expires[..]),
        ("confidentiality", "team"),
        ("description", "Permesso art. 18"),
    ];
    let filed = file_document(
        &app,
        &worker,
        &code,
        &permit,
        ("permesso.pdf", PERMIT),
        "application/json",
    )
    .await;
    assert_eq!(filed.status(), StatusCode::CREATED);
    let permit_id = json(filed).await["id"].as_i64().unwrap();
    let medical = [
        ("kind", "medical"),
        ("dated_on", &day(-3)[..]),
        ("confidentiality", "restricted"),
    ];
    let filed = file_document(
        &app,
        &worker,
        &code,
        &medical,
        ("referto.pdf", MEDICAL),
        "application/json",
    )
    .await;
    assert_eq!(filed.status(), StatusCode::CREATED);
    let medical_id = json(filed).await["id"].as_i64().unwrap();

    // Sealed at rest: nothing of the file in the database, a fresh nonce each.
    let rows = app::entity::person_documents::Entity::find()
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(rows.len(), 2);
    for row in &rows {
        assert_eq!(row.nonce.len(), 24);
        assert!(!row
            .sealed
            .windows(8)
            .any(|w| w == b"permesso" || w == b"consulto"));
        assert!(!row.sealed.starts_with(b"%PDF"));
    }
    assert_ne!(rows[0].nonce, rows[1].nonce);

    // Her reference operator sees both and opens them.
    let seen = page(&app, &worker, &code).await;
    assert!(seen.reads_restricted);
    assert_eq!(seen.documents.len(), 2);
    assert_eq!(seen.withheld, 0);
    let permit_row = seen
        .documents
        .iter()
        .find(|d| d.id as i64 == permit_id)
        .unwrap();
    assert_eq!(permit_row.kind, DocumentKind::Permit);
    assert_eq!(permit_row.description.as_deref(), Some("Permesso art. 18"));
    assert_eq!(permit_row.size_bytes, PERMIT.len() as i64);
    let opened = download(&app, &worker, &code, permit_id).await;
    assert_eq!(opened.status(), StatusCode::OK);
    assert_eq!(opened.headers()[CONTENT_TYPE], "application/pdf");
    assert_eq!(opened.headers()[CACHE_CONTROL], "private, no-store");
    assert_eq!(opened.headers()["x-content-type-options"], "nosniff");
    assert_eq!(&opened.bytes().await.unwrap()[..], PERMIT);
    assert_eq!(
        download(&app, &worker, &code, medical_id).await.status(),
        StatusCode::OK
    );
    assert_eq!(
        audit_rows(&app, &code, "path.documents.download", "success").await,
        2
    );
    assert_eq!(
        audit_rows(&app, &code, "path.documents.add", "success").await,
        2
    );

    // The expiring permit is on her "Il mio lavoro", linking to the documents.
    let work: MyWork = app.call("planner/my_work", &[], Some(&worker)).await;
    let expiry = work
        .path_dates
        .iter()
        .find(|d| d.code == code && d.kind == PathDateKind::DocumentExpiry)
        .expect("the permit's expiry");
    assert_eq!(expiry.on.to_string(), expires);
    assert_eq!(expiry.link, format!("/persone/{code}/documenti"));

    // A colleague of the team: the team's document, not the restricted one.
    let colleague = app.sign_in(RECEPTION).await;
    let seen = page(&app, &colleague, &code).await;
    assert!(!seen.reads_restricted);
    assert_eq!(seen.documents.len(), 1);
    assert_eq!(seen.documents[0].confidentiality, Confidentiality::Team);
    assert_eq!(seen.withheld, 1);
    assert_eq!(
        download(&app, &colleague, &code, permit_id).await.status(),
        StatusCode::OK
    );
    let refused = download(&app, &colleague, &code, medical_id).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert!(!refused.text().await.unwrap().contains("consultorio"));
    let refused = file_document(
        &app,
        &colleague,
        &code,
        &medical,
        ("referto.pdf", MEDICAL),
        "application/json",
    )
    .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert!(audit_rows(&app, &code, "path.documents.download", "denied").await >= 1);
    assert!(audit_rows(&app, &code, "path.documents.add", "denied").await >= 1);

    // Another organisation and a partner of the forum: 403 everywhere, audited.
    for email in [OTHER_BODY, PARTNER] {
        let cookie = app.sign_in(email).await;
        let refused = app
            .call_raw("path/documents", &[("code", &code)], Some(&cookie))
            .await;
        assert_eq!(refused.status(), StatusCode::FORBIDDEN, "{email}");
        assert!(
            !refused.text().await.unwrap().contains("Permesso"),
            "{email}"
        );
        let refused = download(&app, &cookie, &code, permit_id).await;
        assert_eq!(refused.status(), StatusCode::FORBIDDEN, "{email}");
        assert!(!refused.bytes().await.unwrap().starts_with(b"%PDF"));
        let refused = file_document(
            &app,
            &cookie,
            &code,
            &permit,
            ("permesso.pdf", PERMIT),
            "application/json",
        )
        .await;
        assert_eq!(refused.status(), StatusCode::FORBIDDEN, "{email}");
        let html = app
            .get(&format!("/persone/{code}/documenti"), Some(&cookie))
            .await;
        assert_eq!(html.status(), StatusCode::FORBIDDEN, "{email}");
    }
    assert!(audit_rows(&app, &code, "path.documents.view", "denied").await >= 2);
    assert_eq!(
        app::entity::person_documents::Entity::find()
            .count(&app.db)
            .await
            .unwrap(),
        2,
        "nothing filed by a refused upload"
    );

    // Her export holds the files she may be handed; a colleague's withholds the
    // restricted one.
    let export = app
        .get(&format!("/persone/{code}/esporta/json"), Some(&worker))
        .await;
    let export: serde_json::Value = export.json().await.unwrap();
    let documents = export["documents"].as_array().unwrap();
    assert_eq!(documents.len(), 2);
    use base64::Engine;
    let permit_file = base64::engine::general_purpose::STANDARD
        .decode(documents[0]["content_base64"].as_str().unwrap())
        .unwrap();
    assert_eq!(permit_file, PERMIT);
    let export: serde_json::Value = app
        .get(&format!("/persone/{code}/esporta/json"), Some(&colleague))
        .await
        .json()
        .await
        .unwrap();
    let documents = export["documents"].as_array().unwrap();
    assert!(documents[1]["file"]
        .as_str()
        .unwrap()
        .starts_with("withheld"));
    assert!(documents[1].get("content_base64").is_none());
    let csv = app
        .get(&format!("/persone/{code}/esporta/csv"), Some(&worker))
        .await
        .text()
        .await
        .unwrap();
    assert!(csv.contains("permesso.pdf"));
    assert!(!csv.contains("content_base64"));

    // A colleague takes the team's document off; anonymisation removes the rest.
    let removed = app
        .call_raw(
            "path/documents/remove",
            &[("code", &code), ("form[record]", &permit_id.to_string())],
            Some(&colleague),
        )
        .await;
    assert_eq!(removed.status(), StatusCode::OK);
    let refused = app
        .call_raw(
            "path/documents/remove",
            &[("code", &code), ("form[record]", &medical_id.to_string())],
            Some(&colleague),
        )
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert_eq!(page(&app, &worker, &code).await.documents.len(), 1);
    anonymise_person(&app, &worker, &code).await;
    let seen = page(&app, &worker, &code).await;
    assert!(seen.documents.is_empty() && !seen.editable);
    assert_eq!(
        app::entity::person_documents::Entity::find()
            .filter(app::entity::person_documents::Column::PersonId.is_not_null())
            .count(&app.db)
            .await
            .unwrap(),
        0
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_document_that_lies_or_lacks_what_it_needs_is_refused_with_every_problem() {
    let app = TestApp::spawn().await;
    let worker = app.sign_in(CASE_WORKER).await;
    let code = app.register_person(&worker, "Eze").await;
    let fields = [("dated_on", &day(5)[..]), ("confidentiality", "team")];
    let refused = file_document(
        &app,
        &worker,
        &code,
        &fields,
        ("permesso.pdf", PNG),
        "application/json",
    )
    .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = json(refused).await;
    assert_eq!(problem(&body, "kind").as_deref(), Some("required"));
    assert_eq!(
        problem(&body, "dated_on").as_deref(),
        Some("date_in_future")
    );
    assert_eq!(
        problem(&body, "file").as_deref(),
        Some("file_type_mismatch")
    );
    // A page's post comes back to the page, with the problems in its address.
    let refused = file_document(
        &app,
        &worker,
        &code,
        &fields,
        ("permesso.pdf", PNG),
        "text/html",
    )
    .await;
    assert_eq!(refused.status(), StatusCode::SEE_OTHER);
    let back = location(&refused);
    assert!(
        back.starts_with(&format!("/persone/{code}/documenti?errore=")),
        "{back}"
    );
    assert!(back.contains("kind.required") && back.contains("file.file_type_mismatch"));
    let page = app.get(&back, Some(&worker)).await;
    assert_eq!(page.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = page.text().await.unwrap();
    assert!(
        html.contains("Tipo di documento"),
        "the field named on the page"
    );
    // The form sent with its progress shown gets the page to open as JSON (a redirect
    // would be followed inside the request, and the page audited twice).
    let part = reqwest::multipart::Part::bytes(PNG.to_vec()).file_name("permesso.pdf");
    let form = reqwest::multipart::Form::new()
        .text("kind", "permit")
        .text("dated_on", day(-1))
        .text("confidentiality", "team")
        .part("file", part);
    let answered = app
        .client
        .post(app.url(&format!("/persone/{code}/documenti")))
        .header(ORIGIN, app.origin())
        .header(ACCEPT, "text/html")
        .header("x-anello-upload", "1")
        .header(COOKIE, &worker)
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(answered.status(), StatusCode::OK);
    let location = json(answered).await["location"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(
        location,
        format!("/persone/{code}/documenti?errore=file.file_type_mismatch")
    );
    // A NUL character in a text field: a plain 400, nothing stored.
    let nul = file_document(
        &app,
        &worker,
        &code,
        &[
            ("kind", "other"),
            ("dated_on", &day(-1)[..]),
            ("confidentiality", "team"),
            ("description", "a\0b"),
        ],
        ("permesso.pdf", PERMIT),
        "application/json",
    )
    .await;
    assert_eq!(nul.status(), StatusCode::BAD_REQUEST);
    // No file at all, an executable, a forged id.
    let empty = file_document(
        &app,
        &worker,
        &code,
        &[
            ("kind", "other"),
            ("dated_on", &day(-1)[..]),
            ("confidentiality", "team"),
        ],
        ("vuoto.pdf", b""),
        "application/json",
    )
    .await;
    assert_eq!(empty.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        problem(&json(empty).await, "file").as_deref(),
        Some("required")
    );
    let executable = file_document(
        &app,
        &worker,
        &code,
        &[
            ("kind", "other"),
            ("dated_on", &day(-1)[..]),
            ("confidentiality", "team"),
        ],
        ("setup.pdf", b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff\0\0"),
        "application/json",
    )
    .await;
    assert_eq!(
        problem(&json(executable).await, "file").as_deref(),
        Some("file_type_not_allowed")
    );
    assert_eq!(
        download(&app, &worker, &code, 999_999).await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get(&format!("/persone/{code}/documenti/abc"), Some(&worker))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app::entity::person_documents::Entity::find()
            .count(&app.db)
            .await
            .unwrap(),
        0
    );
}
