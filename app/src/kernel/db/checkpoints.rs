//! SQLite's WAL checkpoints, run beside the writers instead of inside their commits.
//!
//! Left to itself, SQLite copies the write-ahead log back into the database file inside
//! the commit that takes the log past 1000 pages: that writer, and every writer queued
//! behind it, waits for the copy. Measured on a replica of the schema (20 000 small write
//! transactions): p99.9 of 10–11.6 ms with checkpoints in commits, 3–4 ms without
//! (`cargo bench -p server --bench checkpoints` prints both).
//!
//! A checkpoint run outside the writers' turn never catches up under steady writes (the
//! log grew to 266 MB in that measurement): every frame it copies, a writer appends
//! another. So the checkpointer takes the writer turn like a writer does: when nobody
//! holds or waits for it (a writer who comes meanwhile waits for one copy, not for the
//! queue of copies SQLite made in commits); and, after `WAIT_NO_LONGER_AFTER` writes
//! without an idle moment, in its place in the queue (the turn is first come, first
//! served), so that the log cannot grow without end. With the
//! turn held, no writer of this process appends while it copies, and a checkpoint
//! finishes unless a reader still needs the old frames; SQLite then starts the log
//! again from its beginning at the next write.
//!
//! Only this process writes to its SQLite file (replicas need PostgreSQL), so its
//! writer turn is the whole database's.

use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use sea_orm::sqlx::SqlitePool;

use super::{WriterQueue, WRITER_TURN_TIMEOUT};

/// Where SQLite's checkpoints run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Checkpoints {
    /// In a task of their own, in the writer turn (the default).
    Background,
    /// Inside the commit that takes the log past 1000 pages (SQLite's own default).
    InCommits,
}

impl Checkpoints {
    /// `PRAGMA wal_autocheckpoint`: 0 turns the checkpoints in commits off.
    pub(super) fn autocheckpoint_pages(self) -> &'static str {
        match self {
            Checkpoints::Background => "0",
            Checkpoints::InCommits => "1000",
        }
    }
}

/// How often the checkpointer looks for writes made since its last checkpoint.
const LOOK_EVERY: Duration = Duration::from_millis(100);

/// An idle moment is taken for a checkpoint once this many writes wait for one, or once
/// the last checkpoint is `IDLE_AGE` old: a checkpoint syncs the log and the database
/// file, and at low load one sync a second is enough.
const IDLE_AFTER: u64 = 32;
const IDLE_AGE: Duration = Duration::from_secs(1);

/// Writer turns after which the checkpointer queues for its turn rather than wait for an
/// idle moment (the writer that reaches it wakes the checkpointer): a few megabytes of
/// log at most, like SQLite's own 1000 pages.
const WAIT_NO_LONGER_AFTER: u64 = 200;

/// Whether the writers have gone `WAIT_NO_LONGER_AFTER` turns without a checkpoint.
pub(super) fn overdue(given: u64, checkpointed_at: u64) -> bool {
    given.saturating_sub(checkpointed_at) >= WAIT_NO_LONGER_AFTER
}

/// Starts the checkpointer of one SQLite pool. It holds the pool, so it ends when the
/// pool is closed (`DatabaseConnection::close`, as the server does when it stops), not
/// when the last handle is dropped.
pub(super) fn run_beside_writers(pool: SqlitePool, queue: WriterQueue) {
    tokio::spawn(async move {
        let mut last_checkpoint = Instant::now();
        loop {
            tokio::select! {
                () = tokio::time::sleep(LOOK_EVERY) => {}
                () = queue.checkpoint_due.notified() => {}
            }
            if pool.is_closed() {
                return;
            }
            let given = queue.given.load(Ordering::Relaxed);
            let pending = given.saturating_sub(queue.checkpointed_at.load(Ordering::Relaxed));
            let turn = if overdue(given, given - pending) {
                match tokio::time::timeout(WRITER_TURN_TIMEOUT, queue.turn.clone().lock_owned())
                    .await
                {
                    Ok(turn) => turn,
                    Err(_) => continue,
                }
            } else if pending >= IDLE_AFTER
                || (pending > 0 && last_checkpoint.elapsed() >= IDLE_AGE)
            {
                match queue.turn.clone().try_lock_owned() {
                    Ok(turn) => turn,
                    Err(_) => continue,
                }
            } else {
                continue;
            };
            // The checkpointer's own turn is not counted: `given` counts writers.
            queue
                .checkpointed_at
                .store(queue.given.load(Ordering::Relaxed), Ordering::Relaxed);
            let started = Instant::now();
            let outcome = checkpoint(&pool).await;
            drop(turn);
            last_checkpoint = Instant::now();
            metrics::histogram!("anello_sqlite_checkpoint_seconds")
                .record(started.elapsed().as_secs_f64());
            match outcome {
                Ok(log_pages) => {
                    queue.checkpoints.fetch_add(1, Ordering::Relaxed);
                    metrics::gauge!("anello_sqlite_wal_pages").set(log_pages as f64);
                }
                Err(_) if pool.is_closed() => return,
                Err(error) => tracing::warn!(%error, "a WAL checkpoint failed"),
            }
        }
    });
}

/// One checkpoint that waits for nobody (`PASSIVE`): the pages in the log, all copied back
/// unless a reader still needed some.
async fn checkpoint(pool: &SqlitePool) -> Result<i64, sea_orm::sqlx::Error> {
    let (_busy, log_pages, _copied): (i64, i64, i64) =
        sea_orm::sqlx::query_as("PRAGMA wal_checkpoint(PASSIVE)")
            .fetch_one(pool)
            .await?;
    Ok(log_pages)
}
