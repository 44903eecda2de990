//! Placing, moving and leaving, audited, on a board that carries codes only; holds
//! that keep a bed for one person, and beds out of service.

use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use super::{beds_of, open_placements, MANAGER};
use crate::helpers::*;
use app::entity::{audit_log, beds, placements};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn placing_moving_and_leaving_are_audited_and_the_board_shows_codes_only() {
    let app = TestApp::spawn().await;
    let torino_worker = app.sign_in("operatrice@anello.test").await;
    let marker = "Zqxbedmarker";
    let code = app.register_person(&torino_worker, marker).await;
    // Proposed for shelter, so any body's reception manager may place her.
    app.propose_for_shelter(&torino_worker, &code).await;

    let cuneo_manager = app.sign_in("accoglienza.cuneo@anello.test").await;
    let cuneo_beds = beds_of(&app, "Associazione Papa Giovanni XXIII").await;
    let tenda_beds = beds_of(&app, "Cooperativa Progetto Tenda").await;
    // Not in another body's structure.
    let response = app
        .call_raw(
            "beds/place",
            &[("code", &code), ("bed_id", &tenda_beds[0].id.to_string())],
            Some(&cuneo_manager),
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let response = app
        .call_raw(
            "beds/place",
            &[("code", &code), ("bed_id", &cuneo_beds[0].id.to_string())],
            Some(&cuneo_manager),
        )
        .await;
    assert_eq!(
        response.status(),
        StatusCode::OK,
        "{}",
        response.text().await.unwrap()
    );
    // Placed twice: a conflict naming what happened.
    let response = app
        .call_raw(
            "beds/place",
            &[("code", &code), ("bed_id", &cuneo_beds[1].id.to_string())],
            Some(&cuneo_manager),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(json(response).await["conflict"], "already_placed");

    // Move within the body, in one transaction: the old stay ends as a transfer.
    let response = app
        .call_raw(
            "beds/move",
            &[("code", &code), ("bed_id", &cuneo_beds[1].id.to_string())],
            Some(&cuneo_manager),
        )
        .await;
    assert_eq!(
        response.status(),
        StatusCode::OK,
        "{}",
        response.text().await.unwrap()
    );
    assert_eq!(open_placements(&app, cuneo_beds[0].id).await, 0);
    assert_eq!(open_placements(&app, cuneo_beds[1].id).await, 1);
    let ended = placements::Entity::find()
        .filter(placements::Column::BedId.eq(cuneo_beds[0].id))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(ended.end_reason.as_deref(), Some("transfer"));

    // The board: her code on the bed, never her name; no structure address anywhere.
    for email in [MANAGER, "coordinatrice@anello.test"] {
        let cookie = app.sign_in(email).await;
        let board = app
            .call_raw("beds/board", &[("filter[province]", "")], Some(&cookie))
            .await;
        assert_eq!(board.status(), StatusCode::OK);
        let text = board.text().await.unwrap();
        assert!(text.contains(&code), "{email} sees the code");
        assert!(
            !text.contains(marker) && !text.contains("Via Immaginaria"),
            "{email}"
        );
        let html = app
            .get("/posti-letto", Some(&cookie))
            .await
            .text()
            .await
            .unwrap();
        assert!(
            html.contains(&code) && !html.contains(marker) && !html.contains("Via Immaginaria")
        );
    }
    for email in [
        "operatrice@anello.test",
        "formatrice@anello.test",
        "partner@anello.test",
    ] {
        let cookie = app.sign_in(email).await;
        let board = app
            .call_raw("beds/board", &[("filter[province]", "")], Some(&cookie))
            .await;
        assert_eq!(board.status(), StatusCode::FORBIDDEN, "{email}");
    }

    // Leaving: a reason and a date, not before arrival.
    let response = app
        .call_raw(
            "beds/discharge",
            &[
                ("code", &code),
                ("reason", "autonomy"),
                ("ended_on", "2020-01-01"),
            ],
            Some(&cuneo_manager),
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let today = app::kernel::clock::today().to_string();
    let response = app
        .call_raw(
            "beds/discharge",
            &[
                ("code", &code),
                ("reason", "autonomy"),
                ("ended_on", &today),
            ],
            Some(&cuneo_manager),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(open_placements(&app, cuneo_beds[1].id).await, 0);
    for action in ["bed.place", "bed.move", "bed.discharge"] {
        let rows = audit_log::Entity::find()
            .filter(audit_log::Column::Action.eq(action))
            .filter(audit_log::Column::ObjectId.eq(code.as_str()))
            .filter(audit_log::Column::Outcome.eq("success"))
            .count(&app.db)
            .await
            .unwrap();
        assert_eq!(rows, 1, "{action}");
    }
    let denied = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("bed.place"))
        .filter(audit_log::Column::Outcome.eq("denied"))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(denied, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn holds_keep_a_bed_for_one_person_until_they_lapse_and_out_of_service_beds_take_nobody() {
    use sea_orm::{ActiveModelTrait, Set};
    let app = TestApp::spawn().await;
    let manager = app.sign_in(MANAGER).await;
    let expected = app.register_person(&manager, "Attesa").await;
    let other = app.register_person(&manager, "Altra").await;
    let bed = beds_of(&app, "Cooperativa Progetto Tenda").await[2].clone();
    let bed_id = bed.id.to_string();
    let response = app
        .call_raw(
            "beds/hold",
            &[
                ("bed_id", &bed_id),
                ("person_code", &expected),
                ("hours", "24"),
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
    let response = app
        .call_raw(
            "beds/place",
            &[("code", &other), ("bed_id", &bed_id)],
            Some(&manager),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(json(response).await["conflict"], "bed_held");
    let response = app
        .call_raw(
            "beds/place",
            &[("code", &expected), ("bed_id", &bed_id)],
            Some(&manager),
        )
        .await;
    assert_eq!(
        response.status(),
        StatusCode::OK,
        "the person it was held for gets it"
    );
    let today = app::kernel::clock::today().to_string();
    app.call_raw(
        "beds/discharge",
        &[
            ("code", &expected),
            ("reason", "end_of_stay"),
            ("ended_on", &today),
        ],
        Some(&manager),
    )
    .await;

    // A hold lapses by itself.
    app.call_raw(
        "beds/hold",
        &[
            ("bed_id", &bed_id),
            ("person_code", &expected),
            ("hours", "4"),
        ],
        Some(&manager),
    )
    .await;
    let mut lapsed: beds::ActiveModel = beds::Entity::find_by_id(bed.id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .into();
    lapsed.held_until = Set(Some(chrono::Utc::now() - chrono::Duration::minutes(1)));
    lapsed.update(&app.db).await.unwrap();
    let response = app
        .call_raw(
            "beds/place",
            &[("code", &other), ("bed_id", &bed_id)],
            Some(&manager),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    app.call_raw(
        "beds/discharge",
        &[
            ("code", &other),
            ("reason", "end_of_stay"),
            ("ended_on", &today),
        ],
        Some(&manager),
    )
    .await;

    // Out of service: nobody is placed until it is back.
    let response = app
        .call_raw(
            "beds/service",
            &[("bed_id", &bed_id), ("reason", "Infiltrazione d'acqua")],
            Some(&manager),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let response = app
        .call_raw(
            "beds/place",
            &[("code", &other), ("bed_id", &bed_id)],
            Some(&manager),
        )
        .await;
    assert_eq!(json(response).await["conflict"], "bed_out_of_service");
    let response = app
        .call_raw(
            "beds/service",
            &[("bed_id", &bed_id), ("reason", "")],
            Some(&manager),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let response = app
        .call_raw(
            "beds/place",
            &[("code", &other), ("bed_id", &bed_id)],
            Some(&manager),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    // Another body's manager cannot touch this bed.
    let cuneo = app.sign_in("accoglienza.cuneo@anello.test").await;
    let response = app
        .call_raw(
            "beds/service",
            &[("bed_id", &bed_id), ("reason", "Prova")],
            Some(&cuneo),
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    for action in ["bed.hold", "bed.out_of_service", "bed.in_service"] {
        let rows = audit_log::Entity::find()
            .filter(audit_log::Column::Action.eq(action))
            .filter(audit_log::Column::Outcome.eq("success"))
            .count(&app.db)
            .await
            .unwrap();
        assert!(rows >= 1, "{action}");
    }
}
