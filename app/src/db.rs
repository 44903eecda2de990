//! Opening the one database pool: an embedded SQLite file by default, PostgreSQL to scale out.

use std::time::Duration;

use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
use sea_orm::{
    ConnectOptions, Database, DatabaseConnection, DatabaseTransaction, DbErr,
    SqliteTransactionMode, TransactionOptions, TransactionTrait,
};

pub async fn connect(url: &str) -> Result<DatabaseConnection, DbErr> {
    let mut options = ConnectOptions::new(url.to_string());
    options
        .sqlx_logging(false)
        .acquire_timeout(Duration::from_secs(10));
    if url.starts_with("sqlite:") {
        create_parent_directory(url);
        // WAL lets pages read while a placement is written; writers wait (busy timeout)
        // rather than fail. One SQLite file has one writer at a time anyway.
        options
            .max_connections(8)
            .min_connections(1)
            .map_sqlx_sqlite_opts(|o| {
                o.foreign_keys(true)
                    .journal_mode(SqliteJournalMode::Wal)
                    .synchronous(SqliteSynchronous::Normal)
                    .busy_timeout(Duration::from_secs(10))
            });
    } else {
        options.max_connections(16).min_connections(1);
    }
    Database::connect(options).await
}

/// Begins a transaction that will write. On SQLite it takes the write lock at once
/// (`BEGIN IMMEDIATE`): a deferred transaction that reads first and writes later fails with
/// "database is locked" when another connection committed in between, and the busy
/// timeout cannot help it. Waiting for the lock up front lets concurrent writers queue.
/// PostgreSQL ignores the SQLite mode.
pub async fn begin_write(db: &DatabaseConnection) -> Result<DatabaseTransaction, DbErr> {
    db.begin_with_options(TransactionOptions {
        sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
        ..Default::default()
    })
    .await
}

/// Ends a write transaction: commits a success, and also a refusal (403, or a placement
/// the rules refuse), whose audit row was written in the transaction and must not be
/// lost; rolls back any other error.
pub async fn settle<T>(
    txn: DatabaseTransaction,
    result: Result<T, crate::error::AppError>,
) -> Result<T, crate::error::AppError> {
    match result {
        Ok(value) => {
            txn.commit().await?;
            Ok(value)
        }
        Err(error @ (crate::error::AppError::Forbidden | crate::error::AppError::Rules { .. })) => {
            txn.commit().await?;
            Err(error)
        }
        Err(error) => Err(error),
    }
}

/// `mode=rwc` creates the file but not its folder.
fn create_parent_directory(url: &str) {
    let path = url
        .trim_start_matches("sqlite://")
        .trim_start_matches("sqlite:")
        .split('?')
        .next()
        .unwrap_or("");
    if path.is_empty() || path.starts_with(":memory:") {
        return;
    }
    if let Some(parent) = std::path::Path::new(path).parent() {
        if !parent.as_os_str().is_empty() {
            let _ = std::fs::create_dir_all(parent);
        }
    }
}

/// A database URL fit for a log line: the password is hidden.
pub fn redacted(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let credentials = &url[scheme_end + 3..at];
            match credentials.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme_end + 3], &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn passwords_are_hidden_from_logs() {
        assert_eq!(
            super::redacted("postgres://anello:secret@db/anello"),
            "postgres://anello:***@db/anello"
        );
        assert_eq!(
            super::redacted("sqlite://data/anello.db?mode=rwc"),
            "sqlite://data/anello.db?mode=rwc"
        );
    }
}
