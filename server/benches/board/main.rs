//! The bed board at demo scale and at a generated scale (100 structures, 1000 beds, 800
//! current and 20 000 past placements), measured in one run so that ratios, not absolute
//! figures, are what counts on a noisy machine; the server on one core, its load (the
//! clients, the boards' readers) on the other (`common::on_two_cores`). Each figure is compared with work the
//! rules require too (the session, the authorisation, the audit row through the same
//! writer queue), never with a handler that skips it.
//!
//! `make bench` (or `cargo bench -p server --bench board`). For each scale it prints,
//! beside each goal:
//! - the server-rendered board page (`/posti-letto`, coordinator: every structure) in
//!   requests per second, against `bench/board_same_work` (the same required work and the
//!   same bytes from memory): goal ≥ 0.5;
//! - one move alone (median, one client), against the smallest audited write: goal ≤ 3;
//!   the p99 of moves from N = 8 and 32 clients at once, against N × one move's median:
//!   goal ≤ 1.5;
//! - with 1, 10 and 50 boards open, from a move sent to every board having its event:
//!   p95 against a no-op round trip's p95 (goal ≤ 3), and the CPU time per move. That
//!   span holds the move itself (its own goal: ≤ 3 × a minimal audited write, itself
//!   about two round trips), so it is also printed from the mover's answer: what the live
//!   event adds after her change is committed.
//!
//! At the generated scale it also compares the board page with 20 000 past placements
//! with the same board with none: goal ≥ 0.9 (history must not cost).
//!
//! `cargo bench -p server --bench board -- --page-only` measures only the board page at
//! the generated scale, over and over: what a profiler attached to the process wants
//! (`perf record -p <pid>`; the README says what it found).

#[path = "../common/mod.rs"]
mod common;
mod generate;
mod live;
mod moves;
mod work;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use app::entity::{beds, placements, structures};
use app::state::{IdentityKey, Settings, SignInLimits};
use common::{bare_server, percentile, throughput, TempFile};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

/// How many requests of each kind one client sends, one after the other.
const ALONE: usize = 40;
const MOVES_PER_CONNECTION: usize = 20;
const LIVE_ROUNDS: usize = 40;

#[derive(Clone, Copy, PartialEq)]
enum Scale {
    Demo,
    /// The generated network, with or without its 20 000 past placements.
    Generated {
        past: bool,
    },
}

#[derive(Clone)]
pub struct Running {
    address: SocketAddr,
    client: reqwest::Client,
}

async fn start(scale: Scale) -> (Running, TempFile, String) {
    let name = match scale {
        Scale::Demo => "board_demo",
        Scale::Generated { past: true } => "board_history",
        Scale::Generated { past: false } => "board_no_history",
    };
    let (db, file) = common::demo_database(name).await;
    let key = IdentityKey::new(IdentityKey::DEVELOPMENT);
    app::people::registry::demo::load_demo_people(&db, 1, &key)
        .await
        .expect("demo people");
    if let Scale::Generated { past } = scale {
        generate::generate(&db, past).await;
    }
    let open = placements::Entity::find()
        .filter(placements::Column::EndedOn.is_null())
        .count(&db)
        .await
        .unwrap();
    let summary = format!(
        "{} structures, {} beds, {} current and {} past placements",
        structures::Entity::find().count(&db).await.unwrap(),
        beds::Entity::find().count(&db).await.unwrap(),
        open,
        placements::Entity::find().count(&db).await.unwrap() - open,
    );
    let settings = Settings {
        // Every benchmark connection signs in on its own.
        sign_in_limits: SignInLimits {
            per_account: 1000,
            per_address: 1000,
            per_account_anywhere: 1000,
            window_secs: 60,
            ..SignInLimits::default()
        },
        identity_key: key,
        ..Settings::for_tests()
    };
    let running = Running {
        address: common::serve(db, settings).await,
        client: common::client(),
    };
    (running, file, summary)
}

impl Running {
    fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.address)
    }

    async fn post(&self, endpoint: &str, body: &str, cookie: &str) -> reqwest::Response {
        self.client
            .post(self.url(&format!("/api/{endpoint}")))
            .header("origin", format!("http://{}", self.address))
            .header("accept", "application/json")
            .header("content-type", "application/x-www-form-urlencoded")
            .header("cookie", cookie)
            .body(body.to_string())
            .send()
            .await
            .unwrap()
    }

    async fn sign_in(&self, email: &str) -> String {
        common::sign_in(&self.client, self.address, email).await
    }

    async fn page(&self, path: &str, cookie: &str) -> axum::body::Bytes {
        common::page(&self.client, self.url(path), cookie).await
    }
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

/// The board page against the same required work answering the same bytes from memory.
/// Answers the page's rate.
async fn board_page(running: &Running, coordinator: &str) -> f64 {
    let page = running.page("/posti-letto", coordinator).await;
    *work::PAGE.write().unwrap() = String::from_utf8_lossy(&page).into_owned();
    let cookie = Some(coordinator.to_string());
    let board_rate = throughput(&running.client, running.url("/posti-letto"), cookie.clone()).await;
    let same_work = throughput(
        &running.client,
        running.url("/api/bench/board_same_work"),
        cookie,
    )
    .await;
    let json = running
        .post("beds/board", "filter[province]=", coordinator)
        .await
        .bytes()
        .await
        .unwrap();
    let bare = bare_server(page.clone()).await;
    let bare_rate = throughput(&running.client, format!("http://{bare}/"), None).await;
    println!(
        "  board page ({} KiB; the board's JSON {} KiB): {board_rate:.0} req/s; the same required work (session, authorisation, audit row) answering the same bytes from memory: {same_work:.0} req/s; ratio {:.2} (goal >= 0.5). For scale, bare axum with no session: {bare_rate:.0} req/s",
        page.len() / 1024,
        json.len() / 1024,
        board_rate / same_work
    );
    board_rate
}

/// One move alone against the smallest audited write, then moves from N clients at once.
async fn moves_cost(
    running: &Running,
    coordinator: &str,
    pairs: &[(String, i32, i32)],
) -> Duration {
    let pair = pairs.last().expect("a movable guest");
    let writes = vec![("bench/audited_write".to_string(), String::new()); ALONE];
    let mut write_latencies = moves::one_at_a_time(running, coordinator, &writes).await;
    let mut move_latencies =
        moves::one_at_a_time(running, coordinator, &moves::back_and_forth(pair, ALONE)).await;
    let write_median = percentile(&mut write_latencies, 0.5);
    let move_median = percentile(&mut move_latencies, 0.5);
    println!(
        "  one move alone: median {:.2} ms; the smallest audited write (authorisation, one audit row, writer queue): {:.2} ms; ratio {:.2} (goal <= 3)",
        ms(move_median),
        ms(write_median),
        move_median.as_secs_f64() / write_median.as_secs_f64()
    );
    for wanted in [8, 32] {
        let movers = wanted.min(pairs.len());
        let mut cookies = Vec::new();
        for _ in 0..movers {
            cookies.push(running.sign_in("coordinatrice@anello.test").await);
        }
        let work: Vec<Vec<(String, String)>> = pairs[..movers]
            .iter()
            .map(|pair| moves::back_and_forth(pair, MOVES_PER_CONNECTION))
            .collect();
        let mut latencies = moves::under_load(running, &cookies, Arc::new(work)).await;
        let p99 = percentile(&mut latencies, 0.99);
        println!(
            "  {movers} movers at once: p99 {:.1} ms; {movers} x one move's median = {:.1} ms; ratio {:.2} (goal <= 1.5)",
            ms(p99),
            ms(move_median * movers as u32),
            p99.as_secs_f64() / (move_median * movers as u32).as_secs_f64()
        );
    }
    move_median
}

/// A move's delivery to 1, 10 and 50 open boards, against a no-op round trip.
async fn delivery(running: &Running, coordinator: &str, pair: &(String, i32, i32)) {
    let watcher = running.sign_in("coordinatrice@anello.test").await;
    let noops = vec![("bench/noop".to_string(), String::new()); LIVE_ROUNDS];
    let mut round_trips = moves::one_at_a_time(running, &watcher, &noops).await;
    let noop_p95 = percentile(&mut round_trips, 0.95);
    let mut cpu_one = None;
    for boards in [1, 10, 50] {
        let mut measured =
            live::deliver(running, coordinator, &watcher, pair, boards, LIVE_ROUNDS).await;
        let p95 = percentile(&mut measured.latencies, 0.95);
        let after_answer = percentile(&mut measured.after_answer, 0.95);
        let cpu = measured.cpu_per_move;
        let growth = cpu_one.map(|one: Duration| {
            format!(
                "; {:.3} ms more per board than with one",
                (ms(cpu) - ms(one)) / (boards - 1) as f64
            )
        });
        cpu_one.get_or_insert(cpu);
        println!(
            "  {boards} board(s) open: move sent to every board's event p95 {:.1} ms; no-op round trip p95 {:.2} ms; ratio {:.1} (goal <= 3); from the mover's answer p95 {:.2} ms, ratio {:.1} (the event's own part, same goal); server CPU per move {:.1} ms{}",
            ms(p95),
            ms(noop_p95),
            p95.as_secs_f64() / noop_p95.as_secs_f64(),
            ms(after_answer),
            after_answer.as_secs_f64() / noop_p95.as_secs_f64(),
            ms(cpu),
            growth.unwrap_or_default()
        );
    }
}

/// Every measure at one scale. Answers the board page's rate.
async fn measure(label: &str, scale: Scale) -> f64 {
    let (running, _file, summary) = common::on_server(start(scale)).await;
    println!("\n{label}: {summary} (SQLite, one run)");
    let coordinator = running.sign_in("coordinatrice@anello.test").await;
    let board_rate = board_page(&running, &coordinator).await;
    let pairs = moves::movable_guests(&running, &coordinator, 33).await;
    let started = Instant::now();
    moves_cost(&running, &coordinator, &pairs).await;
    delivery(
        &running,
        &coordinator,
        pairs.last().expect("a movable guest"),
    )
    .await;
    println!(
        "  (moves and deliveries measured in {:.0} s)",
        started.elapsed().as_secs_f64()
    );
    board_rate
}

fn main() {
    common::on_two_cores(run());
}

async fn run() {
    println!("bed board benchmark: ratios measured in one run on this machine, the server and its load on separate cores");
    if std::env::args().any(|argument| argument == "--page-only") {
        let (running, _file, summary) =
            common::on_server(start(Scale::Generated { past: true })).await;
        println!(
            "\nthe board page alone, pid {}: {summary}",
            std::process::id()
        );
        let coordinator = running.sign_in("coordinatrice@anello.test").await;
        let cookie = Some(coordinator);
        loop {
            let rate =
                throughput(&running.client, running.url("/posti-letto"), cookie.clone()).await;
            println!("  board page: {rate:.0} req/s");
        }
    }
    measure("demo scale", Scale::Demo).await;
    let with_history = measure("generated scale", Scale::Generated { past: true }).await;
    let (running, _file, summary) =
        common::on_server(start(Scale::Generated { past: false })).await;
    println!("\nthe same generated network without its history: {summary}");
    let coordinator = running.sign_in("coordinatrice@anello.test").await;
    let without = board_page(&running, &coordinator).await;
    println!(
        "  board page with 20 000 past placements against none: {with_history:.0} against {without:.0} req/s; ratio {:.2} (goal >= 0.9)",
        with_history / without
    );
}
