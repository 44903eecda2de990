//! The Territorial Commission in a person's path (seed 002): the requests for an
//! anti-trafficking interview a Commission sends to the network, and the referrals the
//! network sends to a Commission, with the hearing, the accompaniment and the outcome.
//! Free texts (notes, reasons) are cleared when the person is anonymised; dates and
//! outcomes stay for the funder report.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(CommissionRequests::Table)
                    .col(
                        ColumnDef::new(CommissionRequests::Id)
                            .integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(CommissionRequests::PersonId)
                            .integer()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(CommissionRequests::OrganisationId)
                            .integer()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(CommissionRequests::Commission)
                            .string_len(80)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(CommissionRequests::ReceivedOn)
                            .date()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(CommissionRequests::Status)
                            .string_len(24)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(CommissionRequests::InterviewOn)
                            .date()
                            .null(),
                    )
                    .col(ColumnDef::new(CommissionRequests::AnsweredOn).date().null())
                    .col(ColumnDef::new(CommissionRequests::Notes).text().null())
                    .col(
                        ColumnDef::new(CommissionRequests::RecordedBy)
                            .integer()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(CommissionRequests::CreatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(CommissionRequests::UpdatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(CommissionRequests::Table, CommissionRequests::PersonId)
                            .to(People::Table, People::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_commission_requests_person")
                    .table(CommissionRequests::Table)
                    .col(CommissionRequests::PersonId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CommissionReferrals::Table)
                    .col(
                        ColumnDef::new(CommissionReferrals::Id)
                            .integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(CommissionReferrals::PersonId)
                            .integer()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(CommissionReferrals::OrganisationId)
                            .integer()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(CommissionReferrals::Commission)
                            .string_len(80)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(CommissionReferrals::ReferredOn)
                            .date()
                            .not_null(),
                    )
                    .col(ColumnDef::new(CommissionReferrals::Reason).text().null())
                    .col(
                        ColumnDef::new(CommissionReferrals::OperatorId)
                            .integer()
                            .null(),
                    )
                    .col(
                        ColumnDef::new(CommissionReferrals::Accompanied)
                            .boolean()
                            .not_null(),
                    )
                    .col(ColumnDef::new(CommissionReferrals::HearingOn).date().null())
                    .col(
                        ColumnDef::new(CommissionReferrals::Outcome)
                            .string_len(32)
                            .null(),
                    )
                    .col(ColumnDef::new(CommissionReferrals::OutcomeOn).date().null())
                    .col(
                        ColumnDef::new(CommissionReferrals::RecordedBy)
                            .integer()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(CommissionReferrals::CreatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(CommissionReferrals::UpdatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(CommissionReferrals::Table, CommissionReferrals::PersonId)
                            .to(People::Table, People::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_commission_referrals_person")
                    .table(CommissionReferrals::Table)
                    .col(CommissionReferrals::PersonId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(CommissionReferrals::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(CommissionRequests::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum People {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum CommissionRequests {
    Table,
    Id,
    PersonId,
    OrganisationId,
    Commission,
    ReceivedOn,
    Status,
    InterviewOn,
    AnsweredOn,
    Notes,
    RecordedBy,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum CommissionReferrals {
    Table,
    Id,
    PersonId,
    OrganisationId,
    Commission,
    ReferredOn,
    Reason,
    OperatorId,
    Accompanied,
    HearingOn,
    Outcome,
    OutcomeOn,
    RecordedBy,
    CreatedAt,
    UpdatedAt,
}
