//! The unread count in the bar, kept live. Every page of a signed-in user listens at
//! `UNREAD_EVENTS_PATH` (`server::notification_events`), and is told her count whenever
//! it changes: a colleague's handover, a reminder, a reading in another tab.
//!
//! Notifications are written inside the writers' own transactions, all over the
//! application, so the count is not announced by them: each replica asks the database,
//! every `POLL`, for the counts of the users with an open page on it — one indexed query
//! per replica, whatever the number of pages, and none while nobody listens. What one
//! replica wrote another sees at its next round: the database carries it.

/// Where a page listens for its user's unread count (`event: unread`, data: the count).
pub const UNREAD_EVENTS_PATH: &str = "/notifiche/eventi";

#[cfg(feature = "ssr")]
pub use self::server::*;

#[cfg(feature = "ssr")]
mod server {
    use std::collections::HashMap;
    use std::sync::{Arc, Mutex};
    use std::time::Duration;

    use sea_orm::{
        ColumnTrait, DatabaseConnection, EntityTrait, FromQueryResult, QueryFilter, QuerySelect,
    };
    use tokio::sync::broadcast;

    use crate::entity::notifications;

    /// How often each replica asks for the counts of the users listening to it.
    pub const POLL: Duration = Duration::from_secs(3);

    /// A user's new unread count.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub struct UnreadChange {
        pub user_id: i32,
        pub unread: u64,
    }

    /// The unread counts of this process's listening users.
    #[derive(Clone, Debug)]
    pub struct UnreadCounts {
        shared: Arc<Shared>,
    }

    #[derive(Debug)]
    struct Shared {
        /// Per listening user: her open pages, and the count they were last told.
        listening: Mutex<HashMap<i32, Listening>>,
        changes: broadcast::Sender<UnreadChange>,
    }

    #[derive(Debug, Default)]
    struct Listening {
        pages: usize,
        told: Option<u64>,
    }

    /// An open page's share: the changes of every user of the process (it keeps its
    /// user's), and her place among the listening users until it is dropped.
    pub struct UnreadWatch {
        pub changes: broadcast::Receiver<UnreadChange>,
        user_id: i32,
        shared: Arc<Shared>,
    }

    impl Drop for UnreadWatch {
        fn drop(&mut self) {
            let mut listening = self
                .shared
                .listening
                .lock()
                .unwrap_or_else(|e| e.into_inner());
            if let Some(entry) = listening.get_mut(&self.user_id) {
                entry.pages -= 1;
                if entry.pages == 0 {
                    listening.remove(&self.user_id);
                }
            }
        }
    }

    impl UnreadCounts {
        /// Starts the process's round of questions (a task that ends with the process).
        pub fn start(db: &DatabaseConnection) -> UnreadCounts {
            let (changes, _) = broadcast::channel(1024);
            let shared = Arc::new(Shared {
                listening: Mutex::new(HashMap::new()),
                changes,
            });
            tokio::spawn(ask_every_round(db.clone(), shared.clone()));
            UnreadCounts { shared }
        }

        /// A page of this user opens: she is among the listening users until it closes.
        pub fn watch(&self, user_id: i32) -> UnreadWatch {
            let changes = self.shared.changes.subscribe();
            let mut listening = self
                .shared
                .listening
                .lock()
                .unwrap_or_else(|e| e.into_inner());
            listening.entry(user_id).or_default().pages += 1;
            UnreadWatch {
                changes,
                user_id,
                shared: self.shared.clone(),
            }
        }
    }

    #[derive(FromQueryResult)]
    struct Count {
        user_id: i32,
        unread: i64,
    }

    /// The unread counts of these users (the absent ones have none).
    pub async fn unread_counts(
        db: &DatabaseConnection,
        users: &[i32],
    ) -> Result<HashMap<i32, u64>, sea_orm::DbErr> {
        let rows = notifications::Entity::find()
            .select_only()
            .column(notifications::Column::UserId)
            .column_as(notifications::Column::Id.count(), "unread")
            .filter(notifications::Column::UserId.is_in(users.iter().copied()))
            .filter(notifications::Column::ReadAt.is_null())
            .group_by(notifications::Column::UserId)
            .into_model::<Count>()
            .all(db)
            .await?;
        Ok(rows
            .into_iter()
            .map(|row| (row.user_id, u64::try_from(row.unread).unwrap_or(0)))
            .collect())
    }

    async fn ask_every_round(db: DatabaseConnection, shared: Arc<Shared>) {
        let mut every = tokio::time::interval(POLL);
        every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            every.tick().await;
            let users: Vec<i32> = {
                let listening = shared.listening.lock().unwrap_or_else(|e| e.into_inner());
                listening.keys().copied().collect()
            };
            if users.is_empty() {
                continue;
            }
            let counts = match unread_counts(&db, &users).await {
                Ok(counts) => counts,
                Err(error) => {
                    tracing::warn!(%error, "reading the unread counts failed");
                    continue;
                }
            };
            let mut listening = shared.listening.lock().unwrap_or_else(|e| e.into_inner());
            for user_id in users {
                let unread = counts.get(&user_id).copied().unwrap_or(0);
                if let Some(entry) = listening.get_mut(&user_id) {
                    if entry.told != Some(unread) {
                        entry.told = Some(unread);
                        // No open page is not an error.
                        let _ = shared.changes.send(UnreadChange { user_id, unread });
                    }
                }
            }
        }
    }
}
