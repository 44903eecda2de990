//! A tower-sessions store over SeaORM, so that sessions share the application's one pool
//! (no second sqlx version) and live in the same database on SQLite and PostgreSQL.
//!
//! Its writes take this process's SQLite writer turn (`kernel::db::single_write_turn`),
//! like every other write: a session saved while a move commits queued in SQLite's busy
//! handler instead.
//!
//! The user id is copied out of the session data into its own column: disabling a user
//! deletes every one of their sessions with a single statement, on every replica at once.

use std::collections::HashMap;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use time::OffsetDateTime;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{self, Error as StoreError};
use tower_sessions::{ExpiredDeletion, SessionStore};

use crate::entity::sessions;
use crate::kernel::db::single_write_turn;

/// The session key holding the signed-in user's id.
pub const USER_ID_KEY: &str = "user_id";
/// The session key holding the sign-in time, for the absolute timeout.
pub const SIGNED_IN_AT_KEY: &str = "signed_in_at";
/// The session key holding the browser and system it was opened with ("Chrome · Android"),
/// so that "my account" can tell her sessions apart. Kept no longer than the session.
pub const DEVICE_KEY: &str = "device";

#[derive(Clone, Debug)]
pub struct SeaOrmSessionStore {
    db: DatabaseConnection,
}

impl SeaOrmSessionStore {
    pub fn new(db: DatabaseConnection) -> Self {
        Self { db }
    }
}

fn backend(err: impl std::fmt::Display) -> StoreError {
    StoreError::Backend(err.to_string())
}

fn to_chrono(at: OffsetDateTime) -> DateTime<Utc> {
    DateTime::<Utc>::from_timestamp(at.unix_timestamp(), at.nanosecond()).unwrap_or_default()
}

fn to_row(record: &Record) -> session_store::Result<sessions::ActiveModel> {
    let user_id = record
        .data
        .get(USER_ID_KEY)
        .and_then(|value| value.as_i64())
        .and_then(|id| i32::try_from(id).ok());
    Ok(sessions::ActiveModel {
        id: Set(record.id.to_string()),
        user_id: Set(user_id),
        data: Set(
            serde_json::to_string(&record.data).map_err(|e| StoreError::Encode(e.to_string()))?
        ),
        expires_at: Set(to_chrono(record.expiry_date)),
    })
}

#[async_trait]
impl SessionStore for SeaOrmSessionStore {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        // An i128 id collision is astronomically unlikely, but a new session must never
        // take over an existing one: insert without overwriting, and draw again if taken.
        let _turn = single_write_turn(&self.db).await.map_err(backend)?;
        loop {
            let inserted = sessions::Entity::insert(to_row(record)?)
                .on_conflict(
                    OnConflict::column(sessions::Column::Id)
                        .do_nothing()
                        .to_owned(),
                )
                .exec_without_returning(&self.db)
                .await
                .map_err(backend)?;
            if inserted == 1 {
                return Ok(());
            }
            record.id = Id::default();
        }
    }

    /// Only updates: a request still in flight when its session was deleted (sign-out,
    /// a disabled account, a password reset) must not bring the session back.
    async fn save(&self, record: &Record) -> session_store::Result<()> {
        let row = to_row(record)?;
        let _turn = single_write_turn(&self.db).await.map_err(backend)?;
        sessions::Entity::update_many()
            .set(sessions::ActiveModel {
                user_id: row.user_id,
                data: row.data,
                expires_at: row.expires_at,
                ..Default::default()
            })
            .filter(sessions::Column::Id.eq(record.id.to_string()))
            .exec(&self.db)
            .await
            .map_err(backend)?;
        Ok(())
    }

    async fn load(&self, session_id: &Id) -> session_store::Result<Option<Record>> {
        let row = sessions::Entity::find_by_id(session_id.to_string())
            .filter(sessions::Column::ExpiresAt.gt(Utc::now()))
            .one(&self.db)
            .await
            .map_err(backend)?;
        let Some(row) = row else { return Ok(None) };
        let data: HashMap<String, serde_json::Value> =
            serde_json::from_str(&row.data).map_err(|e| StoreError::Decode(e.to_string()))?;
        let expiry_date = OffsetDateTime::from_unix_timestamp(row.expires_at.timestamp())
            .map_err(|e| StoreError::Decode(e.to_string()))?;
        Ok(Some(Record {
            id: *session_id,
            data,
            expiry_date,
        }))
    }

    async fn delete(&self, session_id: &Id) -> session_store::Result<()> {
        let _turn = single_write_turn(&self.db).await.map_err(backend)?;
        sessions::Entity::delete_by_id(session_id.to_string())
            .exec(&self.db)
            .await
            .map_err(backend)?;
        Ok(())
    }
}

#[async_trait]
impl ExpiredDeletion for SeaOrmSessionStore {
    async fn delete_expired(&self) -> session_store::Result<()> {
        let _turn = single_write_turn(&self.db).await.map_err(backend)?;
        sessions::Entity::delete_many()
            .filter(sessions::Column::ExpiresAt.lte(Utc::now()))
            .exec(&self.db)
            .await
            .map_err(backend)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kernel::db::{begin_write, writer_turns_given};
    use crate::testing::databases;

    /// Sessions are written at the end of requests while moves commit: on SQLite each
    /// write takes its turn like a transaction (PostgreSQL has no turn), and a save
    /// meeting a writer waits for it and then writes.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn session_writes_take_their_turn_to_write() {
        for test in databases().await {
            let store = SeaOrmSessionStore::new(test.db.clone());
            let before = writer_turns_given(&test.db);
            let mut record = Record {
                id: Id::default(),
                data: HashMap::new(),
                expiry_date: OffsetDateTime::now_utc() + time::Duration::hours(1),
            };
            store.create(&mut record).await.unwrap();
            record
                .data
                .insert(USER_ID_KEY.to_string(), serde_json::json!(1));
            let writer = begin_write(&test.db).await.unwrap();
            let saving = tokio::spawn({
                let (store, record) = (store.clone(), record.clone());
                async move { store.save(&record).await }
            });
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
            writer.commit().await.unwrap();
            saving.await.unwrap().unwrap();
            let saved = store.load(&record.id).await.unwrap().expect("saved");
            assert_eq!(saved.data, record.data, "{}", test.backend);
            store.delete(&record.id).await.unwrap();
            store.delete_expired().await.unwrap();
            // Create, the writer, save, delete and the sweep's deletion.
            let expected = if test.backend == "sqlite" { 5 } else { 0 };
            assert_eq!(
                writer_turns_given(&test.db) - before,
                expected,
                "{}",
                test.backend
            );
            test.finish().await;
        }
    }
}
