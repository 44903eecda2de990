//! Opening the one database pool: an embedded SQLite file by default, PostgreSQL to scale out.

use std::time::Duration;

use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DatabaseTransaction, DbBackend,
    DbErr, ExecResult, QueryResult, SqliteTransactionMode, Statement, TransactionOptions,
    TransactionTrait,
};
use tokio::sync::OwnedMutexGuard;

mod checkpoints;

pub use checkpoints::Checkpoints;

/// How many rows a SQLite connection's thread may read ahead of the request that
/// collects them (`connect_with`).
const ROWS_HANDED_OVER_AT_ONCE: usize = 1024;

/// Opens the pool; on an SQLite file, WAL checkpoints run in the background
/// (`checkpoints`).
pub async fn connect(url: &str) -> Result<DatabaseConnection, DbErr> {
    connect_with(url, Checkpoints::Background).await
}

/// Opens the pool with SQLite's checkpoints where `checkpoints` says: the benchmark
/// compares the two; everything else uses `connect`.
pub async fn connect_with(
    url: &str,
    checkpoints: Checkpoints,
) -> Result<DatabaseConnection, DbErr> {
    let mut options = ConnectOptions::new(url.to_string());
    options
        .sqlx_logging(false)
        .acquire_timeout(Duration::from_secs(10));
    if url.starts_with("sqlite:") {
        create_parent_directory(url);
        // WAL lets pages read while a placement is written; writers wait (busy timeout)
        // rather than fail. One SQLite file has one writer at a time anyway.
        options
            .max_connections(8)
            .min_connections(1)
            .map_sqlx_sqlite_opts(move |o| {
                o.foreign_keys(true)
                    .journal_mode(SqliteJournalMode::Wal)
                    .synchronous(SqliteSynchronous::Normal)
                    .busy_timeout(Duration::from_secs(10))
                    .pragma("wal_autocheckpoint", checkpoints.autocheckpoint_pages())
                    // A log reset after a checkpoint is cut back to this size on disk.
                    .pragma("journal_size_limit", "67108864")
                    // Each connection's statements run on a thread of its own, which hands
                    // rows over to the request through a channel: at 50 rows (the default)
                    // a board of 1000 beds made the two threads take turns every 50 rows.
                    .row_buffer_size(ROWS_HANDED_OVER_AT_ONCE)
            });
    } else {
        options.max_connections(16).min_connections(1);
    }
    let db = Database::connect(options).await?;
    let on_sqlite_file =
        db.get_database_backend() == DbBackend::Sqlite && sqlite_file(url).is_some();
    if checkpoints == Checkpoints::Background && on_sqlite_file {
        checkpoints::run_beside_writers(db.get_sqlite_connection_pool().clone(), writer_queue(&db));
    }
    Ok(db)
}

/// Begins a transaction that will write. On SQLite it takes the write lock at once
/// (`BEGIN IMMEDIATE`): a deferred transaction that reads first and writes later fails with
/// "database is locked" when another connection committed in between, and the busy
/// timeout cannot help it.
///
/// On SQLite the writers of one database also queue for their turn in this process first
/// (`writer_turn`), in order, and each is woken the moment the one before it ends. Left to
/// SQLite, a waiting writer sleeps in the busy handler (up to 100 ms a nap) and retries:
/// under 32 concurrent bed moves that sleeping, not the work, made most of a move's p99.
/// PostgreSQL locks rows, not the database, and needs no turn.
pub async fn begin_write(db: &DatabaseConnection) -> Result<WriteTransaction, DbErr> {
    let turn = match db.get_database_backend() {
        DbBackend::Sqlite => Some(writer_turn(db).await?),
        _ => None,
    };
    let txn = db
        .begin_with_options(TransactionOptions {
            sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
            ..Default::default()
        })
        .await?;
    Ok(WriteTransaction { txn, _turn: turn })
}

/// As long as SQLite's busy timeout: a writer that waits longer is told the database is busy.
const WRITER_TURN_TIMEOUT: Duration = Duration::from_secs(10);

/// The writers of one SQLite file in this process: the turn, and how many turns it gave.
#[derive(Clone, Default)]
struct WriterQueue {
    turn: Arc<tokio::sync::Mutex<()>>,
    given: Arc<AtomicU64>,
    /// Checkpoints run in the background (`checkpoints`), and the writer turns given
    /// when the last one began.
    checkpoints: Arc<AtomicU64>,
    checkpointed_at: Arc<AtomicU64>,
    /// Wakes the checkpointer when the writers have gone long without one.
    checkpoint_due: Arc<tokio::sync::Notify>,
}

/// The queue of one SQLite file. Per file, so that the integration tests' many databases
/// in one process do not wait for each other.
fn writer_queue(db: &DatabaseConnection) -> WriterQueue {
    static QUEUES: OnceLock<Mutex<HashMap<PathBuf, WriterQueue>>> = OnceLock::new();
    let file = db
        .get_sqlite_connection_pool()
        .connect_options()
        .get_filename()
        .to_path_buf();
    QUEUES
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .entry(file)
        .or_default()
        .clone()
}

/// How many writer turns this process has given on `db`'s SQLite file (0 on PostgreSQL):
/// the tests see that a write queued for its turn.
pub fn writer_turns_given(db: &DatabaseConnection) -> u64 {
    match db.get_database_backend() {
        DbBackend::Sqlite => writer_queue(db).given.load(Ordering::Relaxed),
        _ => 0,
    }
}

/// The writer turn for one statement written outside a transaction (a session saved, a
/// sign-in attempt recorded, a sweep's deletion): on SQLite it queues with the
/// transactions of `begin_write` rather than sleeping in SQLite's busy handler while one
/// of them writes; on PostgreSQL there is no turn. Held until the statement has run.
pub async fn single_write_turn(
    db: &DatabaseConnection,
) -> Result<Option<OwnedMutexGuard<()>>, DbErr> {
    match db.get_database_backend() {
        DbBackend::Sqlite => Ok(Some(writer_turn(db).await?)),
        _ => Ok(None),
    }
}

/// How many background checkpoints this process has run on `db`'s SQLite file.
pub fn checkpoints_done(db: &DatabaseConnection) -> u64 {
    match db.get_database_backend() {
        DbBackend::Sqlite => writer_queue(db).checkpoints.load(Ordering::Relaxed),
        _ => 0,
    }
}

/// This process's turn to write to one SQLite file.
async fn writer_turn(db: &DatabaseConnection) -> Result<OwnedMutexGuard<()>, DbErr> {
    let queue = writer_queue(db);
    let waiting = std::time::Instant::now();
    let turn = tokio::time::timeout(WRITER_TURN_TIMEOUT, queue.turn.lock_owned())
        .await
        .map_err(|_| DbErr::Custom("database is busy: no turn to write within 10 s".into()));
    metrics::histogram!("anello_sqlite_writer_wait_seconds")
        .record(waiting.elapsed().as_secs_f64());
    if turn.is_ok() {
        let given = queue.given.fetch_add(1, Ordering::Relaxed) + 1;
        if checkpoints::overdue(given, queue.checkpointed_at.load(Ordering::Relaxed)) {
            queue.checkpoint_due.notify_one();
        }
    }
    turn
}

/// A transaction begun by `begin_write`: it reads and writes like a `DatabaseTransaction`
/// and, on SQLite, holds this process's writer turn until it is committed or dropped.
pub struct WriteTransaction {
    txn: DatabaseTransaction,
    _turn: Option<OwnedMutexGuard<()>>,
}

impl WriteTransaction {
    pub async fn commit(self) -> Result<(), DbErr> {
        self.txn.commit().await
    }

    pub async fn rollback(self) -> Result<(), DbErr> {
        self.txn.rollback().await
    }
}

impl std::ops::Deref for WriteTransaction {
    type Target = DatabaseTransaction;

    fn deref(&self) -> &DatabaseTransaction {
        &self.txn
    }
}

#[async_trait::async_trait]
impl ConnectionTrait for WriteTransaction {
    fn get_database_backend(&self) -> DbBackend {
        self.txn.get_database_backend()
    }

    async fn execute_raw(&self, stmt: Statement) -> Result<ExecResult, DbErr> {
        self.txn.execute_raw(stmt).await
    }

    async fn execute_unprepared(&self, sql: &str) -> Result<ExecResult, DbErr> {
        self.txn.execute_unprepared(sql).await
    }

    async fn query_one_raw(&self, stmt: Statement) -> Result<Option<QueryResult>, DbErr> {
        self.txn.query_one_raw(stmt).await
    }

    async fn query_all_raw(&self, stmt: Statement) -> Result<Vec<QueryResult>, DbErr> {
        self.txn.query_all_raw(stmt).await
    }

    fn support_returning(&self) -> bool {
        self.txn.support_returning()
    }

    fn is_mock_connection(&self) -> bool {
        self.txn.is_mock_connection()
    }
}

/// Brings the query planner's statistics up to date, at start (after the migrations) and
/// in the server's periodic sweep. Without them SQLite read the board's open placements
/// through the index of all placements by structure (20 800 rows of history for 800 open
/// ones, 2.5 ms) instead of a partial index of the open ones (0.6 ms).
/// `PRAGMA optimize=0x10002` looks at every table, analysing only those that changed
/// enough, with a bounded sample; PostgreSQL's `ANALYZE` samples every table.
pub async fn refresh_statistics(db: &DatabaseConnection) -> Result<(), DbErr> {
    match db.get_database_backend() {
        DbBackend::Sqlite => {
            let _turn = writer_turn(db).await?;
            db.execute_unprepared("PRAGMA optimize=0x10002").await?;
        }
        _ => {
            db.execute_unprepared("ANALYZE").await?;
        }
    }
    Ok(())
}

/// The file of a `sqlite://` URL, or `None` for an in-memory database.
pub fn sqlite_file(url: &str) -> Option<PathBuf> {
    let path = url
        .trim_start_matches("sqlite://")
        .trim_start_matches("sqlite:")
        .split('?')
        .next()
        .unwrap_or("");
    (!path.is_empty() && !path.starts_with(":memory:")).then(|| PathBuf::from(path))
}

/// `mode=rwc` creates the file but not its folder.
fn create_parent_directory(url: &str) {
    let Some(path) = sqlite_file(url) else {
        return;
    };
    if let Some(parent) = path.parent() {
        if !parent.as_os_str().is_empty() {
            let _ = std::fs::create_dir_all(parent);
        }
    }
}

/// A database URL fit for a log line: the password is hidden.
pub fn redacted(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let credentials = &url[scheme_end + 3..at];
            match credentials.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme_end + 3], &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 8 writers × 400 commits of 2 KB: with checkpoints neither in commits nor beside
    /// them, the log would pass 25 MB; the checkpointer keeps it to a few (200 commits,
    /// about 2.5 MB, between two checkpoints however fast they come).
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn checkpoints_run_beside_the_writers_and_keep_the_log_small() {
        let file = std::env::temp_dir().join(format!("anello_wal_{}.db", std::process::id()));
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", file.display()));
        }
        let db = connect(&format!("sqlite://{}?mode=rwc", file.display()))
            .await
            .unwrap();
        let autocheckpoint = db
            .query_one_raw(Statement::from_string(
                DbBackend::Sqlite,
                "PRAGMA wal_autocheckpoint",
            ))
            .await
            .unwrap()
            .unwrap()
            .try_get_by_index::<i64>(0)
            .unwrap();
        assert_eq!(autocheckpoint, 0, "commits do not checkpoint");
        db.execute_unprepared("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
            .await
            .unwrap();
        let writers: Vec<_> = (0..8)
            .map(|_| {
                let db = db.clone();
                tokio::spawn(async move {
                    for _ in 0..400 {
                        let txn = begin_write(&db).await.unwrap();
                        txn.execute_unprepared(
                            "INSERT INTO notes (body) VALUES (randomblob(2048))",
                        )
                        .await
                        .unwrap();
                        txn.commit().await.unwrap();
                    }
                })
            })
            .collect();
        for writer in writers {
            writer.await.unwrap();
        }
        let wal = PathBuf::from(format!("{}-wal", file.display()));
        let log_bytes = std::fs::metadata(&wal).map_or(0, |m| m.len());
        assert!(checkpoints_done(&db) > 0, "no checkpoint ran");
        assert!(
            log_bytes < 12 * 1024 * 1024,
            "the log grew to {log_bytes} bytes"
        );
        db.close().await.unwrap();
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", file.display()));
        }
    }

    #[test]
    fn passwords_are_hidden_from_logs() {
        assert_eq!(
            redacted("postgres://anello:secret@db/anello"),
            "postgres://anello:***@db/anello"
        );
        assert_eq!(
            redacted("sqlite://data/anello.db?mode=rwc"),
            "sqlite://data/anello.db?mode=rwc"
        );
    }
}
