//! `GET /healthz` (the process answers) and `GET /readyz` (its database is reachable and
//! migrated), for a load balancer, systemd or a container platform. Neither needs a
//! session or writes an audit row: they say nothing about anybody.

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use http::StatusCode;
use migrations::{Migrator, MigratorTrait};
use sea_orm::DatabaseConnection;

async fn alive() -> &'static str {
    "ok\n"
}

async fn ready(State(db): State<DatabaseConnection>) -> Response {
    match Migrator::get_pending_migrations(&db).await {
        Ok(pending) if pending.is_empty() => (StatusCode::OK, "ready\n").into_response(),
        Ok(pending) => (
            StatusCode::SERVICE_UNAVAILABLE,
            format!("{} database migration(s) pending\n", pending.len()),
        )
            .into_response(),
        Err(error) => {
            tracing::warn!(%error, "readiness: the database does not answer");
            (StatusCode::SERVICE_UNAVAILABLE, "database unreachable\n").into_response()
        }
    }
}

pub fn routes(db: DatabaseConnection) -> Router {
    Router::new()
        .route("/healthz", get(alive))
        .route("/readyz", get(ready))
        .with_state(db)
}
