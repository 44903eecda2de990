//! Double-booking refused by the database under concurrent requests: many people
//! into one bed, one person into two beds.

use std::sync::Arc;

use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use super::{beds_of, open_placements, MANAGER};
use crate::helpers::*;
use app::entity::{audit_log, placements};

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn fifty_people_dropped_into_one_bed_give_one_placement_and_forty_nine_conflicts() {
    let app = Arc::new(TestApp::spawn_alone().await);
    let manager = app.sign_in(MANAGER).await;
    let mut codes = Vec::new();
    for index in 0..50 {
        codes.push(
            app.register_person(&manager, &format!("Concorrente{index}"))
                .await,
        );
    }
    let bed = beds_of(&app, "Cooperativa Progetto Tenda").await[0]
        .id
        .to_string();
    let today = app::kernel::clock::today().to_string();
    for round in 0..100 {
        let mut tasks = Vec::new();
        for code in &codes {
            let (app, manager, code, bed) =
                (app.clone(), manager.clone(), code.clone(), bed.clone());
            tasks.push(tokio::spawn(async move {
                let response = app
                    .call_raw(
                        "beds/place",
                        &[("code", &code), ("bed_id", &bed)],
                        Some(&manager),
                    )
                    .await;
                let status = response.status();
                let body = response.text().await.unwrap();
                (code, status, body)
            }));
        }
        let mut placed = Vec::new();
        let mut conflicts = 0;
        for task in tasks {
            let (code, status, body) = task.await.unwrap();
            assert!(
                !status.is_server_error(),
                "round {round} on {}: {status} {body}",
                app.backend
            );
            assert!(!body.contains("locked"), "round {round}: {body}");
            match status {
                StatusCode::OK => placed.push(code),
                StatusCode::CONFLICT => {
                    conflicts += 1;
                    assert!(body.contains("bed_taken"), "{body}");
                }
                other => panic!("round {round}: unexpected {other}: {body}"),
            }
        }
        assert_eq!(placed.len(), 1, "round {round} on {}", app.backend);
        assert_eq!(conflicts, 49);
        assert_eq!(open_placements(&app, bed.parse().unwrap()).await, 1);
        let response = app
            .call_raw(
                "beds/discharge",
                &[
                    ("code", &placed[0]),
                    ("reason", "end_of_stay"),
                    ("ended_on", &today),
                ],
                Some(&manager),
            )
            .await;
        assert_eq!(
            response.status(),
            StatusCode::OK,
            "{}",
            response.text().await.unwrap()
        );
    }
    // Every placement that lost the race left its trace, as each winner did.
    assert_eq!(place_audits(&app, "conflict").await, 49 * 100);
    assert_eq!(place_audits(&app, "success").await, 100);
}

/// The audit rows of placements with `outcome` (the demo network places nobody).
async fn place_audits(app: &TestApp, outcome: &str) -> u64 {
    audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("bed.place"))
        .filter(audit_log::Column::Outcome.eq(outcome))
        .count(&app.db)
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn one_person_dropped_into_two_beds_at_once_ends_in_at_most_one_placement() {
    let app = Arc::new(TestApp::spawn_alone().await);
    let manager = app.sign_in(MANAGER).await;
    let code = app.register_person(&manager, "Doppia").await;
    let beds = beds_of(&app, "Cooperativa Progetto Tenda").await;
    let today = app::kernel::clock::today().to_string();
    for round in 0..20 {
        let mut tasks = Vec::new();
        for bed in [beds[0].id, beds[1].id] {
            let (app, manager, code) = (app.clone(), manager.clone(), code.clone());
            tasks.push(tokio::spawn(async move {
                app.call_raw(
                    "beds/place",
                    &[("code", &code), ("bed_id", &bed.to_string())],
                    Some(&manager),
                )
                .await
                .status()
            }));
        }
        let mut successes = 0;
        for task in tasks {
            let status = task.await.unwrap();
            assert!(!status.is_server_error(), "round {round}: {status}");
            successes += usize::from(status == StatusCode::OK);
        }
        assert_eq!(successes, 1, "round {round} on {}", app.backend);
        let person_id = app::people::access::find_person(&app.db, &code)
            .await
            .unwrap()
            .id;
        let open = placements::Entity::find()
            .filter(placements::Column::PersonId.eq(person_id))
            .filter(placements::Column::EndedOn.is_null())
            .count(&app.db)
            .await
            .unwrap();
        assert_eq!(open, 1);
        app.call_raw(
            "beds/discharge",
            &[
                ("code", &code),
                ("reason", "end_of_stay"),
                ("ended_on", &today),
            ],
            Some(&manager),
        )
        .await;
    }
    assert_eq!(audit_rows(&app, &code, "bed.place", "conflict").await, 20);
}
