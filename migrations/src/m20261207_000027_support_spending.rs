//! Support spending (seed 000: "sostegno economico per spese burocratiche e sanitarie"):
//! each organisation's budgets, one per project period, and the ledger of what it spent
//! for a person (her papers, health, transport, school, pocket money), with the receipt
//! among her documents and who approved it. Amounts are whole cents. The description is
//! free text, cleared when the person is anonymised; amounts and dates stay for the
//! funder report.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(SupportBudgets::Table)
                    .col(id(SupportBudgets::Id))
                    .col(
                        ColumnDef::new(SupportBudgets::OrganisationId)
                            .integer()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(SupportBudgets::Project)
                            .string_len(120)
                            .not_null(),
                    )
                    .col(ColumnDef::new(SupportBudgets::StartsOn).date().not_null())
                    .col(ColumnDef::new(SupportBudgets::EndsOn).date().not_null())
                    .col(
                        ColumnDef::new(SupportBudgets::AmountCents)
                            .big_integer()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(SupportBudgets::RecordedBy)
                            .integer()
                            .not_null(),
                    )
                    .col(moment(SupportBudgets::CreatedAt))
                    .col(moment(SupportBudgets::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(SupportBudgets::Table, SupportBudgets::OrganisationId)
                            .to(Organisations::Table, Organisations::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_support_budgets_organisation")
                    .table(SupportBudgets::Table)
                    .col(SupportBudgets::OrganisationId)
                    .col(SupportBudgets::StartsOn)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(SupportExpenses::Table)
                    .col(id(SupportExpenses::Id))
                    .col(
                        ColumnDef::new(SupportExpenses::PersonId)
                            .integer()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(SupportExpenses::OrganisationId)
                            .integer()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(SupportExpenses::Category)
                            .string_len(24)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(SupportExpenses::AmountCents)
                            .big_integer()
                            .not_null(),
                    )
                    .col(ColumnDef::new(SupportExpenses::SpentOn).date().not_null())
                    .col(ColumnDef::new(SupportExpenses::Description).text().null())
                    .col(
                        ColumnDef::new(SupportExpenses::ReceiptDocumentId)
                            .integer()
                            .null(),
                    )
                    .col(
                        ColumnDef::new(SupportExpenses::RecordedBy)
                            .integer()
                            .not_null(),
                    )
                    .col(ColumnDef::new(SupportExpenses::ApprovedBy).integer().null())
                    .col(
                        ColumnDef::new(SupportExpenses::ApprovedAt)
                            .timestamp_with_time_zone()
                            .null(),
                    )
                    .col(moment(SupportExpenses::CreatedAt))
                    .col(moment(SupportExpenses::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(SupportExpenses::Table, SupportExpenses::PersonId)
                            .to(People::Table, People::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(SupportExpenses::Table, SupportExpenses::OrganisationId)
                            .to(Organisations::Table, Organisations::Id),
                    )
                    // A receipt removed from her documents leaves the expense without one.
                    .foreign_key(
                        ForeignKey::create()
                            .from(SupportExpenses::Table, SupportExpenses::ReceiptDocumentId)
                            .to(PersonDocuments::Table, PersonDocuments::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_support_expenses_person")
                    .table(SupportExpenses::Table)
                    .col(SupportExpenses::PersonId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_support_expenses_organisation_day")
                    .table(SupportExpenses::Table)
                    .col(SupportExpenses::OrganisationId)
                    .col(SupportExpenses::SpentOn)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(SupportExpenses::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(SupportBudgets::Table).to_owned())
            .await
    }
}

fn id(column: impl IntoIden) -> ColumnDef {
    ColumnDef::new(column)
        .integer()
        .not_null()
        .auto_increment()
        .primary_key()
        .to_owned()
}

fn moment(column: impl IntoIden) -> ColumnDef {
    ColumnDef::new(column)
        .timestamp_with_time_zone()
        .not_null()
        .to_owned()
}

#[derive(DeriveIden)]
enum People {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Organisations {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum PersonDocuments {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum SupportBudgets {
    Table,
    Id,
    OrganisationId,
    Project,
    StartsOn,
    EndsOn,
    AmountCents,
    RecordedBy,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum SupportExpenses {
    Table,
    Id,
    PersonId,
    OrganisationId,
    Category,
    AmountCents,
    SpentOn,
    Description,
    ReceiptDocumentId,
    RecordedBy,
    ApprovedBy,
    ApprovedAt,
    CreatedAt,
    UpdatedAt,
}
