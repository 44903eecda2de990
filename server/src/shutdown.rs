//! Stopping gracefully: on SIGTERM (systemd, container platforms) or SIGINT (Ctrl-C)
//! the server stops accepting connections, lets the requests in flight finish for up to
//! `GRACE`, ends the event streams with a reconnect hint, and the caller closes the pool.

use std::future::Future;
use std::time::Duration;

use app::state::Shutdown;

/// How long requests in flight may take to finish once the server is told to stop.
pub const GRACE: Duration = Duration::from_secs(20);

/// Returns when the process is asked to stop.
pub async fn signal() {
    let interrupt = async {
        if let Err(error) = tokio::signal::ctrl_c().await {
            tracing::error!(%error, "cannot listen for SIGINT");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut terminate) => {
                terminate.recv().await;
            }
            Err(error) => {
                tracing::error!(%error, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {}
        () = terminate => {}
    }
}

/// Runs the server until it has stopped by itself (every connection done) or, once
/// stopping has begun, until `grace` has passed, whichever comes first.
pub async fn finish_within<F>(
    server: F,
    shutdown: &Shutdown,
    grace: Duration,
) -> std::io::Result<()>
where
    F: Future<Output = std::io::Result<()>>,
{
    let overdue = async {
        shutdown.begun().await;
        tokio::time::sleep(grace).await;
    };
    tokio::select! {
        result = server => result,
        () = overdue => {
            tracing::warn!(
                "requests still running {} s after the stop signal: stopping anyway",
                grace.as_secs()
            );
            Ok(())
        }
    }
}
