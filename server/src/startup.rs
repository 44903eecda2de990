//! Building the router and serving it.

use std::future::IntoFuture;
use std::net::SocketAddr;

use anyhow::Context;
use app::state::{AppState, DocumentsKey, IdentityKey, Settings, Shutdown, SignInLimits};
use app::{shell, App};
use axum::Router;
use leptos::config::LeptosOptions;
use leptos_axum::{generate_route_list, AxumRouteListing, LeptosRoutes};
use sea_orm::DatabaseConnection;
use tower::ServiceBuilder;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_sessions::cookie::SameSite;
use tower_sessions::{ExpiredDeletion, Expiry, SessionManagerLayer};

use crate::config::ServeArgs;
use crate::public_origin::{OriginCheck, PublicOrigin};
use crate::security::{self, SecurityConfig};
use app::auth::session_store::SeaOrmSessionStore;

/// Leptos options from the environment cargo-leptos sets, with the project's defaults
/// when the binary runs on its own (`target/site`, `pkg`, output name `anello`).
pub fn leptos_options(listen: SocketAddr) -> LeptosOptions {
    let env =
        |name: &str, default: &str| std::env::var(name).unwrap_or_else(|_| default.to_string());
    LeptosOptions::builder()
        .output_name(env("LEPTOS_OUTPUT_NAME", "anello"))
        .site_root(env("LEPTOS_SITE_ROOT", "target/site"))
        .site_pkg_dir(env("LEPTOS_SITE_PKG_DIR", "pkg"))
        .site_addr(listen)
        .reload_port(3001)
        .hash_files(hashed_file_names())
        .build()
}

/// A release build (`cargo leptos build --release`, `hash-files = true`) names its
/// JavaScript, wasm and CSS after their content and writes the hashes to `hash.txt`
/// beside the binary; the pages must then link those names. A development or test
/// build has no such file and keeps the plain names.
fn hashed_file_names() -> bool {
    std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(|dir| dir.join("hash.txt")))
        .is_some_and(|file| file.exists())
}

pub fn settings(args: &ServeArgs, production: bool) -> anyhow::Result<Settings> {
    let public_origin = args
        .public_url
        .as_deref()
        .map(PublicOrigin::parse)
        .transpose()?;
    if production {
        match &public_origin {
            None => anyhow::bail!(
                "production mode needs ANELLO_PUBLIC_URL, the https:// address people open \
                 Anello at (e.g. https://anello.rete.example)"
            ),
            Some(origin) if !origin.is_https() => anyhow::bail!(
                "production mode needs an https:// ANELLO_PUBLIC_URL (not {}): sign-in \
                 cookies are only sent over HTTPS",
                origin.as_str()
            ),
            Some(_) => {}
        }
        if args.insecure_cookies {
            anyhow::bail!("production mode refuses ANELLO_INSECURE_COOKIES");
        }
    }
    let identity_key = match (&args.identity_key, production) {
        (Some(key), _) if key.len() < IdentityKey::MIN_LENGTH => {
            anyhow::bail!(
                "ANELLO_IDENTITY_KEY must be at least {} characters",
                IdentityKey::MIN_LENGTH
            )
        }
        (Some(key), true) if is_published_secret(key, IdentityKey::DEVELOPMENT) => anyhow::bail!(
            "production mode refuses the example or development ANELLO_IDENTITY_KEY: make \
             one with `openssl rand -base64 48`"
        ),
        (Some(key), _) => IdentityKey::new(key),
        (None, true) => anyhow::bail!(
            "production mode needs ANELLO_IDENTITY_KEY (at least {} characters, the same on \
             every replica; e.g. `openssl rand -base64 48`)",
            IdentityKey::MIN_LENGTH
        ),
        (None, false) => {
            tracing::warn!("no ANELLO_IDENTITY_KEY: using the development key");
            IdentityKey::new(IdentityKey::DEVELOPMENT)
        }
    };
    let documents_key = match (&args.documents_key, production) {
        (Some(key), _) if key.len() < DocumentsKey::MIN_LENGTH => anyhow::bail!(
            "ANELLO_DOCUMENTS_KEY must be at least {} characters",
            DocumentsKey::MIN_LENGTH
        ),
        (Some(key), true) if is_published_secret(key, DocumentsKey::DEVELOPMENT) => anyhow::bail!(
            "production mode refuses the example or development ANELLO_DOCUMENTS_KEY: make \
             one with `openssl rand -base64 48`"
        ),
        (Some(key), _) => DocumentsKey::new(key),
        (None, true) => anyhow::bail!(
            "production mode needs ANELLO_DOCUMENTS_KEY (at least {} characters, the same on \
             every replica and never changed while documents are kept; e.g. `openssl rand \
             -base64 48`)",
            DocumentsKey::MIN_LENGTH
        ),
        (None, false) => {
            tracing::warn!("no ANELLO_DOCUMENTS_KEY: using the development key");
            DocumentsKey::new(DocumentsKey::DEVELOPMENT)
        }
    };
    // Cookies are `Secure` (and HSTS sent) unless the public URL is plain http:// or the
    // developer asked for it: browsers accept Secure cookies from http://localhost.
    let secure_cookies =
        !args.insecure_cookies && public_origin.as_ref().is_none_or(PublicOrigin::is_https);
    Ok(Settings {
        secure_cookies,
        trust_proxy: args.trust_proxy,
        public_origin: public_origin.map(|origin| origin.as_str().to_string()),
        production,
        sign_in_limits: SignInLimits::default(),
        identity_key,
        mail_enabled: args.smtp_url.is_some(),
        report_min_count: args.report_min_count,
        upload_pace: app::state::UploadPace::DEFAULT,
        documents_key,
    })
}

/// A secret copied from the example environment file, or the development one: known to
/// anyone who has read the source, so no secret in production.
fn is_published_secret(key: &str, development: &str) -> bool {
    key == development || key.starts_with("CHANGE-ME")
}

/// The application's routes, listed once per process. Listing them renders the app with
/// resource loading switched off by a process-wide flag (leptos_server's
/// `SuppressResourceLoad`): a page whose data started loading at that moment, anywhere in
/// the process, would wait for it forever (leptos issue #4773). A server lists them once,
/// before it serves; the integration tests build one router per test while other tests
/// are serving pages, which is how refused pages came to hang for 30 s now and then.
fn app_routes() -> Vec<AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<AxumRouteListing>> = std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// The whole application as one router; integration tests serve exactly this.
pub fn router(db: DatabaseConnection, leptos_options: LeptosOptions, settings: Settings) -> Router {
    router_stopping_on(db, leptos_options, settings, Shutdown::default())
}

/// The router of a server that tells its event streams to end when `shutdown` begins.
pub fn router_stopping_on(
    db: DatabaseConnection,
    leptos_options: LeptosOptions,
    settings: Settings,
    shutdown: Shutdown,
) -> Router {
    let secure = settings.secure_cookies;
    let origin_check = OriginCheck {
        public_origin: settings.public_origin.clone(),
        trust_proxy: settings.trust_proxy,
    };
    let assets = crate::assets::routes(&leptos_options);
    let state = AppState {
        leptos_options,
        events: app::beds::live::Events::start(&db, app::beds::ssr::deltas::read_change),
        unread: app::notifications::live::UnreadCounts::start(&db),
        db: db.clone(),
        settings,
        shutdown,
    };
    let routes = app_routes();

    let session_layer = SessionManagerLayer::new(SeaOrmSessionStore::new(db.clone()))
        .with_name(app::state::session_cookie_name(secure))
        .with_secure(secure)
        .with_http_only(true)
        .with_same_site(SameSite::Strict)
        .with_path("/")
        .with_expiry(Expiry::OnInactivity(time::Duration::minutes(
            app::auth::ssr::IDLE_TIMEOUT_MINUTES,
        )));

    let pages = Router::new()
        .route(
            "/persone/{code}/esporta/{format}",
            axum::routing::get(crate::people_export::download_person_data),
        )
        .route(
            "/rapporti/esporta/{file}",
            axum::routing::get(crate::report_export::download_table),
        )
        .route(
            "/spese/{budget}/registro.xlsx",
            axum::routing::get(crate::spending_export::download_ledger),
        )
        .route(
            "/azioni-di-sistema/{event}/attestati/{file}",
            axum::routing::get(crate::certificate_download::download_certificate),
        )
        .route(
            app::beds::live::EVENTS_PATH,
            axum::routing::get(crate::board_events::board_events),
        )
        .route(
            app::notifications::live::UNREAD_EVENTS_PATH,
            axum::routing::get(crate::notification_events::unread_events),
        )
        .merge(crate::forum_files::routes())
        .merge(crate::person_documents::routes())
        .merge(crate::mail::routes())
        .leptos_routes(&state, routes, {
            let options = state.leptos_options.clone();
            move || shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .with_state(state)
        .layer(axum::middleware::from_fn(security::request_user_cell))
        .layer(axum::middleware::from_fn(security::session_lifetime))
        .layer(session_layer)
        .layer(axum::middleware::from_fn(security::explain_api_errors))
        .layer(axum::middleware::from_fn_with_state(
            origin_check,
            crate::public_origin::refuse_cross_origin,
        ))
        .layer(axum::middleware::from_fn(security::refuse_nul_characters));

    // Assets and health checks never read a session: they answer from memory or disk.
    let router = Router::new()
        .merge(assets)
        .merge(crate::health::routes(db))
        .merge(pages)
        .layer(axum::middleware::from_fn_with_state(
            SecurityConfig { secure },
            security::security_headers,
        ))
        // Pages, JSON and CSS in brotli or gzip, as the browser accepts; assets come
        // precompressed from disk and are left as they are; event streams are never
        // compressed (they must not wait for a buffer to fill).
        .layer(CompressionLayer::new());
    request_layers(router)
}

/// What every request goes through first: a server-made request id, its log line and
/// metrics, a panic answered instead of a dropped connection, and a time limit.
fn request_layers<S>(router: Router<S>) -> Router<S>
where
    S: Clone + Send + Sync + 'static,
{
    router.layer(
        ServiceBuilder::new()
            .layer(axum::middleware::from_fn(security::server_request_ids_only))
            .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
            .layer(axum::middleware::from_fn(crate::observe::log_and_measure))
            .layer(PropagateRequestIdLayer::x_request_id())
            // A panic answers a translated 500 with the request id, and the
            // connection stays up.
            .layer(CatchPanicLayer::custom(security::panic_response))
            // No request may hang for ever: a stuck one answers 503 after 30 s.
            .layer(axum::middleware::from_fn(time_limit)),
    )
}

/// The time any request may take to be answered, but an upload.
pub const REQUEST_TIME_LIMIT: std::time::Duration = std::time::Duration::from_secs(30);

/// The time limit of a request: `REQUEST_TIME_LIMIT`, but none for a file upload, which
/// is bounded by its pace instead (`app::state::UploadPace`, in `uploads`): the limit
/// would stop every file above 10 MB × 8 / 30 s = 2.7 Mbit/s.
pub fn time_limit_of(method: &http::Method, path: &str) -> Option<std::time::Duration> {
    let upload = method == http::Method::POST
        && (app::forum::materials::model::is_upload_path(path)
            || app::path::documents::model::is_upload_path(path));
    (!upload).then_some(REQUEST_TIME_LIMIT)
}

async fn time_limit(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    match time_limit_of(request.method(), request.uri().path()) {
        None => next.run(request).await,
        Some(limit) => match tokio::time::timeout(limit, next.run(request)).await {
            Ok(response) => response,
            Err(_) => http::StatusCode::SERVICE_UNAVAILABLE.into_response(),
        },
    }
}

pub async fn serve(
    db: DatabaseConnection,
    args: ServeArgs,
    production: bool,
) -> anyhow::Result<()> {
    let options = leptos_options(args.listen);
    let settings = settings(&args, production)?;
    let filled = app::people::registry::ssr::fill_search_keys(&db, &settings.identity_key)
        .await
        .map_err(|error| anyhow::anyhow!("filling the people search's keys: {error:?}"))?;
    if filled > 0 {
        tracing::info!(identities = filled, "people search keys filled");
    }
    let shutdown = Shutdown::default();
    if let Some(listen) = args.metrics_listen {
        let handle = crate::observe::install_recorder()?;
        crate::observe::serve_metrics(listen, handle, db.clone(), shutdown.clone()).await?;
    }
    let app = router_stopping_on(db.clone(), options, settings.clone(), shutdown.clone());
    if let Some(smtp_url) = &args.smtp_url {
        let public_url = settings
            .public_origin
            .clone()
            .unwrap_or_else(|| format!("http://{}", args.listen));
        crate::mail::Mailer::new(
            smtp_url,
            &args.mail_from,
            &public_url,
            settings.identity_key.clone(),
        )?
        .spawn(db.clone());
        tracing::info!("notification e-mail is on");
    }

    // Reminders about the work (a planned exit overdue, a hold about to lapse): every
    // replica runs the round; a reminder's key makes the second writer's insert a no-op.
    let reminding = db.clone();
    tokio::spawn(async move {
        let mut every = tokio::time::interval(app::notifications::reminders::ROUND);
        loop {
            every.tick().await;
            if let Err(error) =
                app::notifications::reminders::send_reminders(&reminding, chrono::Utc::now()).await
            {
                tracing::warn!(?error, "the reminders' round failed");
            }
        }
    });

    // Expired sessions and old sign-in attempts are swept every 10 minutes; loading a
    // session already ignores expiry, and no sign-in limit looks back a day. SQLite's
    // planner statistics are refreshed on the same beat.
    let store = SeaOrmSessionStore::new(db.clone());
    let sweeping = db.clone();
    tokio::spawn(async move {
        let mut every = tokio::time::interval(std::time::Duration::from_secs(600));
        loop {
            every.tick().await;
            if let Err(error) = store.delete_expired().await {
                tracing::warn!(%error, "sweeping expired sessions failed");
            }
            if let Err(error) = app::auth::throttle::purge(&sweeping).await {
                tracing::warn!(%error, "sweeping old sign-in attempts failed");
            }
            if let Err(error) = app::forum::guard::purge_guard_checks(&sweeping).await {
                tracing::warn!(%error, "sweeping old forum guard checks failed");
            }
            // PostgreSQL's autovacuum keeps its own statistics; SQLite needs asking.
            if sweeping.get_database_backend() == sea_orm::DbBackend::Sqlite {
                if let Err(error) = app::kernel::db::refresh_statistics(&sweeping).await {
                    tracing::warn!(%error, "refreshing the planner's statistics failed");
                }
            }
        }
    });

    let listener = tokio::net::TcpListener::bind(args.listen)
        .await
        .with_context(|| format!("cannot listen on {}", args.listen))?;
    tracing::info!("Anello is listening on http://{}", args.listen);
    println!("Anello: http://{}", args.listen);
    let stopping = {
        let shutdown = shutdown.clone();
        async move {
            crate::shutdown::signal().await;
            tracing::info!("stopping: no new connections; finishing the requests in flight");
            shutdown.begin();
        }
    };
    let server = axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(stopping)
    .into_future();
    crate::shutdown::finish_within(server, &shutdown, crate::shutdown::GRACE).await?;
    db.close().await.context("closing the database pool")?;
    tracing::info!("stopped");
    Ok(())
}

#[cfg(test)]
mod tests {
    use axum::body::Body;
    use axum::routing::get;
    use tower::ServiceExt;

    use super::*;

    /// A handler that panics answers a bilingual 500 naming the request id, which the
    /// answer carries, instead of a dropped connection.
    #[tokio::test]
    async fn a_panic_is_a_translated_500_with_the_request_id() {
        async fn broken() -> &'static str {
            panic!("a fault in a handler")
        }
        let app = request_layers(Router::new().route("/guasto", get(broken)));
        let response = app
            .oneshot(
                http::Request::builder()
                    .uri("/guasto")
                    .header("x-request-id", "forged-by-the-client")
                    .body(Body::empty())
                    .unwrap(),
            )
            .await
            .unwrap();
        assert_eq!(response.status(), http::StatusCode::INTERNAL_SERVER_ERROR);
        let id = response.headers()["x-request-id"]
            .to_str()
            .unwrap()
            .to_string();
        assert_ne!(id, "forged-by-the-client");
        assert_eq!(id.len(), 36, "a UUID: {id}");
        let body = axum::body::to_bytes(response.into_body(), 4096)
            .await
            .unwrap();
        let text = String::from_utf8(body.to_vec()).unwrap();
        assert!(text.starts_with("Errore interno"), "{text}");
        assert!(
            text.contains("Internal error") && text.contains("X-Request-Id"),
            "{text}"
        );
    }

    /// A request stuck past the limit answers 503; an upload has no such limit (its pace
    /// bounds it), and only an upload's path is exempt.
    #[tokio::test(start_paused = true)]
    async fn only_uploads_outlive_the_time_limit() {
        async fn slow() -> &'static str {
            tokio::time::sleep(REQUEST_TIME_LIMIT * 2).await;
            "done"
        }
        let app = request_layers(Router::new().route("/lento", get(slow)).route(
            "/forum/materiali/bozze/{id}/allegati",
            axum::routing::post(slow),
        ));
        let ask = |method: &str, uri: &str| {
            http::Request::builder()
                .method(method)
                .uri(uri)
                .body(Body::empty())
                .unwrap()
        };
        let stuck = app.clone().oneshot(ask("GET", "/lento")).await.unwrap();
        assert_eq!(stuck.status(), http::StatusCode::SERVICE_UNAVAILABLE);
        let upload = app
            .oneshot(ask("POST", "/forum/materiali/bozze/7/allegati"))
            .await
            .unwrap();
        assert_eq!(upload.status(), http::StatusCode::OK);
        for (method, path, limited) in [
            ("POST", "/forum/materiali/bozze/7/allegati", false),
            ("GET", "/forum/materiali/bozze/7/allegati", true),
            ("POST", "/forum/materiali/bozze/7", true),
            ("POST", "/forum/materiali/bozze//allegati", true),
            ("POST", "/forum/materiali/bozze/7/../allegati", true),
        ] {
            let method = http::Method::from_bytes(method.as_bytes()).unwrap();
            assert_eq!(
                time_limit_of(&method, path).is_some(),
                limited,
                "{method} {path}"
            );
        }
    }
}
