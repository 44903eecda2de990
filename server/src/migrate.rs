//! Migrating the database at start-up, one replica at a time.
//!
//! SeaORM's migrator takes no lock: two replicas starting together on an empty
//! PostgreSQL database would both see every migration pending, and the second to create a
//! table would fail. Here each waits for a transaction-scoped advisory lock first, held on
//! one pooled connection while the migrations run on others; the second then finds
//! nothing pending. A SQLite file is served by one process by design (see the README);
//! within that process, callers migrating one file queue on a mutex.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

use migrations::{Migrator, MigratorTrait};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, DbErr, TransactionTrait};

/// The advisory lock's key: "anello" in ASCII.
const MIGRATION_LOCK: i64 = 0x616e_656c_6c6f;

/// Runs the pending migrations, then refreshes the planner's statistics (a migration may
/// add an index the planner would not choose without them).
pub async fn migrate(db: &DatabaseConnection) -> Result<(), DbErr> {
    migrate_only(db).await?;
    app::kernel::db::refresh_statistics(db).await
}

async fn migrate_only(db: &DatabaseConnection) -> Result<(), DbErr> {
    match db.get_database_backend() {
        DbBackend::Postgres => {
            let lock = db.begin().await?;
            lock.execute_unprepared(&format!("SELECT pg_advisory_xact_lock({MIGRATION_LOCK})"))
                .await?;
            let migrated = Migrator::up(db, None).await;
            // Committing (or, on an error, rolling back) releases the lock.
            lock.commit().await?;
            migrated
        }
        _ => {
            let file = db
                .get_sqlite_connection_pool()
                .connect_options()
                .get_filename()
                .to_path_buf();
            let queue = sqlite_queue(file);
            let _turn = queue.lock().await;
            Migrator::up(db, None).await
        }
    }
}

fn sqlite_queue(file: PathBuf) -> Arc<tokio::sync::Mutex<()>> {
    static QUEUES: OnceLock<Mutex<HashMap<PathBuf, Arc<tokio::sync::Mutex<()>>>>> = OnceLock::new();
    QUEUES
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .entry(file)
        .or_default()
        .clone()
}
