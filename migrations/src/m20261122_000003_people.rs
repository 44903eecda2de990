//! The registry of people and what hangs on it: identities kept apart from the
//! pseudonymous record, the organisations in charge (joint take-in), consents, the
//! waiting list for shelter, the versioned indicator checklists and screenings.
//!
//! Identity fields live in their own table so that no query for lists, boards or
//! reports can reach them by accident: only the code that checked the caller's
//! entitlement reads `person_identities`.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

fn reference(
    from_table: impl IntoIden,
    from_column: impl IntoIden,
    to_table: impl IntoIden,
    to_column: impl IntoIden,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(from_table, from_column)
        .to(to_table, to_column)
        .on_delete(ForeignKeyAction::Restrict)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(People::Table)
                    .col(pk_auto(People::Id))
                    // The network code, e.g. TO-2026-0042: province, year, number.
                    .col(string_len_uniq(People::Code, 16))
                    .col(string_len(People::Province, 2))
                    .col(integer(People::Year))
                    .col(integer(People::Number))
                    .col(string_len(People::Gender, 16))
                    // First day of the month of birth: enough for age bands and
                    // minor/adult counts, and what survives anonymisation.
                    .col(date_null(People::BirthMonth))
                    // A minor whose date of birth is not known.
                    .col(boolean(People::DeclaredMinor).default(false))
                    .col(boolean(People::Unaccompanied).default(false))
                    .col(string(People::Exploitation))
                    .col(string_len(People::Status, 24))
                    .col(string_len_null(People::ExitOutcome, 24))
                    .col(integer_null(People::FamilyHeadId))
                    // Keyed hash of normalised identity fields, for de-duplication.
                    .col(string_len_null(People::IdentityHash, 64))
                    .col(integer_null(People::DuplicateOf))
                    .col(integer(People::RegisteredByOrganisation))
                    .col(integer(People::CreatedBy))
                    .col(timestamp_with_time_zone(People::CreatedAt))
                    .col(timestamp_with_time_zone(People::UpdatedAt))
                    .col(timestamp_with_time_zone_null(People::AnonymisedAt))
                    .foreign_key(&mut reference(
                        People::Table,
                        People::FamilyHeadId,
                        People::Table,
                        People::Id,
                    ))
                    .foreign_key(&mut reference(
                        People::Table,
                        People::DuplicateOf,
                        People::Table,
                        People::Id,
                    ))
                    .foreign_key(&mut reference(
                        People::Table,
                        People::RegisteredByOrganisation,
                        Organisations::Table,
                        Organisations::Id,
                    ))
                    .foreign_key(&mut reference(
                        People::Table,
                        People::CreatedBy,
                        Users::Table,
                        Users::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_people_code_number")
                    .table(People::Table)
                    .col(People::Province)
                    .col(People::Year)
                    .col(People::Number)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_people_identity_hash")
                    .table(People::Table)
                    .col(People::IdentityHash)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(PersonIdentities::Table)
                    .col(integer(PersonIdentities::PersonId).primary_key())
                    .col(string_len(PersonIdentities::GivenNames, 120))
                    .col(string_len(PersonIdentities::FamilyName, 120))
                    .col(string_len_null(PersonIdentities::Aliases, 240))
                    .col(date_null(PersonIdentities::DateOfBirth))
                    .col(string_len_null(PersonIdentities::Nationality, 8))
                    .col(string_len_null(PersonIdentities::Languages, 120))
                    .col(string_len_null(PersonIdentities::Documents, 240))
                    .col(string_len_null(PersonIdentities::Phone, 40))
                    .col(string_len_null(PersonIdentities::Guardian, 240))
                    .col(timestamp_with_time_zone(PersonIdentities::UpdatedAt))
                    .foreign_key(&mut reference(
                        PersonIdentities::Table,
                        PersonIdentities::PersonId,
                        People::Table,
                        People::Id,
                    ))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(PersonOrganisations::Table)
                    .col(pk_auto(PersonOrganisations::Id))
                    .col(integer(PersonOrganisations::PersonId))
                    .col(integer(PersonOrganisations::OrganisationId))
                    .col(integer_null(PersonOrganisations::ReferenceUserId))
                    .col(date(PersonOrganisations::Since))
                    .col(integer(PersonOrganisations::AddedBy))
                    .col(timestamp_with_time_zone(PersonOrganisations::CreatedAt))
                    .foreign_key(&mut reference(
                        PersonOrganisations::Table,
                        PersonOrganisations::PersonId,
                        People::Table,
                        People::Id,
                    ))
                    .foreign_key(&mut reference(
                        PersonOrganisations::Table,
                        PersonOrganisations::OrganisationId,
                        Organisations::Table,
                        Organisations::Id,
                    ))
                    .foreign_key(&mut reference(
                        PersonOrganisations::Table,
                        PersonOrganisations::ReferenceUserId,
                        Users::Table,
                        Users::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_person_organisations_unique")
                    .table(PersonOrganisations::Table)
                    .col(PersonOrganisations::PersonId)
                    .col(PersonOrganisations::OrganisationId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_person_organisations_org")
                    .table(PersonOrganisations::Table)
                    .col(PersonOrganisations::OrganisationId)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Consents::Table)
                    .col(pk_auto(Consents::Id))
                    .col(integer(Consents::PersonId))
                    // "processing" or "sharing" (then organisation_id names with whom).
                    .col(string_len(Consents::Kind, 16))
                    .col(integer_null(Consents::OrganisationId))
                    .col(date(Consents::GivenOn))
                    .col(date_null(Consents::WithdrawnOn))
                    .col(integer(Consents::RecordedBy))
                    .col(timestamp_with_time_zone(Consents::CreatedAt))
                    .foreign_key(&mut reference(
                        Consents::Table,
                        Consents::PersonId,
                        People::Table,
                        People::Id,
                    ))
                    .foreign_key(&mut reference(
                        Consents::Table,
                        Consents::OrganisationId,
                        Organisations::Table,
                        Organisations::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_consents_person")
                    .table(Consents::Table)
                    .col(Consents::PersonId)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(WaitingList::Table)
                    .col(pk_auto(WaitingList::Id))
                    .col(integer(WaitingList::PersonId))
                    .col(string_len(WaitingList::Urgency, 16))
                    .col(string_len(WaitingList::TargetGroup, 24))
                    .col(integer(WaitingList::Children).default(0))
                    .col(boolean(WaitingList::Minor))
                    .col(boolean(WaitingList::Disability))
                    .col(string_len_null(WaitingList::Language, 60))
                    .col(string_len_null(WaitingList::PreferredProvince, 2))
                    .col(date(WaitingList::WantedFrom))
                    // waiting, placed, withdrawn
                    .col(string_len(WaitingList::Status, 16))
                    .col(integer(WaitingList::OrganisationId))
                    .col(integer(WaitingList::CreatedBy))
                    .col(timestamp_with_time_zone(WaitingList::CreatedAt))
                    .col(timestamp_with_time_zone_null(WaitingList::ClosedAt))
                    .foreign_key(&mut reference(
                        WaitingList::Table,
                        WaitingList::PersonId,
                        People::Table,
                        People::Id,
                    ))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(IndicatorChecklists::Table)
                    .col(pk_auto(IndicatorChecklists::Id))
                    .col(integer_uniq(IndicatorChecklists::Version))
                    // draft, published
                    .col(string_len(IndicatorChecklists::Status, 16))
                    // What changed from the previous version, in the trainer's words.
                    .col(string_len_null(IndicatorChecklists::Changes, 1000))
                    .col(integer_null(IndicatorChecklists::CreatedBy))
                    .col(timestamp_with_time_zone(IndicatorChecklists::CreatedAt))
                    .col(integer_null(IndicatorChecklists::PublishedBy))
                    .col(timestamp_with_time_zone_null(
                        IndicatorChecklists::PublishedAt,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Indicators::Table)
                    .col(pk_auto(Indicators::Id))
                    .col(integer(Indicators::ChecklistId))
                    .col(string_len(Indicators::GroupCode, 24))
                    .col(integer(Indicators::Position))
                    .col(string_len(Indicators::TextIt, 300))
                    .col(string_len(Indicators::TextEn, 300))
                    .foreign_key(&mut reference(
                        Indicators::Table,
                        Indicators::ChecklistId,
                        IndicatorChecklists::Table,
                        IndicatorChecklists::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Screenings::Table)
                    .col(pk_auto(Screenings::Id))
                    .col(integer(Screenings::PersonId))
                    .col(integer(Screenings::ChecklistId))
                    .col(date(Screenings::HeldOn))
                    .col(string_len(Screenings::Outcome, 32))
                    .col(integer(Screenings::OrganisationId))
                    .col(integer(Screenings::InterviewerId))
                    .col(timestamp_with_time_zone(Screenings::CreatedAt))
                    .foreign_key(&mut reference(
                        Screenings::Table,
                        Screenings::PersonId,
                        People::Table,
                        People::Id,
                    ))
                    .foreign_key(&mut reference(
                        Screenings::Table,
                        Screenings::ChecklistId,
                        IndicatorChecklists::Table,
                        IndicatorChecklists::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ScreeningIndicators::Table)
                    .col(integer(ScreeningIndicators::ScreeningId))
                    .col(integer(ScreeningIndicators::IndicatorId))
                    .primary_key(
                        Index::create()
                            .col(ScreeningIndicators::ScreeningId)
                            .col(ScreeningIndicators::IndicatorId),
                    )
                    .foreign_key(&mut reference(
                        ScreeningIndicators::Table,
                        ScreeningIndicators::ScreeningId,
                        Screenings::Table,
                        Screenings::Id,
                    ))
                    .foreign_key(&mut reference(
                        ScreeningIndicators::Table,
                        ScreeningIndicators::IndicatorId,
                        Indicators::Table,
                        Indicators::Id,
                    ))
                    .to_owned(),
            )
            .await?;

        let db = manager.get_connection();
        // One open waiting-list entry per person; SQLite and PostgreSQL both take a
        // partial unique index, so the database refuses a second one even under a race.
        db.execute_unprepared(
            "CREATE UNIQUE INDEX idx_waiting_list_one_open ON waiting_list (person_id) \
             WHERE status = 'waiting'",
        )
        .await?;
        // Only one draft checklist at a time.
        db.execute_unprepared(
            "CREATE UNIQUE INDEX idx_indicator_checklists_one_draft ON indicator_checklists (status) \
             WHERE status = 'draft'",
        )
        .await?;
        // A contact may later be linked to the person it turned out to be.
        manager
            .alter_table(
                Table::alter()
                    .table(Contacts::Table)
                    .add_column(integer_null(Contacts::PersonId))
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Contacts::Table)
                    .drop_column(Contacts::PersonId)
                    .to_owned(),
            )
            .await?;
        for table in [
            ScreeningIndicators::Table.into_iden(),
            Screenings::Table.into_iden(),
            Indicators::Table.into_iden(),
            IndicatorChecklists::Table.into_iden(),
            WaitingList::Table.into_iden(),
            Consents::Table.into_iden(),
            PersonOrganisations::Table.into_iden(),
            PersonIdentities::Table.into_iden(),
            People::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum People {
    Table,
    Id,
    Code,
    Province,
    Year,
    Number,
    Gender,
    BirthMonth,
    DeclaredMinor,
    Unaccompanied,
    Exploitation,
    Status,
    ExitOutcome,
    FamilyHeadId,
    IdentityHash,
    DuplicateOf,
    RegisteredByOrganisation,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
    AnonymisedAt,
}

#[derive(DeriveIden)]
enum PersonIdentities {
    Table,
    PersonId,
    GivenNames,
    FamilyName,
    Aliases,
    DateOfBirth,
    Nationality,
    Languages,
    Documents,
    Phone,
    Guardian,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum PersonOrganisations {
    Table,
    Id,
    PersonId,
    OrganisationId,
    ReferenceUserId,
    Since,
    AddedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Consents {
    Table,
    Id,
    PersonId,
    Kind,
    OrganisationId,
    GivenOn,
    WithdrawnOn,
    RecordedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum WaitingList {
    Table,
    Id,
    PersonId,
    Urgency,
    TargetGroup,
    Children,
    Minor,
    Disability,
    Language,
    PreferredProvince,
    WantedFrom,
    Status,
    OrganisationId,
    CreatedBy,
    CreatedAt,
    ClosedAt,
}

#[derive(DeriveIden)]
enum IndicatorChecklists {
    Table,
    Id,
    Version,
    Status,
    Changes,
    CreatedBy,
    CreatedAt,
    PublishedBy,
    PublishedAt,
}

#[derive(DeriveIden)]
enum Indicators {
    Table,
    Id,
    ChecklistId,
    GroupCode,
    Position,
    TextIt,
    TextEn,
}

#[derive(DeriveIden)]
enum Screenings {
    Table,
    Id,
    PersonId,
    ChecklistId,
    HeldOn,
    Outcome,
    OrganisationId,
    InterviewerId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum ScreeningIndicators {
    Table,
    ScreeningId,
    IndicatorId,
}

#[derive(DeriveIden)]
enum Contacts {
    Table,
    PersonId,
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
