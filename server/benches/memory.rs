//! Resident memory of one server process, the binary as deployed, on the generated network
//! of the board benchmark (100 structures, 1000 beds, 800 current and 20 000 past
//! placements): "idle" after seven sign-ins (each checks a password with argon2id, 19 MiB
//! of memory), after a few hundred pages (the board, people, the waiting list, her work)
//! to seven roles, and after as many forum pages and searches, with what the memory is
//! made of. Goals: at most 150 MB after the load, and at most 1.5 × idle.
//!
//! `cargo bench -p server --bench memory` (part of `make bench`). The process runs twice:
//! as built (mimalloc), and with glibc's malloc told to keep two arenas
//! (`MALLOC_ARENA_MAX=2`); under mimalloc the variable changes nothing, and the two runs
//! show it.

#[path = "common/mod.rs"]
mod common;
#[path = "board/generate.rs"]
mod generate;

use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

const ROLES: [&str; 7] = [
    "coordinatrice@anello.test",
    "accoglienza@anello.test",
    "accoglienza.cuneo@anello.test",
    "operatrice@anello.test",
    "operatrice.cuneo@anello.test",
    "formatrice@anello.test",
    "partner@anello.test",
];
const BOARD_LOAD: [&str; 4] = [
    "/posti-letto",
    "/persone",
    "/lista-attesa",
    "/il-mio-lavoro",
];
const FORUM_LOAD: [&str; 4] = [
    "/forum",
    "/forum/cerca?q=sfruttamento+caporalato+raccolta",
    "/forum/materiali",
    "/indicatori",
];
const ROUNDS: usize = 10;

/// The numbers of a process's `/proc/<pid>/status` (memory in kB), by their key.
fn status(pid: u32) -> impl Fn(&str) -> f64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    move |key: &str| -> f64 {
        status
            .lines()
            .find_map(|line| line.strip_prefix(key))
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|value| value.parse::<f64>().ok())
            .unwrap_or(0.0)
    }
}

/// Resident and peak resident memory of a process, in MB.
fn resident(pid: u32) -> (f64, f64) {
    let field = status(pid);
    (field("VmRSS:") / 1024.0, field("VmHWM:") / 1024.0)
}

/// What the resident memory is made of: anonymous memory (the heap and the allocator's
/// arenas, thread stacks) and file pages (the binary's code and data as they are
/// touched), in MB.
fn composition(pid: u32) -> String {
    let field = status(pid);
    format!(
        "anonymous {:.0} MB, file pages {:.0} MB, {} threads",
        field("RssAnon:") / 1024.0,
        field("RssFile:") / 1024.0,
        field("Threads:")
    )
}

/// The server binary on `database`, listening on `address`, with `env` added.
async fn serve(database: &std::path::Path, address: SocketAddr, env: &[(&str, &str)]) -> Child {
    let mut command = Command::new(env!("CARGO_BIN_EXE_anello"));
    command
        .args(["serve", "--listen", &address.to_string()])
        .env("DATABASE_URL", format!("sqlite://{}", database.display()))
        .env("ANELLO_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::inherit());
    for (key, value) in env {
        command.env(key, value);
    }
    let mut child = command.spawn().expect("the server binary");
    let client = reqwest::Client::new();
    for _ in 0..240 {
        let ready = client
            .get(format!("http://{address}/readyz"))
            .send()
            .await
            .is_ok_and(|response| response.status().is_success());
        if ready {
            return child;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    let _ = child.kill();
    let _ = child.wait();
    panic!("the server did not start within a minute");
}

/// Every role loads each of `pages` `ROUNDS` times, four requests at once.
async fn load(client: &reqwest::Client, address: SocketAddr, cookies: &[String], pages: &[&str]) {
    let mut work = Vec::new();
    for cookie in cookies {
        for page in pages {
            for _ in 0..ROUNDS {
                work.push((cookie.clone(), format!("http://{address}{page}")));
            }
        }
    }
    let work = std::sync::Arc::new(std::sync::Mutex::new(work));
    let mut workers = Vec::new();
    for _ in 0..4 {
        let (client, work) = (client.clone(), work.clone());
        workers.push(tokio::spawn(async move {
            loop {
                let Some((cookie, url)) = work.lock().unwrap().pop() else {
                    return;
                };
                let response = client
                    .get(&url)
                    .header("accept", "text/html")
                    .header("cookie", cookie)
                    .send()
                    .await
                    .unwrap();
                // Some roles are refused some pages: the refusal is part of the load.
                response.bytes().await.unwrap();
            }
        }));
    }
    for worker in workers {
        worker.await.unwrap();
    }
}

async fn run(label: &str, database: &std::path::Path, env: &[(&str, &str)]) {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    drop(listener);
    let mut child = serve(database, address, env).await;
    let pid = child.id();
    let client = reqwest::Client::new();
    let mut cookies = Vec::new();
    for email in ROLES {
        cookies.push(common::sign_in(&client, address, email).await);
    }
    let (idle, _) = resident(pid);
    println!(
        "  {label}: idle, after seven sign-ins: {}",
        composition(pid)
    );
    load(&client, address, &cookies, &BOARD_LOAD).await;
    let (after_board, _) = resident(pid);
    load(&client, address, &cookies, &FORUM_LOAD).await;
    let (after_forum, peak) = resident(pid);
    println!("  {label}: after the forum load: {}", composition(pid));
    let _ = child.kill();
    let _ = child.wait();
    let pages = ROLES.len() * ROUNDS * BOARD_LOAD.len();
    println!(
        "  {label}: idle {idle:.0} MB; after {pages} board and people pages {after_board:.0} MB ({:.2} x idle); after {pages} forum pages {after_forum:.0} MB ({:.2} x idle); peak {peak:.0} MB (goals: <= 150 MB and <= 1.5 x idle)",
        after_board / idle,
        after_forum / idle
    );
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    println!("server memory benchmark (one process, SQLite, one run)");
    let (db, file) = common::demo_database("memory").await;
    let key = app::state::IdentityKey::new(app::state::IdentityKey::DEVELOPMENT);
    app::people::registry::demo::load_demo_people(&db, 1, &key)
        .await
        .expect("demo people");
    generate::generate(&db, true).await;
    db.close().await.unwrap();
    run("as built", &file.0, &[]).await;
    run("MALLOC_ARENA_MAX=2", &file.0, &[("MALLOC_ARENA_MAX", "2")]).await;
}
