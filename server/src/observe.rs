//! What an operator sees of a running replica: one log line per request, and Prometheus
//! metrics on a separate address (`--metrics-listen`).
//!
//! Log lines and metric labels name the route's template (`/persone/{code}`), never the
//! path or the query string: paths and queries hold people's codes and search words.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use anyhow::Context;
use axum::extract::{MatchedPath, Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use sea_orm::{DatabaseConnection, DbBackend};

use app::state::Shutdown;

/// The route template of a request, or a fixed word for requests no route matched (a
/// file of the site, or a page that does not exist).
fn route_of(request: &Request) -> String {
    match request.extensions().get::<MatchedPath>() {
        Some(path) => path.as_str().to_string(),
        None => "unmatched".to_string(),
    }
}

/// Logs one line per request at `info` and counts it for the metrics.
pub async fn log_and_measure(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let route = route_of(&request);
    let request_id = request
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let response = next.run(request).await;
    let elapsed = started.elapsed();
    let status = response.status().as_u16();
    tracing::info!(
        target: "anello::request",
        method = %method,
        route = %route,
        status,
        duration_ms = elapsed.as_secs_f64() * 1000.0,
        request_id = %request_id,
        "request"
    );
    let method = method.to_string();
    metrics::counter!(
        "anello_http_requests_total",
        "method" => method.clone(),
        "route" => route.clone(),
        "status" => status.to_string()
    )
    .increment(1);
    metrics::histogram!(
        "anello_http_request_duration_seconds",
        "method" => method,
        "route" => route
    )
    .record(elapsed.as_secs_f64());
    response
}

/// Installs the process's metrics recorder. Once per process: `anello serve` calls it
/// only with `--metrics-listen`, so without it every metric call is a no-op.
pub fn install_recorder() -> anyhow::Result<PrometheusHandle> {
    const SECONDS: &[f64] = &[
        0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0,
    ];
    PrometheusBuilder::new()
        .set_buckets_for_metric(Matcher::Suffix("_seconds".to_string()), SECONDS)
        .context("metric buckets")?
        .install_recorder()
        .context("cannot install the metrics recorder")
}

#[derive(Clone)]
struct MetricsState {
    handle: PrometheusHandle,
    db: DatabaseConnection,
}

/// `GET /metrics` in Prometheus's text format; the pool's gauges are read at each scrape.
async fn metrics_page(State(state): State<MetricsState>) -> Response {
    let (size, idle) = match state.db.get_database_backend() {
        DbBackend::Postgres => {
            let pool = state.db.get_postgres_connection_pool();
            (pool.size(), pool.num_idle() as u32)
        }
        _ => {
            let pool = state.db.get_sqlite_connection_pool();
            (pool.size(), pool.num_idle() as u32)
        }
    };
    metrics::gauge!("anello_db_pool_connections").set(f64::from(size));
    metrics::gauge!("anello_db_pool_connections_idle").set(f64::from(idle));
    metrics::gauge!("anello_db_pool_connections_in_use").set(f64::from(size.saturating_sub(idle)));
    (
        [(http::header::CONTENT_TYPE, "text/plain; version=0.0.4")],
        state.handle.render(),
    )
        .into_response()
}

/// Serves the metrics on their own address until the server stops.
pub async fn serve_metrics(
    listen: SocketAddr,
    handle: PrometheusHandle,
    db: DatabaseConnection,
    shutdown: Shutdown,
) -> anyhow::Result<()> {
    let listener = tokio::net::TcpListener::bind(listen)
        .await
        .with_context(|| format!("cannot listen for metrics on {listen}"))?;
    tracing::info!("metrics at http://{listen}/metrics");
    let upkeep = handle.clone();
    tokio::spawn(async move {
        // Histograms keep a window of samples; drain it now and then.
        let mut every = tokio::time::interval(Duration::from_secs(5));
        loop {
            every.tick().await;
            upkeep.run_upkeep();
        }
    });
    let router = Router::new()
        .route("/metrics", get(metrics_page))
        .with_state(MetricsState { handle, db });
    tokio::spawn(async move {
        let stopped = async move { shutdown.begun().await };
        if let Err(error) = axum::serve(listener, router)
            .with_graceful_shutdown(stopped)
            .await
        {
            tracing::error!(%error, "the metrics listener stopped");
        }
    });
    Ok(())
}
