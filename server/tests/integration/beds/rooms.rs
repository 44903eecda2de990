//! Rooms as places: a structure's managers keep its rooms (name, floor) and put beds in
//! them; others get 403, audited; the board groups beds by room; a mother and her
//! children are placed in one room when it has the beds, even where adjacent beds
//! would cross into the next room.

use app::beds::model::Board;
use app::entity::{audit_log, beds, rooms};
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::helpers::*;
use crate::placement_rules::{open_bed_of, place, register, structure};

const MANAGER: &str = "accoglienza@anello.test";
const OTHER_MANAGER: &str = "accoglienza.cuneo@anello.test";

async fn save_room(app: &TestApp, cookie: &str, fields: &[(&str, &str)]) -> reqwest::Response {
    app.call_raw("beds/rooms/save", fields, Some(cookie)).await
}

async fn rooms_of(app: &TestApp, structure_id: i32) -> Vec<rooms::Model> {
    rooms::Entity::find()
        .filter(rooms::Column::StructureId.eq(structure_id))
        .order_by_asc(rooms::Column::Position)
        .all(&app.db)
        .await
        .unwrap()
}

async fn room_of_bed(app: &TestApp, bed: i32) -> Option<i32> {
    beds::Entity::find_by_id(bed)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .room_id
}

/// The house a bed is in.
async fn house_of(app: &TestApp, bed: i32) -> i32 {
    beds::Entity::find_by_id(bed)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .structure_id
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_structures_managers_keep_its_rooms_and_the_board_groups_beds_by_them() {
    let app = TestApp::spawn().await;
    let manager = app.sign_in(MANAGER).await;
    let beds_made = structure(&app, "Casa Stanze", "women", 3).await;
    let house = house_of(&app, beds_made[0]).await;
    let house_id = house.to_string();
    for (name, floor) in [("Azzurra", "1"), ("Verde", "0")] {
        let saved = save_room(
            &app,
            &manager,
            &[
                ("form[structure_id]", &house_id),
                ("form[name]", name),
                ("form[floor]", floor),
            ],
        )
        .await;
        assert_eq!(
            saved.status(),
            StatusCode::OK,
            "{}",
            saved.text().await.unwrap()
        );
    }
    let made = rooms_of(&app, house).await;
    assert_eq!(
        made.iter()
            .map(|r| (r.name.as_str(), r.floor))
            .collect::<Vec<_>>(),
        vec![("Azzurra", Some(1)), ("Verde", Some(0))]
    );
    let (azzurra, verde) = (made[0].id.to_string(), made[1].id.to_string());
    // The same name twice in a house, a floor out of range: field errors.
    let twice = save_room(
        &app,
        &manager,
        &[("form[structure_id]", &house_id), ("form[name]", "Azzurra")],
    )
    .await;
    assert_eq!(twice.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        problem(&json(twice).await, "name").as_deref(),
        Some("already_taken")
    );
    let high = save_room(
        &app,
        &manager,
        &[
            ("form[structure_id]", &house_id),
            ("form[name]", "Torre"),
            ("form[floor]", "99"),
        ],
    )
    .await;
    assert_eq!(
        problem(&json(high).await, "floor").as_deref(),
        Some("out_of_range")
    );

    // A room renamed keeps its house: another house named in the form is refused.
    let other_house = structure(&app, "Casa Stanze Due", "women", 1).await;
    let other_house = house_of(&app, other_house[0]).await.to_string();
    let moved = save_room(
        &app,
        &manager,
        &[
            ("form[id]", &azzurra),
            ("form[structure_id]", &other_house),
            ("form[name]", "Azzurra"),
        ],
    )
    .await;
    assert_eq!(moved.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let renamed = save_room(
        &app,
        &manager,
        &[
            ("form[id]", &azzurra),
            ("form[structure_id]", &house_id),
            ("form[name]", "Azzurra"),
            ("form[floor]", "1"),
        ],
    )
    .await;
    assert_eq!(renamed.status(), StatusCode::OK);

    // Beds put in rooms: two in Azzurra, a new one in Verde.
    for bed in &beds_made[..2] {
        let moved = app
            .call_raw(
                "beds/beds/room",
                &[("bed_id", &bed.to_string()), ("room", &azzurra)],
                Some(&manager),
            )
            .await;
        assert_eq!(moved.status(), StatusCode::OK);
    }
    let added = app
        .call_raw(
            "beds/beds/add",
            &[
                ("structure_id", &house_id),
                ("label", "Letto 4"),
                ("room", &verde),
            ],
            Some(&manager),
        )
        .await;
    assert_eq!(added.status(), StatusCode::OK);
    assert_eq!(room_of_bed(&app, beds_made[0]).await, Some(made[0].id));
    // Another house's room is not this bed's to take.
    let elsewhere = structure(&app, "Casa Altrove", "women", 1).await;
    let refused = app
        .call_raw(
            "beds/beds/room",
            &[("bed_id", &elsewhere[0].to_string()), ("room", &azzurra)],
            Some(&manager),
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // The board: the house's rooms, each bed with its room.
    let board: Board = app
        .call("beds/board", &[("filter[province]", "TO")], Some(&manager))
        .await;
    let card = board
        .structures
        .iter()
        .find(|card| card.id == house)
        .expect("the house on the board");
    assert_eq!(
        card.rooms
            .iter()
            .map(|r| r.name.as_str())
            .collect::<Vec<_>>(),
        vec!["Azzurra", "Verde"]
    );
    let in_azzurra = card
        .beds
        .iter()
        .filter(|bed| bed.room == Some(made[0].id))
        .count();
    assert_eq!(in_azzurra, 2);
    let html = app
        .get(
            &format!("/posti-letto?provincia=TO&struttura={house}"),
            Some(&manager),
        )
        .await
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("Stanza Azzurra · piano 1"),
        "the room's heading on the board"
    );

    // A room with beds stays; emptied, it goes.
    let refused = app
        .call_raw("beds/rooms/remove", &[("room_id", &verde)], Some(&manager))
        .await;
    assert_eq!(refused.status(), StatusCode::CONFLICT);
    assert_eq!(json(refused).await["conflict"], "room_has_beds");
    let new_bed = beds::Entity::find()
        .filter(beds::Column::RoomId.eq(made[1].id))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let emptied = app
        .call_raw(
            "beds/beds/room",
            &[("bed_id", &new_bed.id.to_string()), ("room", "")],
            Some(&manager),
        )
        .await;
    assert_eq!(emptied.status(), StatusCode::OK);
    let removed = app
        .call_raw("beds/rooms/remove", &[("room_id", &verde)], Some(&manager))
        .await;
    assert_eq!(removed.status(), StatusCode::OK);
    assert_eq!(rooms_of(&app, house).await.len(), 1);

    // Another body's manager: 403 for each, audited; nothing changed.
    let cuneo = app.sign_in(OTHER_MANAGER).await;
    let refused = save_room(
        &app,
        &cuneo,
        &[("form[structure_id]", &house_id), ("form[name]", "Intrusa")],
    )
    .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let refused = save_room(
        &app,
        &cuneo,
        &[
            ("form[id]", &azzurra),
            ("form[structure_id]", &house_id),
            ("form[name]", "Rinominata"),
        ],
    )
    .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let refused = app
        .call_raw(
            "beds/beds/room",
            &[("bed_id", &beds_made[2].to_string()), ("room", &azzurra)],
            Some(&cuneo),
        )
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let refused = app
        .call_raw("beds/rooms/remove", &[("room_id", &azzurra)], Some(&cuneo))
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let denied = audit_log::Entity::find()
        .filter(audit_log::Column::Outcome.eq("denied"))
        .filter(audit_log::Column::Action.is_in([
            "room.create",
            "room.update",
            "room.delete",
            "bed.room",
        ]))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(denied.len(), 4, "{denied:?}");
    assert_eq!(rooms_of(&app, house).await[0].name, "Azzurra");
    assert_eq!(room_of_bed(&app, beds_made[2]).await, None);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_mother_and_her_children_share_a_room_when_it_has_the_beds() {
    let app = TestApp::spawn().await;
    let manager = app.sign_in(MANAGER).await;
    // Beds 1–2 in room A, 3–5 in room B: dropped on bed 2, the adjacent beds would be
    // 2 and 3, across two rooms; room B has the beds the family needs.
    let beds_made = structure(&app, "Casa Stanze Famiglie", "mothers_with_children", 5).await;
    let house = house_of(&app, beds_made[0]).await.to_string();
    for name in ["A", "B"] {
        let saved = save_room(
            &app,
            &manager,
            &[("form[structure_id]", &house), ("form[name]", name)],
        )
        .await;
        assert_eq!(saved.status(), StatusCode::OK);
    }
    let made = rooms_of(&app, house.parse().unwrap()).await;
    for (index, bed) in beds_made.iter().enumerate() {
        let room = if index < 2 { made[0].id } else { made[1].id };
        let moved = app
            .call_raw(
                "beds/beds/room",
                &[("bed_id", &bed.to_string()), ("room", &room.to_string())],
                Some(&manager),
            )
            .await;
        assert_eq!(moved.status(), StatusCode::OK);
    }
    let mother = register(&app, &manager, &[]).await;
    let birth = (app::kernel::clock::today() - chrono::Duration::days(5 * 365)).to_string();
    let child = register(
        &app,
        &manager,
        &[
            ("form[family_head]", mother.as_str()),
            ("form[date_of_birth]", birth.as_str()),
        ],
    )
    .await;
    // Dropped on bed 4 (room B): the child takes bed 3 or 5, in room B, not bed 2.
    let response = place(&app, &manager, &mother, beds_made[3], None).await;
    assert_eq!(
        response.status(),
        StatusCode::OK,
        "{}",
        response.text().await.unwrap()
    );
    let child_bed = open_bed_of(&app, &child).await.expect("the child placed");
    assert_eq!(room_of_bed(&app, child_bed).await, Some(made[1].id));
    let today = app::kernel::clock::today().to_string();
    let left = app
        .call_raw(
            "beds/discharge",
            &[
                ("code", &mother),
                ("reason", "autonomy"),
                ("ended_on", &today),
            ],
            Some(&manager),
        )
        .await;
    assert_eq!(left.status(), StatusCode::OK);

    // Dropped on bed 2 (room A, two beds): mother and child both in room A, though bed 3
    // is the adjacent one in the next room.
    let response = place(&app, &manager, &mother, beds_made[1], None).await;
    assert_eq!(response.status(), StatusCode::OK);
    let taken: Vec<i32> = response.json().await.unwrap();
    assert_eq!(taken, vec![beds_made[1], beds_made[0]]);
    assert_eq!(open_bed_of(&app, &child).await, Some(beds_made[0]));
}

/// The rooms written as text before rooms were records: one room per text of each
/// house, its beds in it, the text column gone.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rooms_written_as_text_become_rooms_with_their_beds() {
    use migrations::{Migrator, MigratorTrait};
    use sea_orm::{ConnectionTrait, Database};
    let (url, _, file) = empty_database().await;
    let db = Database::connect(&url).await.unwrap();
    // Every migration before the rooms' one.
    let applied_before = Migrator::migrations()
        .iter()
        .position(|m| m.name().contains("000026_rooms"))
        .expect("the rooms migration") as u32;
    Migrator::up(&db, Some(applied_before)).await.unwrap();
    for statement in [
        "INSERT INTO organisations (name, kind, region, active, created_at) \
         VALUES ('Ente Stanze', 'implementing_body', 'Piemonte', true, CURRENT_TIMESTAMP)",
        "INSERT INTO structures (organisation_id, name, kind, province, secret, target_groups, active, created_at) \
         VALUES (1, 'Casa Vecchia', 'second_reception', 'TO', false, 'women', true, CURRENT_TIMESTAMP)",
        "INSERT INTO beds (structure_id, room, label, position) VALUES \
         (1, '2', 'Letto 3', 3), (1, '1', 'Letto 1', 1), (1, '1', 'Letto 2', 2), (1, NULL, 'Letto 4', 4)",
    ] {
        db.execute_unprepared(statement).await.unwrap();
    }
    Migrator::up(&db, None).await.unwrap();
    let made = rooms::Entity::find()
        .order_by_asc(rooms::Column::Position)
        .all(&db)
        .await
        .unwrap();
    assert_eq!(
        made.iter()
            .map(|r| (r.name.as_str(), r.position))
            .collect::<Vec<_>>(),
        vec![("1", 1), ("2", 3)]
    );
    let placed: Vec<(String, Option<i32>)> = beds::Entity::find()
        .order_by_asc(beds::Column::Position)
        .all(&db)
        .await
        .unwrap()
        .into_iter()
        .map(|bed| (bed.label, bed.room_id))
        .collect();
    assert_eq!(
        placed,
        vec![
            ("Letto 1".to_string(), Some(made[0].id)),
            ("Letto 2".to_string(), Some(made[0].id)),
            ("Letto 3".to_string(), Some(made[1].id)),
            ("Letto 4".to_string(), None),
        ]
    );
    db.close().await.unwrap();
    remove_sqlite_file(&file);
}
