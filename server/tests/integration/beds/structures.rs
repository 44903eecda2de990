//! Structures and their addresses: a secret address revealed only to the owning staff,
//! with a reason; reception managers keeping their own structures and beds.

use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use super::MANAGER;
use crate::helpers::*;
use app::beds::model::{Board, StructuresPage};
use app::entity::{audit_log, beds, structures};

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
    let board: Board = app
        .call("beds/board", &[("filter[province]", "")], Some(&manager))
        .await;
    let card = board
        .structures
        .iter()
        .find(|c| c.id == safe_house.id)
        .unwrap();
    assert_eq!(card.address.as_deref(), Some(address.as_str()));
    let until = card.address_visible_until.unwrap();
    let minutes = (until - chrono::Utc::now()).num_minutes();
    assert!((3..=5).contains(&minutes), "a few minutes: {minutes}");
    let others = board
        .structures
        .iter()
        .filter(|c| c.address.is_some())
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
    let page: StructuresPage = serde_json::from_str(&page).unwrap();
    assert!(page
        .structures
        .iter()
        .all(|s| s.organisation == "Cooperativa Progetto Tenda"));

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
                &[("structure_id", &id), ("label", label), ("room", "")],
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
