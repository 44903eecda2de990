//! The forum's materials library: versions and their files, files known by their bytes,
//! downloads only for the readers of the category (also right after a rule changes),
//! followers told of new versions, the personal-data guard, the indicator checklist as a
//! material, and search over materials.

mod category_rules;
mod checklist;
mod guard;
mod uploads;
mod versions;

use app::notifications::model::{NotificationKind, NotificationRow, NotificationsPage};
use reqwest::header::{ACCEPT, COOKIE, ORIGIN};
use reqwest::StatusCode;

use crate::helpers::*;

pub(super) const PARTNER: &str = "partner@anello.test";
pub(super) const TRAINER: &str = "formatrice@anello.test";
pub(super) const CASE_WORKER: &str = "operatrice@anello.test";
pub(super) const COORDINATOR: &str = "coordinatrice@anello.test";

pub(super) const PDF: &[u8] = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n";
pub(super) const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0";

pub(super) fn last_id(path: &str) -> i32 {
    path.split('?')
        .next()
        .and_then(|path| path.rsplit('/').next())
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("no id in {path:?}"))
}

/// Creates a material in a category; returns its draft version's id.
pub(super) async fn new_material(app: &TestApp, cookie: &str, category: &str, title: &str) -> i32 {
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

pub(super) async fn upload(
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

pub(super) async fn upload_ok(
    app: &TestApp,
    cookie: &str,
    version: i32,
    name: &str,
    bytes: &[u8],
) -> i32 {
    let response = upload(app, cookie, version, name, bytes, "application/json").await;
    assert_eq!(response.status(), StatusCode::CREATED, "{name}");
    json(response).await["id"].as_i64().unwrap() as i32
}

pub(super) async fn publish(
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

pub(super) async fn material(app: &TestApp, cookie: &str, id: i32) -> reqwest::Response {
    app.call_raw("forum/material", &[("id", &id.to_string())], Some(cookie))
        .await
}

pub(super) async fn download(app: &TestApp, cookie: &str, attachment: i64) -> reqwest::Response {
    app.get(&format!("/forum/allegati/{attachment}"), Some(cookie))
        .await
}

pub(super) async fn notifications(app: &TestApp, cookie: &str) -> Vec<NotificationRow> {
    let list: NotificationsPage = app.call("notifications/list", &[], Some(cookie)).await;
    list.items
}

pub(super) fn kinds(notifications: &[NotificationRow]) -> Vec<NotificationKind> {
    notifications.iter().map(|n| n.kind).collect()
}
