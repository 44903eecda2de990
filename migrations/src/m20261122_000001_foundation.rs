//! Organisations, users and roles, sessions, sign-in throttling, the audit trail, and the
//! structures and beds the demo network and the bed board start from.

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
                    .table(Organisations::Table)
                    .col(pk_auto(Organisations::Id))
                    .col(string_uniq(Organisations::Name))
                    .col(string_len(Organisations::Kind, 32))
                    .col(string_len_null(Organisations::Province, 2))
                    .col(string_len(Organisations::Region, 64))
                    .col(boolean(Organisations::Active).default(true))
                    .col(timestamp_with_time_zone(Organisations::CreatedAt))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Users::Table)
                    .col(pk_auto(Users::Id))
                    .col(string_uniq(Users::Email))
                    .col(string(Users::DisplayName))
                    .col(string(Users::PasswordHash))
                    .col(integer(Users::OrganisationId))
                    // No language means "follow the browser" until the person chooses one.
                    .col(string_len_null(Users::Language, 8))
                    .col(boolean(Users::Active).default(true))
                    .col(timestamp_with_time_zone(Users::CreatedAt))
                    .col(timestamp_with_time_zone(Users::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Users::Table, Users::OrganisationId)
                            .to(Organisations::Table, Organisations::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(UserRoles::Table)
                    .col(integer(UserRoles::UserId))
                    .col(string_len(UserRoles::Role, 32))
                    .primary_key(Index::create().col(UserRoles::UserId).col(UserRoles::Role))
                    .foreign_key(
                        ForeignKey::create()
                            .from(UserRoles::Table, UserRoles::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;

        // Sessions live in the one database so that every replica sees them and disabling a
        // user can delete them all at once (user_id is copied out of the session data).
        manager
            .create_table(
                Table::create()
                    .table(Sessions::Table)
                    .col(string_len(Sessions::Id, 64).primary_key())
                    .col(integer_null(Sessions::UserId))
                    .col(text(Sessions::Data))
                    .col(timestamp_with_time_zone(Sessions::ExpiresAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_sessions_user")
                    .table(Sessions::Table)
                    .col(Sessions::UserId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_sessions_expiry")
                    .table(Sessions::Table)
                    .col(Sessions::ExpiresAt)
                    .to_owned(),
            )
            .await?;

        // Failed and successful sign-ins, counted per account and per address so that the
        // limit holds across replicas. Keys are hashes, never the raw address.
        manager
            .create_table(
                Table::create()
                    .table(SignInAttempts::Table)
                    .col(big_pk_auto(SignInAttempts::Id))
                    .col(string_len(SignInAttempts::AccountKey, 64))
                    .col(string_len(SignInAttempts::AddressKey, 64))
                    .col(boolean(SignInAttempts::Succeeded))
                    .col(timestamp_with_time_zone(SignInAttempts::AttemptedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_sign_in_account")
                    .table(SignInAttempts::Table)
                    .col(SignInAttempts::AccountKey)
                    .col(SignInAttempts::AttemptedAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_sign_in_address")
                    .table(SignInAttempts::Table)
                    .col(SignInAttempts::AddressKey)
                    .col(SignInAttempts::AttemptedAt)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(AuditLog::Table)
                    .col(big_pk_auto(AuditLog::Id))
                    .col(timestamp_with_time_zone(AuditLog::OccurredAt))
                    .col(integer_null(AuditLog::ActorUserId))
                    .col(integer_null(AuditLog::ActorOrganisationId))
                    .col(string_len(AuditLog::Action, 64))
                    .col(string_len(AuditLog::ObjectType, 32))
                    .col(string_len_null(AuditLog::ObjectId, 64))
                    .col(string_len(AuditLog::Outcome, 16))
                    .col(string_len_null(AuditLog::RequestId, 64))
                    .col(string_null(AuditLog::Detail))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_audit_time")
                    .table(AuditLog::Table)
                    .col(AuditLog::OccurredAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_audit_actor")
                    .table(AuditLog::Table)
                    .col(AuditLog::ActorUserId)
                    .to_owned(),
            )
            .await?;

        // The audit trail is append-only: the database itself refuses to change history.
        let db = manager.get_connection();
        match manager.get_database_backend() {
            DatabaseBackend::Postgres => {
                db.execute_unprepared(
                    r#"CREATE FUNCTION audit_log_is_append_only() RETURNS trigger AS $$
                       BEGIN
                         RAISE EXCEPTION 'audit_log is append-only';
                       END;
                       $$ LANGUAGE plpgsql"#,
                )
                .await?;
                db.execute_unprepared(
                    "CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log \
                     FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only()",
                )
                .await?;
                db.execute_unprepared(
                    "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log \
                     FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only()",
                )
                .await?;
            }
            _ => {
                db.execute_unprepared(
                    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log \
                     BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
                )
                .await?;
                db.execute_unprepared(
                    "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log \
                     BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
                )
                .await?;
            }
        }

        manager
            .create_table(
                Table::create()
                    .table(Structures::Table)
                    .col(pk_auto(Structures::Id))
                    .col(integer(Structures::OrganisationId))
                    .col(string(Structures::Name))
                    .col(string_len(Structures::Kind, 32))
                    .col(string_len(Structures::Province, 2))
                    .col(boolean(Structures::Secret).default(false))
                    // Confidential: shown only to the structure's staff and the coordinator.
                    .col(string_null(Structures::Address))
                    .col(string(Structures::TargetGroups))
                    .col(boolean(Structures::Active).default(true))
                    .col(timestamp_with_time_zone(Structures::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Structures::Table, Structures::OrganisationId)
                            .to(Organisations::Table, Organisations::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Beds::Table)
                    .col(pk_auto(Beds::Id))
                    .col(integer(Beds::StructureId))
                    .col(string_len_null(Beds::Room, 64))
                    .col(string_len(Beds::Label, 64))
                    .col(string_len_null(Beds::OutOfServiceReason, 255))
                    .col(integer(Beds::Position).default(0))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Beds::Table, Beds::StructureId)
                            .to(Structures::Table, Structures::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_beds_structure_label")
                    .table(Beds::Table)
                    .col(Beds::StructureId)
                    .col(Beds::Label)
                    .unique()
                    .to_owned(),
            )
            .await?;

        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            Beds::Table.into_iden(),
            Structures::Table.into_iden(),
            AuditLog::Table.into_iden(),
            SignInAttempts::Table.into_iden(),
            Sessions::Table.into_iden(),
            UserRoles::Table.into_iden(),
            Users::Table.into_iden(),
            Organisations::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        if manager.get_database_backend() == DatabaseBackend::Postgres {
            manager
                .get_connection()
                .execute_unprepared("DROP FUNCTION IF EXISTS audit_log_is_append_only()")
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Organisations {
    Table,
    Id,
    Name,
    Kind,
    Province,
    Region,
    Active,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
    Email,
    DisplayName,
    PasswordHash,
    OrganisationId,
    Language,
    Active,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum UserRoles {
    Table,
    UserId,
    Role,
}

#[derive(DeriveIden)]
enum Sessions {
    Table,
    Id,
    UserId,
    Data,
    ExpiresAt,
}

#[derive(DeriveIden)]
enum SignInAttempts {
    Table,
    Id,
    AccountKey,
    AddressKey,
    Succeeded,
    AttemptedAt,
}

#[derive(DeriveIden)]
enum AuditLog {
    Table,
    Id,
    OccurredAt,
    ActorUserId,
    ActorOrganisationId,
    Action,
    ObjectType,
    ObjectId,
    Outcome,
    RequestId,
    Detail,
}

#[derive(DeriveIden)]
enum Structures {
    Table,
    Id,
    OrganisationId,
    Name,
    Kind,
    Province,
    Secret,
    Address,
    TargetGroups,
    Active,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Beds {
    Table,
    Id,
    StructureId,
    Room,
    Label,
    OutOfServiceReason,
    Position,
}
