//! The knowledge forum with a generated 100 000 posts (2 000 threads of 50 posts over the
//! eight categories, with their search index), measured in one run so that ratios, not
//! absolute figures, are what counts on a noisy machine.
//!
//! `make bench` (or `cargo bench -p server --bench forum`). It prints, for a case worker
//! (who reads every category):
//! - requests per second of the server-rendered thread list (`/forum/categoria/…`), thread
//!   page (`/forum/discussioni/…`, 50 posts) and search page (`/forum/cerca?q=…`), each
//!   against a bare axum handler serving the same bytes;
//! - the p99 of a search against the p99 of the thread list, under the same load.
//!
//! On SQLite, then on PostgreSQL when `TEST_POSTGRES_URL` is set (`make bench` sets it).
//!
//! `cargo bench -p server --bench forum -- --search-only` generates the forum on SQLite
//! and then only searches, over and over: what a profiler attached to the process wants
//! (`perf record -p <pid>`; the README says what it found).

mod common;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use app::entity::{forum_categories, forum_posts, forum_threads, users};
use app::state::Settings;
use chrono::Utc;
use common::{bare_server, percentile, throughput};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set, TransactionTrait};

const THREADS: usize = 2_000;
const POSTS_PER_THREAD: usize = 50;
const LATENCY_CLIENTS: usize = 8;
const LATENCY_REQUESTS: usize = 40;

/// Words the generated posts are made of: the forum's own vocabulary, so that searches
/// match a realistic share of posts.
const WORDS: &[&str] = &[
    "indicatori",
    "sfruttamento",
    "lavorativo",
    "sessuale",
    "accoglienza",
    "colloquio",
    "documenti",
    "debito",
    "alloggio",
    "caporalato",
    "raccolta",
    "cantiere",
    "permesso",
    "questura",
    "prefettura",
    "mediatrice",
    "segnalazione",
    "rete",
    "strada",
    "minori",
    "tutore",
    "commissione",
    "territoriale",
    "formazione",
    "scheda",
    "valutazione",
    "protezione",
    "percorso",
    "inserimento",
    "tirocinio",
    "borsa",
    "lavoro",
    "casa",
    "struttura",
    "operatrici",
    "servizi",
    "sociali",
    "sanitari",
    "emersione",
    "contatto",
    "numero",
    "verde",
    "unità",
    "mobile",
    "notte",
    "giorno",
    "città",
    "provincia",
    "campagna",
    "stagione",
    "agricoltura",
    "edilizia",
    "ristorazione",
    "domestico",
    "cura",
    "accattonaggio",
    "illecite",
    "matrimonio",
    "forzato",
    "denuncia",
    "articolo",
    "diciotto",
    "conversione",
];

fn body(seed: usize) -> String {
    let mut text = String::new();
    let mut state = seed as u64 * 2_654_435_761 + 1;
    for index in 0..40 {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let word = WORDS[(state >> 33) as usize % WORDS.len()];
        if index > 0 {
            text.push(if index % 12 == 0 { '\n' } else { ' ' });
        }
        text.push_str(word);
    }
    text
}

/// Writes the generated threads and posts, then their search index. Returns the id of a
/// thread of the first category, for the thread page.
async fn generate(db: &sea_orm::DatabaseConnection) -> i32 {
    let categories: Vec<i32> = forum_categories::Entity::find()
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .map(|category| category.id)
        .collect();
    let authors: Vec<i32> = users::Entity::find()
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .map(|user| user.id)
        .collect();
    let now = Utc::now();
    let txn = db.begin().await.unwrap();
    let mut first_thread = None;
    for chunk in 0..THREADS / 100 {
        let mut rows = Vec::new();
        for index in chunk * 100..(chunk + 1) * 100 {
            rows.push(forum_threads::ActiveModel {
                category_id: Set(categories[index % categories.len()]),
                author_id: Set(authors[index % authors.len()]),
                title: Set(format!(
                    "Domanda {index}: {}",
                    body(index).chars().take(40).collect::<String>()
                )),
                state: Set("published".to_string()),
                pinned: Set(false),
                locked: Set(false),
                accepted_post_id: Set(None),
                reply_count: Set(POSTS_PER_THREAD as i32 - 1),
                created_at: Set(now - chrono::Duration::minutes(index as i64 * 7)),
                last_post_at: Set(now - chrono::Duration::minutes(index as i64 * 5)),
                ..Default::default()
            });
        }
        forum_threads::Entity::insert_many(rows)
            .exec(&txn)
            .await
            .unwrap();
    }
    let threads: Vec<(i32, i32)> = forum_threads::Entity::find()
        .all(&txn)
        .await
        .unwrap()
        .into_iter()
        .map(|thread| (thread.id, thread.category_id))
        .collect();
    for (number, (thread, category)) in threads.iter().enumerate() {
        if *category == categories[0] && first_thread.is_none() && number > 10 {
            first_thread = Some(*thread);
        }
        let rows: Vec<forum_posts::ActiveModel> = (0..POSTS_PER_THREAD)
            .map(|position| {
                let text = body(number * POSTS_PER_THREAD + position);
                forum_posts::ActiveModel {
                    thread_id: Set(*thread),
                    author_id: Set(authors[(number + position) % authors.len()]),
                    opening: Set(position == 0),
                    body_html: Set(app::forum::markdown::render(&text)),
                    body: Set(text),
                    pending_body: Set(None),
                    state: Set("published".to_string()),
                    hidden: Set(false),
                    hidden_by: Set(None),
                    created_at: Set(
                        now - chrono::Duration::minutes((number * 50 + position) as i64)
                    ),
                    edited_at: Set(None),
                    edited_by: Set(None),
                    ..Default::default()
                }
            })
            .collect();
        forum_posts::Entity::insert_many(rows)
            .exec(&txn)
            .await
            .unwrap();
    }
    let mut pages = forum_posts::Entity::find().paginate(&txn, 5_000);
    while let Some(posts) = pages.fetch_and_next().await.unwrap() {
        for post in posts {
            app::forum::search::index_post(&txn, post.id, &post.body)
                .await
                .unwrap();
        }
    }
    txn.commit().await.unwrap();
    first_thread.expect("a thread of the first category")
}

#[derive(Clone)]
struct Running {
    address: SocketAddr,
    client: reqwest::Client,
}

impl Running {
    fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.address)
    }

    async fn page(&self, path: &str, cookie: &str) -> axum::body::Bytes {
        common::page(&self.client, self.url(path), cookie).await
    }
}

/// Latencies of GET `path` by `LATENCY_CLIENTS` clients at once.
async fn latencies(running: &Running, cookie: &str, path: &str) -> Vec<Duration> {
    let mut tasks = Vec::new();
    let url = Arc::new(running.url(path));
    for _ in 0..LATENCY_CLIENTS {
        let (client, url, cookie) = (running.client.clone(), url.clone(), cookie.to_string());
        tasks.push(tokio::spawn(async move {
            let mut samples = Vec::new();
            for _ in 0..LATENCY_REQUESTS {
                let started = Instant::now();
                let response = client
                    .get(url.as_str())
                    .header("accept", "text/html")
                    .header("cookie", &cookie)
                    .send()
                    .await
                    .unwrap();
                assert!(response.status().is_success());
                response.bytes().await.unwrap();
                samples.push(started.elapsed());
            }
            samples
        }));
    }
    let mut all = Vec::new();
    for task in tasks {
        all.extend(task.await.unwrap());
    }
    all
}

/// Throughput of one page and of a bare handler serving its bytes; prints both and the ratio.
async fn compare(running: &Running, cookie: &str, name: &str, path: &str) -> f64 {
    let bytes = running.page(path, cookie).await;
    let size = bytes.len();
    let rate = throughput(&running.client, running.url(path), Some(cookie.to_string())).await;
    let bare = bare_server(bytes).await;
    let bare_rate = throughput(&running.client, format!("http://{bare}/"), None).await;
    let ratio = rate / bare_rate;
    println!(
        "{name:<12} {rate:>8.1} req/s   bare handler, same {size} bytes: {bare_rate:>8.1} req/s   ratio {ratio:.3}"
    );
    ratio
}

fn main() {
    common::on_two_cores(run());
}

/// The server and its database on one core, the readers on the other.
async fn run() {
    let (db, _file) = common::on_server(common::demo_database("forum")).await;
    measure("SQLite", db).await;
    if let Some(server) = common::postgres_server() {
        let (db, scratch) =
            common::on_server(
                async move { common::demo_database_postgres(&server, "forum").await },
            )
            .await;
        measure("PostgreSQL", db.clone()).await;
        scratch.finish(db).await;
    }
}

/// Generates the forum in `db`, serves it and prints the figures.
async fn measure(label: &str, db: sea_orm::DatabaseConnection) {
    println!("\n== {label} ==");
    let started = Instant::now();
    // On the server's core, like every query: a SQLite connection opened here keeps its
    // thread on the core it was opened from.
    let generating = db.clone();
    let (thread, code) = common::on_server(async move {
        let db = generating;
        let thread = generate(&db).await;
        // As the server does at start and (SQLite) every 10 minutes; PostgreSQL's
        // autovacuum would come to it by itself after such a load.
        app::kernel::db::refresh_statistics(&db).await.unwrap();
        let posts = forum_posts::Entity::find().count(&db).await.unwrap();
        let threads = forum_threads::Entity::find().count(&db).await.unwrap();
        println!(
            "generated: {threads} threads, {posts} posts with their search index in {:.0} s",
            started.elapsed().as_secs_f64()
        );
        let category = forum_threads::Entity::find_by_id(thread)
            .one(&db)
            .await
            .unwrap()
            .unwrap()
            .category_id;
        let code = forum_categories::Entity::find()
            .filter(forum_categories::Column::Id.eq(category))
            .one(&db)
            .await
            .unwrap()
            .unwrap()
            .code;
        (thread, code)
    })
    .await;

    let address = common::on_server(common::serve(db.clone(), Settings::for_tests())).await;
    let running = Running {
        address,
        client: common::client(),
    };
    let cookie = common::sign_in(&running.client, address, "operatrice@anello.test").await;

    let list = format!("/forum/categoria/{code}");
    let page = format!("/forum/discussioni/{thread}");
    let search = "/forum/cerca?q=sfruttamento+caporalato+raccolta".to_string();
    if std::env::args().any(|argument| argument == "--search-only") {
        println!("\nsearch alone, pid {}", std::process::id());
        loop {
            let rate =
                throughput(&running.client, running.url(&search), Some(cookie.clone())).await;
            println!("  search: {rate:.1} req/s");
        }
    }
    println!("\nthroughput, server-rendered pages against a bare axum handler (one run):");
    compare(&running, &cookie, "thread list", &list).await;
    compare(&running, &cookie, "thread page", &page).await;
    compare(&running, &cookie, "search", &search).await;
    println!();

    let mut list_latencies = latencies(&running, &cookie, &list).await;
    let list_p99 = percentile(&mut list_latencies, 0.99);
    // A partner of the forum reads fewer categories: most of the index's best matches
    // are out of her sight and passed over.
    let partner = common::sign_in(&running.client, address, "partner@anello.test").await;
    for (reader, cookie) in [("case worker", &cookie), ("partner", &partner)] {
        let mut search_latencies = latencies(&running, cookie, &search).await;
        let search_p99 = percentile(&mut search_latencies, 0.99);
        println!(
            "p99 under {LATENCY_CLIENTS} clients: search by a {reader} {:.1} ms, thread list {:.1} ms, ratio {:.2} (goal <= 3)",
            search_p99.as_secs_f64() * 1000.0,
            list_p99.as_secs_f64() * 1000.0,
            search_p99.as_secs_f64() / list_p99.as_secs_f64()
        );
    }
}
