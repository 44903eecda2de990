//! Reminders about the work itself (a planned exit overdue, a hold about to lapse) are
//! written by a round that every replica runs. `notifications.reminder_key` names what a
//! reminder is about (`exit:<placement>:<planned day>`, `hold:<bed>:<until>`); the unique
//! index on (user, key) makes the second replica's insert a no-op, so each reminder
//! reaches each person once. Other notifications leave the key empty, and NULLs never
//! collide in either database.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Notifications::Table)
                    .add_column(
                        ColumnDef::new(Notifications::ReminderKey)
                            .string_len(64)
                            .null(),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_notifications_reminder")
                    .table(Notifications::Table)
                    .col(Notifications::UserId)
                    .col(Notifications::ReminderKey)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("idx_notifications_reminder")
                    .table(Notifications::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Notifications::Table)
                    .drop_column(Notifications::ReminderKey)
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum Notifications {
    Table,
    UserId,
    ReminderKey,
}
