//! The network's own work, "azioni di sistema" (seed 002, seed 001): training events and
//! workshops for front-line staff (emergency departments, family clinics, CAS and SAI
//! operators...) and the coordination meetings of the network, with the materials of
//! the forum library they use, who registered and who attended, and the decisions taken
//! at a meeting, each with an owner and a day it is due.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

fn id<T: IntoIden>(column: T) -> ColumnDef {
    ColumnDef::new(column)
        .integer()
        .not_null()
        .auto_increment()
        .primary_key()
        .to_owned()
}

fn number<T: IntoIden>(column: T) -> ColumnDef {
    ColumnDef::new(column).integer().not_null().to_owned()
}

fn text<T: IntoIden>(column: T, length: u32) -> ColumnDef {
    ColumnDef::new(column)
        .string_len(length)
        .not_null()
        .to_owned()
}

fn moment<T: IntoIden>(column: T) -> ColumnDef {
    ColumnDef::new(column)
        .timestamp_with_time_zone()
        .not_null()
        .to_owned()
}

fn belongs_to_event<T: IntoIden + Copy + 'static>(
    table: T,
    column: T,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(table, column)
        .to(NetworkEvents::Table, NetworkEvents::Id)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use NetworkEvents as E;
        manager
            .create_table(
                Table::create()
                    .table(E::Table)
                    .col(id(E::Id))
                    .col(text(E::Kind, 16))
                    .col(text(E::Title, 160))
                    .col(text(E::Audience, 32))
                    .col(ColumnDef::new(E::HeldOn).date().not_null())
                    .col(ColumnDef::new(E::Hours).integer().null())
                    .col(text(E::Place, 160))
                    .col(text(E::Trainers, 300))
                    .col(ColumnDef::new(E::Agenda).text().null())
                    .col(ColumnDef::new(E::Minutes).text().null())
                    .col(number(E::OrganisationId))
                    .col(number(E::CreatedBy))
                    .col(moment(E::CreatedAt))
                    .col(moment(E::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_network_events_held_on")
                    .table(E::Table)
                    .col(E::HeldOn)
                    .to_owned(),
            )
            .await?;

        use NetworkEventMaterials as M;
        manager
            .create_table(
                Table::create()
                    .table(M::Table)
                    .col(id(M::Id))
                    .col(number(M::EventId))
                    .col(number(M::MaterialId))
                    .foreign_key(&mut belongs_to_event(M::Table, M::EventId))
                    .foreign_key(
                        ForeignKey::create()
                            .from(M::Table, M::MaterialId)
                            .to(ForumMaterials::Table, ForumMaterials::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_network_event_materials_unique")
                    .table(M::Table)
                    .col(M::EventId)
                    .col(M::MaterialId)
                    .unique()
                    .to_owned(),
            )
            .await?;

        use NetworkParticipants as P;
        manager
            .create_table(
                Table::create()
                    .table(P::Table)
                    .col(id(P::Id))
                    .col(number(P::EventId))
                    .col(ColumnDef::new(P::UserId).integer().null())
                    .col(text(P::FullName, 120))
                    .col(text(P::OrganisationName, 160))
                    .col(ColumnDef::new(P::Attended).boolean().not_null())
                    .col(number(P::RegisteredBy))
                    .col(moment(P::RegisteredAt))
                    .foreign_key(&mut belongs_to_event(P::Table, P::EventId))
                    .to_owned(),
            )
            .await?;
        // A user registers once; people without an account (NULL) as many as come.
        manager
            .create_index(
                Index::create()
                    .name("idx_network_participants_user")
                    .table(P::Table)
                    .col(P::EventId)
                    .col(P::UserId)
                    .unique()
                    .to_owned(),
            )
            .await?;

        // "Il mio lavoro" looks for the events a user registered for.
        manager
            .create_index(
                Index::create()
                    .name("idx_network_participants_user_only")
                    .table(P::Table)
                    .col(P::UserId)
                    .to_owned(),
            )
            .await?;

        use NetworkDecisions as D;
        manager
            .create_table(
                Table::create()
                    .table(D::Table)
                    .col(id(D::Id))
                    .col(number(D::EventId))
                    .col(text(D::Body, 500))
                    .col(number(D::OwnerId))
                    .col(ColumnDef::new(D::DueOn).date().not_null())
                    .col(ColumnDef::new(D::DoneOn).date().null())
                    .col(number(D::CreatedBy))
                    .col(moment(D::CreatedAt))
                    .foreign_key(&mut belongs_to_event(D::Table, D::EventId))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_network_decisions_owner")
                    .table(D::Table)
                    .col(D::OwnerId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            NetworkDecisions::Table.into_iden(),
            NetworkParticipants::Table.into_iden(),
            NetworkEventMaterials::Table.into_iden(),
            NetworkEvents::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum ForumMaterials {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum NetworkEvents {
    Table,
    Id,
    Kind,
    Title,
    Audience,
    HeldOn,
    Hours,
    Place,
    Trainers,
    Agenda,
    Minutes,
    OrganisationId,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum NetworkEventMaterials {
    Table,
    Id,
    EventId,
    MaterialId,
}

#[derive(DeriveIden, Clone, Copy)]
enum NetworkParticipants {
    Table,
    Id,
    EventId,
    UserId,
    FullName,
    OrganisationName,
    Attended,
    RegisteredBy,
    RegisteredAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum NetworkDecisions {
    Table,
    Id,
    EventId,
    Body,
    OwnerId,
    DueOn,
    DoneOn,
    CreatedBy,
    CreatedAt,
}
