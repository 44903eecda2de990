//! The network's own work: training events with registrations, attendance and
//! certificates; coordination meetings with minutes and decisions that reach their
//! owners' "Il mio lavoro". Organisers change only their organisation's events, a
//! partner never reaches a meeting; every change and every refusal is audited.

use app::network::model::{EventPage, EventsPage};
use reqwest::StatusCode;

use crate::helpers::*;

mod meetings;

pub(super) const TRAINER: &str = "formatrice@anello.test";
pub(super) const COORDINATOR: &str = "coordinatrice@anello.test";
pub(super) const PARTNER: &str = "partner@anello.test";
pub(super) const CASE_WORKER: &str = "operatrice@anello.test";
pub(super) const OTHER_BODY_MANAGER: &str = "accoglienza.cuneo@anello.test";
pub(super) const OTHER_CASE_WORKER: &str = "operatrice.cuneo@anello.test";

/// Creates an event and answers its id.
pub(super) async fn create(
    app: &TestApp,
    cookie: &str,
    kind: &str,
    title: &str,
    held_on: &str,
) -> i32 {
    let response = app
        .call_raw(
            "network/events/save",
            &[
                ("form[kind]", kind),
                ("form[title]", title),
                ("form[audience]", "emergency_department"),
                ("form[held_on]", held_on),
                ("form[hours]", "3"),
                ("form[place]", "Ospedale Maria Vittoria, Torino"),
                ("form[trainers]", "Laura Ferrero"),
                ("form[agenda]", "Gli indicatori nel colloquio sanitario"),
            ],
            Some(cookie),
        )
        .await;
    assert_eq!(
        response.status(),
        StatusCode::OK,
        "{}",
        response.text().await.unwrap()
    );
    event_id(app, title).await
}

pub(super) async fn event_id(app: &TestApp, title: &str) -> i32 {
    use app::entity::network_events;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    network_events::Entity::find()
        .filter(network_events::Column::Title.eq(title))
        .one(&app.db)
        .await
        .unwrap()
        .expect("the event just created")
        .id
}

pub(super) async fn event(app: &TestApp, cookie: &str, id: i32) -> EventPage {
    app.call("network/event", &[("id", &id.to_string())], Some(cookie))
        .await
}

pub(super) async fn post(
    app: &TestApp,
    cookie: &str,
    endpoint: &str,
    form: &[(&str, &str)],
) -> reqwest::Response {
    app.call_raw(endpoint, form, Some(cookie)).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_training_registers_people_records_who_came_and_certifies_them() {
    let app = TestApp::spawn().await;
    let trainer = app.sign_in(TRAINER).await;
    let id = create(
        &app,
        &trainer,
        "training",
        "Indicatori al pronto soccorso",
        &day(-3),
    )
    .await;
    let event_id = id.to_string();
    let coming = create(&app, &trainer, "training", "Indicatori per i CAS", &day(10)).await;
    assert_eq!(
        audit_rows(&app, &event_id, "network.event.save", "success").await,
        1
    );

    // A partner of the forum (a prefecture's officer) sees the training and registers.
    let partner = app.sign_in(PARTNER).await;
    let calendar: EventsPage = app.call("network/events", &[], Some(&partner)).await;
    assert!(calendar.past.iter().any(|e| e.id == id));
    assert!(!calendar.may_organise);
    let registered = post(
        &app,
        &partner,
        "network/register",
        &[("id", &event_id), ("registering", "true")],
    )
    .await;
    assert_eq!(registered.status(), StatusCode::OK);
    // Twice is once.
    let again = post(
        &app,
        &partner,
        "network/register",
        &[("id", &event_id), ("registering", "true")],
    )
    .await;
    assert_eq!(again.status(), StatusCode::OK);
    let seen = event(&app, &partner, id).await;
    assert_eq!(seen.registered, 1);
    assert!(seen.mine.is_some() && !seen.may_edit);
    assert!(
        seen.participants.is_empty(),
        "only organisers see who registered"
    );

    // The trainer registers a nurse without an account and marks who came.
    let added = post(
        &app,
        &trainer,
        "network/participants/add",
        &[
            ("id", &event_id),
            ("form[full_name]", "Anna Rossi"),
            ("form[organisation]", "ASL Città di Torino"),
        ],
    )
    .await;
    assert_eq!(added.status(), StatusCode::OK);
    let page = event(&app, &trainer, id).await;
    assert_eq!(page.participants.len(), 2);
    for participant in &page.participants {
        let marked = post(
            &app,
            &trainer,
            "network/attendance",
            &[
                ("id", &event_id),
                ("participant", &participant.id.to_string()),
                ("attended", "true"),
            ],
        )
        .await;
        assert_eq!(marked.status(), StatusCode::OK);
    }
    assert_eq!(event(&app, &trainer, id).await.attended, 2);
    assert_eq!(
        audit_rows(&app, &event_id, "network.attendance", "success").await,
        2
    );

    // Her certificate is hers (and the organisers'); the nurse's is not hers to take.
    let mine = event(&app, &partner, id).await.mine.unwrap();
    assert!(mine.attended);
    let nurse = page
        .participants
        .iter()
        .find(|p| p.full_name == "Anna Rossi")
        .unwrap();
    let pdf = app
        .get(
            &format!("/azioni-di-sistema/{id}/attestati/{}.pdf", mine.id),
            Some(&partner),
        )
        .await;
    assert_eq!(pdf.status(), StatusCode::OK);
    assert_eq!(pdf.headers()["content-type"], "application/pdf");
    let bytes = pdf.bytes().await.unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    assert!(bytes.windows(14).any(|w| w == b"Davide Rinaldi"));
    let refused = app
        .get(
            &format!("/azioni-di-sistema/{id}/attestati/{}.pdf", nurse.id),
            Some(&partner),
        )
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        audit_rows(&app, &event_id, "network.certificate.download", "denied").await,
        1
    );
    let nurses = app
        .get(
            &format!("/azioni-di-sistema/{id}/attestati/{}.pdf", nurse.id),
            Some(&trainer),
        )
        .await;
    assert_eq!(nurses.status(), StatusCode::OK);
    assert_eq!(
        audit_rows(&app, &event_id, "network.certificate.download", "success").await,
        2
    );
    // Attended: her registration stays.
    let kept = post(
        &app,
        &partner,
        "network/register",
        &[("id", &event_id), ("registering", "false")],
    )
    .await;
    assert_eq!(kept.status(), StatusCode::CONFLICT);
    assert_eq!(json(kept).await["conflict"], "attendance_recorded");
    let kept = post(
        &app,
        &trainer,
        "network/participants/remove",
        &[("id", &event_id), ("participant", &nurse.id.to_string())],
    )
    .await;
    assert_eq!(kept.status(), StatusCode::CONFLICT);
    assert_eq!(event(&app, &trainer, id).await.attended, 2);

    // Nobody is present at an event still to come.
    let coming_id = coming.to_string();
    post(
        &app,
        &partner,
        "network/register",
        &[("id", &coming_id), ("registering", "true")],
    )
    .await;
    let future = event(&app, &trainer, coming).await;
    // A registration of one event named with another: not found, whoever asks.
    let crossed = post(
        &app,
        &trainer,
        "network/attendance",
        &[
            ("id", &coming_id),
            ("participant", &nurse.id.to_string()),
            ("attended", "false"),
        ],
    )
    .await;
    assert_eq!(crossed.status(), StatusCode::NOT_FOUND);
    let crossed = app
        .get(
            &format!("/azioni-di-sistema/{coming}/attestati/{}.pdf", mine.id),
            Some(&partner),
        )
        .await;
    assert_eq!(crossed.status(), StatusCode::NOT_FOUND);
    let early = post(
        &app,
        &trainer,
        "network/attendance",
        &[
            ("id", &coming_id),
            ("participant", &future.participants[0].id.to_string()),
            ("attended", "true"),
        ],
    )
    .await;
    assert_eq!(early.status(), StatusCode::CONFLICT);
    assert_eq!(json(early).await["conflict"], "event_not_held");
    // The partner finds the coming training on her calendar, not on "Il mio lavoro"
    // (she has none); the trainer may take a registration off.
    let taken_off = post(
        &app,
        &trainer,
        "network/participants/remove",
        &[
            ("id", &coming_id),
            ("participant", &future.participants[0].id.to_string()),
        ],
    )
    .await;
    assert_eq!(taken_off.status(), StatusCode::OK);
    assert_eq!(event(&app, &trainer, coming).await.registered, 0);

    // Another body's organiser changes nothing of it, audited; a case worker organises
    // nothing at all.
    let other = app.sign_in(OTHER_BODY_MANAGER).await;
    let refused = post(
        &app,
        &other,
        "network/events/save",
        &[
            ("form[record]", &event_id),
            ("form[kind]", "training"),
            ("form[title]", "Rubato"),
            ("form[audience]", "mixed"),
            ("form[held_on]", &day(-3)),
            ("form[place]", "Cuneo"),
            ("form[trainers]", "X"),
        ],
    )
    .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        audit_rows(&app, &event_id, "network.event.save", "denied").await,
        1
    );
    let refused = post(
        &app,
        &other,
        "network/attendance",
        &[
            ("id", &event_id),
            ("participant", &nurse.id.to_string()),
            ("attended", "false"),
        ],
    )
    .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        audit_rows(&app, &event_id, "network.attendance", "denied").await,
        1
    );
    assert!(event(&app, &other, id).await.participants.is_empty());
    let worker = app.sign_in(CASE_WORKER).await;
    let refused = post(
        &app,
        &worker,
        "network/participants/add",
        &[
            ("id", &event_id),
            ("form[full_name]", "X"),
            ("form[organisation]", "Y"),
        ],
    )
    .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        event(&app, &trainer, id).await.event.title,
        "Indicatori al pronto soccorso"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_organisers_link_materials_of_the_library_they_read() {
    let app = TestApp::spawn().await;
    let trainer = app.sign_in(TRAINER).await;
    let id = create(
        &app,
        &trainer,
        "workshop",
        "Workshop sulle mamme con bambini",
        &day(5),
    )
    .await;
    let event_id = id.to_string();
    let page = event(&app, &trainer, id).await;
    let (material, title) = page
        .material_choices
        .first()
        .cloned()
        .expect("a published material");
    let linked = post(
        &app,
        &trainer,
        "network/events/material",
        &[
            ("id", &event_id),
            ("material", &material.to_string()),
            ("linked", "true"),
        ],
    )
    .await;
    assert_eq!(linked.status(), StatusCode::OK);
    let partner = app.sign_in(PARTNER).await;
    let seen = event(&app, &partner, id).await;
    assert_eq!(
        seen.materials
            .iter()
            .map(|(_, t)| t.as_str())
            .collect::<Vec<_>>(),
        vec![title.as_str()]
    );
    assert!(seen.material_choices.is_empty());
    let unknown = post(
        &app,
        &trainer,
        "network/events/material",
        &[
            ("id", &event_id),
            ("material", "999999"),
            ("linked", "true"),
        ],
    )
    .await;
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    let removed = post(
        &app,
        &trainer,
        "network/events/material",
        &[
            ("id", &event_id),
            ("material", &material.to_string()),
            ("linked", "false"),
        ],
    )
    .await;
    assert_eq!(removed.status(), StatusCode::OK);
    assert!(event(&app, &partner, id).await.materials.is_empty());
    assert_eq!(
        audit_rows(&app, &event_id, "network.materials.link", "success").await,
        1
    );

    // A wrong event is a translated field error, and a plain form comes back to its page.
    let wrong = post(
        &app,
        &trainer,
        "network/events/save",
        &[
            ("form[kind]", "party"),
            ("form[title]", ""),
            ("form[audience]", "x"),
            ("form[held_on]", "ieri"),
            ("form[place]", ""),
        ],
    )
    .await;
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = json(wrong).await;
    assert_eq!(problem(&body, "kind").as_deref(), Some("unknown_choice"));
    assert_eq!(problem(&body, "title").as_deref(), Some("required"));
    let response = post_plain_form(
        &app,
        &trainer,
        ("network/register", &format!("/azioni-di-sistema/{id}")),
        &[("id", &event_id), ("registering", "true")],
    )
    .await;
    assert!(response.status().is_redirection(), "{}", response.status());
    assert_eq!(location(&response), format!("/azioni-di-sistema/{id}"));
}
