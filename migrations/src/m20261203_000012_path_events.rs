//! The dated steps of each person's path (contact, screening, proposal, taking in charge,
//! placement, inclusion, exit). `people.status` says where a person is now; the funder
//! report asks where she was during a past period, so every change of status also writes
//! a step with the day it happened (which a case worker may set in the past).
//! Existing people get their registration and, if they moved on since, their present
//! status dated at the last change of their record.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(PathEvents::Table)
                    .col(pk_auto(PathEvents::Id))
                    .col(integer(PathEvents::PersonId))
                    .col(string_len(PathEvents::Status, 32))
                    .col(string_len_null(PathEvents::ExitOutcome, 32))
                    .col(date(PathEvents::OnDate))
                    .col(integer_null(PathEvents::OrganisationId))
                    .col(integer_null(PathEvents::RecordedBy))
                    .col(timestamp_with_time_zone(PathEvents::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(PathEvents::Table, PathEvents::PersonId)
                            .to(People::Table, People::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(PathEvents::Table, PathEvents::OrganisationId)
                            .to(Organisations::Table, Organisations::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(PathEvents::Table, PathEvents::RecordedBy)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("path_events_person_day")
                    .table(PathEvents::Table)
                    .col(PathEvents::PersonId)
                    .col(PathEvents::OnDate)
                    .to_owned(),
            )
            .await?;
        let day_of = |column: &str| match manager.get_database_backend() {
            DatabaseBackend::Postgres => format!("CAST({column} AS DATE)"),
            _ => format!("substr({column}, 1, 10)"),
        };
        let db = manager.get_connection();
        db.execute_unprepared(&format!(
            "INSERT INTO path_events (person_id, status, exit_outcome, on_date, organisation_id, recorded_by, created_at) \
             SELECT id, 'contact', NULL, {}, registered_by_organisation, created_by, created_at FROM people",
            day_of("created_at")
        ))
        .await?;
        db.execute_unprepared(&format!(
            "INSERT INTO path_events (person_id, status, exit_outcome, on_date, organisation_id, recorded_by, created_at) \
             SELECT id, status, exit_outcome, {}, registered_by_organisation, NULL, updated_at FROM people \
             WHERE status <> 'contact'",
            day_of("updated_at")
        ))
        .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(PathEvents::Table).to_owned())
            .await
    }
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
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum PathEvents {
    Table,
    Id,
    PersonId,
    Status,
    ExitOutcome,
    OnDate,
    OrganisationId,
    RecordedBy,
    CreatedAt,
}
