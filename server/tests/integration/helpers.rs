use std::net::SocketAddr;

// The SMTP stand-in of the e-mail tests, in a file of its own.
mod forms;
#[path = "smtp_sink.rs"]
mod smtp_sink;
pub use forms::*;
pub use smtp_sink::SmtpSink;

use app::state::{Settings, SignInLimits};
use reqwest::header::{HeaderMap, ACCEPT, CONTENT_TYPE, COOKIE, ORIGIN, SET_COOKIE};
use reqwest::{Response, StatusCode};
use sea_orm::{ConnectionTrait, Database, DatabaseConnection};

pub use app::auth::password::DEMO_PASSWORD;
/// The password of the accounts tests create (`TestApp::add_colleague`).
pub const COLLEAGUE_PASSWORD: &str = "una password lunga abbastanza";

/// Load tests (hundreds of simultaneous requests) run alone: every other test holds a
/// shared turn, a load test the exclusive one. On two cores, a test that shared the
/// machine with a load test once waited 30 s for a page (see the bed-board issue note).
fn suite_lock() -> std::sync::Arc<tokio::sync::RwLock<()>> {
    static LOCK: std::sync::OnceLock<std::sync::Arc<tokio::sync::RwLock<()>>> =
        std::sync::OnceLock::new();
    LOCK.get_or_init(Default::default).clone()
}

#[allow(dead_code)]
enum Turn {
    Shared(tokio::sync::OwnedRwLockReadGuard<()>),
    Alone(tokio::sync::OwnedRwLockWriteGuard<()>),
}

pub struct TestApp {
    pub address: SocketAddr,
    pub db: DatabaseConnection,
    pub client: reqwest::Client,
    pub backend: &'static str,
    /// Where the test's database is, for a second server process on the same one.
    pub database_url: String,
    /// The SQLite file of this test, removed when the test ends.
    sqlite_file: Option<std::path::PathBuf>,
    _turn: Turn,
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(file) = &self.sqlite_file {
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", file.display()));
            }
        }
    }
}

/// A fresh, migrated database: a temporary SQLite file, or a new PostgreSQL database.
pub async fn fresh_database() -> (
    DatabaseConnection,
    &'static str,
    Option<std::path::PathBuf>,
    String,
) {
    let (url, backend, sqlite_file) = empty_database().await;
    let db = app::kernel::db::connect(&url)
        .await
        .expect("connect test database");
    server::migrate::migrate(&db).await.expect("migrate");
    (db, backend, sqlite_file, url)
}

/// A new database with nothing in it, not even the schema: its URL, the backend, and the
/// SQLite file to remove afterwards.
pub async fn empty_database() -> (String, &'static str, Option<std::path::PathBuf>) {
    let name = format!("anello_test_{}", uuid::Uuid::new_v4().simple());
    match std::env::var("ANELLO_TEST_POSTGRES_URL") {
        Ok(server_url) if !server_url.is_empty() => {
            let admin = Database::connect(&server_url)
                .await
                .expect("PostgreSQL for tests");
            admin
                .execute_unprepared(&format!("CREATE DATABASE {name}"))
                .await
                .expect("create test database");
            let base = server_url
                .rsplit_once('/')
                .map_or(server_url.as_str(), |(base, _)| base);
            (format!("{base}/{name}"), "postgres", None)
        }
        _ => {
            let path = std::env::temp_dir().join(format!("{name}.db"));
            let url = format!("sqlite://{}?mode=rwc", path.display());
            (url, "sqlite", Some(path))
        }
    }
}

/// Removes a test's SQLite file and its companions.
pub fn remove_sqlite_file(file: &Option<std::path::PathBuf>) {
    if let Some(file) = file {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", file.display()));
        }
    }
}

impl TestApp {
    /// The app with the demo network loaded and production-like (secure) cookies.
    pub async fn spawn() -> TestApp {
        Self::spawn_with(SignInLimits::default()).await
    }

    pub async fn spawn_with(limits: SignInLimits) -> TestApp {
        Self::spawn_configured(limits, false).await
    }

    /// `trust_proxy`: the client address comes from `X-Forwarded-For`, so a test can
    /// speak from several addresses (documentation ranges; nothing is sent there).
    pub async fn spawn_configured(limits: SignInLimits, trust_proxy: bool) -> TestApp {
        let turn = Turn::Shared(suite_lock().read_owned().await);
        Self::start(turn, |settings| {
            settings.sign_in_limits = limits;
            settings.trust_proxy = trust_proxy;
        })
        .await
    }

    /// The app of a server with an SMTP server configured (the test sends through its
    /// own `server::mail::Mailer`).
    pub async fn spawn_with_mail() -> TestApp {
        let turn = Turn::Shared(suite_lock().read_owned().await);
        Self::start(turn, |settings| settings.mail_enabled = true).await
    }

    /// The app of a network whose reports suppress counts below `threshold`.
    pub async fn spawn_with_report_threshold(threshold: i64) -> TestApp {
        let turn = Turn::Shared(suite_lock().read_owned().await);
        Self::start(turn, |settings| settings.report_min_count = threshold).await
    }

    /// The app of a server that takes uploads at `pace` (a test cannot wait 30 s).
    pub async fn spawn_with_upload_pace(pace: app::state::UploadPace) -> TestApp {
        let turn = Turn::Shared(suite_lock().read_owned().await);
        Self::start(turn, |settings| settings.upload_pace = pace).await
    }

    /// The app for a load test, which runs with no other test beside it.
    pub async fn spawn_alone() -> TestApp {
        let turn = Turn::Alone(suite_lock().write_owned().await);
        Self::start(turn, |_| {}).await
    }

    /// The app as a server behind a reverse proxy configured with `public_origin` sees
    /// it: the client address and scheme come from the proxy's headers.
    pub async fn spawn_behind_proxy(public_origin: &str) -> TestApp {
        let turn = Turn::Shared(suite_lock().read_owned().await);
        let public_origin = public_origin.to_string();
        Self::start(turn, move |settings| {
            settings.trust_proxy = true;
            settings.public_origin = Some(public_origin);
        })
        .await
    }

    async fn start(turn: Turn, configure: impl FnOnce(&mut Settings)) -> TestApp {
        let (db, backend, sqlite_file, database_url) = fresh_database().await;
        // As `anello` does at start-up, after the migrations.
        app::people::screening::ssr::sync_library_at_start(&db)
            .await
            .expect("indicator checklist");
        app::demo::load_demo_network(&db)
            .await
            .expect("demo network");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = listener.local_addr().unwrap();
        let mut settings = Settings::for_tests();
        configure(&mut settings);
        let router = server::startup::router(
            db.clone(),
            server::startup::leptos_options(address),
            settings,
        );
        tokio::spawn(async move {
            axum::serve(
                listener,
                router.into_make_service_with_connect_info::<SocketAddr>(),
            )
            .await
            .unwrap();
        });
        // A stuck request fails its test within 30 s instead of stalling the whole run.
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(std::time::Duration::from_secs(30))
            .build()
            .unwrap();
        TestApp {
            address,
            db,
            client,
            backend,
            database_url,
            sqlite_file,
            _turn: turn,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.address, path)
    }

    pub fn origin(&self) -> String {
        format!("http://{}", self.address)
    }

    /// Calls a server function as the hydrated page does and reads its answer as the page
    /// does, into the application's own wire type: a renamed or retyped field is a clear
    /// failure here, never a `null` that an untyped `json["…"]` lookup would compare.
    /// Any answer but 200 fails the test, with the body.
    pub async fn call<T: serde::de::DeserializeOwned>(
        &self,
        endpoint: &str,
        form: &[(&str, &str)],
        cookie: Option<&str>,
    ) -> T {
        let response = self.call_raw(endpoint, form, cookie).await;
        let status = response.status();
        let body = response.text().await.unwrap();
        assert_eq!(status, StatusCode::OK, "{endpoint}: {body}");
        serde_json::from_str(&body)
            .unwrap_or_else(|error| panic!("{endpoint}: {error} in the answer {body}"))
    }

    /// Calls a server function the way the hydrated page does (form-encoded, JSON answer),
    /// whatever its answer: for tests of refusals and errors.
    pub async fn call_raw(
        &self,
        endpoint: &str,
        form: &[(&str, &str)],
        cookie: Option<&str>,
    ) -> Response {
        let mut request = self
            .client
            .post(self.url(&format!("/api/{endpoint}")))
            .header(ORIGIN, self.origin())
            .header(ACCEPT, "application/json")
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(encode_form(form));
        if let Some(cookie) = cookie {
            request = request.header(COOKIE, cookie);
        }
        request.send().await.unwrap()
    }

    pub async fn get(&self, path: &str, cookie: Option<&str>) -> Response {
        let mut request = self.client.get(self.url(path)).header(ACCEPT, "text/html");
        if let Some(cookie) = cookie {
            request = request.header(COOKIE, cookie);
        }
        request.send().await.unwrap()
    }

    /// One sign-in attempt, whatever its outcome.
    pub async fn try_sign_in(&self, email: &str, password: &str) -> Response {
        self.call_raw(
            "auth/sign_in",
            &[("email", email), ("password", password)],
            None,
        )
        .await
    }

    /// How many sessions of this user the store holds.
    pub async fn sessions_of(&self, user_id: i32) -> u64 {
        use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
        app::entity::sessions::Entity::find()
            .filter(app::entity::sessions::Column::UserId.eq(user_id))
            .count(&self.db)
            .await
            .unwrap()
    }

    /// Signs in and returns the `name=value` of the session cookie.
    pub async fn sign_in(&self, email: &str) -> String {
        self.sign_in_with(email, DEMO_PASSWORD, None).await
    }

    pub async fn sign_in_with(&self, email: &str, password: &str, cookie: Option<&str>) -> String {
        let response = self
            .call_raw(
                "auth/sign_in",
                &[("email", email), ("password", password)],
                cookie,
            )
            .await;
        assert_eq!(
            response.status(),
            StatusCode::OK,
            "sign-in of {email} on {}",
            self.backend
        );
        session_cookie(response.headers()).expect("a session cookie at sign-in")
    }

    /// A sign-in from `address`, as a proxy trusted with `X-Forwarded-For` tells it
    /// (the app must trust the proxy: `spawn_configured(_, true)`).
    pub async fn sign_in_from(&self, address: &str, email: &str, password: &str) -> StatusCode {
        self.client
            .post(self.url("/api/auth/sign_in"))
            .header(ORIGIN, self.origin())
            .header(ACCEPT, "application/json")
            .header("x-forwarded-for", address)
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(encode_form(&[("email", email), ("password", password)]))
            .send()
            .await
            .unwrap()
            .status()
    }

    /// The e-mail of the signed-in user of this cookie, or None.
    pub async fn whoami(&self, cookie: &str) -> Option<String> {
        let response = self.call_raw("auth/current_user", &[], Some(cookie)).await;
        assert_eq!(response.status(), StatusCode::OK);
        let body: serde_json::Value = response.json().await.unwrap();
        body.get("email")
            .and_then(|e| e.as_str())
            .map(str::to_string)
    }

    /// The beds someone is placed in now.
    pub async fn occupied_beds(&self) -> Vec<i32> {
        use app::entity::placements;
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        placements::Entity::find()
            .filter(placements::Column::EndedOn.is_null())
            .all(&self.db)
            .await
            .unwrap()
            .into_iter()
            .map(|p| p.bed_id)
            .collect()
    }

    /// The beds of an organisation's structures, in id order; with `target_group`, only
    /// those of structures that take in that group.
    pub async fn beds_of(
        &self,
        organisation: &str,
        target_group: Option<&str>,
    ) -> Vec<app::entity::beds::Model> {
        use app::entity::{beds, structures};
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
        let organisation_id = self.organisation_id(organisation).await;
        let mut query = structures::Entity::find()
            .filter(structures::Column::OrganisationId.eq(organisation_id));
        if let Some(group) = target_group {
            query = query.filter(structures::Column::TargetGroups.contains(group));
        }
        let structure_ids: Vec<i32> = query
            .all(&self.db)
            .await
            .unwrap()
            .into_iter()
            .map(|s| s.id)
            .collect();
        beds::Entity::find()
            .filter(beds::Column::StructureId.is_in(structure_ids))
            .order_by_asc(beds::Column::Id)
            .all(&self.db)
            .await
            .unwrap()
    }

    /// A secret structure (safe house) of the organisation named `organisation`.
    pub async fn safe_house_of(&self, organisation: &str) -> app::entity::structures::Model {
        use app::entity::structures;
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        let organisation_id = self.organisation_id(organisation).await;
        structures::Entity::find()
            .filter(structures::Column::OrganisationId.eq(organisation_id))
            .filter(structures::Column::Secret.eq(true))
            .one(&self.db)
            .await
            .unwrap()
            .unwrap_or_else(|| panic!("a safe house of {organisation}"))
    }

    pub async fn organisation_id(&self, name: &str) -> i32 {
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        app::entity::organisations::Entity::find()
            .filter(app::entity::organisations::Column::Name.eq(name))
            .one(&self.db)
            .await
            .unwrap()
            .expect("organisation exists")
            .id
    }

    /// Registers a woman in the Torino province through the server function; her code.
    pub async fn register_person(&self, cookie: &str, family_name: &str) -> String {
        let response = self
            .call_raw(
                "people/register",
                &[
                    ("form[given_names]", "Ospite"),
                    ("form[family_name]", family_name),
                    ("form[gender]", "female"),
                    ("form[province]", "TO"),
                ],
                Some(cookie),
            )
            .await;
        assert_eq!(
            response.status(),
            StatusCode::OK,
            "registration on {}",
            self.backend
        );
        response.json().await.unwrap()
    }

    /// Proposes a person for shelter in a place for women, wanted from today: every
    /// body's reception manager may then place her.
    pub async fn propose_for_shelter(&self, cookie: &str, code: &str) {
        let today = app::kernel::clock::today().to_string();
        let response = self
            .call_raw(
                "people/waiting_list/add",
                &[
                    ("code", code),
                    ("form[urgency]", "high"),
                    ("form[target_group]", "women"),
                    ("form[wanted_from]", &today),
                ],
                Some(cookie),
            )
            .await;
        assert_eq!(
            response.status(),
            StatusCode::OK,
            "proposal on {}",
            self.backend
        );
    }

    /// Creates an account through the coordinator's form: `role` in the organisation
    /// named `organisation`. Her session cookie.
    pub async fn add_colleague(&self, email: &str, organisation: &str, role: &str) -> String {
        let coordinator = self.sign_in("coordinatrice@anello.test").await;
        let organisation_id = self.organisation_id(organisation).await.to_string();
        let role_field = format!("form[role_{role}]");
        let response = self
            .call_raw(
                "admin/users/save",
                &[
                    ("form[id]", ""),
                    ("form[email]", email),
                    ("form[display_name]", "Collega di prova"),
                    ("form[organisation_id]", &organisation_id),
                    ("form[language]", "it"),
                    ("form[password]", COLLEAGUE_PASSWORD),
                    (&role_field, "on"),
                ],
                Some(&coordinator),
            )
            .await;
        assert_eq!(
            response.status(),
            StatusCode::OK,
            "new account on {}",
            self.backend
        );
        self.sign_in_with(email, COLLEAGUE_PASSWORD, None).await
    }

    pub async fn user_id(&self, email: &str) -> i32 {
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        app::entity::users::Entity::find()
            .filter(app::entity::users::Column::Email.eq(email))
            .one(&self.db)
            .await
            .unwrap()
            .expect("user exists")
            .id
    }
}

pub fn encode_form(form: &[(&str, &str)]) -> String {
    url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(form)
        .finish()
}

/// The full `Set-Cookie` header of the session cookie, if any.
pub fn session_set_cookie(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("__Host-anello_session="))
        .map(str::to_string)
}

/// `name=value` of the session cookie, if the response sets a non-empty one.
pub fn session_cookie(headers: &HeaderMap) -> Option<String> {
    session_set_cookie(headers)
        .and_then(|v| v.split(';').next().map(str::to_string))
        .filter(|pair| !pair.ends_with('='))
}

pub async fn json(response: Response) -> serde_json::Value {
    response.json().await.unwrap()
}

/// A date `offset` days from today, as the forms want it.
pub fn day(offset: i64) -> String {
    (app::kernel::clock::today() + chrono::Duration::days(offset)).to_string()
}

/// Where an answer sends the browser (a server function's redirect, a 303).
pub fn location(response: &Response) -> String {
    response
        .headers()
        .get("location")
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
        .to_string()
}

/// How many audit rows about `code` record `action` with `outcome`.
pub async fn audit_rows(app: &TestApp, code: &str, action: &str, outcome: &str) -> u64 {
    use app::entity::audit_log;
    use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
    audit_log::Entity::find()
        .filter(audit_log::Column::ObjectId.eq(code))
        .filter(audit_log::Column::Action.eq(action))
        .filter(audit_log::Column::Outcome.eq(outcome))
        .count(&app.db)
        .await
        .unwrap()
}

/// The problem code of `field` in a 422 answer's body.
pub fn problem(body: &serde_json::Value, field: &str) -> Option<String> {
    body["problems"]
        .as_array()?
        .iter()
        .find(|p| p["field"] == field)
        .and_then(|p| p["problem"].as_str())
        .map(str::to_string)
}

/// Opens the personalised project of the person behind `code` (reviews every 60 days).
pub async fn open_plan(app: &TestApp, cookie: &str, code: &str) {
    let response = app
        .call_raw(
            "planner/open",
            &[("code", code), ("review_every_days", "60")],
            Some(cookie),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK, "open on {}", app.backend);
}
