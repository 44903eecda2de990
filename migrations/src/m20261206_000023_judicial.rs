//! The judicial route of a person (seed 000): her complaint and the proceedings that
//! followed, the prosecutor's opinion for the art. 18 permit, her witness status, her
//! lawyer and the hearings. The most sensitive data of the system: the application lets
//! only the person's reference operator and the plan's legal advisor read them. A
//! permit records whether it came by the judicial or the social route.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let timestamps = |table: &mut TableCreateStatement| {
            table
                .col(
                    ColumnDef::new(Alias::new("recorded_by"))
                        .integer()
                        .not_null(),
                )
                .col(
                    ColumnDef::new(Alias::new("created_at"))
                        .timestamp_with_time_zone()
                        .not_null(),
                )
                .col(
                    ColumnDef::new(Alias::new("updated_at"))
                        .timestamp_with_time_zone()
                        .not_null(),
                );
        };
        let mut proceedings = Table::create();
        proceedings
            .table(JudicialProceedings::Table)
            .col(
                ColumnDef::new(JudicialProceedings::Id)
                    .integer()
                    .not_null()
                    .auto_increment()
                    .primary_key(),
            )
            .col(
                ColumnDef::new(JudicialProceedings::PersonId)
                    .integer()
                    .not_null(),
            )
            .col(
                ColumnDef::new(JudicialProceedings::OrganisationId)
                    .integer()
                    .not_null(),
            )
            .col(ColumnDef::new(JudicialProceedings::FiledOn).date().null())
            .col(
                ColumnDef::new(JudicialProceedings::PoliceBody)
                    .string_len(32)
                    .null(),
            )
            .col(
                ColumnDef::new(JudicialProceedings::ComplaintPlace)
                    .string_len(80)
                    .null(),
            )
            .col(
                ColumnDef::new(JudicialProceedings::ProsecutorOffice)
                    .string_len(120)
                    .null(),
            )
            .col(
                ColumnDef::new(JudicialProceedings::ProceedingsNumber)
                    .string_len(40)
                    .null(),
            )
            .col(
                ColumnDef::new(JudicialProceedings::Opinion)
                    .string_len(24)
                    .not_null(),
            )
            .col(ColumnDef::new(JudicialProceedings::OpinionOn).date().null())
            .col(
                ColumnDef::new(JudicialProceedings::Witness)
                    .boolean()
                    .not_null(),
            )
            .col(
                ColumnDef::new(JudicialProceedings::Lawyer)
                    .string_len(120)
                    .null(),
            )
            .col(ColumnDef::new(JudicialProceedings::Notes).text().null())
            .foreign_key(
                ForeignKey::create()
                    .from(JudicialProceedings::Table, JudicialProceedings::PersonId)
                    .to(People::Table, People::Id),
            );
        timestamps(&mut proceedings);
        manager.create_table(proceedings.to_owned()).await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_judicial_proceedings_person")
                    .table(JudicialProceedings::Table)
                    .col(JudicialProceedings::PersonId)
                    .to_owned(),
            )
            .await?;
        let mut hearings = Table::create();
        hearings
            .table(JudicialHearings::Table)
            .col(
                ColumnDef::new(JudicialHearings::Id)
                    .integer()
                    .not_null()
                    .auto_increment()
                    .primary_key(),
            )
            .col(
                ColumnDef::new(JudicialHearings::ProceedingsId)
                    .integer()
                    .not_null(),
            )
            .col(
                ColumnDef::new(JudicialHearings::PersonId)
                    .integer()
                    .not_null(),
            )
            .col(
                ColumnDef::new(JudicialHearings::HearingOn)
                    .date()
                    .not_null(),
            )
            .col(
                ColumnDef::new(JudicialHearings::Kind)
                    .string_len(32)
                    .not_null(),
            )
            .col(
                ColumnDef::new(JudicialHearings::Court)
                    .string_len(120)
                    .null(),
            )
            .col(
                ColumnDef::new(JudicialHearings::Accompanied)
                    .boolean()
                    .not_null(),
            )
            .col(ColumnDef::new(JudicialHearings::Notes).text().null())
            .foreign_key(
                ForeignKey::create()
                    .from(JudicialHearings::Table, JudicialHearings::ProceedingsId)
                    .to(JudicialProceedings::Table, JudicialProceedings::Id),
            );
        timestamps(&mut hearings);
        manager.create_table(hearings.to_owned()).await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_judicial_hearings_person")
                    .table(JudicialHearings::Table)
                    .col(JudicialHearings::PersonId)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Permits::Table)
                    .add_column(ColumnDef::new(Permits::Route).string_len(16).null())
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Permits::Table)
                    .drop_column(Permits::Route)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(Table::drop().table(JudicialHearings::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(JudicialProceedings::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum People {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Permits {
    Table,
    Route,
}

#[derive(DeriveIden)]
enum JudicialProceedings {
    Table,
    Id,
    PersonId,
    OrganisationId,
    FiledOn,
    PoliceBody,
    ComplaintPlace,
    ProsecutorOffice,
    ProceedingsNumber,
    Opinion,
    OpinionOn,
    Witness,
    Lawyer,
    Notes,
}

#[derive(DeriveIden)]
enum JudicialHearings {
    Table,
    Id,
    ProceedingsId,
    PersonId,
    HearingOn,
    Kind,
    Court,
    Accompanied,
    Notes,
}
