//! What the benchmarks share: a throw-away SQLite file or PostgreSQL database, and signing in.
// Each benchmark uses only some of these helpers.
#![allow(dead_code)]

use std::future::Future;
use std::net::SocketAddr;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// The allocator of the binary as deployed (`server/src/main.rs`): a benchmark of the
/// server in this process measures its allocator too. Under glibc's malloc a profile of
/// the board page at 1000 beds found a quarter of the time in malloc and its locks.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// How long a throughput is measured, and by how many clients at once.
const PAGE_SECONDS: f64 = 4.0;
const PAGE_WORKERS: usize = 4;

/// The server's runtime, on a core of its own (`on_two_cores`).
static SERVER: OnceLock<tokio::runtime::Handle> = OnceLock::new();

/// Runs a benchmark with the server and its load on separate cores, so that neither
/// measures the other: the server's runtime (one worker, its blocking threads and the
/// SQLite connections' threads, which inherit the core of the thread that starts them) on
/// the first core, the load (`body`: the clients) on the second. Names the threads
/// "server…" and "load…", so that `server_cpu` counts the server's time alone. With
/// fewer than two processors both share them.
pub fn on_two_cores<F: Future<Output = ()>>(body: F) {
    use nix::sched::{sched_getaffinity, sched_setaffinity, CpuSet};
    use nix::unistd::Pid;
    // The first two processors this process may run on (a container or `taskset` may
    // allow others than 0 and 1).
    let allowed: Vec<usize> = sched_getaffinity(Pid::from_raw(0))
        .map(|set| {
            (0..CpuSet::count())
                .filter(|cpu| set.is_set(*cpu).unwrap_or(false))
                .take(2)
                .collect()
        })
        .unwrap_or_default();
    let two = allowed.len() == 2;
    let pin = move |which: usize| {
        let core = allowed.get(which).copied().filter(|_| two);
        move || {
            let Some(core) = core else {
                return;
            };
            let mut set = CpuSet::new();
            let pinned = set
                .set(core)
                .and_then(|()| sched_setaffinity(Pid::from_raw(0), &set));
            if let Err(error) = pinned {
                eprintln!("(could not keep a thread on processor {core}: {error})");
            }
        }
    };
    let server = one_worker("server", pin(0));
    SERVER
        .set(server.handle().clone())
        .expect("one server runtime");
    pin(1)();
    let _ = nix::sys::prctl::set_name(c"load-main");
    let load = one_worker("load", pin(1));
    if !two {
        println!("(fewer than two processors: the server and its load share them)");
    }
    load.block_on(body);
    load.shutdown_background();
    server.shutdown_background();
}

/// A runtime of one worker whose threads are named `name` and start with `pin`. Threads
/// are kept for the whole run: `server_cpu` reads the threads alive, and a blocking
/// thread ended after its idle time (a sign-in's password check) would take its CPU
/// time with it.
fn one_worker(name: &str, pin: impl Fn() + Send + Sync + 'static) -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .thread_name(name)
        .thread_keep_alive(Duration::from_secs(24 * 3600))
        .on_thread_start(pin)
        .enable_all()
        .build()
        .expect("a benchmark runtime")
}

/// Runs `work` on the server's core (the database, its data, the server itself), or
/// where it is when there is no such core.
pub async fn on_server<T: Send + 'static>(work: impl Future<Output = T> + Send + 'static) -> T {
    match SERVER.get() {
        Some(server) => server.spawn(work).await.expect("server-side work"),
        None => work.await,
    }
}

/// User and system CPU time of the server's threads so far (every thread of the process
/// but the load's, `on_two_cores`), from `/proc/self/task/*/stat` in clock ticks of
/// 10 ms on Linux.
pub fn server_cpu() -> Duration {
    let mut ticks = 0;
    for task in std::fs::read_dir("/proc/self/task")
        .into_iter()
        .flatten()
        .flatten()
    {
        let stat = std::fs::read_to_string(task.path().join("stat")).unwrap_or_default();
        // The thread's name is in parentheses and may hold spaces.
        let Some((head, rest)) = stat.rsplit_once(')') else {
            continue;
        };
        if head
            .split_once('(')
            .is_some_and(|(_, name)| name.starts_with("load"))
        {
            continue;
        }
        let fields: Vec<&str> = rest.split_whitespace().collect();
        // utime and stime are the 14th and 15th fields; the 3rd is the first after the name.
        for index in [14, 15] {
            ticks += fields
                .get(index - 3)
                .and_then(|value| value.parse::<u64>().ok())
                .unwrap_or(0);
        }
    }
    Duration::from_millis(ticks * 10)
}

/// A SQLite file removed (with its WAL files) when the benchmark ends.
pub struct TempFile(pub std::path::PathBuf);

impl Drop for TempFile {
    fn drop(&mut self) {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", self.0.display()));
        }
    }
}

/// A fresh SQLite file (removed when the benchmark ends) with the schema and the demo
/// network; `name` keeps the files of one run's databases apart.
pub async fn demo_database(name: &str) -> (sea_orm::DatabaseConnection, TempFile) {
    use migrations::MigratorTrait;
    let path = std::env::temp_dir().join(format!("anello_bench_{name}_{}.db", std::process::id()));
    let file = TempFile(path.clone());
    let db = app::kernel::db::connect(&format!("sqlite://{}?mode=rwc", path.display()))
        .await
        .expect("sqlite");
    migrations::Migrator::up(&db, None).await.expect("migrate");
    app::demo::load_demo_network(&db)
        .await
        .expect("demo network");
    (db, file)
}

/// A PostgreSQL database made for one benchmark run, dropped by `finish`.
pub struct PostgresScratch {
    server: String,
    name: String,
}

impl PostgresScratch {
    pub async fn finish(self, db: sea_orm::DatabaseConnection) {
        use sea_orm::ConnectionTrait;
        db.close().await.ok();
        if let Ok(admin) = sea_orm::Database::connect(&self.server).await {
            let _ = admin
                .execute_unprepared(&format!(
                    "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                    self.name
                ))
                .await;
            admin.close().await.ok();
        }
    }
}

/// The PostgreSQL server to measure on as well (`TEST_POSTGRES_URL`, which `make bench`
/// sets), if any.
pub fn postgres_server() -> Option<String> {
    std::env::var("TEST_POSTGRES_URL")
        .ok()
        .filter(|url| !url.is_empty())
}

/// A fresh PostgreSQL database on `server` with the schema and the demo network.
pub async fn demo_database_postgres(
    server: &str,
    name: &str,
) -> (sea_orm::DatabaseConnection, PostgresScratch) {
    use migrations::MigratorTrait;
    use sea_orm::ConnectionTrait;
    let database = format!("anello_bench_{name}_{}", std::process::id());
    let admin = sea_orm::Database::connect(server)
        .await
        .expect("reach PostgreSQL");
    admin
        .execute_unprepared(&format!("DROP DATABASE IF EXISTS {database} WITH (FORCE)"))
        .await
        .expect("drop a leftover benchmark database");
    admin
        .execute_unprepared(&format!("CREATE DATABASE {database}"))
        .await
        .expect("create the benchmark database");
    admin.close().await.ok();
    let base = server.rsplit_once('/').map_or(server, |(base, _)| base);
    let db = app::kernel::db::connect(&format!("{base}/{database}"))
        .await
        .expect("postgres");
    migrations::Migrator::up(&db, None).await.expect("migrate");
    app::demo::load_demo_network(&db)
        .await
        .expect("demo network");
    let scratch = PostgresScratch {
        server: server.to_string(),
        name: database,
    };
    (db, scratch)
}

/// Signs a demo user in; the `name=value` of the session cookie.
pub async fn sign_in(client: &reqwest::Client, address: SocketAddr, email: &str) -> String {
    let response = client
        .post(format!("http://{address}/api/auth/sign_in"))
        .header("origin", format!("http://{address}"))
        .header("accept", "application/json")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("email={email}&password=anello-demo"))
        .send()
        .await
        .unwrap();
    assert!(response.status().is_success(), "sign-in {email}");
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("__Host-anello_session="))
        .and_then(|v| v.split(';').next())
        .expect("session cookie")
        .to_string()
}

/// Requests per second of GET `url`, with a few workers for a fixed time.
pub async fn throughput(client: &reqwest::Client, url: String, cookie: Option<String>) -> f64 {
    throughput_encoded(client, url, cookie, None).await
}

/// The same, asking for the answer compressed (`Accept-Encoding`), as browsers do.
pub async fn throughput_encoded(
    client: &reqwest::Client,
    url: String,
    cookie: Option<String>,
    encoding: Option<&'static str>,
) -> f64 {
    let deadline = Instant::now() + Duration::from_secs_f64(PAGE_SECONDS);
    let started = Instant::now();
    let mut workers = Vec::new();
    for _ in 0..PAGE_WORKERS {
        let (client, url, cookie) = (client.clone(), url.clone(), cookie.clone());
        workers.push(tokio::spawn(async move {
            let mut done = 0u64;
            while Instant::now() < deadline {
                let mut request = client.get(&url).header("accept", "text/html");
                if let Some(encoding) = encoding {
                    request = request.header("accept-encoding", encoding);
                }
                if let Some(cookie) = &cookie {
                    request = request.header("cookie", cookie);
                }
                let response = request.send().await.unwrap();
                assert!(response.status().is_success());
                response.bytes().await.unwrap();
                done += 1;
            }
            done
        }));
    }
    let mut total = 0;
    for worker in workers {
        total += worker.await.unwrap();
    }
    total as f64 / started.elapsed().as_secs_f64()
}

/// Anello's router on `db`, served on a free local port as the server serves it (with
/// each client's address, which the sign-in throttle reads).
pub async fn serve(db: sea_orm::DatabaseConnection, settings: app::state::Settings) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let router = server::startup::router(db, server::startup::leptos_options(address), settings);
    tokio::spawn(async move {
        axum::serve(
            listener,
            router.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .await
        .unwrap();
    });
    address
}

/// The benchmarks' HTTP client: a generous timeout, and connections enough kept open for
/// every concurrent client.
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(60))
        .pool_max_idle_per_host(64)
        .build()
        .unwrap()
}

/// A server-rendered page as a signed-in browser asks for it; it must answer 2xx.
pub async fn page(client: &reqwest::Client, url: String, cookie: &str) -> axum::body::Bytes {
    let response = client
        .get(&url)
        .header("accept", "text/html")
        .header("cookie", cookie)
        .send()
        .await
        .unwrap();
    assert!(response.status().is_success(), "{url}");
    response.bytes().await.unwrap()
}

/// A bare axum server answering every request with `body`, on the server's core.
pub async fn bare_server(body: axum::body::Bytes) -> SocketAddr {
    on_server(async move {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = listener.local_addr().unwrap();
        let router = axum::Router::new().route(
            "/",
            axum::routing::get(move || {
                let body = body.clone();
                async move { ([("content-type", "text/html; charset=utf-8")], body) }
            }),
        );
        tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
        address
    })
    .await
}

pub fn percentile(samples: &mut [Duration], fraction: f64) -> Duration {
    samples.sort_unstable();
    let index = ((samples.len() as f64 * fraction).ceil() as usize).clamp(1, samples.len()) - 1;
    samples[index]
}
