//! Live updates of the bed board, as they travel.
//!
//! A change announces what it touched as ids only (`BoardNotice`): beds and waiting-list
//! entries. On SQLite (one process) the announcement is an in-process message sent after
//! the commit; on PostgreSQL it is a `NOTIFY` sent inside the write transaction, so it
//! leaves with the commit and only then, and every replica `LISTEN`s. Each replica then
//! reads once what the change touched and tells each open board its share
//! (`BoardEvent`): the touched structures her filter keeps, as her board shows them,
//! and the waiting-list entries that came or went. The board applies it in place.
//! A board that missed an event (a gap in `seq`, a reconnect) reloads once.

use serde::{Deserialize, Serialize};

use super::model::StructureCard;
use crate::people::waiting::model::WaitingRow;

/// What changed on the board.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BoardChange {
    /// Placements: someone took a bed, moved or left.
    Placements,
    /// A bed was held, released, taken out of or put back in service.
    Beds,
    /// A structure or its beds were created or changed: boards reload.
    Structures,
    /// Announcements may have been missed (a lost database connection, a slow reader):
    /// reload.
    Resync,
}

/// What a change touched, as ids: all an announcement carries between replicas.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Touched {
    /// Beds whose state may have changed.
    pub beds: Vec<i32>,
    /// Waiting-list entries that may have left the list or come back to it.
    pub waiting: Vec<i32>,
}

impl Touched {
    pub fn just_bed(id: i32) -> Touched {
        Touched {
            beds: vec![id],
            waiting: Vec::new(),
        }
    }

    pub fn bed(&mut self, id: i32) {
        if !self.beds.contains(&id) {
            self.beds.push(id);
        }
    }

    pub fn entry(&mut self, id: i32) {
        if !self.waiting.contains(&id) {
            self.waiting.push(id);
        }
    }
}

/// An announcement of a committed change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardNotice {
    pub change: BoardChange,
    #[serde(default)]
    pub touched: Touched,
}

/// What one open board is told (`event: board`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardEvent {
    /// This stream's count of its events, from 1; a gap means events were missed.
    pub seq: u64,
    pub change: BoardChange,
    /// The change as her board shows it; none for a resynchronisation or a change of
    /// structures, after which the board reloads.
    pub delta: Option<BoardDelta>,
}

/// A change as one board shows it. Built for her user and her filter exactly as her
/// board page is: a card names a code only where her page would, and never an address
/// (hers alone, kept by her board as it is).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardDelta {
    /// Touched structures her filter keeps, as her board shows them now.
    pub structures: Vec<StructureCard>,
    /// Touched structures her "free beds only" filter now leaves out.
    pub hidden: Vec<i32>,
    /// Waiting-list entries now on the list.
    pub waiting: Vec<WaitingRow>,
    /// Waiting-list entries no longer on the list.
    pub waiting_gone: Vec<i32>,
}

impl BoardDelta {
    pub fn is_empty(&self) -> bool {
        self.structures.is_empty()
            && self.hidden.is_empty()
            && self.waiting.is_empty()
            && self.waiting_gone.is_empty()
    }
}

/// Where an open board listens; its filter goes in the query, as on the board page.
pub const EVENTS_PATH: &str = "/posti-letto/eventi";

#[cfg(feature = "ssr")]
pub use self::server::*;

/// The announcement bus of one server process: a committed change's notice (ids only)
/// comes from this process (SQLite: after the commit) or from `LISTEN` (PostgreSQL:
/// every replica's commits, this one's included); one task reads what it touched, once,
/// and hands the result to every open board of the process.
#[cfg(feature = "ssr")]
mod server {
    use std::sync::Arc;

    use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement};
    use tokio::sync::{broadcast, mpsc};

    use super::*;
    use crate::entity::{beds, structures};

    /// The PostgreSQL channel of board announcements.
    const CHANNEL: &str = "anello_board";

    /// The bus of this process.
    #[derive(Clone, Debug)]
    pub struct Events {
        /// Notices to read, in the order they came.
        notices: mpsc::UnboundedSender<BoardNotice>,
        /// Each change as read once, to every open board of this process.
        updates: broadcast::Sender<Arc<Update>>,
        via_postgres: bool,
    }

    impl Events {
        /// Starts the bus: the task that reads each notice with `read`
        /// (`beds::ssr::deltas::read_change`) and, on PostgreSQL, the task that relays every
        /// replica's notices from `LISTEN`.
        pub fn start(db: &DatabaseConnection, read: ReadChange) -> Events {
            let (updates, _) = broadcast::channel(1024);
            let (notices, incoming) = mpsc::unbounded_channel();
            let via_postgres = db.get_database_backend() == DbBackend::Postgres;
            tokio::spawn(read_changes(db.clone(), read, incoming, updates.clone()));
            if via_postgres {
                let pool = db.get_postgres_connection_pool().clone();
                tokio::spawn(relay(pool, notices.clone()));
            }
            Events {
                notices,
                updates,
                via_postgres,
            }
        }

        pub fn subscribe(&self) -> broadcast::Receiver<Arc<Update>> {
            self.updates.subscribe()
        }

        /// Inside the write transaction: on PostgreSQL the `NOTIFY` is delivered at commit,
        /// and never if the transaction rolls back.
        pub async fn announce_in<C: ConnectionTrait>(
            &self,
            txn: &C,
            notice: &BoardNotice,
        ) -> Result<(), sea_orm::DbErr> {
            if self.via_postgres {
                let payload = serde_json::to_string(notice).unwrap_or_default();
                txn.execute_raw(Statement::from_sql_and_values(
                    DbBackend::Postgres,
                    "SELECT pg_notify($1, $2)",
                    [CHANNEL.into(), payload.into()],
                ))
                .await?;
            }
            Ok(())
        }

        /// After the commit: on SQLite the notice goes to this process's reader.
        pub fn announce_committed(&self, notice: BoardNotice) {
            if !self.via_postgres {
                // The reader lives as long as the process.
                let _ = self.notices.send(notice);
            }
        }
    }

    /// Reads what a notice touched (`beds::ssr::deltas::read_change`; given to the bus at
    /// start, so that the bus, which the whole application holds, depends on no feature).
    pub type ReadChange = fn(
        DatabaseConnection,
        BoardNotice,
    )
        -> std::pin::Pin<Box<dyn std::future::Future<Output = Update> + Send>>;

    /// A reader that reads nothing: every change makes the boards reload (a request context
    /// made for a test, which has no open boards).
    pub fn read_nothing(
        _db: DatabaseConnection,
        notice: BoardNotice,
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = Update> + Send>> {
        Box::pin(async move {
            Update {
                change: notice.change,
                facts: None,
            }
        })
    }

    /// A change as this process read it, once for all its open boards; each takes its share
    /// (`beds::ssr::deltas`).
    #[derive(Debug)]
    pub struct Update {
        pub change: BoardChange,
        /// None: the boards reload (a resynchronisation, a change of structures, or a read
        /// that failed).
        pub(crate) facts: Option<Facts>,
    }

    #[derive(Debug)]
    pub(crate) struct Facts {
        /// The active structures of the touched beds, by province and name.
        pub(crate) structures: Vec<structures::Model>,
        pub(crate) cards: CardFacts,
        /// Touched entries still on the waiting list.
        pub(crate) waiting: Vec<WaitingRow>,
        /// Touched entries no longer on it.
        pub(crate) waiting_gone: Vec<i32>,
        pub(crate) today: chrono::NaiveDate,
        pub(crate) now: chrono::DateTime<chrono::Utc>,
        /// Each distinct board's share, built once: fifty boards of one user with one
        /// filter cost one delta (`beds::ssr::deltas`).
        pub(crate) views: std::sync::Mutex<Vec<SharedView>>,
    }

    /// One board's share of a change, as JSON (built by the first board of the view);
    /// none when her board shows nothing of it.
    #[derive(Debug)]
    pub(crate) struct SharedView {
        pub(crate) user: crate::auth::model::CurrentUser,
        pub(crate) filter: crate::beds::model::BoardFilter,
        pub(crate) delta: Arc<std::sync::OnceLock<Option<Arc<str>>>>,
    }

    /// What the cards of some structures are made of, read once for all of them
    /// (`beds::ssr::reading`).
    #[derive(Debug)]
    pub(crate) struct CardFacts {
        pub(crate) beds: Vec<beds::Model>,
        /// The structures' rooms, in their order.
        pub(crate) rooms: Vec<crate::entity::rooms::Model>,
        pub(crate) open: Vec<OpenStay>,
        /// Where each bed's open placement is in `open`: a board of 1000 beds looked
        /// each one up by walking the list.
        pub(crate) open_in: std::collections::HashMap<i32, usize>,
        pub(crate) codes: std::collections::HashMap<i32, String>,
        pub(crate) names: std::collections::HashMap<i32, String>,
    }

    /// Of an open placement, what a bed's card shows: four of its eleven columns (a board
    /// of 1000 beds reads 800 of them, and every value read is copied twice).
    #[derive(Debug, sea_orm::FromQueryResult)]
    pub(crate) struct OpenStay {
        pub(crate) person_id: i32,
        pub(crate) bed_id: i32,
        pub(crate) started_on: chrono::NaiveDate,
        pub(crate) planned_exit_on: Option<chrono::NaiveDate>,
    }

    /// Reads each notice's changes once, in order, and hands them to the open boards.
    async fn read_changes(
        db: DatabaseConnection,
        read: ReadChange,
        mut incoming: mpsc::UnboundedReceiver<BoardNotice>,
        updates: broadcast::Sender<Arc<Update>>,
    ) {
        while let Some(notice) = incoming.recv().await {
            let update = read(db.clone(), notice).await;
            // No open board is not an error.
            let _ = updates.send(Arc::new(update));
        }
    }

    fn resync() -> BoardNotice {
        BoardNotice {
            change: BoardChange::Resync,
            touched: Touched::default(),
        }
    }

    /// Relays `NOTIFY`s to this process's reader for as long as the process runs. After a
    /// lost connection (announcements may have been missed) the boards are told to reload.
    async fn relay(pool: sqlx::PgPool, notices: mpsc::UnboundedSender<BoardNotice>) {
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
            if notices.send(resync()).is_err() {
                return;
            }
            loop {
                match listener.try_recv().await {
                    Ok(Some(notification)) => {
                        match serde_json::from_str::<BoardNotice>(notification.payload()) {
                            Ok(notice) => {
                                if notices.send(notice).is_err() {
                                    return;
                                }
                            }
                            Err(_) => tracing::warn!("board events: unreadable notification"),
                        }
                    }
                    // The connection dropped: the next call reconnects and LISTENs again.
                    Ok(None) => {
                        if notices.send(resync()).is_err() {
                            return;
                        }
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
