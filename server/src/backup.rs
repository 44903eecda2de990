//! `anello backup FILE` and `anello restore FILE`.
//!
//! A backup is a consistent copy taken while the server serves and writes:
//! - SQLite: `VACUUM INTO`, which copies the database as of one read transaction (the
//!   writers go on; what they commit afterwards is not in the copy) into a compact file
//!   that is itself a SQLite database;
//! - PostgreSQL: `pg_dump --format=custom`, which reads everything in one snapshot.
//!
//! A restore goes only into an empty database (no person, user or organisation): it
//! never overwrites a network's data. Afterwards the migrations bring the copy up to this
//! version and its integrity is checked.

use std::path::Path;
use std::process::Stdio;

use anyhow::{bail, Context};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement};

/// Writes a consistent copy of the database at `database_url` to `file`.
pub async fn backup(
    db: &DatabaseConnection,
    database_url: &str,
    file: &Path,
) -> anyhow::Result<()> {
    if file.exists() {
        bail!("{} exists already: choose a new file name", file.display());
    }
    match db.get_database_backend() {
        DbBackend::Postgres => {
            let file = format!("--file={}", file.display());
            pg_tool(
                "pg_dump",
                &["--format=custom", "--no-owner", &file],
                database_url,
            )
            .await
        }
        _ => {
            let target = file
                .to_str()
                .context("the backup file's name must be UTF-8")?
                .replace('\'', "''");
            db.execute_unprepared(&format!("VACUUM INTO '{target}'"))
                .await
                .context("VACUUM INTO failed")?;
            Ok(())
        }
    }
}

/// Restores `file` (made by `backup`) into the empty database at `database_url`.
pub async fn restore(database_url: &str, file: &Path) -> anyhow::Result<()> {
    if !file.is_file() {
        bail!("{} is not a backup file", file.display());
    }
    if database_url.starts_with("postgres") {
        let db = app::kernel::db::connect(database_url).await?;
        refuse_data(&db).await?;
        // A database that was migrated but never used has empty tables; pg_restore wants
        // none at all, and a schema holding nothing is safe to drop.
        db.execute_unprepared("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
            .await
            .context("cannot empty the public schema")?;
        db.close().await?;
        let file = file.display().to_string();
        pg_tool(
            "pg_restore",
            &[
                "--no-owner",
                "--exit-on-error",
                "--single-transaction",
                &file,
            ],
            database_url,
        )
        .await?;
    } else {
        let target = app::kernel::db::sqlite_file(database_url)
            .with_context(|| format!("restore needs a database file, not {database_url}"))?;
        if target.exists() {
            let db = app::kernel::db::connect(database_url).await?;
            refuse_data(&db).await?;
            db.close().await?;
        }
        for suffix in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", target.display()));
        }
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).ok();
        }
        std::fs::copy(file, &target)
            .with_context(|| format!("cannot copy the backup to {}", target.display()))?;
    }
    let db = app::kernel::db::connect(database_url).await?;
    crate::migrate::migrate(&db)
        .await
        .context("migrating the restored database")?;
    check_integrity(&db).await?;
    db.close().await?;
    Ok(())
}

/// Whether the database holds a network's data: then nothing is restored over it.
async fn refuse_data(db: &DatabaseConnection) -> anyhow::Result<()> {
    for table in ["organisations", "users", "people", "audit_log"] {
        let exists = table_exists(db, table).await?;
        if !exists {
            continue;
        }
        let row = db
            .query_one_raw(Statement::from_string(
                db.get_database_backend(),
                format!("SELECT COUNT(*) AS n FROM {table}"),
            ))
            .await?
            .context("no count")?;
        let rows: i64 = row.try_get("", "n")?;
        if rows > 0 {
            bail!(
                "the target database is not empty ({table} has {rows} row(s)): restore only \
                 into a new, empty database"
            );
        }
    }
    Ok(())
}

async fn table_exists(db: &DatabaseConnection, table: &str) -> anyhow::Result<bool> {
    let backend = db.get_database_backend();
    let sql = match backend {
        DbBackend::Postgres => {
            "SELECT COUNT(*) AS n FROM information_schema.tables \
             WHERE table_schema = 'public' AND table_name = $1"
        }
        _ => "SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name = ?",
    };
    let row = db
        .query_one_raw(Statement::from_sql_and_values(backend, sql, [table.into()]))
        .await?
        .context("no count")?;
    Ok(row.try_get::<i64>("", "n")? > 0)
}

/// SQLite's own integrity check; on PostgreSQL the restore ran in one transaction with
/// every constraint checked, and the migrations table is read back.
pub async fn check_integrity(db: &DatabaseConnection) -> anyhow::Result<()> {
    match db.get_database_backend() {
        DbBackend::Postgres => {
            db.execute_unprepared("SELECT COUNT(*) FROM seaql_migrations")
                .await?;
        }
        _ => {
            let rows = db
                .query_all_raw(Statement::from_string(
                    DbBackend::Sqlite,
                    "PRAGMA integrity_check",
                ))
                .await?;
            let verdicts: Vec<String> = rows
                .iter()
                .filter_map(|row| row.try_get_by_index::<String>(0).ok())
                .collect();
            if verdicts != ["ok"] {
                bail!("the integrity check failed: {}", verdicts.join("; "));
            }
            let violations = db
                .query_all_raw(Statement::from_string(
                    DbBackend::Sqlite,
                    "PRAGMA foreign_key_check",
                ))
                .await?;
            if !violations.is_empty() {
                bail!("{} rows refer to rows that do not exist", violations.len());
            }
        }
    }
    Ok(())
}

/// Runs one of PostgreSQL's client tools on the database at `database_url`, with a clear
/// message when it is missing. The password goes in the environment, not on the command
/// line where any local user could read it.
async fn pg_tool(tool: &str, args: &[&str], database_url: &str) -> anyhow::Result<()> {
    let mut url = url::Url::parse(database_url).context("the database URL")?;
    let password = url.password().map(str::to_string);
    let _ = url.set_password(None);
    let mut command = tokio::process::Command::new(tool);
    command
        .args(args)
        .arg(format!("--dbname={url}"))
        .stdin(Stdio::null());
    if let Some(password) = password {
        command.env("PGPASSWORD", password);
    }
    let output = command.output().await;
    let output = match output {
        Ok(output) => output,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => bail!(
            "{tool} is not installed: install PostgreSQL's client tools of the server's \
             version (Debian: apt-get install postgresql-client)"
        ),
        Err(error) => return Err(error).with_context(|| format!("cannot run {tool}")),
    };
    if !output.status.success() {
        // The tools' messages name tables and options, never rows; the URL's password is
        // not echoed by them.
        bail!(
            "{tool} failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        );
    }
    Ok(())
}
