//! Undo of one's last change on the board: a placement, a move or an exit is taken back
//! within a minute, exactly (the waiting-list entry, the path status, the old stay), by
//! its author only, and never over a change made since.

use reqwest::StatusCode;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};

use crate::helpers::*;
use crate::placement_rules::{audit_details, open_bed_of, place, register, structure};
use app::beds::model::{Board, UndoAction};
use app::entity::{board_undo, people, placements, waiting_list};

const MANAGER: &str = "accoglienza@anello.test";
const COORDINATOR: &str = "coordinatrice@anello.test";

async fn undo(app: &TestApp, cookie: &str) -> reqwest::Response {
    app.call_raw("beds/undo", &[], Some(cookie)).await
}

async fn conflict_of(response: reqwest::Response) -> String {
    assert_eq!(response.status(), StatusCode::CONFLICT);
    json(response).await["conflict"]
        .as_str()
        .unwrap()
        .to_string()
}

async fn person(app: &TestApp, code: &str) -> people::Model {
    people::Entity::find()
        .filter(people::Column::Code.eq(code))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
}

async fn waiting_status(app: &TestApp, code: &str) -> Vec<String> {
    let id = person(app, code).await.id;
    waiting_list::Entity::find()
        .filter(waiting_list::Column::PersonId.eq(id))
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|entry| entry.status)
        .collect()
}

async fn stays(app: &TestApp, code: &str) -> Vec<placements::Model> {
    let id = person(app, code).await.id;
    placements::Entity::find()
        .filter(placements::Column::PersonId.eq(id))
        .all(&app.db)
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_manager_takes_back_her_last_placement_move_and_exit_exactly() {
    let app = TestApp::spawn().await;
    let manager = app.sign_in(MANAGER).await;
    let beds = structure(&app, "Casa Annulla", "women", 3).await;
    let code = register(&app, &manager, &[]).await;
    let today = app::kernel::clock::today().to_string();
    app.propose_for_shelter(&manager, &code).await;
    let status_before = person(&app, &code).await.status;
    // Nothing done yet: nothing to undo.
    assert_eq!(
        conflict_of(undo(&app, &manager).await).await,
        "nothing_to_undo"
    );

    // A placement taken back: no stay at all, back on the waiting list, status as before.
    assert_eq!(
        place(&app, &manager, &code, beds[0], None).await.status(),
        StatusCode::OK
    );
    assert_eq!(waiting_status(&app, &code).await, vec!["placed"]);
    let board: Board = app
        .call("beds/board", &[("filter[province]", "TO")], Some(&manager))
        .await;
    let offer = board.undo.as_ref().expect("an undo offer");
    assert_eq!(offer.code, code, "{offer:?}");
    assert_eq!(offer.action, UndoAction::Place);
    let undone_code: String = app.call("beds/undo", &[], Some(&manager)).await;
    assert_eq!(undone_code, code);
    assert!(stays(&app, &code).await.is_empty());
    assert_eq!(waiting_status(&app, &code).await, vec!["waiting"]);
    assert_eq!(person(&app, &code).await.status, status_before);
    let undone = audit_details(&app, "bed.undo", &code).await;
    assert_eq!(undone.len(), 1);
    assert_eq!(undone[0].0, "success");
    assert!(undone[0].1.contains("undoes=bed.place"), "{}", undone[0].1);
    // Only once.
    assert_eq!(
        conflict_of(undo(&app, &manager).await).await,
        "nothing_to_undo"
    );

    // A move taken back: the old stay reopens as it was, the new one is gone.
    place(&app, &manager, &code, beds[0], None).await;
    let first_stay = stays(&app, &code).await[0].id;
    let response = app
        .call_raw(
            "beds/move",
            &[("code", &code), ("bed_id", &beds[2].to_string())],
            Some(&manager),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(open_bed_of(&app, &code).await, Some(beds[2]));
    // Another user's session has nothing of hers to undo.
    let coordinator = app.sign_in(COORDINATOR).await;
    assert_eq!(
        conflict_of(undo(&app, &coordinator).await).await,
        "nothing_to_undo"
    );
    assert_eq!(undo(&app, &manager).await.status(), StatusCode::OK);
    let now = stays(&app, &code).await;
    assert_eq!(now.len(), 1, "{now:?}");
    assert_eq!(now[0].id, first_stay);
    assert_eq!(now[0].bed_id, beds[0]);
    assert_eq!(now[0].ended_on, None);
    assert_eq!(now[0].end_reason, None);

    // An exit taken back: she is in her bed again.
    let response = app
        .call_raw(
            "beds/discharge",
            &[
                ("code", &code),
                ("reason", "autonomy"),
                ("ended_on", &today),
            ],
            Some(&manager),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(open_bed_of(&app, &code).await, None);
    assert_eq!(undo(&app, &manager).await.status(), StatusCode::OK);
    assert_eq!(open_bed_of(&app, &code).await, Some(beds[0]));
    assert_eq!(audit_details(&app, "bed.undo", &code).await.len(), 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_undo_never_overrides_a_later_change_and_expires_after_a_minute() {
    let app = TestApp::spawn().await;
    let manager = app.sign_in(MANAGER).await;
    let coordinator = app.sign_in(COORDINATOR).await;
    let beds = structure(&app, "Casa Annulla Dopo", "women", 2).await;
    let first = register(&app, &manager, &[]).await;
    let second = register(&app, &manager, &[]).await;
    // Proposed for shelter, so that the coordinator may place her.
    app.propose_for_shelter(&manager, &second).await;

    // She moves the first woman; meanwhile the coordinator places someone in the bed
    // that was freed. Taking the move back would double-book it: refused, nothing lost.
    place(&app, &manager, &first, beds[0], None).await;
    let response = app
        .call_raw(
            "beds/move",
            &[("code", &first), ("bed_id", &beds[1].to_string())],
            Some(&manager),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        place(&app, &coordinator, &second, beds[0], None)
            .await
            .status(),
        StatusCode::OK
    );
    assert_eq!(conflict_of(undo(&app, &manager).await).await, "stale");
    assert_eq!(open_bed_of(&app, &first).await, Some(beds[1]));
    assert_eq!(open_bed_of(&app, &second).await, Some(beds[0]));
    assert_eq!(stays(&app, &first).await.len(), 2);

    // A change older than a minute can no longer be taken back.
    let today = app::kernel::clock::today().to_string();
    let response = app
        .call_raw(
            "beds/discharge",
            &[
                ("code", &first),
                ("reason", "autonomy"),
                ("ended_on", &today),
            ],
            Some(&manager),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    // The change is kept in the database, written with the exit itself; it is aged here.
    let manager_id = app.user_id(MANAGER).await;
    let row = board_undo::Entity::find_by_id(manager_id)
        .one(&app.db)
        .await
        .unwrap()
        .expect("the exit is remembered with it");
    let mut data: serde_json::Value = serde_json::from_str(&row.change).unwrap();
    assert_eq!(data["code"], first.as_str(), "on {}", app.backend);
    data["at"] = serde_json::json!(data["at"].as_i64().unwrap() - 61);
    let mut aged: board_undo::ActiveModel = row.into();
    aged.change = Set(data.to_string());
    aged.update(&app.db).await.unwrap();
    let board: Board = app
        .call("beds/board", &[("filter[province]", "")], Some(&manager))
        .await;
    assert!(board.undo.is_none(), "{:?}", board.undo);
    assert_eq!(
        conflict_of(undo(&app, &manager).await).await,
        "nothing_to_undo"
    );
    assert_eq!(open_bed_of(&app, &first).await, None);
}
