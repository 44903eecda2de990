//! Network codes come from a counter row per province and year, incremented in the
//! registration's own transaction. Before, a registration took `MAX(number) + 1` and
//! retried when another one took the same number first: on PostgreSQL, 50 people
//! registered at once gave 24 "someone else changed this data" answers after five tries.
//! An `INSERT … ON CONFLICT DO UPDATE` of one row makes the registrations of a province
//! wait for each other for a moment instead, and never fail.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(CodeCounters::Table)
                    .col(string_len(CodeCounters::Province, 2))
                    .col(integer(CodeCounters::Year))
                    .col(integer(CodeCounters::LastNumber))
                    .primary_key(
                        Index::create()
                            .col(CodeCounters::Province)
                            .col(CodeCounters::Year),
                    )
                    .to_owned(),
            )
            .await?;
        // People registered before this migration keep their numbers: each counter
        // starts at the highest number given so far.
        manager
            .get_connection()
            .execute_unprepared(
                "INSERT INTO code_counters (province, year, last_number) \
                 SELECT province, year, MAX(number) FROM people GROUP BY province, year",
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(CodeCounters::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum CodeCounters {
    Table,
    Province,
    Year,
    LastNumber,
}
