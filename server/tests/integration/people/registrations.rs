//! Registration: a second registration of the same person, and bad forms answered
//! with translated field errors.

use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use super::{
    count_audit, register, registration, COORDINATOR, CUNEO_CASE_WORKER, MARKER, TORINO_CASE_WORKER,
};
use crate::helpers::*;
use app::entity::people;
use app::people::registry::model::{DuplicateGroup, PersonPage};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_registration_of_the_same_person_names_the_other_organisation_only() {
    let app = TestApp::spawn().await;
    let torino = app.sign_in(TORINO_CASE_WORKER).await;
    let first = register(
        &app,
        &torino,
        &registration("Adébayo", "Precious Mercy", "2000-01-31"),
    )
    .await;
    let cuneo = app.sign_in(CUNEO_CASE_WORKER).await;
    let mut again = registration("ADEBAYO", "mercy precious", "2000-01-31");
    again.retain(|(k, _)| !["form[aliases]", "form[documents]", "form[province]"].contains(k));
    again.push(("form[province]", "CN".into()));
    let second = register(&app, &cuneo, &again).await;
    assert_ne!(first, second);

    let response = app
        .call_raw("people/person", &[("code", &second)], Some(&cuneo))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    // The answer as sent, for what must not be anywhere in it.
    let text = response.text().await.unwrap();
    let page: PersonPage = serde_json::from_str(&text).unwrap();
    // The team learns that a duplicate is possible, not where; the coordination is told.
    assert!(page.possible_duplicate);
    assert!(
        !text.contains(&first),
        "the other record's code is not revealed"
    );
    assert!(
        serde_json::from_str::<serde_json::Value>(&text)
            .unwrap()
            .get("possible_duplicates")
            .is_none(),
        "nor its organisation"
    );
    let coordinator_id = app.user_id(COORDINATOR).await;
    let told = app::entity::notifications::Entity::find()
        .filter(app::entity::notifications::Column::UserId.eq(coordinator_id))
        .filter(app::entity::notifications::Column::Kind.eq("possible_duplicate"))
        .filter(app::entity::notifications::Column::Subject.eq(second.as_str()))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(told, 1);
    assert!(!text.contains(MARKER), "nor its fields");
    // The hash is keyed: it is not a plain digest of the fields.
    let stored = people::Entity::find()
        .filter(people::Column::Code.eq(second.as_str()))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let hash = stored.identity_hash.unwrap();
    assert_eq!(hash.len(), 64);
    assert!(!hash.contains("adebayo"));

    // The coordinator reviews the pair and links the newer record to the first one.
    for email in [
        CUNEO_CASE_WORKER,
        "formatrice@anello.test",
        "admin@anello.test",
    ] {
        let cookie = app.sign_in(email).await;
        assert_eq!(
            app.call_raw("people/duplicates", &[], Some(&cookie))
                .await
                .status(),
            StatusCode::FORBIDDEN,
            "{email}"
        );
    }
    let coordinator = app.sign_in(COORDINATOR).await;
    let response = app
        .call_raw("people/duplicates", &[], Some(&coordinator))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let text = response.text().await.unwrap();
    let groups: Vec<DuplicateGroup> = serde_json::from_str(&text).unwrap();
    let group = groups
        .iter()
        .find(|g| g.records.iter().any(|r| r.code == first))
        .expect("the pair is listed");
    assert!(group.records.iter().any(|r| r.code == second));
    assert!(!text.contains(&hash), "the hash stays on the server");
    let response = app
        .call_raw(
            "people/duplicates/link",
            &[("code", &second), ("earlier", &first)],
            Some(&coordinator),
        )
        .await;
    assert_eq!(
        response.status(),
        StatusCode::OK,
        "{}",
        response.text().await.unwrap()
    );
    let response = app
        .call_raw(
            "people/duplicates/link",
            &[("code", &second), ("earlier", &first)],
            Some(&coordinator),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(count_audit(&app, "person.duplicate.link", &first).await, 1);
    assert_eq!(count_audit(&app, "person.duplicate.link", &second).await, 1);
    let page: PersonPage = app
        .call("people/person", &[("code", &second)], Some(&cuneo))
        .await;
    assert!(!page.possible_duplicate);
    assert_eq!(page.duplicate_of.as_deref(), Some(first.as_str()));
    // Records that are not the same person by the hash cannot be linked.
    let other = register(
        &app,
        &torino,
        &registration("Diversa", "Persona", "1980-01-01"),
    )
    .await;
    let response = app
        .call_raw(
            "people/duplicates/link",
            &[("code", &other), ("earlier", &first)],
            Some(&coordinator),
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_registrations_get_translated_field_errors() {
    let app = TestApp::spawn().await;
    let torino = app.sign_in(TORINO_CASE_WORKER).await;
    let response = app
        .call_raw(
            "people/register",
            &[
                ("form[given_names]", ""),
                ("form[gender]", "robot"),
                ("form[date_of_birth]", "31/12/2000"),
                ("form[province]", "ZZ"),
                ("form[unaccompanied]", "on"),
            ],
            Some(&torino),
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = json(response).await;
    let problems = body["problems"].as_array().unwrap();
    for field in [
        "given_names",
        "family_name",
        "gender",
        "date_of_birth",
        "province",
    ] {
        assert!(
            problems.iter().any(|p| p["field"] == field),
            "{field} in {body}"
        );
    }
    assert!(body["message"].as_str().is_some_and(|m| !m.is_empty()));
    assert_eq!(
        people::Entity::find()
            .filter(people::Column::CreatedBy.eq(app.user_id(TORINO_CASE_WORKER).await))
            .count(&app.db)
            .await
            .unwrap(),
        0
    );
}
