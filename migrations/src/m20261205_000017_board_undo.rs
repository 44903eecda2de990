//! Each user's last change on the board, which she may take back for a minute: written in
//! the change's own transaction (it was kept in the session, a second write after the
//! commit, outside SQLite's writer queue). One row per user, replaced by her next change.

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
                    .table(BoardUndo::Table)
                    .col(integer(BoardUndo::UserId).primary_key())
                    // What the change did, as `beds::ssr::undo::LastChange` in JSON: ids
                    // of stays, waiting-list entries and statuses, and one person's code.
                    .col(text(BoardUndo::Change))
                    .col(timestamp_with_time_zone(BoardUndo::MadeAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(BoardUndo::Table, BoardUndo::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(BoardUndo::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum BoardUndo {
    Table,
    UserId,
    Change,
    MadeAt,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}
