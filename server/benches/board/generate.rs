//! The generated network of the board benchmark (and of the memory one): 100 structures,
//! 1000 beds, 800 current placements and, unless told otherwise, 20 000 past ones.

use app::entity::{beds, people, placements, structures};
use app::state::IdentityKey;
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};

/// Fills the demo network up to the generated scale.
pub async fn generate(db: &sea_orm::DatabaseConnection, past: bool) {
    generate_structures_and_beds(db).await;
    // People enough for 800 guests (the demo loader adds a few dozen per copy).
    let key = IdentityKey::new(IdentityKey::DEVELOPMENT);
    while people::Entity::find().count(db).await.unwrap() < 1200 {
        app::people::registry::demo::load_demo_people(db, 4, &key)
            .await
            .unwrap();
    }
    generate_placements(db, past).await;
    // As the server does after its migrations and in its sweep.
    app::kernel::db::refresh_statistics(db).await.unwrap();
}

/// 100 structures of the implementing bodies, and 1000 beds spread over them.
async fn generate_structures_and_beds(db: &sea_orm::DatabaseConnection) {
    let bodies = app::entity::organisations::Entity::find()
        .filter(app::entity::organisations::Column::Kind.eq("implementing_body"))
        .all(db)
        .await
        .unwrap();
    let provinces = ["TO", "CN", "AL", "AT", "BI", "NO", "VC", "VB"];
    let now = Utc::now();
    let existing = structures::Entity::find().count(db).await.unwrap() as usize;
    for index in existing..100 {
        let structure = structures::ActiveModel {
            organisation_id: Set(bodies[index % bodies.len()].id),
            name: Set(format!("Struttura generata {index}")),
            kind: Set("second_reception".to_string()),
            province: Set(provinces[index % provinces.len()].to_string()),
            secret: Set(false),
            address: Set(None),
            target_groups: Set("women,men,transgender".to_string()),
            active: Set(true),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await
        .unwrap();
        let _ = structure;
    }
    let all_structures = structures::Entity::find().all(db).await.unwrap();
    let mut bed_count = beds::Entity::find().count(db).await.unwrap() as usize;
    let mut round = 0;
    while bed_count < 1000 {
        for structure in &all_structures {
            if bed_count >= 1000 {
                break;
            }
            beds::ActiveModel {
                structure_id: Set(structure.id),
                room_id: Set(None),
                label: Set(format!("Letto G{round}")),
                out_of_service_reason: Set(None),
                position: Set(100 + round),
                held_until: Set(None),
                held_for_person_id: Set(None),
                ..Default::default()
            }
            .insert(db)
            .await
            .unwrap();
            bed_count += 1;
        }
        round += 1;
    }
}

/// 800 open placements in free beds, and (`past`) 20 000 past ones over the last two and
/// a half years (the history the open-placements queries must not walk).
async fn generate_placements(db: &sea_orm::DatabaseConnection, past: bool) {
    let now = Utc::now();
    let creator = app::entity::users::Entity::find()
        .one(db)
        .await
        .unwrap()
        .unwrap()
        .id;
    let all_beds = beds::Entity::find().all(db).await.unwrap();
    let open: Vec<placements::Model> = placements::Entity::find()
        .filter(placements::Column::EndedOn.is_null())
        .all(db)
        .await
        .unwrap();
    let busy_beds: std::collections::HashSet<i32> = open.iter().map(|p| p.bed_id).collect();
    let busy_people: std::collections::HashSet<i32> = open.iter().map(|p| p.person_id).collect();
    let free_people: Vec<people::Model> = people::Entity::find()
        .filter(people::Column::FamilyHeadId.is_null())
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .filter(|p| !busy_people.contains(&p.id) && p.anonymised_at.is_none())
        .collect();
    let today = app::kernel::clock::today();
    let wanted = 800usize.saturating_sub(open.len());
    let mut rows = Vec::new();
    for (bed, person) in all_beds
        .iter()
        .filter(|b| !busy_beds.contains(&b.id))
        .zip(free_people.iter())
        .take(wanted)
    {
        rows.push(placements::ActiveModel {
            person_id: Set(person.id),
            bed_id: Set(bed.id),
            structure_id: Set(bed.structure_id),
            started_on: Set(today - chrono::Duration::days(10)),
            planned_exit_on: Set(None),
            ended_on: Set(None),
            end_reason: Set(None),
            created_by: Set(creator),
            created_at: Set(now),
            ended_by: Set(None),
            ..Default::default()
        });
    }
    placements::Entity::insert_many(rows)
        .exec(db)
        .await
        .unwrap();
    if !past {
        return;
    }
    let everyone: Vec<i32> = free_people.iter().map(|p| p.id).collect();
    let mut batch = Vec::new();
    for index in 0..20_000usize {
        let bed = &all_beds[index % all_beds.len()];
        let started = today - chrono::Duration::days(40 + (index % 900) as i64);
        batch.push(placements::ActiveModel {
            person_id: Set(everyone[index % everyone.len()]),
            bed_id: Set(bed.id),
            structure_id: Set(bed.structure_id),
            started_on: Set(started),
            planned_exit_on: Set(None),
            ended_on: Set(Some(started + chrono::Duration::days(25))),
            end_reason: Set(Some("end_of_stay".to_string())),
            created_by: Set(creator),
            created_at: Set(now),
            ended_by: Set(Some(creator)),
            ..Default::default()
        });
        if batch.len() == 1000 {
            placements::Entity::insert_many(std::mem::take(&mut batch))
                .exec(db)
                .await
                .unwrap();
        }
    }
}
