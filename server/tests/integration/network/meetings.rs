//! Coordination meetings: minutes, decisions that reach their owners' "Il mio lavoro",
//! and nothing of them for a partner.

use app::network::model::{EventKind, EventsPage};
use app::planner::model::MyWork;
use reqwest::StatusCode;

use super::{create, event, post, CASE_WORKER, COORDINATOR, OTHER_CASE_WORKER, PARTNER};
use crate::helpers::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_meetings_decisions_reach_their_owners_and_partners_never_see_it() {
    let app = TestApp::spawn().await;
    let coordinator = app.sign_in(COORDINATOR).await;
    let id = create(
        &app,
        &coordinator,
        "meeting",
        "Cabina di regia di dicembre",
        &day(-1),
    )
    .await;
    let event_id = id.to_string();
    let minutes = post(
        &app,
        &coordinator,
        "network/events/minutes",
        &[
            ("id", &event_id),
            (
                "minutes",
                "Protocollo per le 16-18enni: bozza entro la settimana.",
            ),
        ],
    )
    .await;
    assert_eq!(minutes.status(), StatusCode::OK);
    let owner = app.user_id(CASE_WORKER).await.to_string();
    let due = day(3);
    let added = post(
        &app,
        &coordinator,
        "network/decisions/add",
        &[
            ("id", &event_id),
            ("form[body]", "Raccogliere le segnalazioni dei CAS"),
            ("form[owner]", &owner),
            ("form[due_on]", &due),
        ],
    )
    .await;
    assert_eq!(
        added.status(),
        StatusCode::OK,
        "{}",
        added.text().await.unwrap()
    );
    // A partner owns no decision.
    let partner_id = app.user_id(PARTNER).await.to_string();
    let refused = post(
        &app,
        &coordinator,
        "network/decisions/add",
        &[
            ("id", &event_id),
            ("form[body]", "X"),
            ("form[owner]", &partner_id),
            ("form[due_on]", &due),
        ],
    )
    .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        problem(&json(refused).await, "owner").as_deref(),
        Some("unknown_choice")
    );

    // Her decision is on "Il mio lavoro"; she marks it done and it leaves.
    let worker = app.sign_in(CASE_WORKER).await;
    let work: MyWork = app.call("planner/my_work", &[], Some(&worker)).await;
    let mine: Vec<_> = work
        .network
        .iter()
        .filter(|d| d.title == "Cabina di regia di dicembre")
        .collect();
    assert_eq!(mine.len(), 1, "{:?}", work.network);
    assert_eq!(
        mine[0].decision.as_deref(),
        Some("Raccogliere le segnalazioni dei CAS")
    );
    assert_eq!(mine[0].link, format!("/azioni-di-sistema/{id}"));
    let page = event(&app, &worker, id).await;
    assert_eq!(page.event.kind, EventKind::Meeting);
    let decision = page.decisions[0].id.to_string();
    assert!(page.decisions[0].may_close);
    // Someone else's decision is not another worker's to close.
    let other = app.sign_in(OTHER_CASE_WORKER).await;
    let refused = post(
        &app,
        &other,
        "network/decisions/done",
        &[("id", &event_id), ("decision", &decision), ("done", "true")],
    )
    .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        audit_rows(&app, &event_id, "network.decisions.done", "denied").await,
        1
    );
    let closed = post(
        &app,
        &worker,
        "network/decisions/done",
        &[("id", &event_id), ("decision", &decision), ("done", "true")],
    )
    .await;
    assert_eq!(closed.status(), StatusCode::OK);
    let work: MyWork = app.call("planner/my_work", &[], Some(&worker)).await;
    assert!(work
        .network
        .iter()
        .all(|d| d.title != "Cabina di regia di dicembre"));
    assert!(event(&app, &coordinator, id).await.decisions[0]
        .done_on
        .is_some());
    // The coordinator keeps "Il mio lavoro" too, with no section about people.
    let hers: MyWork = app.call("planner/my_work", &[], Some(&coordinator)).await;
    assert!(!hers.works_with_people);

    // A partner: the meeting is not on her calendar, and neither its data nor its page
    // reaches her; the refusal is audited.
    let partner = app.sign_in(PARTNER).await;
    let calendar: EventsPage = app.call("network/events", &[], Some(&partner)).await;
    assert!(calendar
        .past
        .iter()
        .chain(calendar.coming.iter())
        .all(|e| e.kind != EventKind::Meeting));
    let refused = app
        .call_raw("network/event", &[("id", &event_id)], Some(&partner))
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let html = app
        .get(&format!("/azioni-di-sistema/{id}"), Some(&partner))
        .await;
    assert_eq!(html.status(), StatusCode::FORBIDDEN);
    assert!(!html.text().await.unwrap().contains("16-18enni"));
    assert_eq!(
        audit_rows(&app, &event_id, "network.event.view", "denied").await,
        2
    );
    let refused = post(
        &app,
        &partner,
        "network/register",
        &[("id", &event_id), ("registering", "true")],
    )
    .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        audit_rows(&app, &event_id, "network.register", "denied").await,
        1
    );

    // A meeting stays a meeting: turned into a training, its minutes would reach
    // partners. And a decision is found only under its own meeting.
    let turned = post(
        &app,
        &coordinator,
        "network/events/save",
        &[
            ("form[record]", &event_id),
            ("form[kind]", "training"),
            ("form[title]", "Cabina di regia di dicembre"),
            ("form[audience]", "network_staff"),
            ("form[held_on]", &day(-1)),
            ("form[place]", "Torino"),
            ("form[trainers]", "Chiara Bertola"),
        ],
    )
    .await;
    assert_eq!(turned.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        problem(&json(turned).await, "kind").as_deref(),
        Some("contradiction")
    );
    let training = create(
        &app,
        &coordinator,
        "training",
        "Formazione a parte",
        &day(-1),
    )
    .await;
    let crossed = post(
        &app,
        &coordinator,
        "network/decisions/done",
        &[
            ("id", &training.to_string()),
            ("decision", &decision),
            ("done", "false"),
        ],
    )
    .await;
    assert_eq!(crossed.status(), StatusCode::NOT_FOUND);
    assert!(event(&app, &coordinator, training)
        .await
        .decisions
        .is_empty());
    let refused = app.call_raw("planner/my_work", &[], Some(&partner)).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
}
