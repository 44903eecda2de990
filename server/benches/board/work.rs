//! The baselines of the board benchmark: server functions in the same server, through the
//! same router, layers and session read as the board and a move, doing only the work the
//! rules require of them.

use std::sync::RwLock;

use app::audit::ssr::{record_alone, AuditEvent};
use app::auth::ssr::guard;
use app::kernel::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

/// The board page's bytes, which `board_same_work` answers from memory.
pub static PAGE: RwLock<String> = RwLock::new(String::new());

/// A server function doing nothing: the round trip through the router and its layers.
#[server(endpoint = "bench/noop")]
pub async fn noop() -> Result<(), ServerFnError> {
    Ok(())
}

/// The board page's required work without the board: the session and the user read, the
/// board's authorisation (`beds/board`), the same `board.view` audit row through the same
/// writer queue, and the page's bytes from memory. They go out as a JSON string, a little
/// more work than the page's own HTML (its quotes escaped), never less.
#[server(endpoint = "bench/board_same_work", input = GetUrl)]
pub async fn board_same_work() -> Result<String, AppError> {
    guard("beds/board", |ctx| async move {
        let user = ctx.user()?;
        let event = AuditEvent::new(Some(user), "board.view", "board")
            .detail("structures=100 occupied=800");
        record_alone(&ctx.db, ctx.request_id(), event).await?;
        Ok(PAGE
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone())
    })
    .await
}

/// The smallest write the rules allow a move to be: the same authorisation (`beds/move`)
/// and one audit row in its own transaction, through the writer queue.
#[server(endpoint = "bench/audited_write")]
pub async fn audited_write() -> Result<(), AppError> {
    guard("beds/move", |ctx| async move {
        let user = ctx.user()?;
        let event = AuditEvent::new(Some(user), "bench.write", "bench").object("1");
        record_alone(&ctx.db, ctx.request_id(), event).await?;
        Ok(())
    })
    .await
}
