//! The personalised project ("progetto personalizzato") of a person taken in charge: the
//! plan itself, its phases, the team around her, the initial assessment and goals per
//! area, the actions taken from the network's service catalogue, the case diary, the
//! review meetings, the residence permits, and the internships and work grants.
//!
//! Every row hangs on `plans`, and a plan on one person: who may read or change it is
//! decided from the person's organisations in charge, as for her record.

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

/// The services a plan's actions are taken from (seed 000 and seed 002): area, code,
/// Italian and English names. Coordinators add more from the catalogue page.
const SERVICES: &[(&str, &str, &str, &str)] = &[
    (
        "language",
        "l2_course",
        "Corso di italiano L2",
        "Italian L2 course",
    ),
    (
        "health",
        "health_counselling",
        "Orientamento e accompagnamento sanitario",
        "Health counselling and accompaniment",
    ),
    (
        "health",
        "pregnancy_support",
        "Accompagnamento in gravidanza",
        "Pregnancy accompaniment",
    ),
    (
        "relations",
        "ethnopsychology",
        "Consulenza etno-psicologica",
        "Ethno-psychological counselling",
    ),
    ("legal", "legal_advice", "Consulenza legale", "Legal advice"),
    (
        "legal",
        "art18_permit",
        "Procedura per il permesso art. 18",
        "Art. 18 permit procedure",
    ),
    (
        "legal",
        "commission_interview",
        "Accompagnamento all'audizione in Commissione Territoriale",
        "Territorial Commission interview accompaniment",
    ),
    (
        "training",
        "skills_assessment",
        "Bilancio delle competenze",
        "Skills assessment",
    ),
    (
        "training",
        "vocational_training",
        "Formazione professionale",
        "Vocational training",
    ),
    (
        "work",
        "cv_job_search",
        "Curriculum e ricerca attiva del lavoro",
        "CV and active job search",
    ),
    ("work", "internship", "Tirocinio", "Internship"),
    ("work", "work_grant", "Borsa lavoro", "Work grant"),
    (
        "work",
        "financial_education",
        "Educazione finanziaria",
        "Financial education",
    ),
    (
        "housing",
        "housing_search",
        "Ricerca di un alloggio",
        "Housing search",
    ),
    (
        "schooling",
        "school_enrolment",
        "Iscrizione a scuola",
        "School enrolment",
    ),
    (
        "parenting",
        "parenting_support",
        "Sostegno alla genitorialità",
        "Parenting support",
    ),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Plans::Table)
                    .col(pk_auto(Plans::Id))
                    .col(integer_uniq(Plans::PersonId))
                    .col(date(Plans::OpenedOn))
                    .col(integer(Plans::OpenedBy))
                    // Days between review meetings, agreed per plan.
                    .col(integer(Plans::ReviewEveryDays).default(90))
                    .col(timestamp_with_time_zone(Plans::CreatedAt))
                    .col(timestamp_with_time_zone(Plans::UpdatedAt))
                    // The exit: once closed, the plan is read-only.
                    .col(date_null(Plans::ClosedOn))
                    .col(string_len_null(Plans::ExitOutcome, 24))
                    .col(text_null(Plans::ClosingSummary))
                    .foreign_key(&mut reference(
                        Plans::Table,
                        Plans::PersonId,
                        People::Table,
                        People::Id,
                    ))
                    .foreign_key(&mut reference(
                        Plans::Table,
                        Plans::OpenedBy,
                        Users::Table,
                        Users::Id,
                    ))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(PlanPhases::Table)
                    .col(pk_auto(PlanPhases::Id))
                    .col(integer(PlanPhases::PlanId))
                    .col(string_len(PlanPhases::Phase, 24))
                    .col(date(PlanPhases::StartedOn))
                    .col(string_len_null(PlanPhases::Note, 240))
                    .col(integer(PlanPhases::RecordedBy))
                    .col(timestamp_with_time_zone(PlanPhases::RecordedAt))
                    .foreign_key(&mut reference(
                        PlanPhases::Table,
                        PlanPhases::PlanId,
                        Plans::Table,
                        Plans::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_plan_phases_plan",
            PlanPhases::Table,
            PlanPhases::PlanId,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(PlanTeam::Table)
                    .col(pk_auto(PlanTeam::Id))
                    .col(integer(PlanTeam::PlanId))
                    // A colleague with an account, or an external service by name.
                    .col(integer_null(PlanTeam::UserId))
                    .col(string_len_null(PlanTeam::ExternalName, 120))
                    .col(string_len(PlanTeam::Role, 24))
                    .col(integer(PlanTeam::AddedBy))
                    .col(timestamp_with_time_zone(PlanTeam::AddedAt))
                    .col(timestamp_with_time_zone_null(PlanTeam::RemovedAt))
                    .foreign_key(&mut reference(
                        PlanTeam::Table,
                        PlanTeam::PlanId,
                        Plans::Table,
                        Plans::Id,
                    ))
                    .foreign_key(&mut reference(
                        PlanTeam::Table,
                        PlanTeam::UserId,
                        Users::Table,
                        Users::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_plan_team_plan",
            PlanTeam::Table,
            PlanTeam::PlanId,
        )
        .await?;
        index(
            manager,
            "idx_plan_team_user",
            PlanTeam::Table,
            PlanTeam::UserId,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(Services::Table)
                    .col(pk_auto(Services::Id))
                    .col(string_len(Services::Area, 24))
                    .col(string_len_uniq(Services::Code, 48))
                    .col(string_len(Services::NameIt, 120))
                    .col(string_len(Services::NameEn, 120))
                    .col(boolean(Services::Active).default(true))
                    .col(integer_null(Services::CreatedBy))
                    .col(timestamp_with_time_zone(Services::CreatedAt))
                    .to_owned(),
            )
            .await?;
        let mut seed = Query::insert()
            .into_table(Services::Table)
            .columns([
                Services::Area,
                Services::Code,
                Services::NameIt,
                Services::NameEn,
                Services::Active,
                Services::CreatedAt,
            ])
            .to_owned();
        for (area, code, name_it, name_en) in SERVICES {
            seed.values_panic([
                (*area).into(),
                (*code).into(),
                (*name_it).into(),
                (*name_en).into(),
                true.into(),
                Expr::current_timestamp(),
            ]);
        }
        manager.exec_stmt(seed).await?;

        manager
            .create_table(
                Table::create()
                    .table(PlanAssessments::Table)
                    .col(pk_auto(PlanAssessments::Id))
                    .col(integer(PlanAssessments::PlanId))
                    .col(string_len(PlanAssessments::Area, 24))
                    // none, low, medium, high
                    .col(string_len(PlanAssessments::Need, 8))
                    .col(text(PlanAssessments::Notes))
                    .col(date(PlanAssessments::AssessedOn))
                    .col(integer(PlanAssessments::UpdatedBy))
                    .col(timestamp_with_time_zone(PlanAssessments::UpdatedAt))
                    .foreign_key(&mut reference(
                        PlanAssessments::Table,
                        PlanAssessments::PlanId,
                        Plans::Table,
                        Plans::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_plan_assessments_area")
                    .table(PlanAssessments::Table)
                    .col(PlanAssessments::PlanId)
                    .col(PlanAssessments::Area)
                    .unique()
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(PlanGoals::Table)
                    .col(pk_auto(PlanGoals::Id))
                    .col(integer(PlanGoals::PlanId))
                    .col(string_len(PlanGoals::Area, 24))
                    .col(string_len(PlanGoals::Description, 400))
                    .col(date_null(PlanGoals::ExpectedOn))
                    // open, achieved, dropped
                    .col(string_len(PlanGoals::Status, 12))
                    .col(integer(PlanGoals::CreatedBy))
                    .col(timestamp_with_time_zone(PlanGoals::CreatedAt))
                    .col(timestamp_with_time_zone(PlanGoals::UpdatedAt))
                    .foreign_key(&mut reference(
                        PlanGoals::Table,
                        PlanGoals::PlanId,
                        Plans::Table,
                        Plans::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_plan_goals_plan",
            PlanGoals::Table,
            PlanGoals::PlanId,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(PlanActions::Table)
                    .col(pk_auto(PlanActions::Id))
                    .col(integer(PlanActions::PlanId))
                    .col(integer(PlanActions::GoalId))
                    .col(integer(PlanActions::ServiceId))
                    .col(integer_null(PlanActions::ResponsibleUserId))
                    .col(string_len_null(PlanActions::ResponsibleExternal, 120))
                    .col(date(PlanActions::PlannedStart))
                    .col(date(PlanActions::PlannedEnd))
                    .col(date_null(PlanActions::ActualStart))
                    .col(date_null(PlanActions::ActualEnd))
                    // planned, in_progress, done, cancelled
                    .col(string_len(PlanActions::Status, 12))
                    .col(string_len_null(PlanActions::Outcome, 400))
                    .col(integer(PlanActions::CreatedBy))
                    .col(timestamp_with_time_zone(PlanActions::CreatedAt))
                    .col(timestamp_with_time_zone(PlanActions::UpdatedAt))
                    .foreign_key(&mut reference(
                        PlanActions::Table,
                        PlanActions::PlanId,
                        Plans::Table,
                        Plans::Id,
                    ))
                    .foreign_key(&mut reference(
                        PlanActions::Table,
                        PlanActions::GoalId,
                        PlanGoals::Table,
                        PlanGoals::Id,
                    ))
                    .foreign_key(&mut reference(
                        PlanActions::Table,
                        PlanActions::ServiceId,
                        Services::Table,
                        Services::Id,
                    ))
                    .foreign_key(&mut reference(
                        PlanActions::Table,
                        PlanActions::ResponsibleUserId,
                        Users::Table,
                        Users::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_plan_actions_plan",
            PlanActions::Table,
            PlanActions::PlanId,
        )
        .await?;
        index(
            manager,
            "idx_plan_actions_responsible",
            PlanActions::Table,
            PlanActions::ResponsibleUserId,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(PlanDiary::Table)
                    .col(pk_auto(PlanDiary::Id))
                    .col(integer(PlanDiary::PlanId))
                    .col(date(PlanDiary::WrittenOn))
                    // team, legal, psychologist: who may read the note.
                    .col(string_len(PlanDiary::Level, 16))
                    .col(text(PlanDiary::Body))
                    .col(integer(PlanDiary::AuthorId))
                    .col(timestamp_with_time_zone(PlanDiary::CreatedAt))
                    .foreign_key(&mut reference(
                        PlanDiary::Table,
                        PlanDiary::PlanId,
                        Plans::Table,
                        Plans::Id,
                    ))
                    .foreign_key(&mut reference(
                        PlanDiary::Table,
                        PlanDiary::AuthorId,
                        Users::Table,
                        Users::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_plan_diary_plan",
            PlanDiary::Table,
            PlanDiary::PlanId,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(PlanReviews::Table)
                    .col(pk_auto(PlanReviews::Id))
                    .col(integer(PlanReviews::PlanId))
                    .col(date(PlanReviews::ScheduledOn))
                    // Filled in when the meeting is held.
                    .col(date_null(PlanReviews::HeldOn))
                    .col(text_null(PlanReviews::Minutes))
                    .col(text_null(PlanReviews::Decisions))
                    .col(integer_null(PlanReviews::RecordedBy))
                    .col(timestamp_with_time_zone(PlanReviews::CreatedAt))
                    .foreign_key(&mut reference(
                        PlanReviews::Table,
                        PlanReviews::PlanId,
                        Plans::Table,
                        Plans::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_plan_reviews_plan",
            PlanReviews::Table,
            PlanReviews::PlanId,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(Permits::Table)
                    .col(pk_auto(Permits::Id))
                    .col(integer(Permits::PlanId))
                    .col(string_len(Permits::Kind, 32))
                    // The art. 18 route: application, opinions, Questura, issue.
                    .col(date_null(Permits::AppliedOn))
                    .col(date_null(Permits::OpinionOn))
                    .col(date_null(Permits::QuesturaOn))
                    .col(date_null(Permits::IssuedOn))
                    .col(date_null(Permits::ExpiresOn))
                    // A renewal points to the permit it renews.
                    .col(integer_null(Permits::RenewalOf))
                    // Conversion into a work or study permit (counted for the funder).
                    .col(string_len_null(Permits::ConvertedTo, 16))
                    .col(date_null(Permits::ConvertedOn))
                    .col(integer(Permits::CreatedBy))
                    .col(timestamp_with_time_zone(Permits::CreatedAt))
                    .col(timestamp_with_time_zone(Permits::UpdatedAt))
                    .foreign_key(&mut reference(
                        Permits::Table,
                        Permits::PlanId,
                        Plans::Table,
                        Plans::Id,
                    ))
                    .foreign_key(&mut reference(
                        Permits::Table,
                        Permits::RenewalOf,
                        Permits::Table,
                        Permits::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(manager, "idx_permits_plan", Permits::Table, Permits::PlanId).await?;
        index(
            manager,
            "idx_permits_expires",
            Permits::Table,
            Permits::ExpiresOn,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(WorkPlacements::Table)
                    .col(pk_auto(WorkPlacements::Id))
                    .col(integer(WorkPlacements::PlanId))
                    // internship or work_grant
                    .col(string_len(WorkPlacements::Kind, 16))
                    .col(string_len(WorkPlacements::HostCompany, 120))
                    .col(date(WorkPlacements::StartsOn))
                    .col(date(WorkPlacements::EndsOn))
                    .col(integer(WorkPlacements::HoursPerWeek))
                    // Monthly grant in euro cents, if any.
                    .col(integer_null(WorkPlacements::GrantCents))
                    .col(string_len_null(WorkPlacements::Tutor, 120))
                    // Share of the planned hours attended so far, 0 to 100.
                    .col(integer_null(WorkPlacements::AttendancePercent))
                    // hired, not_hired, interrupted
                    .col(string_len_null(WorkPlacements::Outcome, 16))
                    .col(integer(WorkPlacements::CreatedBy))
                    .col(timestamp_with_time_zone(WorkPlacements::CreatedAt))
                    .col(timestamp_with_time_zone(WorkPlacements::UpdatedAt))
                    .foreign_key(&mut reference(
                        WorkPlacements::Table,
                        WorkPlacements::PlanId,
                        Plans::Table,
                        Plans::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_work_placements_plan",
            WorkPlacements::Table,
            WorkPlacements::PlanId,
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            WorkPlacements::Table.into_iden(),
            Permits::Table.into_iden(),
            PlanReviews::Table.into_iden(),
            PlanDiary::Table.into_iden(),
            PlanActions::Table.into_iden(),
            PlanGoals::Table.into_iden(),
            PlanAssessments::Table.into_iden(),
            Services::Table.into_iden(),
            PlanTeam::Table.into_iden(),
            PlanPhases::Table.into_iden(),
            Plans::Table.into_iden(),
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
enum Plans {
    Table,
    Id,
    PersonId,
    OpenedOn,
    OpenedBy,
    ReviewEveryDays,
    CreatedAt,
    UpdatedAt,
    ClosedOn,
    ExitOutcome,
    ClosingSummary,
}

#[derive(DeriveIden)]
enum PlanReviews {
    Table,
    Id,
    PlanId,
    ScheduledOn,
    HeldOn,
    Minutes,
    Decisions,
    RecordedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Permits {
    Table,
    Id,
    PlanId,
    Kind,
    AppliedOn,
    OpinionOn,
    QuesturaOn,
    IssuedOn,
    ExpiresOn,
    RenewalOf,
    ConvertedTo,
    ConvertedOn,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
}

/// Internships and work grants ("tirocini", "borse lavoro"); not the bed board's
/// placements.
#[derive(DeriveIden)]
enum WorkPlacements {
    Table,
    Id,
    PlanId,
    Kind,
    HostCompany,
    StartsOn,
    EndsOn,
    HoursPerWeek,
    GrantCents,
    Tutor,
    AttendancePercent,
    Outcome,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum PlanPhases {
    Table,
    Id,
    PlanId,
    Phase,
    StartedOn,
    Note,
    RecordedBy,
    RecordedAt,
}

#[derive(DeriveIden)]
enum PlanTeam {
    Table,
    Id,
    PlanId,
    UserId,
    ExternalName,
    Role,
    AddedBy,
    AddedAt,
    RemovedAt,
}

#[derive(DeriveIden)]
enum Services {
    Table,
    Id,
    Area,
    Code,
    NameIt,
    NameEn,
    Active,
    CreatedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum PlanAssessments {
    Table,
    Id,
    PlanId,
    Area,
    Need,
    Notes,
    AssessedOn,
    UpdatedBy,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum PlanGoals {
    Table,
    Id,
    PlanId,
    Area,
    Description,
    ExpectedOn,
    Status,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum PlanActions {
    Table,
    Id,
    PlanId,
    GoalId,
    ServiceId,
    ResponsibleUserId,
    ResponsibleExternal,
    PlannedStart,
    PlannedEnd,
    ActualStart,
    ActualEnd,
    Status,
    Outcome,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum PlanDiary {
    Table,
    Id,
    PlanId,
    WrittenOn,
    Level,
    Body,
    AuthorId,
    CreatedAt,
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
