//! The outreach contact log: first contacts of street units, help desks, the toll-free
//! line and referrals. A row is one contact, or `people_count` people met together on a
//! street-unit outing with the same characteristics. Contacts are anonymous by design:
//! nothing here names or describes an individual.

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
                    .table(Contacts::Table)
                    .col(pk_auto(Contacts::Id))
                    .col(date(Contacts::OccurredOn))
                    .col(string_len(Contacts::Channel, 32))
                    .col(string_len(Contacts::Province, 2))
                    .col(string_len_null(Contacts::Area, 120))
                    .col(string_len(Contacts::Gender, 16))
                    .col(string_len(Contacts::AgeBand, 16))
                    .col(boolean(Contacts::Minor))
                    .col(string_len_null(Contacts::Nationality, 64))
                    // Comma-separated exploitation-type codes (see people::model::Exploitation).
                    .col(string(Contacts::Exploitation))
                    .col(integer(Contacts::PeopleCount).default(1))
                    .col(integer(Contacts::OrganisationId))
                    .col(integer(Contacts::CreatedBy))
                    .col(timestamp_with_time_zone(Contacts::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Contacts::Table, Contacts::OrganisationId)
                            .to(Organisations::Table, Organisations::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Contacts::Table, Contacts::CreatedBy)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_contacts_org_date")
                    .table(Contacts::Table)
                    .col(Contacts::OrganisationId)
                    .col(Contacts::OccurredOn)
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Contacts::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Contacts {
    Table,
    Id,
    OccurredOn,
    Channel,
    Province,
    Area,
    Gender,
    AgeBand,
    Minor,
    Nationality,
    Exploitation,
    PeopleCount,
    OrganisationId,
    CreatedBy,
    CreatedAt,
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
