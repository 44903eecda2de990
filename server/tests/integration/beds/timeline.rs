//! The timeline: days of presence and occupancy month by month.

use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::MANAGER;
use crate::helpers::*;
use app::beds::model::Timeline;
use app::entity::{beds, placements};

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
    let structure_id: i32 = app
        .call(
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
    let timeline: Timeline = app
        .call(
            "beds/timeline",
            &[("structure_id", &id), ("month", &month)],
            Some(&manager),
        )
        .await;
    let stay = &timeline.rows[0].stays[0];
    assert_eq!(stay.code, code);
    assert_eq!(stay.first_day, 1);
    assert_eq!(stay.last_day, 10);
    let presence = &timeline.presence;
    assert_eq!(presence.len(), 12);
    let shown = presence.last().unwrap();
    assert_eq!(shown.month, month);
    assert_eq!(shown.days_of_presence, 10);
    let days_in_month = (today.with_day(1).unwrap() - last_month).num_days();
    assert_eq!(shown.bed_days, 2 * days_in_month);
    assert_eq!(shown.occupancy, 10 * 100 / (2 * days_in_month));
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
