//! The bed board: placements, moves and exits; the database refuses double-booking even
//! under concurrent requests; the board carries codes, never identities or addresses.

use std::sync::Arc;

use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use crate::helpers::*;
use app::entity::{audit_log, beds, placements, structures};

const MANAGER: &str = "accoglienza@anello.test";

async fn beds_of(app: &TestApp, organisation: &str) -> Vec<beds::Model> {
    app.beds_of(organisation, None).await
}

async fn open_placements(app: &TestApp, bed_id: i32) -> u64 {
    placements::Entity::find()
        .filter(placements::Column::BedId.eq(bed_id))
        .filter(placements::Column::EndedOn.is_null())
        .count(&app.db)
        .await
        .unwrap()
}

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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_secret_address_reaches_only_the_owning_staff_who_reveal_it_with_a_reason() {
    let app = TestApp::spawn().await;
    let safe_house = app.safe_house_of("Cooperativa Progetto Tenda").await;
    let address = safe_house.address.clone().unwrap();
    let id = safe_house.id.to_string();

    let manager = app.sign_in(MANAGER).await;
    let cuneo = app.sign_in("accoglienza.cuneo@anello.test").await;
    let coordinator = app.sign_in("coordinatrice@anello.test").await;
    for cookie in [&manager, &cuneo, &coordinator] {
        let board = app
            .call_raw("beds/board", &[("filter[province]", "")], Some(cookie))
            .await
            .text()
            .await
            .unwrap();
        assert!(!board.contains(&address), "hidden by default");
    }
    let response = app
        .call_raw(
            "beds/address/reveal",
            &[("structure_id", &id), ("reason", "")],
            Some(&manager),
        )
        .await;
    assert_eq!(
        response.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "a reason is needed"
    );
    for cookie in [&cuneo, &coordinator] {
        let response = app
            .call_raw(
                "beds/address/reveal",
                &[("structure_id", &id), ("reason", "Curiosità personale")],
                Some(cookie),
            )
            .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
    }
    let response = app
        .call_raw(
            "beds/address/reveal",
            &[
                ("structure_id", &id),
                ("reason", "Accompagnare una nuova ospite"),
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
    let board = json(
        app.call_raw("beds/board", &[("filter[province]", "")], Some(&manager))
            .await,
    )
    .await;
    let card = board["structures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == safe_house.id)
        .unwrap();
    assert_eq!(card["address"], address.as_str());
    let until =
        chrono::DateTime::parse_from_rfc3339(card["address_visible_until"].as_str().unwrap())
            .unwrap();
    let minutes = (until.with_timezone(&chrono::Utc) - chrono::Utc::now()).num_minutes();
    assert!((3..=5).contains(&minutes), "a few minutes: {minutes}");
    let others = board["structures"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| !c["address"].is_null())
        .count();
    assert_eq!(others, 1, "only the revealed structure");
    let html = app
        .get("/posti-letto", Some(&manager))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains(&address));
    // Nobody else receives it, in JSON or HTML.
    for cookie in [&cuneo, &coordinator] {
        let board = app
            .call_raw("beds/board", &[("filter[province]", "")], Some(cookie))
            .await
            .text()
            .await
            .unwrap();
        assert!(!board.contains(&address));
        let html = app
            .get("/posti-letto", Some(cookie))
            .await
            .text()
            .await
            .unwrap();
        assert!(!html.contains(&address));
    }
    let reveals = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("structure.address.reveal"))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(reveals.iter().filter(|r| r.outcome == "success").count(), 1);
    assert_eq!(reveals.iter().filter(|r| r.outcome == "denied").count(), 2);
    assert!(reveals
        .iter()
        .any(|r| r.detail.as_deref().unwrap_or("").contains("nuova ospite")));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reception_managers_keep_their_own_structures_and_beds_and_never_read_addresses() {
    let app = TestApp::spawn().await;
    let manager = app.sign_in(MANAGER).await;
    let page = app
        .call_raw("beds/structures", &[], Some(&manager))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        !page.contains("Via Immaginaria"),
        "addresses are never listed"
    );
    let page: serde_json::Value = serde_json::from_str(&page).unwrap();
    assert!(page["structures"]
        .as_array()
        .unwrap()
        .iter()
        .all(|s| s["organisation"] == "Cooperativa Progetto Tenda"));

    // A new safe house: the organisation is the manager's own, whatever the form says.
    let response = app
        .call_raw(
            "beds/structures/save",
            &[
                ("form[name]", "Casa Rifugio Nuova"),
                ("form[kind]", "safe_house"),
                ("form[province]", "TO"),
                ("form[organisation_id]", "9999"),
                ("form[targets][women]", "on"),
                ("form[targets][mothers_with_children]", "on"),
                ("form[address]", "Via Segretissima 7, Torino"),
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
    let created = structures::Entity::find()
        .filter(structures::Column::Name.eq("Casa Rifugio Nuova"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert!(created.secret);
    assert_eq!(created.target_groups, "women,mothers_with_children");
    let page = app
        .call_raw("beds/structures", &[], Some(&manager))
        .await
        .text()
        .await
        .unwrap();
    assert!(!page.contains("Segretissima"));
    let id = created.id.to_string();
    for label in ["Letto A", "Letto B"] {
        let response = app
            .call_raw(
                "beds/beds/add",
                &[("structure_id", &id), ("label", label), ("room", "1")],
                Some(&manager),
            )
            .await;
        assert_eq!(response.status(), StatusCode::OK);
    }
    let response = app
        .call_raw(
            "beds/beds/add",
            &[("structure_id", &id), ("label", "Letto A"), ("room", "")],
            Some(&manager),
        )
        .await;
    assert_eq!(
        response.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "labels are unique in a structure"
    );
    let new_beds = beds::Entity::find()
        .filter(beds::Column::StructureId.eq(created.id))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(new_beds.len(), 2);
    // Another body's manager can neither change the structure nor add beds.
    let cuneo = app.sign_in("accoglienza.cuneo@anello.test").await;
    let response = app
        .call_raw(
            "beds/structures/save",
            &[
                ("form[id]", &id),
                ("form[name]", "Presa"),
                ("form[kind]", "emergency"),
                ("form[province]", "CN"),
                ("form[targets][men]", "on"),
            ],
            Some(&cuneo),
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let response = app
        .call_raw(
            "beds/beds/add",
            &[("structure_id", &id), ("label", "Letto C"), ("room", "")],
            Some(&cuneo),
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);

    // A bed with a history stays; an unused one can go.
    let person = app.register_person(&manager, "Storico").await;
    let used = new_beds[0].id.to_string();
    assert_eq!(
        app.call_raw(
            "beds/place",
            &[("code", &person), ("bed_id", &used)],
            Some(&manager)
        )
        .await
        .status(),
        StatusCode::OK
    );
    let response = app
        .call_raw("beds/beds/remove", &[("bed_id", &used)], Some(&manager))
        .await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(json(response).await["conflict"], "bed_has_history");
    let unused = new_beds[1].id.to_string();
    assert_eq!(
        app.call_raw("beds/beds/remove", &[("bed_id", &unused)], Some(&manager))
            .await
            .status(),
        StatusCode::OK
    );
    // Bad input is a field error.
    let response = app
        .call_raw(
            "beds/structures/save",
            &[("form[name]", ""), ("form[kind]", "castle")],
            Some(&manager),
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let rows = audit_log::Entity::find()
        .filter(audit_log::Column::Action.is_in(["structure.create", "bed.create", "bed.delete"]))
        .filter(audit_log::Column::Outcome.eq("success"))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(rows, 4);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_timeline_counts_days_of_presence_and_occupancy_per_month() {
    use chrono::{Datelike, Months, NaiveDate};
    use sea_orm::{ActiveModelTrait, Set};
    let app = TestApp::spawn().await;
    let manager = app.sign_in(MANAGER).await;
    let code = app.register_person(&manager, "Presenze").await;
    let person = app::people::access::find_person(&app.db, &code)
        .await
        .unwrap();
    // A structure of its own, so that the demo guests do not enter the figures.
    let response = app
        .call_raw(
            "beds/structures/save",
            &[
                ("form[name]", "Casa Calendario"),
                ("form[kind]", "second_reception"),
                ("form[province]", "TO"),
                ("form[targets][women]", "on"),
            ],
            Some(&manager),
        )
        .await;
    let structure_id: i32 = response.json().await.unwrap();
    for label in ["Letto 1", "Letto 2"] {
        app.call_raw(
            "beds/beds/add",
            &[
                ("structure_id", &structure_id.to_string()),
                ("label", label),
                ("room", ""),
            ],
            Some(&manager),
        )
        .await;
    }
    let bed = beds::Entity::find()
        .filter(beds::Column::StructureId.eq(structure_id))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    // Last month: from the 1st to the 11th (10 nights).
    let today = app::kernel::clock::today();
    let last_month = today
        .with_day(1)
        .unwrap()
        .checked_sub_months(Months::new(1))
        .unwrap();
    placements::ActiveModel {
        person_id: Set(person.id),
        bed_id: Set(bed.id),
        structure_id: Set(structure_id),
        started_on: Set(last_month),
        planned_exit_on: Set(None),
        ended_on: Set(Some(
            NaiveDate::from_ymd_opt(last_month.year(), last_month.month(), 11).unwrap(),
        )),
        end_reason: Set(Some("end_of_stay".into())),
        created_by: Set(app.user_id(MANAGER).await),
        created_at: Set(chrono::Utc::now()),
        ended_by: Set(None),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    let month = last_month.format("%Y-%m").to_string();
    let id = structure_id.to_string();
    let timeline = json(
        app.call_raw(
            "beds/timeline",
            &[("structure_id", &id), ("month", &month)],
            Some(&manager),
        )
        .await,
    )
    .await;
    assert_eq!(timeline["rows"][0]["stays"][0]["code"], code.as_str());
    assert_eq!(timeline["rows"][0]["stays"][0]["first_day"], 1);
    assert_eq!(timeline["rows"][0]["stays"][0]["last_day"], 10);
    let presence = timeline["presence"].as_array().unwrap();
    assert_eq!(presence.len(), 12);
    let shown = presence.last().unwrap();
    assert_eq!(shown["month"], month.as_str());
    assert_eq!(shown["days_of_presence"], 10);
    let days_in_month = (today.with_day(1).unwrap() - last_month).num_days();
    assert_eq!(shown["bed_days"], 2 * days_in_month);
    assert_eq!(shown["occupancy"], 10 * 100 / (2 * days_in_month));
    // The page renders for board users and is refused to others.
    let html = app
        .get(
            &format!("/strutture/{id}/presenze?mese={month}"),
            Some(&manager),
        )
        .await;
    assert_eq!(html.status(), StatusCode::OK);
    assert!(html.text().await.unwrap().contains(&code));
    let worker = app.sign_in("operatrice@anello.test").await;
    let response = app
        .call_raw(
            "beds/timeline",
            &[("structure_id", &id), ("month", &month)],
            Some(&worker),
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
}
