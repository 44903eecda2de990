//! The numbers of network codes (TO-2026-0042): one counter row per province and year,
//! incremented inside the registration's own transaction. Concurrent registrations of a
//! province wait for each other's row lock for a moment and never conflict; a number is
//! never given twice, and one whose registration rolled back is simply skipped.

use sea_orm::{ConnectionTrait, DbBackend, DbErr, Statement};

/// Takes `count` consecutive numbers for `province` in `year` and returns the first.
pub async fn take_numbers<C: ConnectionTrait>(
    conn: &C,
    province: &str,
    year: i32,
    count: i32,
) -> Result<i32, DbErr> {
    let backend = conn.get_database_backend();
    let sql = match backend {
        DbBackend::Postgres => {
            "INSERT INTO code_counters (province, year, last_number) VALUES ($1, $2, $3) \
             ON CONFLICT (province, year) \
             DO UPDATE SET last_number = code_counters.last_number + EXCLUDED.last_number \
             RETURNING last_number"
        }
        _ => {
            "INSERT INTO code_counters (province, year, last_number) VALUES (?, ?, ?) \
             ON CONFLICT (province, year) \
             DO UPDATE SET last_number = code_counters.last_number + excluded.last_number \
             RETURNING last_number"
        }
    };
    let row = conn
        .query_one_raw(Statement::from_sql_and_values(
            backend,
            sql,
            [province.into(), year.into(), count.into()],
        ))
        .await?
        .ok_or_else(|| DbErr::Custom("the code counter returned no row".into()))?;
    let last: i32 = row.try_get("", "last_number")?;
    Ok(last - count + 1)
}
