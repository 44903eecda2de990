//! The `anello` binary as a network's IT volunteer runs it: production mode refusing an
//! unsafe start, the production example of the README, health, metrics and request logs,
//! and a graceful stop on SIGTERM that finishes the move in flight.

use std::path::PathBuf;
use std::process::Stdio;
use std::time::Duration;

use reqwest::header::{ACCEPT, CONTENT_TYPE, COOKIE, ORIGIN};
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use crate::helpers::*;

const BINARY: &str = env!("CARGO_BIN_EXE_anello");
const IDENTITY_KEY: &str = "a-test-identity-key-of-more-than-32-characters";
const DOCUMENTS_KEY: &str = "a-test-documents-key-of-more-than-32-characters";
const PUBLIC_URL: &str = "https://anello.rete.example";

/// A free port on loopback (the listener is closed again before the server binds it).
fn free_address() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().to_string()
}

fn log_file() -> PathBuf {
    std::env::temp_dir().join(format!("anello-test-{}.log", uuid::Uuid::new_v4()))
}

/// `anello ARGS` with `DATABASE_URL` and the given environment; its output in `log`.
fn anello(
    database_url: &str,
    args: &[&str],
    env: &[(&str, &str)],
    log: &PathBuf,
) -> tokio::process::Command {
    let mut command = tokio::process::Command::new(BINARY);
    command
        .args(args)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("DATABASE_URL", database_url)
        .env("LEPTOS_SITE_ROOT", std::env::temp_dir())
        .envs(env.iter().copied())
        .stdin(Stdio::null())
        .kill_on_drop(true);
    // Standard output and error into one file, through one file description.
    let output = std::fs::File::create(log).unwrap();
    command.stderr(output.try_clone().unwrap()).stdout(output);
    command
}

/// Runs a command to its end: (succeeded, what it printed).
async fn run_to_end(mut command: tokio::process::Command, log: &PathBuf) -> (bool, String) {
    let status = command.status().await.unwrap();
    (
        status.success(),
        std::fs::read_to_string(log).unwrap_or_default(),
    )
}

/// Waits until the server at `address` answers `/healthz`, or its process ends.
async fn wait_until_up(child: &mut tokio::process::Child, address: &str, log: &PathBuf) {
    let client = reqwest::Client::new();
    for _ in 0..900 {
        if let Ok(response) = client.get(format!("http://{address}/healthz")).send().await {
            if response.status() == StatusCode::OK {
                return;
            }
        }
        if let Ok(Some(status)) = child.try_wait() {
            panic!(
                "anello ended ({status}) before answering:\n{}",
                std::fs::read_to_string(log).unwrap_or_default()
            );
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!(
        "anello did not answer within 90 s:\n{}",
        std::fs::read_to_string(log).unwrap_or_default()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn production_refuses_to_start_without_what_keeps_people_safe() {
    let (_db, _, file, url) = fresh_database().await;
    let log = log_file();
    let listen = free_address();
    let cases: [(&[(&str, &str)], &str); 7] = [
        (&[("ANELLO_PUBLIC_URL", PUBLIC_URL)], "ANELLO_IDENTITY_KEY"),
        (
            &[
                ("ANELLO_IDENTITY_KEY", IDENTITY_KEY),
                ("ANELLO_PUBLIC_URL", PUBLIC_URL),
            ],
            "ANELLO_DOCUMENTS_KEY",
        ),
        (
            &[
                ("ANELLO_IDENTITY_KEY", IDENTITY_KEY),
                ("ANELLO_PUBLIC_URL", PUBLIC_URL),
                ("ANELLO_DOCUMENTS_KEY", "short"),
            ],
            "ANELLO_DOCUMENTS_KEY must be at least 32",
        ),
        (
            &[
                ("ANELLO_IDENTITY_KEY", IDENTITY_KEY),
                ("ANELLO_PUBLIC_URL", PUBLIC_URL),
                (
                    "ANELLO_DOCUMENTS_KEY",
                    "CHANGE-ME-TO-48-OTHER-RANDOM-BYTES-IN-BASE64",
                ),
            ],
            "example or development ANELLO_DOCUMENTS_KEY",
        ),
        (
            &[("ANELLO_IDENTITY_KEY", IDENTITY_KEY)],
            "ANELLO_PUBLIC_URL",
        ),
        (
            &[
                ("ANELLO_IDENTITY_KEY", IDENTITY_KEY),
                ("ANELLO_PUBLIC_URL", "http://anello.rete.example"),
            ],
            "https://",
        ),
        (
            &[
                ("ANELLO_IDENTITY_KEY", "short"),
                ("ANELLO_PUBLIC_URL", PUBLIC_URL),
            ],
            "at least 32",
        ),
    ];
    for (env, expected) in cases {
        let command = anello(
            &url,
            &["serve", "--production", "--listen", &listen],
            env,
            &log,
        );
        let (succeeded, output) = run_to_end(command, &log).await;
        assert!(!succeeded, "started without {expected}");
        assert!(
            output.contains(expected),
            "the message names {expected}: {output}"
        );
    }
    // With everything set but a demo account still active: refused as well.
    app::demo::load_demo_network(&_db).await.unwrap();
    let env = [
        ("ANELLO_IDENTITY_KEY", IDENTITY_KEY),
        ("ANELLO_DOCUMENTS_KEY", DOCUMENTS_KEY),
        ("ANELLO_PUBLIC_URL", PUBLIC_URL),
    ];
    let command = anello(
        &url,
        &["serve", "--production", "--listen", &listen],
        &env,
        &log,
    );
    let (succeeded, output) = run_to_end(command, &log).await;
    assert!(!succeeded);
    assert!(output.contains("demo"), "{output}");
    let _ = std::fs::remove_file(&log);
    remove_sqlite_file(&file);
}

/// The README's production example, step by step (keep the two in step).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_readme_production_example_starts_serves_and_is_monitored() {
    let (url, _, file) = empty_database().await;
    let log = log_file();
    let listen = free_address();
    let metrics = free_address();
    let env = [
        ("ANELLO_IDENTITY_KEY", IDENTITY_KEY),
        ("ANELLO_DOCUMENTS_KEY", DOCUMENTS_KEY),
        ("ANELLO_PUBLIC_URL", PUBLIC_URL),
        ("ANELLO_TRUST_PROXY", "true"),
        ("ANELLO_LOG_FORMAT", "json"),
        // The README's filter: request lines, and warnings of everything else.
        ("ANELLO_LOG", "warn,anello::request=info"),
    ];
    // anello migrate
    let (migrated, output) = run_to_end(anello(&url, &["migrate"], &env, &log), &log).await;
    assert!(migrated, "{output}");
    // ANELLO_PASSWORD=… anello user create --email … --name … --role administrator,coordinator
    let mut create = anello(
        &url,
        &[
            "user",
            "create",
            "--email",
            "admin@rete.example",
            "--name",
            "Prima Amministratrice",
            "--role",
            "administrator,coordinator",
        ],
        &env,
        &log,
    );
    create.env("ANELLO_PASSWORD", "una frase lunga e segreta");
    let (created, output) = run_to_end(create, &log).await;
    assert!(created, "{output}");
    // anello serve --production --listen 127.0.0.1:3000 --metrics-listen 127.0.0.1:9100
    let mut server = anello(
        &url,
        &[
            "serve",
            "--production",
            "--listen",
            &listen,
            "--metrics-listen",
            &metrics,
        ],
        &env,
        &log,
    )
    .spawn()
    .unwrap();
    wait_until_up(&mut server, &listen, &log).await;
    let client = reqwest::Client::new();
    let ready = client
        .get(format!("http://{listen}/readyz"))
        .send()
        .await
        .unwrap();
    assert_eq!(ready.status(), StatusCode::OK);

    // Through the proxy: the public origin signs in, with a __Host- Secure cookie.
    let signed_in = client
        .post(format!("http://{listen}/api/auth/sign_in"))
        .header(ORIGIN, PUBLIC_URL)
        .header("x-forwarded-for", "192.0.2.44")
        .header("x-forwarded-proto", "https")
        .header(ACCEPT, "application/json")
        .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(encode_form(&[
            ("email", "admin@rete.example"),
            ("password", "una frase lunga e segreta"),
        ]))
        .send()
        .await
        .unwrap();
    assert_eq!(signed_in.status(), StatusCode::OK);
    let cookie = signed_in
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .unwrap()
        .to_string();
    assert!(cookie.starts_with("__Host-anello_session="), "{cookie}");
    assert!(
        cookie.contains("Secure")
            && cookie.contains("HttpOnly")
            && cookie.contains("SameSite=Strict")
    );
    let hsts = client
        .get(format!("http://{listen}/accedi"))
        .send()
        .await
        .unwrap();
    assert!(hsts.headers().contains_key("strict-transport-security"));
    // A page whose path holds a person's code: the log names the route, not the code.
    let session = cookie.split(';').next().unwrap().to_string();
    let page = client
        .get(format!("http://{listen}/persone/TO-2026-9931?q=segreto"))
        .header(COOKIE, &session)
        .send()
        .await
        .unwrap();
    assert!(page.status().is_client_error() || page.status().is_success());

    let scraped = client
        .get(format!("http://{metrics}/metrics"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    for metric in [
        "anello_http_requests_total",
        "anello_http_request_duration_seconds_bucket",
        "anello_db_pool_connections",
        "anello_audit_rows_written_total",
    ] {
        assert!(
            scraped.contains(metric),
            "{metric} missing from:\n{scraped}"
        );
    }
    assert!(
        scraped.contains(r#"route="/api/auth/sign_in""#),
        "{scraped}"
    );
    // The metrics are not on the public address.
    let hidden = client
        .get(format!("http://{listen}/metrics"))
        .send()
        .await
        .unwrap();
    assert_ne!(hidden.status(), StatusCode::OK);

    kill(&server, "TERM");
    let status = exit_status(&mut server).await;
    assert!(status.success(), "exit status {status}");

    let output = std::fs::read_to_string(&log).unwrap();
    let requests: Vec<serde_json::Value> = output
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|line| line["target"] == "anello::request")
        .collect();
    assert!(
        requests
            .iter()
            .any(|r| r["route"] == "/persone/{code}" && r["method"] == "GET"),
        "one line per request naming its route:\n{output}"
    );
    for line in &requests {
        for field in ["method", "route", "status", "duration_ms", "request_id"] {
            assert!(!line[field].is_null(), "{field} missing in {line}");
        }
    }
    assert!(
        !output.contains("TO-2026-9931"),
        "a person's code reached the log"
    );
    assert!(
        !output.contains("segreto"),
        "a query string reached the log"
    );
    let _ = std::fs::remove_file(&log);
    remove_sqlite_file(&file);
}

/// How the server process ended; it must end within 30 s of being told to stop (the
/// 20 s grace and some margin), or the stop did not work.
async fn exit_status(server: &mut tokio::process::Child) -> std::process::ExitStatus {
    tokio::time::timeout(Duration::from_secs(30), server.wait())
        .await
        .expect("the server ended after the stop signal")
        .unwrap()
}

fn kill(child: &tokio::process::Child, signal: &str) {
    let pid = child.id().expect("running").to_string();
    let status = std::process::Command::new("kill")
        .args(["-s", signal, &pid])
        .status()
        .unwrap();
    assert!(status.success());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_move_in_flight_when_sigterm_arrives_is_committed_and_answered() {
    let (db, backend, file, url) = fresh_database().await;
    let log = log_file();
    let listen = free_address();
    let mut server = anello(
        &url,
        &["serve", "--demo-if-empty", "--listen", &listen],
        &[],
        &log,
    )
    .spawn()
    .unwrap();
    wait_until_up(&mut server, &listen, &log).await;
    let app = RemoteApp::new(&listen);
    let manager = app.sign_in("accoglienza@anello.test").await;
    let code = app.register(&manager, "Inviaggio").await;
    let beds: Vec<i32> = app::entity::beds::Entity::find()
        .all(&db)
        .await
        .unwrap()
        .into_iter()
        .map(|b| b.id)
        .collect();
    let occupied: Vec<i32> = app::entity::placements::Entity::find()
        .filter(app::entity::placements::Column::EndedOn.is_null())
        .all(&db)
        .await
        .unwrap()
        .into_iter()
        .map(|p| p.bed_id)
        .collect();
    // Two free beds of the manager's body: she places, then moves.
    let mut placed_in = None;
    let mut moved_to = None;
    for bed in beds.iter().filter(|b| !occupied.contains(b)) {
        let response = app
            .call_raw(
                &manager,
                if placed_in.is_none() {
                    "beds/place"
                } else {
                    "beds/move"
                },
                &[("code", &code), ("bed_id", &bed.to_string())],
            )
            .await;
        if response.status() != StatusCode::OK {
            continue;
        }
        if placed_in.is_none() {
            placed_in = Some(*bed);
        } else {
            moved_to = Some(*bed);
            break;
        }
    }
    let first = placed_in.expect("a bed to place in");
    let target = moved_to.expect("a bed to move to");
    // Back to the first bed, while the database is held by another writer: the move waits.
    let holder = app::kernel::db::begin_write(&db).await.unwrap();
    if backend == "postgres" {
        holder
            .execute_unprepared("LOCK TABLE placements IN EXCLUSIVE MODE")
            .await
            .unwrap();
    }
    let in_flight = tokio::spawn({
        let (app, manager, code) = (app.clone(), manager.clone(), code.clone());
        async move {
            app.call_raw(
                &manager,
                "beds/move",
                &[("code", &code), ("bed_id", &first.to_string())],
            )
            .await
        }
    });
    // An open board's event stream, which must end for the server to stop.
    let stream = app.events(&manager).await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert!(
        !in_flight.is_finished(),
        "the move did not wait for the held database"
    );
    kill(&server, "TERM");
    tokio::time::sleep(Duration::from_millis(500)).await;
    holder.rollback().await.unwrap();

    let response = in_flight.await.unwrap();
    assert_eq!(
        response.status(),
        StatusCode::OK,
        "{}",
        response.text().await.unwrap()
    );
    let ended = tokio::time::timeout(Duration::from_secs(30), stream.text())
        .await
        .expect("the event stream ended")
        .unwrap();
    assert!(
        ended.contains("bye"),
        "the stream closed with a reconnect hint: {ended}"
    );
    let status = exit_status(&mut server).await;
    assert!(
        status.success(),
        "exit status {status}:\n{}",
        std::fs::read_to_string(&log).unwrap_or_default()
    );
    let open: Vec<i32> = app::entity::placements::Entity::find()
        .filter(app::entity::placements::Column::EndedOn.is_null())
        .filter(app::entity::placements::Column::BedId.is_in([first, target]))
        .all(&db)
        .await
        .unwrap()
        .into_iter()
        .map(|p| p.bed_id)
        .collect();
    assert_eq!(open, vec![first], "the move was committed");
    let _ = std::fs::remove_file(&log);
    drop(db);
    remove_sqlite_file(&file);
}

/// A client of a server in another process.
#[derive(Clone)]
struct RemoteApp {
    base: String,
    client: reqwest::Client,
}

impl RemoteApp {
    fn new(address: &str) -> RemoteApp {
        RemoteApp {
            base: format!("http://{address}"),
            client: reqwest::Client::builder()
                .timeout(Duration::from_secs(60))
                .build()
                .unwrap(),
        }
    }

    async fn post(
        &self,
        endpoint: &str,
        form: &[(&str, &str)],
        cookie: Option<&str>,
    ) -> reqwest::Response {
        let mut request = self
            .client
            .post(format!("{}/api/{endpoint}", self.base))
            .header(ORIGIN, &self.base)
            .header(ACCEPT, "application/json")
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded");
        if let Some(cookie) = cookie {
            request = request.header(COOKIE, cookie);
        }
        request.body(encode_form(form)).send().await.unwrap()
    }

    async fn call_raw(
        &self,
        cookie: &str,
        endpoint: &str,
        form: &[(&str, &str)],
    ) -> reqwest::Response {
        self.post(endpoint, form, Some(cookie)).await
    }

    async fn sign_in(&self, email: &str) -> String {
        let form = [("email", email), ("password", DEMO_PASSWORD)];
        let response = self.post("auth/sign_in", &form, None).await;
        assert_eq!(response.status(), StatusCode::OK);
        session_cookie(response.headers()).unwrap()
    }

    async fn register(&self, cookie: &str, family_name: &str) -> String {
        let response = self
            .call_raw(
                cookie,
                "people/register",
                &[
                    ("form[given_names]", "Ospite"),
                    ("form[family_name]", family_name),
                    ("form[gender]", "female"),
                    ("form[province]", "TO"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::OK);
        response.json().await.unwrap()
    }

    async fn events(&self, cookie: &str) -> reqwest::Response {
        let response = self
            .client
            .get(format!("{}{}", self.base, app::beds::live::EVENTS_PATH))
            .header(COOKIE, cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        response
    }
}
