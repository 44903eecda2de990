//! Each run of the forum's personal-data guard, per user: the guard says whether a text
//! names a place of the network, so a user who asks it too often in a short time is
//! made to wait (`forum::ssr::findings`). Rows older than a day are purged.

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
                    .table(ForumGuardChecks::Table)
                    .col(big_pk_auto(ForumGuardChecks::Id))
                    .col(integer(ForumGuardChecks::UserId))
                    .col(timestamp_with_time_zone(ForumGuardChecks::CheckedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_forum_guard_checks_user")
                    .table(ForumGuardChecks::Table)
                    .col(ForumGuardChecks::UserId)
                    .col(ForumGuardChecks::CheckedAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(ForumGuardChecks::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum ForumGuardChecks {
    Table,
    Id,
    UserId,
    CheckedAt,
}
