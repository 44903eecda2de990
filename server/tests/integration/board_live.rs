//! Live updates of the bed board: a typed event stream for the users who may open the
//! board, carrying no data; on PostgreSQL a change made through one server process
//! reaches a board connected to another.

use std::time::Duration;

use reqwest::header::{ACCEPT, COOKIE};
use reqwest::StatusCode;

use crate::helpers::*;

const MANAGER: &str = "accoglienza@anello.test";

async fn open_stream(
    client: &reqwest::Client,
    base: &str,
    cookie: Option<&str>,
) -> reqwest::Response {
    let mut request = client
        .get(format!("{base}{}", app::beds::live::EVENTS_PATH))
        .header(ACCEPT, "text/event-stream");
    if let Some(cookie) = cookie {
        request = request.header(COOKIE, cookie);
    }
    request.send().await.unwrap()
}

/// Reads the stream until an `event: board` arrives, or gives up after `within`.
async fn next_board_event(stream: &mut reqwest::Response, within: Duration) -> Option<String> {
    let mut seen = String::new();
    let deadline = tokio::time::Instant::now() + within;
    loop {
        let chunk = tokio::time::timeout_at(deadline, stream.chunk())
            .await
            .ok()?;
        let chunk = chunk.ok()??;
        seen.push_str(&String::from_utf8_lossy(&chunk));
        if let Some(start) = seen.find("event: board") {
            let rest = &seen[start..];
            if let Some(end) = rest.find("\n\n") {
                return Some(rest[..end].to_string());
            }
        }
    }
}

async fn place_someone(app: &TestApp, cookie: &str) -> String {
    let code = app.register_person(cookie, "Diretta").await;
    let beds: Vec<i32> = {
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        let structure = app::entity::structures::Entity::find()
            .filter(app::entity::structures::Column::Name.eq("Casa Ginestra"))
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        app::entity::beds::Entity::find()
            .filter(app::entity::beds::Column::StructureId.eq(structure.id))
            .all(&app.db)
            .await
            .unwrap()
            .into_iter()
            .map(|b| b.id)
            .collect()
    };
    for bed in beds {
        let response = app
            .call_raw(
                "beds/place",
                &[("code", &code), ("bed_id", &bed.to_string())],
                Some(cookie),
            )
            .await;
        if response.status() == StatusCode::OK {
            return code;
        }
    }
    panic!("no free bed in Casa Ginestra");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_open_board_hears_of_a_placement_and_the_event_carries_no_data() {
    let app = TestApp::spawn().await;
    let manager = app.sign_in(MANAGER).await;
    let coordinator = app.sign_in("coordinatrice@anello.test").await;

    // Only board users: a case worker is refused, a stranger must sign in.
    let worker = app.sign_in("operatrice@anello.test").await;
    assert_eq!(
        open_stream(&app.client, &app.origin(), Some(&worker))
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        open_stream(&app.client, &app.origin(), None).await.status(),
        StatusCode::UNAUTHORIZED
    );

    let mut stream = open_stream(&app.client, &app.origin(), Some(&coordinator)).await;
    assert_eq!(stream.status(), StatusCode::OK);
    assert!(stream
        .headers()
        .get("content-type")
        .unwrap()
        .to_str()
        .unwrap()
        .starts_with("text/event-stream"));
    let code = place_someone(&app, &manager).await;
    let event = next_board_event(&mut stream, Duration::from_secs(10))
        .await
        .unwrap_or_else(|| panic!("no board event on {}", app.backend));
    assert!(event.contains(r#"{"change":"placements"}"#), "{event}");
    assert!(!event.contains(&code), "the event names nobody");
}

/// Two server processes on one PostgreSQL database: the second is the real binary,
/// started on the test's database.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_move_through_one_server_process_reaches_a_board_on_another() {
    let app = TestApp::spawn().await;
    if app.backend != "postgres" {
        // One process on SQLite: the in-process broadcast is tested above.
        return;
    }
    let port = {
        let probe = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        probe.local_addr().unwrap().port()
    };
    let mut second = tokio::process::Command::new(env!("CARGO_BIN_EXE_anello"))
        .env("DATABASE_URL", &app.database_url)
        .env("ANELLO_LOG", "warn")
        .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
        .kill_on_drop(true)
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("second server process");
    let second_base = format!("http://127.0.0.1:{port}");
    let mut ready = false;
    for _ in 0..100 {
        if reqwest::get(format!("{second_base}/accedi")).await.is_ok() {
            ready = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(ready, "the second server process answers");

    // The coordinator signs in on the second process (the sessions are in the database).
    let cookie = {
        let response = app
            .client
            .post(format!("{second_base}/api/auth/sign_in"))
            .header("origin", &second_base)
            .header("accept", "application/json")
            .header("content-type", "application/x-www-form-urlencoded")
            .body(format!(
                "email=coordinatrice%40anello.test&password={DEMO_PASSWORD}"
            ))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        response
            .headers()
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .filter_map(|v| v.split(';').next())
            .map(str::to_string)
            .collect::<Vec<_>>()
            .join("; ")
    };
    let mut stream = open_stream(&app.client, &second_base, Some(&cookie)).await;
    assert_eq!(stream.status(), StatusCode::OK);
    // Let the second process's LISTEN settle before the change.
    tokio::time::sleep(Duration::from_millis(300)).await;

    let manager = app.sign_in(MANAGER).await;
    place_someone(&app, &manager).await;
    let event = next_board_event(&mut stream, Duration::from_secs(10)).await;
    let event = event.expect("the board on the other process hears of the placement");
    assert!(
        event.contains("placements") || event.contains("resync"),
        "{event}"
    );
    let _ = second.kill().await;
}
