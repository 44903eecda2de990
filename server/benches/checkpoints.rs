//! SQLite's WAL checkpoints in the background against inside the commits, measured in one
//! run: 4 writers × 5 000 small write transactions (a 300-byte row and a counter, as an
//! audited change writes), while 2 readers count rows, on a fresh file each way. Prints
//! the writers' p50, p99, p99.9 and worst latency, and the log's size on disk at the end.
//!
//! `cargo bench -p server --bench checkpoints` (part of `make bench`).

mod common;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use app::kernel::db::{begin_write, connect_with, Checkpoints};
use common::TempFile;
use sea_orm::{ConnectionTrait, DatabaseConnection};

const WRITERS: usize = 4;
const WRITES_EACH: usize = 5_000;
const READERS: usize = 2;

struct Run {
    latencies: Vec<Duration>,
    log_bytes: u64,
}

async fn run(name: &str, checkpoints: Checkpoints) -> Run {
    // In the target folder, on disk: a checkpoint's cost is its syncs, which a memory
    // file system would not show.
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!(
        "anello_bench_checkpoints_{name}_{}.db",
        std::process::id()
    ));
    let file = TempFile(path.clone());
    let db = connect_with(
        &format!("sqlite://{}?mode=rwc", path.display()),
        checkpoints,
    )
    .await
    .expect("sqlite");
    db.execute_unprepared(
        "CREATE TABLE changes (id INTEGER PRIMARY KEY, actor INTEGER, body TEXT);
         CREATE INDEX changes_actor ON changes (actor);
         CREATE TABLE counters (id INTEGER PRIMARY KEY, value INTEGER);
         INSERT INTO counters VALUES (1, 0);",
    )
    .await
    .expect("schema");
    let writing = Arc::new(AtomicBool::new(true));
    let readers: Vec<_> = (0..READERS)
        .map(|_| tokio::spawn(read_while(db.clone(), writing.clone())))
        .collect();
    let writers: Vec<_> = (0..WRITERS)
        .map(|actor| tokio::spawn(write(db.clone(), actor)))
        .collect();
    let mut latencies = Vec::new();
    for writer in writers {
        latencies.extend(writer.await.expect("writer"));
    }
    writing.store(false, Ordering::Relaxed);
    for reader in readers {
        reader.await.expect("reader");
    }
    let log_bytes = std::fs::metadata(format!("{}-wal", path.display())).map_or(0, |m| m.len());
    db.close().await.ok();
    drop(file);
    latencies.sort();
    Run {
        latencies,
        log_bytes,
    }
}

async fn write(db: DatabaseConnection, actor: usize) -> Vec<Duration> {
    let mut latencies = Vec::with_capacity(WRITES_EACH);
    for _ in 0..WRITES_EACH {
        let started = Instant::now();
        let txn = begin_write(&db).await.expect("turn");
        txn.execute_unprepared(&format!(
            "INSERT INTO changes (actor, body) VALUES ({actor}, hex(randomblob(150)));
             UPDATE counters SET value = value + 1 WHERE id = 1;"
        ))
        .await
        .expect("write");
        txn.commit().await.expect("commit");
        latencies.push(started.elapsed());
    }
    latencies
}

async fn read_while(db: DatabaseConnection, writing: Arc<AtomicBool>) {
    while writing.load(Ordering::Relaxed) {
        db.execute_unprepared("SELECT count(*) FROM changes WHERE actor = 1")
            .await
            .expect("read");
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
}

fn quantile(sorted: &[Duration], q: f64) -> f64 {
    let index = ((sorted.len() as f64 * q).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[index].as_secs_f64() * 1000.0
}

fn print(label: &str, run: &Run) {
    println!(
        "{label:<28} p50 {:>6.2} ms  p99 {:>6.2} ms  p99.9 {:>6.2} ms  max {:>7.2} ms  log {:>6.1} MB",
        quantile(&run.latencies, 0.5),
        quantile(&run.latencies, 0.99),
        quantile(&run.latencies, 0.999),
        quantile(&run.latencies, 1.0),
        run.log_bytes as f64 / 1e6,
    );
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    println!(
        "SQLite WAL checkpoints: {WRITERS} writers × {WRITES_EACH} write transactions, {READERS} readers"
    );
    let in_commits = run("in_commits", Checkpoints::InCommits).await;
    let background = run("background", Checkpoints::Background).await;
    print("checkpoints in commits", &in_commits);
    print("checkpoints in background", &background);
    println!(
        "p99.9 background / in commits: {:.2} (lower is better); p99: {:.2}",
        quantile(&background.latencies, 0.999) / quantile(&in_commits.latencies, 0.999),
        quantile(&background.latencies, 0.99) / quantile(&in_commits.latencies, 0.99),
    );
}
