//! Transfers between projects and regions (seed 000: "valutazione dell'iter adeguato";
//! the national anti-trafficking system moves people between projects, often for their
//! safety): an outgoing transfer (the receiving project and region, the reason, whether
//! it is for her safety, the day, whether her file was handed over and the day she
//! consented to it) and an incoming one (the sending project and region, who referred
//! her, such as the national toll-free number). Free texts are cleared when the person
//! is anonymised; directions, days and sources stay for the funder report.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let text = |column: PersonTransfers, length: u32| {
            ColumnDef::new(column)
                .string_len(length)
                .not_null()
                .to_owned()
        };
        let moment = |column: PersonTransfers| {
            ColumnDef::new(column)
                .timestamp_with_time_zone()
                .not_null()
                .to_owned()
        };
        manager
            .create_table(
                Table::create()
                    .table(PersonTransfers::Table)
                    .col(
                        ColumnDef::new(PersonTransfers::Id)
                            .integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(PersonTransfers::PersonId)
                            .integer()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(PersonTransfers::OrganisationId)
                            .integer()
                            .not_null(),
                    )
                    .col(text(PersonTransfers::Direction, 16))
                    .col(
                        ColumnDef::new(PersonTransfers::TransferOn)
                            .date()
                            .not_null(),
                    )
                    .col(text(PersonTransfers::Project, 120))
                    .col(text(PersonTransfers::Region, 40))
                    .col(ColumnDef::new(PersonTransfers::Reason).text().null())
                    .col(
                        ColumnDef::new(PersonTransfers::ForSafety)
                            .boolean()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(PersonTransfers::Source)
                            .string_len(32)
                            .null(),
                    )
                    .col(
                        ColumnDef::new(PersonTransfers::FileHandedOver)
                            .boolean()
                            .not_null(),
                    )
                    .col(ColumnDef::new(PersonTransfers::ConsentOn).date().null())
                    .col(
                        ColumnDef::new(PersonTransfers::RecordedBy)
                            .integer()
                            .not_null(),
                    )
                    .col(moment(PersonTransfers::CreatedAt))
                    .col(moment(PersonTransfers::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(PersonTransfers::Table, PersonTransfers::PersonId)
                            .to(People::Table, People::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_person_transfers_person")
                    .table(PersonTransfers::Table)
                    .col(PersonTransfers::PersonId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(PersonTransfers::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum People {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum PersonTransfers {
    Table,
    Id,
    PersonId,
    OrganisationId,
    Direction,
    TransferOn,
    Project,
    Region,
    Reason,
    ForSafety,
    Source,
    FileHandedOver,
    ConsentOn,
    RecordedBy,
    CreatedAt,
    UpdatedAt,
}
