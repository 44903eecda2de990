//! Building the router and serving it.

use std::net::SocketAddr;

use anyhow::Context;
use app::state::{AppState, IdentityKey, Settings, SignInLimits};
use app::{shell, App};
use axum::Router;
use leptos::config::LeptosOptions;
use leptos_axum::{generate_route_list, AxumRouteListing, LeptosRoutes};
use sea_orm::DatabaseConnection;
use tower::ServiceBuilder;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;
use tower_sessions::cookie::SameSite;
use tower_sessions::{ExpiredDeletion, Expiry, SessionManagerLayer};

use crate::config::ServeArgs;
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
        .build()
}

pub fn settings(args: &ServeArgs, production: bool) -> anyhow::Result<Settings> {
    let identity_key = match (&args.identity_key, production) {
        (Some(key), _) if key.len() < IdentityKey::MIN_LENGTH => {
            anyhow::bail!(
                "ANELLO_IDENTITY_KEY must be at least {} characters",
                IdentityKey::MIN_LENGTH
            )
        }
        (Some(key), _) => IdentityKey::new(key),
        (None, true) => anyhow::bail!("production mode needs ANELLO_IDENTITY_KEY"),
        (None, false) => {
            tracing::warn!("no ANELLO_IDENTITY_KEY: using the development key");
            IdentityKey::new(IdentityKey::DEVELOPMENT)
        }
    };
    Ok(Settings {
        secure_cookies: !args.insecure_cookies,
        trust_proxy: args.trust_proxy,
        production,
        sign_in_limits: SignInLimits::default(),
        identity_key,
        mail_enabled: args.smtp_url.is_some(),
        report_min_count: args.report_min_count,
    })
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
    let secure = settings.secure_cookies;
    let state = AppState {
        leptos_options,
        events: app::beds::live::Events::start(&db),
        db: db.clone(),
        settings,
    };
    let routes = app_routes();

    let session_layer = SessionManagerLayer::new(SeaOrmSessionStore::new(db))
        .with_name(app::state::session_cookie_name(secure))
        .with_secure(secure)
        .with_http_only(true)
        .with_same_site(SameSite::Strict)
        .with_path("/")
        .with_expiry(Expiry::OnInactivity(time::Duration::minutes(
            app::auth::ssr::IDLE_TIMEOUT_MINUTES,
        )));

    Router::new()
        .route(
            "/persone/{code}/esporta/{format}",
            axum::routing::get(crate::people_export::download_person_data),
        )
        .route(
            "/rapporti/esporta/{file}",
            axum::routing::get(crate::report_export::download_table),
        )
        .route(
            app::beds::live::EVENTS_PATH,
            axum::routing::get(crate::board_events::board_events),
        )
        .merge(crate::forum_files::routes())
        .merge(crate::mail::routes())
        .leptos_routes(&state, routes, {
            let options = state.leptos_options.clone();
            move || shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .with_state(state)
        .layer(axum::middleware::from_fn(security::session_lifetime))
        .layer(session_layer)
        .layer(axum::middleware::from_fn(security::explain_api_errors))
        .layer(axum::middleware::from_fn(security::refuse_cross_origin))
        .layer(axum::middleware::from_fn_with_state(
            SecurityConfig { secure },
            security::security_headers,
        ))
        .layer(
            ServiceBuilder::new()
                .layer(axum::middleware::from_fn(security::server_request_ids_only))
                .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
                .layer(TraceLayer::new_for_http())
                .layer(PropagateRequestIdLayer::x_request_id())
                // No request may hang for ever: a stuck one answers 503 after 30 s.
                .layer(TimeoutLayer::with_status_code(
                    http::StatusCode::SERVICE_UNAVAILABLE,
                    std::time::Duration::from_secs(30),
                )),
        )
}

pub async fn serve(
    db: DatabaseConnection,
    args: ServeArgs,
    production: bool,
) -> anyhow::Result<()> {
    let options = leptos_options(args.listen);
    let app = router(db.clone(), options, settings(&args, production)?);
    if let Some(smtp_url) = &args.smtp_url {
        let public_url = args
            .public_url
            .clone()
            .unwrap_or_else(|| format!("http://{}", args.listen));
        crate::mail::Mailer::new(smtp_url, &args.mail_from, &public_url)?.spawn(db.clone());
        tracing::info!("notification e-mail is on");
    }

    // Expired sessions are swept every 10 minutes; loading one already ignores expiry.
    let store = SeaOrmSessionStore::new(db);
    tokio::spawn(async move {
        let mut every = tokio::time::interval(std::time::Duration::from_secs(600));
        loop {
            every.tick().await;
            if let Err(error) = store.delete_expired().await {
                tracing::warn!(%error, "sweeping expired sessions failed");
            }
        }
    });

    let listener = tokio::net::TcpListener::bind(args.listen)
        .await
        .with_context(|| format!("cannot listen on {}", args.listen))?;
    tracing::info!("Anello is listening on http://{}", args.listen);
    println!("Anello: http://{}", args.listen);
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await?;
    Ok(())
}
