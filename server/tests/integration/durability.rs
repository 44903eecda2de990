//! Running as a service on one database: replicas that start together, new records that
//! never conflict, and backups taken while people are placed and discharged.

use std::collections::HashSet;
use std::sync::Arc;

use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use crate::helpers::*;
use app::entity::{audit_log, placements};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_replicas_starting_together_on_an_empty_database_both_come_up() {
    let (url, backend, file) = empty_database().await;
    let first = app::kernel::db::connect(&url).await.unwrap();
    let second = app::kernel::db::connect(&url).await.unwrap();
    let (a, b) = tokio::join!(
        server::migrate::migrate(&first),
        server::migrate::migrate(&second)
    );
    a.unwrap_or_else(|error| panic!("first replica on {backend}: {error}"));
    b.unwrap_or_else(|error| panic!("second replica on {backend}: {error}"));
    use migrations::MigratorTrait;
    assert!(migrations::Migrator::get_pending_migrations(&first)
        .await
        .unwrap()
        .is_empty());
    drop((first, second));
    remove_sqlite_file(&file);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn fifty_people_registered_at_once_get_fifty_codes_and_no_error() {
    let app = Arc::new(TestApp::spawn_alone().await);
    let mut workers = Vec::new();
    for email in [
        "operatrice@anello.test",
        "operatrice.cuneo@anello.test",
        "accoglienza@anello.test",
        "accoglienza.cuneo@anello.test",
    ] {
        workers.push(app.sign_in(email).await);
    }
    let tasks: Vec<_> = (0..50)
        .map(|index| {
            let app = app.clone();
            let cookie = workers[index % workers.len()].clone();
            tokio::spawn(async move {
                let family_name = format!("Simultanea{index}");
                let response = app
                    .call_raw(
                        "people/register",
                        &[
                            ("form[given_names]", "Ospite"),
                            ("form[family_name]", &family_name),
                            ("form[gender]", "female"),
                            ("form[province]", "TO"),
                        ],
                        Some(&cookie),
                    )
                    .await;
                let status = response.status();
                (status, response.text().await.unwrap())
            })
        })
        .collect();
    let mut codes = HashSet::new();
    for task in tasks {
        let (status, body) = task.await.unwrap();
        assert_eq!(status, StatusCode::OK, "on {}: {body}", app.backend);
        let code: String = serde_json::from_str(&body).unwrap();
        codes.insert(code);
    }
    assert_eq!(codes.len(), 50, "distinct codes on {}", app.backend);
}

/// Free beds of a body's structures for women, for the writers.
async fn free_beds_for_women(app: &TestApp, body: &str) -> Vec<i32> {
    let occupied = app.occupied_beds().await;
    app.beds_of(body, Some("women"))
        .await
        .into_iter()
        .map(|b| b.id)
        .filter(|id| !occupied.contains(id))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_backup_taken_while_people_are_placed_restores_everything_acknowledged_before_it() {
    let app = Arc::new(TestApp::spawn_alone().await);
    // Four writers in each of two bodies, each with her own person and bed.
    let mut writers_of = Vec::new();
    for (manager, body) in [
        ("accoglienza@anello.test", "Cooperativa Progetto Tenda"),
        (
            "accoglienza.cuneo@anello.test",
            "Associazione Papa Giovanni XXIII",
        ),
    ] {
        let cookie = app.sign_in(manager).await;
        let beds = free_beds_for_women(&app, body).await;
        assert!(beds.len() >= 4, "{body} has 4 free beds for women");
        for (index, bed) in beds.into_iter().take(4).enumerate() {
            let code = app.register_person(&cookie, &format!("Copia{index}")).await;
            writers_of.push((cookie.clone(), code, bed));
        }
    }
    let today = app::kernel::clock::today().to_string();

    // Eight writers, each placing and discharging its own person in its own bed, and
    // noting each placement the server acknowledged, with the moment it was acknowledged.
    let started = std::time::Instant::now();
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let writers: Vec<_> = (0..8)
        .map(|index| {
            let (manager, code, bed) = writers_of[index].clone();
            let stop = stop.clone();
            let (app, bed, today) = (app.clone(), bed.to_string(), today.clone());
            tokio::spawn(async move {
                let mut acknowledged = Vec::new();
                // Until the backup is done (bounded, should it never be).
                for _ in 0..200 {
                    if stop.load(std::sync::atomic::Ordering::SeqCst) {
                        break;
                    }
                    let placed = app
                        .call_raw(
                            "beds/place",
                            &[("code", &code), ("bed_id", &bed)],
                            Some(&manager),
                        )
                        .await;
                    assert_eq!(
                        placed.status(),
                        StatusCode::OK,
                        "{}",
                        placed.text().await.unwrap()
                    );
                    acknowledged.push((code.clone(), started.elapsed()));
                    let discharged = app
                        .call_raw(
                            "beds/discharge",
                            &[
                                ("code", &code),
                                ("reason", "end_of_stay"),
                                ("ended_on", &today),
                            ],
                            Some(&manager),
                        )
                        .await;
                    assert_eq!(discharged.status(), StatusCode::OK);
                }
                acknowledged
            })
        })
        .collect();

    // The backup starts while they write.
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let began = started.elapsed();
    let audit_before: Vec<i64> = audit_log::Entity::find()
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|row| row.id)
        .collect();
    let file = std::env::temp_dir().join(format!("anello-backup-{}", uuid::Uuid::new_v4()));
    server::backup::backup(&app.db, &app.database_url, &file)
        .await
        .unwrap_or_else(|error| panic!("backup on {}: {error:#}", app.backend));
    let writes_during_backup = !writers.iter().all(|w| w.is_finished());
    stop.store(true, std::sync::atomic::Ordering::SeqCst);
    assert!(writes_during_backup, "the writers were still writing");
    let mut acknowledged_before = std::collections::HashMap::<String, u64>::new();
    for writer in writers {
        for (code, at) in writer.await.unwrap() {
            if at < began {
                *acknowledged_before.entry(code).or_default() += 1;
            }
        }
    }
    // A second backup into the same file is refused: nothing is overwritten.
    assert!(server::backup::backup(&app.db, &app.database_url, &file)
        .await
        .is_err());

    let (target_url, _, target_file) = empty_database().await;
    server::backup::restore(&target_url, &file)
        .await
        .unwrap_or_else(|error| panic!("restore on {}: {error:#}", app.backend));
    let restored = app::kernel::db::connect(&target_url).await.unwrap();
    server::backup::check_integrity(&restored).await.unwrap();

    // Every audit row written before the backup began is there.
    let restored_audit: HashSet<i64> = audit_log::Entity::find()
        .all(&restored)
        .await
        .unwrap()
        .into_iter()
        .map(|row| row.id)
        .collect();
    for id in &audit_before {
        assert!(restored_audit.contains(id), "audit row {id} lost");
    }
    // Every placement acknowledged before it began is there, as a stay.
    for (code, acknowledged) in &acknowledged_before {
        let person = app::entity::people::Entity::find()
            .filter(app::entity::people::Column::Code.eq(code.as_str()))
            .one(&restored)
            .await
            .unwrap()
            .expect("the person is in the backup");
        let stays = placements::Entity::find()
            .filter(placements::Column::PersonId.eq(person.id))
            .count(&restored)
            .await
            .unwrap();
        assert!(
            stays >= *acknowledged,
            "{code}: {acknowledged} stays acknowledged before the backup, {stays} in it"
        );
    }
    assert!(
        !acknowledged_before.is_empty(),
        "the backup began after the writers were done: the test proves nothing"
    );

    // A restore into a database that holds data is refused.
    let again = server::backup::restore(&target_url, &file).await;
    assert!(again.unwrap_err().to_string().contains("not empty"));

    drop(restored);
    let _ = std::fs::remove_file(&file);
    remove_sqlite_file(&target_file);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn fifty_contacts_logged_at_once_are_all_kept() {
    use crate::contacts::{as_pairs, street_contact};
    let app = Arc::new(TestApp::spawn_alone().await);
    let street = app.sign_in("strada@anello.test").await;
    let today = app::kernel::clock::today().to_string();
    let before = app::entity::contacts::Entity::find()
        .count(&app.db)
        .await
        .unwrap();
    let tasks: Vec<_> = (0..50)
        .map(|_| {
            let (app, street, today) = (app.clone(), street.clone(), today.clone());
            tokio::spawn(async move {
                let form = street_contact(&today);
                let response = app
                    .call_raw("people/contacts/log", &as_pairs(&form), Some(&street))
                    .await;
                (response.status(), response.text().await.unwrap())
            })
        })
        .collect();
    for task in tasks {
        let (status, body) = task.await.unwrap();
        assert_eq!(status, StatusCode::OK, "on {}: {body}", app.backend);
    }
    let kept = app::entity::contacts::Entity::find()
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(kept, before + 50, "contacts kept on {}", app.backend);
}
