//! Minors' procedures (seed 000, and seed 002's "procedure per la tutela dei MSNA" with the
//! regional Guarantor): the age assessment, the guardian's appointment, the community
//! hosting her, the Guarantor's involvement (one row a person), and the communications
//! to the juvenile court, the minors' prosecutor and the others (a list).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(MinorProcedures::Table)
                    .col(
                        ColumnDef::new(MinorProcedures::PersonId)
                            .integer()
                            .not_null()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(MinorProcedures::AgeRequestedOn)
                            .date()
                            .null(),
                    )
                    .col(
                        ColumnDef::new(MinorProcedures::AgeMethod)
                            .string_len(32)
                            .null(),
                    )
                    .col(
                        ColumnDef::new(MinorProcedures::AgeOutcome)
                            .string_len(24)
                            .null(),
                    )
                    .col(ColumnDef::new(MinorProcedures::AgeAssessedOn).date().null())
                    .col(
                        ColumnDef::new(MinorProcedures::GuardianCourt)
                            .string_len(120)
                            .null(),
                    )
                    .col(
                        ColumnDef::new(MinorProcedures::GuardianAppointedOn)
                            .date()
                            .null(),
                    )
                    .col(
                        ColumnDef::new(MinorProcedures::GuardianName)
                            .string_len(120)
                            .null(),
                    )
                    .col(
                        ColumnDef::new(MinorProcedures::GuarantorInvolvedOn)
                            .date()
                            .null(),
                    )
                    .col(
                        ColumnDef::new(MinorProcedures::Community)
                            .string_len(120)
                            .null(),
                    )
                    .col(
                        ColumnDef::new(MinorProcedures::CommunitySince)
                            .date()
                            .null(),
                    )
                    .col(
                        ColumnDef::new(MinorProcedures::UpdatedBy)
                            .integer()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(MinorProcedures::UpdatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(MinorProcedures::Table, MinorProcedures::PersonId)
                            .to(People::Table, People::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(MinorCommunications::Table)
                    .col(
                        ColumnDef::new(MinorCommunications::Id)
                            .integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(MinorCommunications::PersonId)
                            .integer()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(MinorCommunications::SentOn)
                            .date()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(MinorCommunications::Recipient)
                            .string_len(32)
                            .not_null(),
                    )
                    .col(ColumnDef::new(MinorCommunications::Subject).text().null())
                    .col(
                        ColumnDef::new(MinorCommunications::RecordedBy)
                            .integer()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(MinorCommunications::CreatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(MinorCommunications::Table, MinorCommunications::PersonId)
                            .to(People::Table, People::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_minor_communications_person")
                    .table(MinorCommunications::Table)
                    .col(MinorCommunications::PersonId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(MinorCommunications::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(MinorProcedures::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum People {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum MinorProcedures {
    Table,
    PersonId,
    AgeRequestedOn,
    AgeMethod,
    AgeOutcome,
    AgeAssessedOn,
    GuardianCourt,
    GuardianAppointedOn,
    GuardianName,
    GuarantorInvolvedOn,
    Community,
    CommunitySince,
    UpdatedBy,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum MinorCommunications {
    Table,
    Id,
    PersonId,
    SentOn,
    Recipient,
    Subject,
    RecordedBy,
    CreatedAt,
}
