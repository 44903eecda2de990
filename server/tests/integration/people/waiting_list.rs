//! The waiting list: codes and needs, never identities, for every reception manager.

use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::{count_audit, register, registration, CUNEO_CASE_WORKER, MARKER, TORINO_CASE_WORKER};
use crate::helpers::*;
use app::entity::people;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_waiting_list_shows_codes_and_needs_to_every_reception_manager() {
    let app = TestApp::spawn().await;
    let torino = app.sign_in(TORINO_CASE_WORKER).await;
    let code = register(
        &app,
        &torino,
        &registration(&format!("Rusu{MARKER}"), "Svetlana", "1999-02-02"),
    )
    .await;
    let today = app::kernel::clock::today().to_string();
    let proposal = [
        ("code", code.as_str()),
        ("form[urgency]", "immediate"),
        ("form[target_group]", "mothers_with_children"),
        ("form[children]", "2"),
        ("form[language]", "rumeno"),
        ("form[preferred_province]", "TO"),
        ("form[wanted_from]", today.as_str()),
    ];
    let response = app
        .call_raw("people/waiting_list/add", &proposal, Some(&torino))
        .await;
    assert_eq!(
        response.status(),
        StatusCode::OK,
        "{}",
        response.text().await.unwrap()
    );
    // Twice is a conflict, enforced by the database's partial unique index.
    let response = app
        .call_raw("people/waiting_list/add", &proposal, Some(&torino))
        .await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(json(response).await["conflict"], "already_waiting");
    let person = people::Entity::find()
        .filter(people::Column::Code.eq(code.as_str()))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(person.status, "proposal");

    // A reception manager of another body sees her code and needs, never her identity.
    let cuneo_manager = app.sign_in("accoglienza.cuneo@anello.test").await;
    let list = app
        .call_raw("people/waiting_list", &[], Some(&cuneo_manager))
        .await;
    assert_eq!(list.status(), StatusCode::OK);
    let body = list.text().await.unwrap();
    assert!(body.contains(&code) && !body.contains(MARKER), "{body}");
    let html = app
        .get("/lista-attesa", Some(&cuneo_manager))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains(&code) && !html.contains(MARKER));
    // A case worker of another body does not see other bodies' people waiting.
    let cuneo = app.sign_in(CUNEO_CASE_WORKER).await;
    let body = app
        .call_raw("people/waiting_list", &[], Some(&cuneo))
        .await
        .text()
        .await
        .unwrap();
    assert!(!body.contains(&code));
    // Only the team (or the coordinator) takes her off the list.
    let response = app
        .call_raw(
            "people/waiting_list/withdraw",
            &[("code", &code)],
            Some(&cuneo_manager),
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let response = app
        .call_raw(
            "people/waiting_list/withdraw",
            &[("code", &code)],
            Some(&torino),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let body = app
        .call_raw("people/waiting_list", &[], Some(&cuneo_manager))
        .await
        .text()
        .await
        .unwrap();
    assert!(!body.contains(&code));
    assert_eq!(count_audit(&app, "person.waiting.add", &code).await, 1);
    assert_eq!(count_audit(&app, "person.waiting.withdraw", &code).await, 1);
}

/// `make run`'s demo has someone waiting for every gesture and rule of the board.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_demo_has_people_waiting_for_every_target_group_and_rule() {
    use app::entity::{minor_authorisations, waiting_list};
    let app = TestApp::spawn().await;
    app::demo::load_demo_activity(&app.db).await.unwrap();
    let waiting = waiting_list::Entity::find()
        .filter(waiting_list::Column::Status.eq("waiting"))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(waiting.len(), 6, "on {}", app.backend);
    let mut groups: Vec<&str> = waiting.iter().map(|w| w.target_group.as_str()).collect();
    groups.sort();
    groups.dedup();
    assert_eq!(
        groups,
        [
            "girls_16_18",
            "men",
            "mothers_with_children",
            "transgender",
            "women"
        ]
    );
    let mother = waiting.iter().find(|w| w.children == 2).expect("a mother");
    let children = people::Entity::find()
        .filter(people::Column::FamilyHeadId.eq(mother.person_id))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(children.len(), 2);
    let minors: Vec<i32> = waiting
        .iter()
        .filter(|w| w.minor)
        .map(|w| w.person_id)
        .collect();
    assert_eq!(minors.len(), 2);
    let authorised = minor_authorisations::Entity::find()
        .filter(minor_authorisations::Column::PersonId.is_in(minors))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(authorised.len(), 1, "one girl with, one without");
    // Every one of them can be found by her team by name.
    let cookie = app.sign_in("operatrice@anello.test").await;
    let found: app::people::registry::model::PeopleList = app
        .call(
            "people/list",
            &[("filter[search]", "joy osagie")],
            Some(&cookie),
        )
        .await;
    assert_eq!(found.total, 1);
}
