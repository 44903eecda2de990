//! E-mail about notifications: each user's choice (each one as it comes, a daily summary,
//! or none) with the token of the one-click unsubscribe link, and when each notification
//! was e-mailed (claimed by one replica before it is sent).

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
                    .table(NotificationSettings::Table)
                    .col(pk_auto(NotificationSettings::Id))
                    .col(integer_uniq(NotificationSettings::UserId))
                    // immediate, daily, off.
                    .col(string_len(NotificationSettings::EmailMode, 16).default("off"))
                    .col(string_len_uniq(NotificationSettings::UnsubscribeToken, 64))
                    .col(timestamp_with_time_zone_null(
                        NotificationSettings::DigestSentAt,
                    ))
                    .col(timestamp_with_time_zone(NotificationSettings::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(NotificationSettings::Table, NotificationSettings::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Notifications::Table)
                    .add_column(timestamp_with_time_zone_null(Notifications::EmailedAt))
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Notifications::Table)
                    .drop_column(Notifications::EmailedAt)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(Table::drop().table(NotificationSettings::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Notifications {
    Table,
    EmailedAt,
}

#[derive(DeriveIden)]
enum NotificationSettings {
    Table,
    Id,
    UserId,
    EmailMode,
    UnsubscribeToken,
    DigestSentAt,
    UpdatedAt,
}
