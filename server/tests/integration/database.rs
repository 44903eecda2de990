//! Write transactions (`app::kernel::db::begin_write`): on SQLite the writers of one file take
//! turns in the process, woken in order, while another file's writers never wait for them;
//! PostgreSQL needs no turn.

use std::time::Duration;

use crate::helpers::fresh_database;

const PATIENCE: Duration = Duration::from_secs(5);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn writers_take_turns_on_one_sqlite_file_and_never_wait_for_another() {
    let (db, backend, file, _) = fresh_database().await;
    let (other, _, other_file, _) = fresh_database().await;

    let first = app::kernel::db::begin_write(&db)
        .await
        .expect("first writer");

    // Another database's writer begins at once.
    let elsewhere = tokio::time::timeout(PATIENCE, app::kernel::db::begin_write(&other))
        .await
        .expect("a writer of another database waited for this one")
        .expect("writer of another database");
    elsewhere.commit().await.unwrap();

    // A second writer of the same database: on SQLite it waits for the first to end,
    // then begins without delay.
    let second = tokio::spawn({
        let db = db.clone();
        async move { app::kernel::db::begin_write(&db).await }
    });
    tokio::time::sleep(Duration::from_millis(200)).await;
    if backend == "sqlite" {
        assert!(
            !second.is_finished(),
            "two writers of one SQLite file at the same time"
        );
    }
    first.commit().await.unwrap();
    let second = tokio::time::timeout(PATIENCE, second)
        .await
        .expect("the second writer was not woken when the first ended")
        .unwrap()
        .expect("second writer");
    second.commit().await.unwrap();

    // A writer that is dropped (an error path) gives the turn back too.
    let dropped = app::kernel::db::begin_write(&db).await.unwrap();
    drop(dropped);
    let after = tokio::time::timeout(PATIENCE, app::kernel::db::begin_write(&db))
        .await
        .expect("a dropped writer kept the turn")
        .unwrap();
    after.rollback().await.unwrap();

    drop((db, other));
    for path in [file, other_file].into_iter().flatten() {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
        }
    }
}
