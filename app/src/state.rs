//! Request-scoped server state: one `AppState` provided to every page render and server
//! function by `leptos_routes_with_context`.

use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use sea_orm::DatabaseConnection;

#[derive(Clone, Debug)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: DatabaseConnection,
    pub settings: Settings,
    /// Announcements of bed-board changes to open boards (and other replicas).
    pub events: crate::beds::live::Events,
    /// The unread notification counts of the users with a page open on this process.
    pub unread: crate::notifications::live::UnreadCounts,
    /// Told when the server begins to stop, so that long answers (event streams) end.
    pub shutdown: Shutdown,
}

/// The moment the server begins to stop (SIGTERM or SIGINT): answers in flight finish,
/// but event streams would never end by themselves, so they watch this and close with a
/// reconnect hint, for the browser to reconnect to another replica or to the restarted one.
#[derive(Clone, Debug, Default)]
pub struct Shutdown(std::sync::Arc<tokio::sync::watch::Sender<bool>>);

impl Shutdown {
    pub fn begin(&self) {
        self.0.send_replace(true);
    }

    pub fn has_begun(&self) -> bool {
        *self.0.borrow()
    }

    /// Returns once the server has begun to stop.
    pub async fn begun(&self) {
        let mut receiver = self.0.subscribe();
        // The sender lives as long as `self`, so waiting cannot fail.
        let _ = receiver.wait_for(|stopping| *stopping).await;
    }
}

/// Security settings decided at start-up from the command line.
#[derive(Clone, Debug)]
pub struct Settings {
    /// `__Host-` cookie with `Secure`, and HSTS.
    pub secure_cookies: bool,
    /// Behind a reverse proxy: the client address from the last `X-Forwarded-For` hop,
    /// the scheme from `X-Forwarded-Proto`.
    pub trust_proxy: bool,
    /// The origin browsers use (`https://anello.rete.example`), from `--public-url`:
    /// mutating requests must come from it. `None`: the `Host` header decides.
    pub public_origin: Option<String>,
    /// Production mode: refuses demo passwords.
    pub production: bool,
    pub sign_in_limits: SignInLimits,
    /// Key of the keyed hash used to spot the same person registered twice.
    pub identity_key: IdentityKey,
    /// An SMTP server is configured: notifications may be e-mailed.
    pub mail_enabled: bool,
    /// Counts below this are shown as "<N" wherever the report leaves the coordinator's
    /// screen (export, print, the staff of one organisation).
    pub report_min_count: i64,
    /// How slowly an upload may come.
    pub upload_pace: UploadPace,
    /// The key a person's documents are sealed with at rest.
    pub documents_key: DocumentsKey,
}

/// How an upload is bounded in time: not by the 30 s of other requests (10 MB over a
/// phone's 2 Mbit/s take 40 s) but by a minimum rate. After `grace`, the bytes received
/// must keep up with `min_rate` a second on average: a client that sends at least that
/// fast never meets the bound, however large its file; one that stalls is stopped.
#[derive(Clone, Copy, Debug)]
pub struct UploadPace {
    pub grace: std::time::Duration,
    /// Bytes a second.
    pub min_rate: u64,
}

impl UploadPace {
    /// 30 s, then 16 KiB/s (128 kbit/s, a weak mobile signal): 10 MB in 11 minutes at most.
    pub const DEFAULT: UploadPace = UploadPace {
        grace: std::time::Duration::from_secs(30),
        min_rate: 16 * 1024,
    };

    /// How long after its start an upload may take to have sent `received` bytes and the
    /// next ones.
    pub fn allowed_for(self, received: usize) -> std::time::Duration {
        self.grace + std::time::Duration::from_secs_f64(received as f64 / self.min_rate as f64)
    }
}

impl Settings {
    /// What a development server runs with: for tests (with and without HTTP) and
    /// benchmarks, each of which adjusts what it is about.
    pub fn for_tests() -> Settings {
        Settings {
            secure_cookies: true,
            trust_proxy: false,
            public_origin: None,
            production: false,
            sign_in_limits: SignInLimits::default(),
            identity_key: IdentityKey::new(IdentityKey::DEVELOPMENT),
            mail_enabled: false,
            report_min_count: crate::reports::model::DEFAULT_MIN_COUNT,
            upload_pace: UploadPace::DEFAULT,
            documents_key: DocumentsKey::new(DocumentsKey::DEVELOPMENT),
        }
    }
}

/// The secret of the de-duplication hash (HMAC-SHA256 of normalised identity fields),
/// from which the sign-in throttle's key is derived too (`auth::throttle`). Every
/// replica must share it; it never appears in logs (`Debug` is redacted).
#[derive(Clone)]
pub struct IdentityKey(std::sync::Arc<Vec<u8>>);

impl IdentityKey {
    pub const MIN_LENGTH: usize = 32;
    /// The key used outside production when none is configured: it keeps de-duplication
    /// working in development and tests, and is refused in production.
    pub const DEVELOPMENT: &'static str = "anello-development-identity-key-not-for-production";

    pub fn new(secret: &str) -> Self {
        IdentityKey(std::sync::Arc::new(secret.as_bytes().to_vec()))
    }

    pub fn bytes(&self) -> &[u8] {
        &self.0
    }
}

impl std::fmt::Debug for IdentityKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("IdentityKey(<redacted>)")
    }
}

/// The secret a person's documents are sealed with at rest (`path::documents::sealing`
/// derives the cipher's key from it). Every replica must share it, and it must never
/// change while documents are kept: a document sealed with another key cannot be opened.
/// It never appears in logs (`Debug` is redacted).
#[derive(Clone)]
pub struct DocumentsKey(std::sync::Arc<Vec<u8>>);

impl DocumentsKey {
    pub const MIN_LENGTH: usize = 32;
    /// Outside production when none is configured; refused in production.
    pub const DEVELOPMENT: &'static str = "anello-development-documents-key-not-for-production";

    pub fn new(secret: &str) -> Self {
        DocumentsKey(std::sync::Arc::new(secret.as_bytes().to_vec()))
    }

    pub fn bytes(&self) -> &[u8] {
        &self.0
    }
}

impl std::fmt::Debug for DocumentsKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DocumentsKey(<redacted>)")
    }
}

/// How many failed sign-ins are tolerated within `window_secs` before answering 429.
#[derive(Clone, Copy, Debug)]
pub struct SignInLimits {
    /// One account from one address.
    pub per_account: u64,
    /// One address over all accounts.
    pub per_address: u64,
    /// One account from any address. Past it, sign-ins of that account from addresses
    /// it never signed in from are slowed down (never refused), and those from a known
    /// address are not: nobody can lock a colleague out by typing her e-mail.
    pub per_account_anywhere: u64,
    pub window_secs: i64,
    /// The wait added per failure past `per_account_anywhere`, up to `slowdown_max_ms`.
    pub slowdown_step_ms: u64,
    pub slowdown_max_ms: u64,
}

impl Default for SignInLimits {
    fn default() -> Self {
        SignInLimits {
            per_account: 5,
            per_address: 20,
            per_account_anywhere: 50,
            window_secs: 15 * 60,
            slowdown_step_ms: 250,
            slowdown_max_ms: 10_000,
        }
    }
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

/// The name of the session cookie: `__Host-` requires `Secure`, so plain-HTTP development
/// on a non-local host uses a name without the prefix.
pub fn session_cookie_name(secure: bool) -> &'static str {
    if secure {
        "__Host-anello_session"
    } else {
        "anello_session"
    }
}
