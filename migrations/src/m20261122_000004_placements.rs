//! Placements of people in beds, and holds on beds. Double-booking is refused by the
//! database itself: at most one open placement per bed and one per person (partial
//! unique indexes, the same on SQLite and PostgreSQL), whatever the application does.

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
                    .table(Placements::Table)
                    .col(pk_auto(Placements::Id))
                    .col(integer(Placements::PersonId))
                    .col(integer(Placements::BedId))
                    .col(integer(Placements::StructureId))
                    .col(date(Placements::StartedOn))
                    .col(date_null(Placements::PlannedExitOn))
                    .col(date_null(Placements::EndedOn))
                    // Why the stay ended: a transfer, or an exit reason code.
                    .col(string_len_null(Placements::EndReason, 32))
                    .col(integer(Placements::CreatedBy))
                    .col(timestamp_with_time_zone(Placements::CreatedAt))
                    .col(integer_null(Placements::EndedBy))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Placements::Table, Placements::PersonId)
                            .to(People::Table, People::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Placements::Table, Placements::BedId)
                            .to(Beds::Table, Beds::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        db.execute_unprepared(
            "CREATE UNIQUE INDEX uq_placements_open_bed ON placements (bed_id) WHERE ended_on IS NULL",
        )
        .await?;
        db.execute_unprepared(
            "CREATE UNIQUE INDEX uq_placements_open_person ON placements (person_id) WHERE ended_on IS NULL",
        )
        .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_placements_structure")
                    .table(Placements::Table)
                    .col(Placements::StructureId)
                    .col(Placements::StartedOn)
                    .to_owned(),
            )
            .await?;
        // A hold keeps a free bed for an incoming person until a time; it lapses by itself
        // (every reader compares `held_until` with now).
        manager
            .alter_table(
                Table::alter()
                    .table(Beds::Table)
                    .add_column(timestamp_with_time_zone_null(Beds::HeldUntil))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Beds::Table)
                    .add_column(integer_null(Beds::HeldForPersonId))
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [Beds::HeldForPersonId, Beds::HeldUntil] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Beds::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .drop_table(Table::drop().table(Placements::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Placements {
    Table,
    Id,
    PersonId,
    BedId,
    StructureId,
    StartedOn,
    PlannedExitOn,
    EndedOn,
    EndReason,
    CreatedBy,
    CreatedAt,
    EndedBy,
}

#[derive(DeriveIden)]
enum Beds {
    Table,
    Id,
    HeldUntil,
    HeldForPersonId,
}

#[derive(DeriveIden)]
enum People {
    Table,
    Id,
}
