//! Live updates of the bed board. A change is announced as a typed event that names only
//! what kind of change happened, never a person, a bed or a structure: each open board
//! then reloads what its own user is entitled to see through the usual server function.
//!
//! On SQLite (one process) the announcement is an in-process broadcast sent after the
//! commit. On PostgreSQL it is a `NOTIFY` sent inside the write transaction, so it leaves
//! with the commit and only then; every replica `LISTEN`s and relays it to its own open
//! boards, so boards connected to another replica see the change as well.

use serde::{Deserialize, Serialize};

/// What changed on the board.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BoardChange {
    /// Placements: someone took a bed, moved or left.
    Placements,
    /// A bed was held, released, taken out of or put back in service.
    Beds,
    /// A structure or its beds were created or changed.
    Structures,
    /// Announcements may have been missed (a lost database connection, a slow reader):
    /// reload.
    Resync,
}

/// The event the board's stream carries (`event: board`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardEvent {
    pub change: BoardChange,
}

/// Where an open board listens.
pub const EVENTS_PATH: &str = "/posti-letto/eventi";

#[cfg(feature = "ssr")]
pub use self::server::*;

#[cfg(feature = "ssr")]
mod server {
    use super::*;
    use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement};
    use tokio::sync::broadcast;

    /// The PostgreSQL channel of board announcements.
    const CHANNEL: &str = "anello_board";

    /// The board's announcement bus of this process.
    #[derive(Clone, Debug)]
    pub struct Events {
        local: broadcast::Sender<BoardEvent>,
        via_postgres: bool,
    }

    impl Events {
        /// Starts the bus; on PostgreSQL also the task that relays other replicas'
        /// announcements (and this one's) from `LISTEN` to the local boards.
        pub fn start(db: &DatabaseConnection) -> Events {
            let (local, _) = broadcast::channel(1024);
            let via_postgres = db.get_database_backend() == DbBackend::Postgres;
            if via_postgres {
                let pool = db.get_postgres_connection_pool().clone();
                tokio::spawn(relay(pool, local.clone()));
            }
            Events {
                local,
                via_postgres,
            }
        }

        pub fn subscribe(&self) -> broadcast::Receiver<BoardEvent> {
            self.local.subscribe()
        }

        /// Inside the write transaction: on PostgreSQL the `NOTIFY` is delivered at
        /// commit, and never if the transaction rolls back.
        pub async fn announce_in<C: ConnectionTrait>(
            &self,
            txn: &C,
            event: BoardEvent,
        ) -> Result<(), sea_orm::DbErr> {
            if self.via_postgres {
                let payload = serde_json::to_string(&event).unwrap_or_default();
                txn.execute_raw(Statement::from_sql_and_values(
                    DbBackend::Postgres,
                    "SELECT pg_notify($1, $2)",
                    [CHANNEL.into(), payload.into()],
                ))
                .await?;
            }
            Ok(())
        }

        /// After the commit: on SQLite the in-process broadcast.
        pub fn announce_committed(&self, event: BoardEvent) {
            if !self.via_postgres {
                // No open board is not an error.
                let _ = self.local.send(event);
            }
        }
    }

    /// Relays `NOTIFY`s to the local boards for as long as the process runs. After a
    /// lost connection (announcements may have been missed) the boards are told to reload.
    async fn relay(pool: sqlx::PgPool, local: broadcast::Sender<BoardEvent>) {
        let resync = BoardEvent {
            change: BoardChange::Resync,
        };
        loop {
            let mut listener = match sqlx::postgres::PgListener::connect_with(&pool).await {
                Ok(listener) => listener,
                Err(error) => {
                    tracing::warn!(%error, "board events: cannot connect to listen");
                    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
                    continue;
                }
            };
            if let Err(error) = listener.listen(CHANNEL).await {
                tracing::warn!(%error, "board events: LISTEN failed");
                tokio::time::sleep(std::time::Duration::from_secs(1)).await;
                continue;
            }
            let _ = local.send(resync);
            loop {
                match listener.try_recv().await {
                    Ok(Some(notification)) => {
                        match serde_json::from_str::<BoardEvent>(notification.payload()) {
                            Ok(event) => {
                                let _ = local.send(event);
                            }
                            Err(_) => tracing::warn!("board events: unreadable notification"),
                        }
                    }
                    // The connection dropped: the next call reconnects and LISTENs again.
                    Ok(None) => {
                        let _ = local.send(resync);
                    }
                    Err(error) => {
                        tracing::warn!(%error, "board events: listener failed");
                        break;
                    }
                }
            }
            tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        }
    }
}
