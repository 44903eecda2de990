//! Live updates of the bed board: a typed event stream for the users who may open the
//! board, each event the change as her board (user and filter) shows it; on PostgreSQL a
//! change made through one server process reaches a board connected to another.

use std::time::Duration;

use reqwest::header::{ACCEPT, COOKIE};
use reqwest::StatusCode;

use app::beds::live::{BoardChange, BoardEvent};

use crate::helpers::*;

const MANAGER: &str = "accoglienza@anello.test";

async fn open_stream(
    client: &reqwest::Client,
    base: &str,
    cookie: Option<&str>,
) -> reqwest::Response {
    open_filtered_stream(client, base, cookie, "").await
}

/// A board's stream with its filter (`?provincia=CN…`, as in the board's address).
async fn open_filtered_stream(
    client: &reqwest::Client,
    base: &str,
    cookie: Option<&str>,
    filter: &str,
) -> reqwest::Response {
    let mut request = client
        .get(format!("{base}{}{filter}", app::beds::live::EVENTS_PATH))
        .header(ACCEPT, "text/event-stream");
    if let Some(cookie) = cookie {
        request = request.header(COOKIE, cookie);
    }
    request.send().await.unwrap()
}

/// The data of an `event: board` as the board reads it.
fn board_event_of(raw: &str) -> BoardEvent {
    let data = raw
        .lines()
        .find_map(|line| line.strip_prefix("data: "))
        .unwrap_or_else(|| panic!("no data in {raw}"));
    serde_json::from_str(data).unwrap_or_else(|error| panic!("{error}: {data}"))
}

/// An open stream, and what has been read of it but not yet taken.
struct BoardStream {
    response: reqwest::Response,
    unread: String,
}

impl BoardStream {
    fn new(response: reqwest::Response) -> BoardStream {
        assert_eq!(response.status(), StatusCode::OK);
        BoardStream {
            response,
            unread: String::new(),
        }
    }

    /// The next `event: board`, whole, or none within `within`. Several events may come
    /// in one chunk: what follows the one taken stays for the next call.
    async fn next(&mut self, within: Duration) -> Option<String> {
        let deadline = tokio::time::Instant::now() + within;
        loop {
            if let Some(start) = self.unread.find("event: board") {
                if let Some(length) = self.unread[start..].find("\n\n") {
                    let event = self.unread[start..start + length].to_string();
                    self.unread.drain(..start + length + 2);
                    return Some(event);
                }
            }
            let chunk = tokio::time::timeout_at(deadline, self.response.chunk())
                .await
                .ok()?;
            let chunk = chunk.ok()??;
            self.unread.push_str(&String::from_utf8_lossy(&chunk));
        }
    }
}

/// The beds of a demo structure, by name.
async fn beds_of(app: &TestApp, name: &str) -> Vec<i32> {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let structure = app::entity::structures::Entity::find()
        .filter(app::entity::structures::Column::Name.eq(name))
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
}

/// The beds of a demo structure in which nobody is placed.
async fn free_beds_of(app: &TestApp, name: &str) -> Vec<i32> {
    let taken = app.occupied_beds().await;
    let mut beds = beds_of(app, name).await;
    beds.retain(|bed| !taken.contains(bed));
    beds
}

async fn place_someone(app: &TestApp, cookie: &str) -> String {
    let code = app.register_person(cookie, "Diretta").await;
    for bed in beds_of(app, "Casa Ginestra").await {
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
async fn an_open_board_hears_of_a_placement_as_her_board_shows_it() {
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

    let stream = open_stream(&app.client, &app.origin(), Some(&coordinator)).await;
    assert_eq!(stream.status(), StatusCode::OK);
    assert!(stream
        .headers()
        .get("content-type")
        .unwrap()
        .to_str()
        .unwrap()
        .starts_with("text/event-stream"));
    let mut stream = BoardStream::new(stream);
    let code = place_someone(&app, &manager).await;
    let raw = stream
        .next(Duration::from_secs(10))
        .await
        .unwrap_or_else(|| panic!("no board event on {}", app.backend));
    let event = board_event_of(&raw);
    assert_eq!(event.seq, 1, "{raw}");
    assert_eq!(event.change, BoardChange::Placements);
    // Casa Ginestra as the coordinator's board shows it: her bed, with her code.
    let delta = event.delta.expect("a placement carries its delta");
    assert_eq!(delta.structures.len(), 1, "{raw}");
    let card = &delta.structures[0];
    assert_eq!(card.name, "Casa Ginestra");
    assert!(
        card.beds
            .iter()
            .any(|bed| bed.person_code.as_deref() == Some(code.as_str())),
        "{raw}"
    );
    // Never an address, not even of a house the receiver may reveal.
    let address = app
        .safe_house_of("Cooperativa Progetto Tenda")
        .await
        .address
        .unwrap();
    assert!(
        card.address.is_none() && !raw.contains("Via Immaginaria"),
        "{raw} {address}"
    );
}

/// What reaches a board is what her filter keeps: a change elsewhere sends her nothing,
/// and the events she is sent are numbered without gaps.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_board_hears_only_of_the_structures_its_filter_keeps() {
    let app = TestApp::spawn().await;
    let coordinator = app.sign_in("coordinatrice@anello.test").await;
    let turin = app.sign_in(MANAGER).await;
    let cuneo = app.sign_in("accoglienza.cuneo@anello.test").await;
    let mut in_cuneo = BoardStream::new(
        open_filtered_stream(
            &app.client,
            &app.origin(),
            Some(&coordinator),
            "?provincia=CN",
        )
        .await,
    );
    let mut free_only = BoardStream::new(
        open_filtered_stream(
            &app.client,
            &app.origin(),
            Some(&coordinator),
            "?provincia=CN&liberi=1",
        )
        .await,
    );

    // A placement in Turin: nothing for a board of Cuneo.
    place_someone(&app, &turin).await;
    assert!(
        in_cuneo.next(Duration::from_millis(800)).await.is_none(),
        "a Turin change reached a Cuneo board on {}",
        app.backend
    );

    // Casa Magnolia's free beds taken out of service one by one: each change is the
    // Cuneo board's first, second… event; on "free beds only" the house leaves with the
    // last.
    let beds = free_beds_of(&app, "Casa Magnolia").await;
    assert!(!beds.is_empty());
    for (index, bed) in beds.iter().enumerate() {
        let response = app
            .call_raw(
                "beds/service",
                &[("bed_id", &bed.to_string()), ("reason", "Lavori al bagno")],
                Some(&cuneo),
            )
            .await;
        assert_eq!(response.status(), StatusCode::OK, "on {}", app.backend);
        let raw = in_cuneo
            .next(Duration::from_secs(10))
            .await
            .unwrap_or_else(|| panic!("no event for bed {bed} on {}", app.backend));
        let event = board_event_of(&raw);
        assert_eq!(event.seq, index as u64 + 1, "{raw}");
        assert_eq!(event.change, BoardChange::Beds);
        let delta = event.delta.unwrap();
        let names: Vec<&str> = delta.structures.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Casa Magnolia"], "{raw}");
        let raw = free_only.next(Duration::from_secs(10)).await.unwrap();
        let delta = board_event_of(&raw).delta.unwrap();
        if index + 1 == beds.len() {
            assert!(delta.structures.is_empty(), "{raw}");
            assert_eq!(delta.hidden.len(), 1, "{raw}");
        } else {
            assert_eq!(delta.structures.len(), 1, "{raw}");
        }
    }
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
    let mut stream = BoardStream::new(open_stream(&app.client, &second_base, Some(&cookie)).await);
    // Let the second process's LISTEN settle before the change.
    tokio::time::sleep(Duration::from_millis(300)).await;

    let manager = app.sign_in(MANAGER).await;
    let code = place_someone(&app, &manager).await;
    // The other process read the change and built the coordinator's view of it (its
    // relay's first "reload" may come first).
    let mut heard = Vec::new();
    while let Some(raw) = stream.next(Duration::from_secs(10)).await {
        let found = raw.contains(&code);
        heard.push(raw);
        if found {
            break;
        }
    }
    assert!(
        heard.last().is_some_and(|raw| raw.contains(&code)),
        "the board on the other process hears of the placement: {heard:?}"
    );
    let _ = second.kill().await;
}
