//! What the bed board's rules need beyond the registry: the authorisation under which a
//! minor may be taken into a shelter (her guardian's or the juvenile court's), and pairs
//! of people who must never share a structure (a known recruiter and a victim, a witness
//! and the accused).

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
                    .table(MinorAuthorisations::Table)
                    .col(pk_auto(MinorAuthorisations::Id))
                    .col(integer(MinorAuthorisations::PersonId))
                    // "guardian" or "juvenile_court".
                    .col(string_len(MinorAuthorisations::Kind, 16))
                    // The decree or act it rests on, as the team files it.
                    .col(string_len(MinorAuthorisations::Reference, 120))
                    .col(date(MinorAuthorisations::GrantedOn))
                    .col(integer(MinorAuthorisations::RecordedBy))
                    .col(timestamp_with_time_zone(MinorAuthorisations::RecordedAt))
                    .col(timestamp_with_time_zone_null(
                        MinorAuthorisations::WithdrawnAt,
                    ))
                    .foreign_key(
                        ForeignKey::create()
                            .from(MinorAuthorisations::Table, MinorAuthorisations::PersonId)
                            .to(People::Table, People::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_minor_authorisations_person")
                    .table(MinorAuthorisations::Table)
                    .col(MinorAuthorisations::PersonId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(KeptApart::Table)
                    .col(pk_auto(KeptApart::Id))
                    // Stored with the smaller person id first, so a pair exists once.
                    .col(integer(KeptApart::PersonId))
                    .col(integer(KeptApart::OtherPersonId))
                    .col(string_len(KeptApart::Reason, 24))
                    .col(integer(KeptApart::CreatedBy))
                    .col(timestamp_with_time_zone(KeptApart::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(KeptApart::Table, KeptApart::PersonId)
                            .to(People::Table, People::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(KeptApart::Table, KeptApart::OtherPersonId)
                            .to(People::Table, People::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_kept_apart_pair")
                    .table(KeptApart::Table)
                    .col(KeptApart::PersonId)
                    .col(KeptApart::OtherPersonId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_kept_apart_other")
                    .table(KeptApart::Table)
                    .col(KeptApart::OtherPersonId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(KeptApart::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(MinorAuthorisations::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum MinorAuthorisations {
    Table,
    Id,
    PersonId,
    Kind,
    Reference,
    GrantedOn,
    RecordedBy,
    RecordedAt,
    WithdrawnAt,
}

#[derive(DeriveIden)]
enum KeptApart {
    Table,
    Id,
    PersonId,
    OtherPersonId,
    Reason,
    CreatedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum People {
    Table,
    Id,
}
