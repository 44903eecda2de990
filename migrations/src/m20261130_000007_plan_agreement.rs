//! The rest of the personalised project: agreed versions of a plan with their approval,
//! the children's needs and the joint work with social services within the mother's
//! plan, the hand-over notes written when a reference operator changes, and the in-app
//! notifications that tell a colleague about it (the forum will add its own kinds).

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
                    .table(PlanVersions::Table)
                    .col(pk_auto(PlanVersions::Id))
                    .col(integer(PlanVersions::PlanId))
                    // 1, 2, 3… within the plan.
                    .col(integer(PlanVersions::Number))
                    .col(date(PlanVersions::AgreedOn))
                    // The language the plan was explained and agreed in, as the team wrote it.
                    .col(string_len(PlanVersions::Language, 60))
                    .col(string_len_null(PlanVersions::Mediator, 120))
                    .col(string_len_null(PlanVersions::Guardian, 120))
                    .col(text_null(PlanVersions::Notes))
                    // The plan as agreed (JSON): goals, actions, team, phase, children's needs.
                    .col(text(PlanVersions::Snapshot))
                    .col(integer(PlanVersions::RecordedBy))
                    .col(timestamp_with_time_zone(PlanVersions::CreatedAt))
                    // The supervisor asked to approve it; set once approved.
                    .col(integer(PlanVersions::ApproverId))
                    .col(integer_null(PlanVersions::ApprovedBy))
                    .col(timestamp_with_time_zone_null(PlanVersions::ApprovedAt))
                    .col(text_null(PlanVersions::ApprovalNote))
                    .foreign_key(&mut reference(
                        PlanVersions::Table,
                        PlanVersions::PlanId,
                        Plans::Table,
                        Plans::Id,
                    ))
                    .foreign_key(&mut reference(
                        PlanVersions::Table,
                        PlanVersions::ApproverId,
                        Users::Table,
                        Users::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_plan_versions_number")
                    .table(PlanVersions::Table)
                    .col(PlanVersions::PlanId)
                    .col(PlanVersions::Number)
                    .unique()
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_plan_versions_approver",
            PlanVersions::Table,
            PlanVersions::ApproverId,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(PlanChildNeeds::Table)
                    .col(pk_auto(PlanChildNeeds::Id))
                    .col(integer(PlanChildNeeds::PlanId))
                    .col(integer(PlanChildNeeds::ChildId))
                    .col(string_len(PlanChildNeeds::Area, 32))
                    .col(string_len(PlanChildNeeds::Need, 16))
                    .col(text(PlanChildNeeds::Notes))
                    .col(date(PlanChildNeeds::AssessedOn))
                    .col(integer(PlanChildNeeds::UpdatedBy))
                    .col(timestamp_with_time_zone(PlanChildNeeds::UpdatedAt))
                    .foreign_key(&mut reference(
                        PlanChildNeeds::Table,
                        PlanChildNeeds::PlanId,
                        Plans::Table,
                        Plans::Id,
                    ))
                    .foreign_key(&mut reference(
                        PlanChildNeeds::Table,
                        PlanChildNeeds::ChildId,
                        People::Table,
                        People::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_plan_child_needs_area")
                    .table(PlanChildNeeds::Table)
                    .col(PlanChildNeeds::PlanId)
                    .col(PlanChildNeeds::ChildId)
                    .col(PlanChildNeeds::Area)
                    .unique()
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(PlanJointWork::Table)
                    .col(pk_auto(PlanJointWork::Id))
                    .col(integer(PlanJointWork::PlanId))
                    // The child the work was about, if any.
                    .col(integer_null(PlanJointWork::ChildId))
                    .col(date(PlanJointWork::HeldOn))
                    .col(string_len(PlanJointWork::Service, 120))
                    .col(string_len(PlanJointWork::Kind, 32))
                    .col(text(PlanJointWork::Summary))
                    .col(text_null(PlanJointWork::NextSteps))
                    .col(integer(PlanJointWork::RecordedBy))
                    .col(timestamp_with_time_zone(PlanJointWork::CreatedAt))
                    .foreign_key(&mut reference(
                        PlanJointWork::Table,
                        PlanJointWork::PlanId,
                        Plans::Table,
                        Plans::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_plan_joint_work_plan",
            PlanJointWork::Table,
            PlanJointWork::PlanId,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(ReferenceHandovers::Table)
                    .col(pk_auto(ReferenceHandovers::Id))
                    .col(integer(ReferenceHandovers::PersonId))
                    .col(integer(ReferenceHandovers::OrganisationId))
                    .col(integer_null(ReferenceHandovers::FromUserId))
                    .col(integer(ReferenceHandovers::ToUserId))
                    .col(text(ReferenceHandovers::Note))
                    .col(integer(ReferenceHandovers::CreatedBy))
                    .col(timestamp_with_time_zone(ReferenceHandovers::CreatedAt))
                    .foreign_key(&mut reference(
                        ReferenceHandovers::Table,
                        ReferenceHandovers::PersonId,
                        People::Table,
                        People::Id,
                    ))
                    .foreign_key(&mut reference(
                        ReferenceHandovers::Table,
                        ReferenceHandovers::ToUserId,
                        Users::Table,
                        Users::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_reference_handovers_person",
            ReferenceHandovers::Table,
            ReferenceHandovers::PersonId,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(Notifications::Table)
                    .col(pk_auto(Notifications::Id))
                    .col(integer(Notifications::UserId))
                    .col(string_len(Notifications::Kind, 32))
                    // What it is about, by a code that names no one (a person's code).
                    .col(string_len(Notifications::Subject, 64))
                    .col(string_len(Notifications::Link, 200))
                    .col(timestamp_with_time_zone(Notifications::CreatedAt))
                    .col(timestamp_with_time_zone_null(Notifications::ReadAt))
                    .foreign_key(&mut reference(
                        Notifications::Table,
                        Notifications::UserId,
                        Users::Table,
                        Users::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_notifications_user",
            Notifications::Table,
            Notifications::UserId,
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            Notifications::Table.into_iden(),
            ReferenceHandovers::Table.into_iden(),
            PlanJointWork::Table.into_iden(),
            PlanChildNeeds::Table.into_iden(),
            PlanVersions::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

async fn index(
    manager: &SchemaManager<'_>,
    name: &str,
    table: impl IntoIden,
    column: impl IntoIden,
) -> Result<(), DbErr> {
    manager
        .create_index(
            Index::create()
                .name(name)
                .table(table)
                .col(column)
                .to_owned(),
        )
        .await
}

#[derive(DeriveIden)]
enum PlanVersions {
    Table,
    Id,
    PlanId,
    Number,
    AgreedOn,
    Language,
    Mediator,
    Guardian,
    Notes,
    Snapshot,
    RecordedBy,
    CreatedAt,
    ApproverId,
    ApprovedBy,
    ApprovedAt,
    ApprovalNote,
}

#[derive(DeriveIden)]
enum PlanChildNeeds {
    Table,
    Id,
    PlanId,
    ChildId,
    Area,
    Need,
    Notes,
    AssessedOn,
    UpdatedBy,
    UpdatedAt,
}

/// Meetings, home visits, reports and case conferences held with the social services.
#[derive(DeriveIden)]
enum PlanJointWork {
    Table,
    Id,
    PlanId,
    ChildId,
    HeldOn,
    Service,
    Kind,
    Summary,
    NextSteps,
    RecordedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum ReferenceHandovers {
    Table,
    Id,
    PersonId,
    OrganisationId,
    FromUserId,
    ToUserId,
    Note,
    CreatedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Notifications {
    Table,
    Id,
    UserId,
    Kind,
    Subject,
    Link,
    CreatedAt,
    ReadAt,
}

#[derive(DeriveIden)]
enum Plans {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum People {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}
