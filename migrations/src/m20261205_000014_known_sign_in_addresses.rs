//! The addresses an account has signed in from, as keyed hashes: when someone hammers an
//! account from everywhere, its owner still signs in from a place she used before
//! without waiting (see `auth::ssr::sign_in`). One row per account and address, its
//! time renewed at each success; rows unused for 90 days are purged.

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
                    .table(KnownSignInAddresses::Table)
                    .col(string_len(KnownSignInAddresses::AccountKey, 64))
                    .col(string_len(KnownSignInAddresses::AddressKey, 64))
                    .col(timestamp_with_time_zone(
                        KnownSignInAddresses::LastSignedInAt,
                    ))
                    .primary_key(
                        Index::create()
                            .col(KnownSignInAddresses::AccountKey)
                            .col(KnownSignInAddresses::AddressKey),
                    )
                    .to_owned(),
            )
            .await?;
        // Attempts are now kept by keyed hashes: the old plain hashes count for nothing.
        manager
            .get_connection()
            .execute_unprepared("DELETE FROM sign_in_attempts")
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(KnownSignInAddresses::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum KnownSignInAddresses {
    Table,
    AccountKey,
    AddressKey,
    LastSignedInAt,
}
