//! A person's data exported and anonymised: by the team only, logged, counts kept.

use reqwest::StatusCode;
use sea_orm::{EntityTrait, PaginatorTrait};

use super::{
    count_audit, register, registration, COORDINATOR, CUNEO_CASE_WORKER, MARKER, TORINO_CASE_WORKER,
};
use crate::helpers::*;
use app::entity::people;
use app::people::model::{Exploitation, Gender};
use app::people::registry::model::PersonPage;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn export_and_anonymisation_are_for_the_team_logged_and_keep_the_counts() {
    let app = TestApp::spawn().await;
    let torino = app.sign_in(TORINO_CASE_WORKER).await;
    let code = register(
        &app,
        &torino,
        &registration(&format!("Zhou{MARKER}"), "Lin", "1997-06-06"),
    )
    .await;

    let response = app
        .get(&format!("/persone/{code}/esporta/json"), Some(&torino))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("attachment"));
    let export: serde_json::Value = response.json().await.unwrap();
    assert_eq!(export["code"], code.as_str());
    assert!(export["identity"]["family_name"]
        .as_str()
        .unwrap()
        .contains(MARKER));
    assert!(!export["consents"].as_array().unwrap().is_empty());
    let response = app
        .get(&format!("/persone/{code}/esporta/csv"), Some(&torino))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    let bytes = response.bytes().await.unwrap();
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF"),
        "a byte-order mark for spreadsheets"
    );
    let csv = String::from_utf8(bytes[3..].to_vec()).unwrap();
    // Split on ";" for Italian spreadsheets, where the comma is the decimal separator.
    assert!(csv.starts_with("section;field;value"), "{csv}");
    assert!(csv.contains(MARKER));
    // Her phone number begins with "+": a spreadsheet would run it as a formula.
    assert!(csv.contains(";'+39 333 000 1111"), "{csv}");
    assert!(!csv.contains(";+39"));

    // Nobody else exports her data; the coordinator sees her code but not her identity,
    // so she cannot export either. Refusals are audited.
    for email in [CUNEO_CASE_WORKER, COORDINATOR, "partner@anello.test"] {
        let cookie = app.sign_in(email).await;
        let response = app
            .get(&format!("/persone/{code}/esporta/json"), Some(&cookie))
            .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{email}");
        assert!(!response.text().await.unwrap().contains(MARKER));
    }
    assert_eq!(
        app.get(&format!("/persone/{code}/esporta/json"), None)
            .await
            .status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(count_audit(&app, "person.export", &code).await, 2);

    let minors_before = people::Entity::find().count(&app.db).await.unwrap();
    let response = app
        .call_raw(
            "people/anonymise",
            &[("code", &code), ("reason", "request")],
            Some(&torino),
        )
        .await;
    assert_eq!(
        response.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "a confirmation is needed"
    );
    let cuneo = app.sign_in(CUNEO_CASE_WORKER).await;
    let response = app
        .call_raw(
            "people/anonymise",
            &[("code", &code), ("reason", "request"), ("confirm", "on")],
            Some(&cuneo),
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let response = app
        .call_raw(
            "people/anonymise",
            &[("code", &code), ("reason", "request"), ("confirm", "on")],
            Some(&torino),
        )
        .await;
    assert_eq!(
        response.status(),
        StatusCode::OK,
        "{}",
        response.text().await.unwrap()
    );

    let page: PersonPage = app
        .call("people/person", &[("code", &code)], Some(&torino))
        .await;
    assert!(page.identity.is_none());
    assert!(page.person.anonymised);
    assert_eq!(
        page.person.gender,
        Gender::Female,
        "what the figures need stays"
    );
    assert_eq!(page.person.exploitation, [Exploitation::SexualStreet]);
    assert_eq!(
        people::Entity::find().count(&app.db).await.unwrap(),
        minors_before,
        "the record stays"
    );
    let html = app
        .get(&format!("/persone/{code}"), Some(&torino))
        .await
        .text()
        .await
        .unwrap();
    assert!(!html.contains(MARKER));
    let identities = app::entity::person_identities::Entity::find()
        .all(&app.db)
        .await
        .unwrap();
    assert!(identities.iter().all(|i| !i.family_name.contains(MARKER)));
    // Nothing more can be written on an anonymised record.
    let response = app
        .call_raw(
            "people/path/save",
            &[("code", &code), ("form[status]", "placed")],
            Some(&torino),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(count_audit(&app, "person.anonymise", &code).await, 1);
}
