//! The bed board at demo scale and at a generated scale (100 structures, 1000 beds, 800
//! current and 20 000 past placements), measured in one run so that ratios, not absolute
//! figures, are what counts on a noisy machine.
//!
//! `make bench` (or `cargo bench -p server --bench board`). For each scale it prints:
//! - the server-rendered board page (`/posti-letto`, coordinator: every structure) in
//!   requests per second, against a bare axum handler serving the same bytes (goal ≥ 0.5);
//! - the p99 of a move (`beds/move`) under 32 connections, against the p99 of a no-op
//!   server function under the same load (goal ≤ 3);
//! - from a move sent by one client to a second client having received the live event and
//!   reloaded its board (`beds/board`), the p95, against the p95 of a no-op round trip
//!   (goal ≤ 600 ms and ≤ 3×). The browser's own rendering is not part of this figure.

mod common;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use app::entity::{beds, people, placements, structures};
use app::state::{IdentityKey, Settings, SignInLimits};
use chrono::Utc;
use common::{bare_server, percentile, throughput, throughput_encoded, TempFile};
use leptos::prelude::*;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};

const CONNECTIONS: usize = 32;
const MOVES_PER_CONNECTION: usize = 20;
const LIVE_ROUNDS: usize = 40;

/// The baseline: a server function doing nothing, through the same router and layers.
#[server(endpoint = "bench/noop")]
async fn noop() -> Result<(), ServerFnError> {
    Ok(())
}

#[derive(Clone)]
struct Running {
    address: SocketAddr,
    client: reqwest::Client,
}

/// Fills the demo network up to the generated scale.
async fn generate(db: &sea_orm::DatabaseConnection) {
    generate_structures_and_beds(db).await;
    // People enough for 800 guests (the demo loader adds a few dozen per copy).
    let key = IdentityKey::new(IdentityKey::DEVELOPMENT);
    while people::Entity::find().count(db).await.unwrap() < 1200 {
        app::people::registry::demo::load_demo_people(db, 4, &key)
            .await
            .unwrap();
    }
    generate_placements(db).await;
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
                room: Set(None),
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

/// 800 open placements in free beds, and 20 000 past ones over the last two and a half
/// years (the history the open-placements queries must not walk).
async fn generate_placements(db: &sea_orm::DatabaseConnection) {
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
    let everyone: Vec<i32> = free_people.iter().map(|p| p.id).collect();
    let mut past = Vec::new();
    for index in 0..20_000usize {
        let bed = &all_beds[index % all_beds.len()];
        let started = today - chrono::Duration::days(40 + (index % 900) as i64);
        past.push(placements::ActiveModel {
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
        if past.len() == 1000 {
            placements::Entity::insert_many(std::mem::take(&mut past))
                .exec(db)
                .await
                .unwrap();
        }
    }
}

async fn start(generated: bool) -> (Running, TempFile, String) {
    let (db, file) = common::demo_database(&format!("board_{generated}")).await;
    let key = IdentityKey::new(IdentityKey::DEVELOPMENT);
    app::people::registry::demo::load_demo_people(&db, 1, &key)
        .await
        .expect("demo people");
    if generated {
        generate(&db).await;
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
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
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
    let router = server::startup::router(db, server::startup::leptos_options(address), settings);
    tokio::spawn(async move {
        axum::serve(
            listener,
            router.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .await
        .unwrap();
    });
    let running = Running {
        address,
        client: reqwest::Client::builder()
            .timeout(Duration::from_secs(60))
            .pool_max_idle_per_host(64)
            .build()
            .unwrap(),
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
        let response = self
            .client
            .get(self.url(path))
            .header("accept", "text/html")
            .header("cookie", cookie)
            .send()
            .await
            .unwrap();
        assert!(response.status().is_success(), "{path}");
        response.bytes().await.unwrap()
    }
}

/// Pairs of (guest, free bed of her structure) that a move between them is allowed for.
async fn movable_guests(running: &Running, cookie: &str, wanted: usize) -> Vec<(String, i32, i32)> {
    let board: serde_json::Value = running
        .post("beds/board", "filter[province]=", cookie)
        .await
        .json()
        .await
        .unwrap();
    let mut pairs = Vec::new();
    for card in board["structures"].as_array().unwrap() {
        let beds = card["beds"].as_array().unwrap();
        let mut free: Vec<i32> = beds
            .iter()
            .filter(|b| b["state"] == "Free")
            .map(|b| b["id"].as_i64().unwrap() as i32)
            .collect();
        for bed in beds.iter().filter(|b| b["state"] == "Occupied") {
            let Some(to) = free.pop() else { break };
            let code = bed["person_code"].as_str().unwrap().to_string();
            let from = bed["id"].as_i64().unwrap() as i32;
            // Only guests the rules let move there and back (no family, right group).
            let there = running
                .post("beds/move", &format!("code={code}&bed_id={to}"), cookie)
                .await;
            if !there.status().is_success() {
                free.push(to);
                continue;
            }
            let back = running
                .post("beds/move", &format!("code={code}&bed_id={from}"), cookie)
                .await;
            assert!(back.status().is_success());
            pairs.push((code, from, to));
            if pairs.len() == wanted {
                return pairs;
            }
        }
    }
    pairs
}

/// Latencies of `requests` sent by `CONNECTIONS` clients at once, each its own session.
async fn under_load(
    running: &Running,
    cookies: &[String],
    work: Arc<Vec<Vec<(String, String)>>>,
) -> Vec<Duration> {
    let mut tasks = Vec::new();
    for (index, cookie) in cookies.iter().enumerate() {
        let (running, cookie, work) = (running.clone(), cookie.clone(), work.clone());
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            for (endpoint, body) in &work[index] {
                let started = Instant::now();
                let response = running.post(endpoint, body, &cookie).await;
                let status = response.status();
                response.bytes().await.unwrap();
                assert!(status.is_success(), "{endpoint} {body}: {status}");
                latencies.push(started.elapsed());
            }
            latencies
        }));
    }
    let mut all = Vec::new();
    for task in tasks {
        all.extend(task.await.unwrap());
    }
    all
}

/// From a move by one client to the other client's board reloaded after the live event.
async fn move_to_update(
    running: &Running,
    mover: &str,
    watcher: &str,
    pair: &(String, i32, i32),
) -> Vec<Duration> {
    let mut stream = running
        .client
        .get(running.url(app::beds::live::EVENTS_PATH))
        .header("accept", "text/event-stream")
        .header("cookie", watcher)
        .send()
        .await
        .unwrap();
    assert!(stream.status().is_success());
    let mut samples = Vec::new();
    let (code, from, to) = pair;
    for round in 0..LIVE_ROUNDS {
        let bed = if round % 2 == 0 { to } else { from };
        let started = Instant::now();
        let response = running
            .post("beds/move", &format!("code={code}&bed_id={bed}"), mover)
            .await;
        assert!(response.status().is_success());
        // Wait for the event (a chunk naming the board event), then reload as a board does.
        loop {
            let chunk = tokio::time::timeout(Duration::from_secs(5), stream.chunk())
                .await
                .expect("live event within 5 s")
                .unwrap()
                .expect("stream open");
            if String::from_utf8_lossy(&chunk).contains("placements") {
                break;
            }
        }
        let board = running
            .post("beds/board", "filter[province]=", watcher)
            .await;
        assert!(board.status().is_success());
        board.bytes().await.unwrap();
        samples.push(started.elapsed());
    }
    samples
}

async fn scale(label: &str, generated: bool) {
    let (running, _file, summary) = start(generated).await;
    println!("\n{label}: {summary} (SQLite, one run)");
    let coordinator = running.sign_in("coordinatrice@anello.test").await;

    // Board page against bare axum serving the same bytes.
    let page = running.page("/posti-letto", &coordinator).await;
    let board_rate = throughput(
        &running.client,
        running.url("/posti-letto"),
        Some(coordinator.clone()),
    )
    .await;
    let bare = bare_server(page.clone()).await;
    let bare_rate = throughput(&running.client, format!("http://{bare}/"), None).await;
    println!(
        "  board page ({} KiB): {board_rate:.0} req/s; bare axum, same bytes: {bare_rate:.0} req/s; ratio {:.3} (goal >= 0.5)",
        page.len() / 1024,
        board_rate / bare_rate
    );

    // The same page compressed as browsers ask for it, against uncompressed.
    let on_the_wire = running
        .client
        .get(running.url("/posti-letto"))
        .header("accept", "text/html")
        .header("accept-encoding", "br")
        .header("cookie", &coordinator)
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap()
        .len();
    let compressed_rate = throughput_encoded(
        &running.client,
        running.url("/posti-letto"),
        Some(coordinator.clone()),
        Some("br"),
    )
    .await;
    println!(
        "  board page with brotli ({} KiB on the wire, {:.1}x smaller): {compressed_rate:.0} req/s against {board_rate:.0} uncompressed; ratio {:.2}",
        on_the_wire / 1024,
        page.len() as f64 / on_the_wire as f64,
        compressed_rate / board_rate
    );

    // Move p99 against a no-op p99, 32 connections each with its own session.
    let mut cookies = Vec::new();
    for _ in 0..CONNECTIONS {
        cookies.push(running.sign_in("coordinatrice@anello.test").await);
    }
    let pairs = movable_guests(&running, &coordinator, CONNECTIONS + 1).await;
    let movers = pairs.len().min(CONNECTIONS);
    let moves: Vec<Vec<(String, String)>> = pairs
        .iter()
        .take(movers)
        .map(|(code, from, to)| {
            (0..MOVES_PER_CONNECTION)
                .map(|i| {
                    let bed = if i % 2 == 0 { to } else { from };
                    ("beds/move".to_string(), format!("code={code}&bed_id={bed}"))
                })
                .collect()
        })
        .collect();
    let noops: Vec<Vec<(String, String)>> = (0..movers)
        .map(|_| vec![("bench/noop".to_string(), String::new()); MOVES_PER_CONNECTION])
        .collect();
    let mut noop_latencies = under_load(&running, &cookies[..movers], Arc::new(noops)).await;
    let mut move_latencies = under_load(&running, &cookies[..movers], Arc::new(moves)).await;
    let noop_p99 = percentile(&mut noop_latencies, 0.99);
    let move_p99 = percentile(&mut move_latencies, 0.99);
    println!(
        "  {movers} connections: move p99 {:.1} ms; no-op server function p99 {:.1} ms; ratio {:.2} (goal <= 3)",
        move_p99.as_secs_f64() * 1000.0,
        noop_p99.as_secs_f64() * 1000.0,
        move_p99.as_secs_f64() / noop_p99.as_secs_f64()
    );

    // Move by one client to the update of another client's board.
    let watcher = running.sign_in("accoglienza@anello.test").await;
    let pair = pairs.last().expect("a movable guest");
    let mut update = move_to_update(&running, &coordinator, &watcher, pair).await;
    let mut round_trips = Vec::new();
    for _ in 0..LIVE_ROUNDS {
        let started = Instant::now();
        running
            .post("bench/noop", "", &watcher)
            .await
            .bytes()
            .await
            .unwrap();
        round_trips.push(started.elapsed());
    }
    let update_p95 = percentile(&mut update, 0.95);
    let noop_p95 = percentile(&mut round_trips, 0.95);
    println!(
        "  move to another board's update (event + board reload) p95 {:.1} ms; no-op round trip p95 {:.2} ms; ratio {:.1} (goal <= 600 ms and <= 3x)",
        update_p95.as_secs_f64() * 1000.0,
        noop_p95.as_secs_f64() * 1000.0,
        update_p95.as_secs_f64() / noop_p95.as_secs_f64()
    );
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    println!("bed board benchmark: ratios measured in one run on this machine");
    scale("demo scale", false).await;
    scale("generated scale", true).await;
}
