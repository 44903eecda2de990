//! The "system actions" table of the funder report, counted by hand: events held in
//! the period by the report's organisations, the people present, trainings by their
//! audience, the decisions taken at meetings and those carried out.

use app::network::model::{Audience, EventKind};
use app::reports::model::{FunderReport, Label, TableId};
use chrono::{Duration, Utc};
use sea_orm::{ActiveModelTrait, EntityTrait, Set};

use super::{cell, period, COORDINATOR};
use crate::helpers::*;

async fn event(
    app: &TestApp,
    organisation: i32,
    kind: EventKind,
    audience: Audience,
    held: i64,
) -> i32 {
    use app::entity::network_events;
    let now = Utc::now();
    network_events::ActiveModel {
        kind: Set(kind.code().into()),
        title: Set(format!("{kind:?} {held}")),
        audience: Set(audience.code().into()),
        held_on: Set(app::kernel::clock::today() + Duration::days(held)),
        hours: Set(None),
        place: Set("Torino".into()),
        trainers: Set(String::new()),
        agenda: Set(None),
        minutes: Set(None),
        organisation_id: Set(organisation),
        created_by: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap()
    .id
}

async fn people(app: &TestApp, event: i32, attended: usize, absent: usize) {
    use app::entity::network_participants;
    for n in 0..attended + absent {
        network_participants::ActiveModel {
            event_id: Set(event),
            user_id: Set(None),
            full_name: Set(format!("Partecipante {n}")),
            organisation_name: Set("ASL".into()),
            attended: Set(n < attended),
            registered_by: Set(1),
            registered_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(&app.db)
        .await
        .unwrap();
    }
}

async fn decision(app: &TestApp, event: i32, done: bool) {
    use app::entity::network_decisions;
    let today = app::kernel::clock::today();
    network_decisions::ActiveModel {
        event_id: Set(event),
        body: Set("Decisione".into()),
        owner_id: Set(1),
        due_on: Set(today),
        done_on: Set(done.then_some(today)),
        created_by: Set(1),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_system_actions_of_the_period_are_counted_as_written_by_hand() {
    let app = TestApp::spawn().await;
    app::entity::network_events::Entity::delete_many()
        .exec(&app.db)
        .await
        .unwrap();
    let tenda = app.organisation_id("Cooperativa Progetto Tenda").await;
    let abele = app.organisation_id("Associazione Gruppo Abele").await;
    // Tenda: a training for an emergency department (3 present of 4), a workshop for
    // social services (1 of 1), a meeting (2 present) with 3 decisions, 1 done; a
    // training still to come and one before the period, neither counted.
    let training = event(
        &app,
        tenda,
        EventKind::Training,
        Audience::EmergencyDepartment,
        -20,
    )
    .await;
    people(&app, training, 3, 1).await;
    let workshop = event(
        &app,
        tenda,
        EventKind::Workshop,
        Audience::SocialServices,
        -5,
    )
    .await;
    people(&app, workshop, 1, 0).await;
    let meeting = event(&app, tenda, EventKind::Meeting, Audience::NetworkStaff, -2).await;
    people(&app, meeting, 2, 0).await;
    for done in [true, false, false] {
        decision(&app, meeting, done).await;
    }
    let coming = event(
        &app,
        tenda,
        EventKind::Training,
        Audience::EmergencyDepartment,
        3,
    )
    .await;
    people(&app, coming, 0, 5).await;
    let before = event(&app, tenda, EventKind::Training, Audience::CasSai, -90).await;
    people(&app, before, 4, 0).await;
    // Gruppo Abele: a training for CAS staff (2 present), in the network's figures only.
    let other = event(&app, abele, EventKind::Training, Audience::CasSai, -10).await;
    people(&app, other, 2, 0).await;

    let coordinator = app.sign_in(COORDINATOR).await;
    let (from, to) = (day(-30), day(30));
    let tenda_id = tenda.to_string();
    let report: FunderReport = app
        .call(
            "reports/funder",
            &period(&tenda_id, &from, &to),
            Some(&coordinator),
        )
        .await;
    let at = |row: Label, column: Label| cell(&report, TableId::SystemActions, &row, &column);
    let kind = Label::EventKind;
    assert_eq!(at(kind(EventKind::Training), Label::Events), 1);
    assert_eq!(at(kind(EventKind::Training), Label::Present), 3);
    assert_eq!(at(kind(EventKind::Workshop), Label::Events), 1);
    assert_eq!(at(kind(EventKind::Workshop), Label::Present), 1);
    assert_eq!(at(kind(EventKind::Meeting), Label::Events), 1);
    assert_eq!(at(kind(EventKind::Meeting), Label::Present), 2);
    assert_eq!(
        at(
            Label::Audience(Audience::EmergencyDepartment),
            Label::Events
        ),
        1
    );
    assert_eq!(
        at(Label::Audience(Audience::SocialServices), Label::Present),
        1
    );
    assert_eq!(at(Label::Audience(Audience::CasSai), Label::Events), 0);
    assert_eq!(
        at(Label::Audience(Audience::NetworkStaff), Label::Events),
        0,
        "meetings are not trainings"
    );
    assert_eq!(at(Label::DecisionsTaken, Label::Events), 3);
    assert_eq!(at(Label::DecisionsDone, Label::Events), 1);

    // The whole network: Gruppo Abele's training too.
    let network: FunderReport = app
        .call(
            "reports/funder",
            &[
                ("request[from]", from.as_str()),
                ("request[to]", to.as_str()),
            ],
            Some(&coordinator),
        )
        .await;
    let at = |row: Label, column: Label| cell(&network, TableId::SystemActions, &row, &column);
    assert_eq!(at(kind(EventKind::Training), Label::Events), 2);
    assert_eq!(at(kind(EventKind::Training), Label::Present), 5);
    assert_eq!(at(Label::Audience(Audience::CasSai), Label::Present), 2);
}
