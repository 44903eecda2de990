//! The knowledge forum ("sezione Tratta"): categories with their permissions per role and
//! organisation kind, per-category moderators, threads with tags, posts with their edit
//! history, read markers, watches, flags and the moderators' log. The eight categories
//! of the network are seeded here, since the forum is empty without them.

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

/// (code, Italian name, English name, Italian description, English description).
const CATEGORIES: &[(&str, &str, &str, &str, &str)] = &[
    (
        "indicatori",
        "Indicatori di tratta",
        "Trafficking indicators",
        "Come riconoscere una possibile vittima: indicatori, colloqui, segnalazioni.",
        "How to recognise a possible victim: indicators, interviews, referrals.",
    ),
    (
        "sfruttamento-sessuale",
        "Sfruttamento sessuale",
        "Sexual exploitation",
        "Strada, indoor, nuove forme di reclutamento e di controllo.",
        "Street, indoor, new forms of recruitment and control.",
    ),
    (
        "sfruttamento-lavorativo",
        "Sfruttamento lavorativo",
        "Labour exploitation",
        "Agricoltura, edilizia, ristorazione, lavoro domestico e di cura.",
        "Agriculture, construction, catering, domestic and care work.",
    ),
    (
        "accattonaggio-illegalita",
        "Accattonaggio e attività illecite forzate",
        "Begging and forced illegal activities",
        "Accattonaggio forzato, economie illegali, matrimoni forzati.",
        "Forced begging, illegal economies, forced marriages.",
    ),
    (
        "minori",
        "Minori",
        "Minors",
        "Minori stranieri non accompagnati e figli delle persone accolte. Solo per gli enti della rete.",
        "Unaccompanied foreign minors and the children of the people sheltered. Network bodies only.",
    ),
    (
        "normativa-permessi",
        "Normativa e permessi",
        "Law and permits",
        "Art. 18, protezione internazionale, conversione dei permessi, denunce.",
        "Art. 18, international protection, conversion of permits, complaints.",
    ),
    (
        "buone-pratiche",
        "Buone pratiche",
        "Good practices",
        "Esperienze dei territori da conoscere e riusare.",
        "Experiences of the territories worth knowing and reusing.",
    ),
    (
        "formazione",
        "Formazione",
        "Training",
        "Materiali e annunci dei formatori della rete.",
        "Materials and announcements of the network's trainers.",
    ),
];

/// (category, audience, level). Audiences: `all` (every signed-in user), `role:<role>`,
/// `kind:<organisation kind>`. Levels: read < post < moderate; the highest that applies
/// wins. Partners read and post everywhere except the minors' category (case-adjacent,
/// network bodies only) and read the trainers' one.
const RULES: &[(&str, &str, &str)] = &[
    ("indicatori", "all", "post"),
    ("indicatori", "role:trainer", "moderate"),
    ("indicatori", "role:coordinator", "moderate"),
    ("sfruttamento-sessuale", "all", "post"),
    ("sfruttamento-sessuale", "role:coordinator", "moderate"),
    ("sfruttamento-lavorativo", "all", "post"),
    ("sfruttamento-lavorativo", "role:coordinator", "moderate"),
    ("accattonaggio-illegalita", "all", "post"),
    ("accattonaggio-illegalita", "role:coordinator", "moderate"),
    ("minori", "kind:implementing_body", "post"),
    ("minori", "kind:coordination", "post"),
    ("minori", "role:coordinator", "moderate"),
    ("normativa-permessi", "all", "post"),
    ("normativa-permessi", "role:coordinator", "moderate"),
    ("buone-pratiche", "all", "post"),
    ("buone-pratiche", "role:coordinator", "moderate"),
    ("formazione", "all", "read"),
    ("formazione", "role:trainer", "moderate"),
    ("formazione", "role:coordinator", "moderate"),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ForumCategories::Table)
                    .col(pk_auto(ForumCategories::Id))
                    .col(string_len_uniq(ForumCategories::Code, 40))
                    .col(integer(ForumCategories::Position))
                    .col(string_len(ForumCategories::NameIt, 120))
                    .col(string_len(ForumCategories::NameEn, 120))
                    .col(text(ForumCategories::DescriptionIt))
                    .col(text(ForumCategories::DescriptionEn))
                    .to_owned(),
            )
            .await?;
        let mut seed = Query::insert()
            .into_table(ForumCategories::Table)
            .columns([
                ForumCategories::Code,
                ForumCategories::Position,
                ForumCategories::NameIt,
                ForumCategories::NameEn,
                ForumCategories::DescriptionIt,
                ForumCategories::DescriptionEn,
            ])
            .to_owned();
        for (position, (code, name_it, name_en, description_it, description_en)) in
            CATEGORIES.iter().enumerate()
        {
            seed.values_panic([
                (*code).into(),
                (position as i32 + 1).into(),
                (*name_it).into(),
                (*name_en).into(),
                (*description_it).into(),
                (*description_en).into(),
            ]);
        }
        manager.exec_stmt(seed).await?;

        manager
            .create_table(
                Table::create()
                    .table(ForumCategoryRules::Table)
                    .col(pk_auto(ForumCategoryRules::Id))
                    .col(integer(ForumCategoryRules::CategoryId))
                    .col(string_len(ForumCategoryRules::Audience, 40))
                    .col(string_len(ForumCategoryRules::Level, 16))
                    .foreign_key(&mut reference(
                        ForumCategoryRules::Table,
                        ForumCategoryRules::CategoryId,
                        ForumCategories::Table,
                        ForumCategories::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        unique_index(
            manager,
            "idx_forum_category_rules_audience",
            ForumCategoryRules::Table,
            [ForumCategoryRules::CategoryId, ForumCategoryRules::Audience],
        )
        .await?;
        for (category, audience, level) in RULES {
            // By code, not by id: the ids are the database's to give.
            let select = Query::select()
                .column(ForumCategories::Id)
                .expr(Expr::val(*audience))
                .expr(Expr::val(*level))
                .from(ForumCategories::Table)
                .and_where(Expr::col(ForumCategories::Code).eq(*category))
                .to_owned();
            let insert = Query::insert()
                .into_table(ForumCategoryRules::Table)
                .columns([
                    ForumCategoryRules::CategoryId,
                    ForumCategoryRules::Audience,
                    ForumCategoryRules::Level,
                ])
                .select_from(select)
                .map_err(|error| DbErr::Custom(error.to_string()))?
                .to_owned();
            manager.exec_stmt(insert).await?;
        }

        manager
            .create_table(
                Table::create()
                    .table(ForumModerators::Table)
                    .col(pk_auto(ForumModerators::Id))
                    .col(integer(ForumModerators::CategoryId))
                    .col(integer(ForumModerators::UserId))
                    .col(integer(ForumModerators::AddedBy))
                    .col(timestamp_with_time_zone(ForumModerators::AddedAt))
                    .foreign_key(&mut reference(
                        ForumModerators::Table,
                        ForumModerators::CategoryId,
                        ForumCategories::Table,
                        ForumCategories::Id,
                    ))
                    .foreign_key(&mut reference(
                        ForumModerators::Table,
                        ForumModerators::UserId,
                        Users::Table,
                        Users::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        unique_index(
            manager,
            "idx_forum_moderators_user",
            ForumModerators::Table,
            [ForumModerators::CategoryId, ForumModerators::UserId],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(ForumThreads::Table)
                    .col(pk_auto(ForumThreads::Id))
                    .col(integer(ForumThreads::CategoryId))
                    .col(integer(ForumThreads::AuthorId))
                    .col(string_len(ForumThreads::Title, 160))
                    // draft (held by the personal-data guard), pending (review queue),
                    // published; the state of its opening post.
                    .col(string_len(ForumThreads::State, 16))
                    .col(boolean(ForumThreads::Pinned).default(false))
                    .col(boolean(ForumThreads::Locked).default(false))
                    .col(integer_null(ForumThreads::AcceptedPostId))
                    // Published replies, kept with each change for the thread list.
                    .col(integer(ForumThreads::ReplyCount).default(0))
                    .col(timestamp_with_time_zone(ForumThreads::CreatedAt))
                    .col(timestamp_with_time_zone(ForumThreads::LastPostAt))
                    .foreign_key(&mut reference(
                        ForumThreads::Table,
                        ForumThreads::CategoryId,
                        ForumCategories::Table,
                        ForumCategories::Id,
                    ))
                    .foreign_key(&mut reference(
                        ForumThreads::Table,
                        ForumThreads::AuthorId,
                        Users::Table,
                        Users::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_forum_threads_listing")
                    .table(ForumThreads::Table)
                    .col(ForumThreads::CategoryId)
                    .col(ForumThreads::State)
                    .col(ForumThreads::Pinned)
                    .col(ForumThreads::LastPostAt)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ForumThreadTags::Table)
                    .col(pk_auto(ForumThreadTags::Id))
                    .col(integer(ForumThreadTags::ThreadId))
                    .col(string_len(ForumThreadTags::Tag, 40))
                    .foreign_key(&mut reference(
                        ForumThreadTags::Table,
                        ForumThreadTags::ThreadId,
                        ForumThreads::Table,
                        ForumThreads::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        unique_index(
            manager,
            "idx_forum_thread_tags_tag",
            ForumThreadTags::Table,
            [ForumThreadTags::Tag, ForumThreadTags::ThreadId],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(ForumPosts::Table)
                    .col(pk_auto(ForumPosts::Id))
                    .col(integer(ForumPosts::ThreadId))
                    .col(integer(ForumPosts::AuthorId))
                    // The question that opened the thread.
                    .col(boolean(ForumPosts::Opening))
                    // Markdown as written, and its sanitised rendering.
                    .col(text(ForumPosts::Body))
                    .col(text(ForumPosts::BodyHtml))
                    // An edit of a published post held by the personal-data guard until
                    // its author confirms or changes it.
                    .col(text_null(ForumPosts::PendingBody))
                    .col(string_len(ForumPosts::State, 16))
                    .col(boolean(ForumPosts::Hidden).default(false))
                    .col(integer_null(ForumPosts::HiddenBy))
                    .col(timestamp_with_time_zone(ForumPosts::CreatedAt))
                    .col(timestamp_with_time_zone_null(ForumPosts::EditedAt))
                    .col(integer_null(ForumPosts::EditedBy))
                    .foreign_key(&mut reference(
                        ForumPosts::Table,
                        ForumPosts::ThreadId,
                        ForumThreads::Table,
                        ForumThreads::Id,
                    ))
                    .foreign_key(&mut reference(
                        ForumPosts::Table,
                        ForumPosts::AuthorId,
                        Users::Table,
                        Users::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_forum_posts_thread",
            ForumPosts::Table,
            [ForumPosts::ThreadId, ForumPosts::Id],
        )
        .await?;
        index(
            manager,
            "idx_forum_posts_state",
            ForumPosts::Table,
            [ForumPosts::State, ForumPosts::AuthorId],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(ForumPostRevisions::Table)
                    .col(pk_auto(ForumPostRevisions::Id))
                    .col(integer(ForumPostRevisions::PostId))
                    // The text as it was before an edit.
                    .col(text(ForumPostRevisions::Body))
                    .col(integer(ForumPostRevisions::WrittenBy))
                    .col(timestamp_with_time_zone(ForumPostRevisions::WrittenAt))
                    .col(integer(ForumPostRevisions::ReplacedBy))
                    .col(timestamp_with_time_zone(ForumPostRevisions::ReplacedAt))
                    .foreign_key(&mut reference(
                        ForumPostRevisions::Table,
                        ForumPostRevisions::PostId,
                        ForumPosts::Table,
                        ForumPosts::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_forum_post_revisions_post",
            ForumPostRevisions::Table,
            [ForumPostRevisions::PostId],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(ForumReads::Table)
                    .col(pk_auto(ForumReads::Id))
                    .col(integer(ForumReads::UserId))
                    .col(integer(ForumReads::ThreadId))
                    .col(timestamp_with_time_zone(ForumReads::ReadAt))
                    .foreign_key(&mut reference(
                        ForumReads::Table,
                        ForumReads::ThreadId,
                        ForumThreads::Table,
                        ForumThreads::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        unique_index(
            manager,
            "idx_forum_reads_user",
            ForumReads::Table,
            [ForumReads::UserId, ForumReads::ThreadId],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(ForumWatches::Table)
                    .col(pk_auto(ForumWatches::Id))
                    .col(integer(ForumWatches::UserId))
                    .col(integer(ForumWatches::ThreadId))
                    .col(timestamp_with_time_zone(ForumWatches::CreatedAt))
                    .foreign_key(&mut reference(
                        ForumWatches::Table,
                        ForumWatches::ThreadId,
                        ForumThreads::Table,
                        ForumThreads::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        unique_index(
            manager,
            "idx_forum_watches_user",
            ForumWatches::Table,
            [ForumWatches::UserId, ForumWatches::ThreadId],
        )
        .await?;
        index(
            manager,
            "idx_forum_watches_thread",
            ForumWatches::Table,
            [ForumWatches::ThreadId],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(ForumFlags::Table)
                    .col(pk_auto(ForumFlags::Id))
                    .col(integer(ForumFlags::PostId))
                    .col(integer(ForumFlags::UserId))
                    .col(text(ForumFlags::Reason))
                    .col(timestamp_with_time_zone(ForumFlags::CreatedAt))
                    .col(timestamp_with_time_zone_null(ForumFlags::ResolvedAt))
                    .col(integer_null(ForumFlags::ResolvedBy))
                    .foreign_key(&mut reference(
                        ForumFlags::Table,
                        ForumFlags::PostId,
                        ForumPosts::Table,
                        ForumPosts::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_forum_flags_open",
            ForumFlags::Table,
            [ForumFlags::ResolvedAt, ForumFlags::PostId],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(ForumModerationLog::Table)
                    .col(pk_auto(ForumModerationLog::Id))
                    .col(integer(ForumModerationLog::ModeratorId))
                    .col(string_len(ForumModerationLog::Action, 32))
                    .col(integer(ForumModerationLog::CategoryId))
                    .col(integer_null(ForumModerationLog::ThreadId))
                    .col(integer_null(ForumModerationLog::PostId))
                    .col(text_null(ForumModerationLog::Note))
                    .col(timestamp_with_time_zone(ForumModerationLog::CreatedAt))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_forum_moderation_log_category",
            ForumModerationLog::Table,
            [ForumModerationLog::CategoryId, ForumModerationLog::Id],
        )
        .await?;

        // A forum notification names its thread by title (up to 160 characters), not by
        // a person's code. SQLite does not enforce lengths (nor alter columns);
        // PostgreSQL does.
        if manager.get_database_backend() == sea_orm_migration::sea_orm::DbBackend::Postgres {
            manager
                .alter_table(
                    Table::alter()
                        .table(Notifications::Table)
                        .modify_column(
                            ColumnDef::new(Notifications::Subject)
                                .string_len(200)
                                .not_null(),
                        )
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    /// The wider notification subject stays: narrowing it could fail on the titles kept.
    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            ForumModerationLog::Table.into_iden(),
            ForumFlags::Table.into_iden(),
            ForumWatches::Table.into_iden(),
            ForumReads::Table.into_iden(),
            ForumPostRevisions::Table.into_iden(),
            ForumPosts::Table.into_iden(),
            ForumThreadTags::Table.into_iden(),
            ForumThreads::Table.into_iden(),
            ForumModerators::Table.into_iden(),
            ForumCategoryRules::Table.into_iden(),
            ForumCategories::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

async fn index<C: IntoIden + Copy, const N: usize>(
    manager: &SchemaManager<'_>,
    name: &str,
    table: impl IntoIden,
    columns: [C; N],
) -> Result<(), DbErr> {
    let mut statement = Index::create().name(name).table(table).to_owned();
    for column in columns {
        statement.col(column);
    }
    manager.create_index(statement).await
}

async fn unique_index<C: IntoIden + Copy, const N: usize>(
    manager: &SchemaManager<'_>,
    name: &str,
    table: impl IntoIden,
    columns: [C; N],
) -> Result<(), DbErr> {
    let mut statement = Index::create().name(name).table(table).unique().to_owned();
    for column in columns {
        statement.col(column);
    }
    manager.create_index(statement).await
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Notifications {
    Table,
    Subject,
}

#[derive(DeriveIden, Clone, Copy)]
enum ForumCategories {
    Table,
    Id,
    Code,
    Position,
    NameIt,
    NameEn,
    DescriptionIt,
    DescriptionEn,
}

#[derive(DeriveIden, Clone, Copy)]
enum ForumCategoryRules {
    Table,
    Id,
    CategoryId,
    Audience,
    Level,
}

#[derive(DeriveIden, Clone, Copy)]
enum ForumModerators {
    Table,
    Id,
    CategoryId,
    UserId,
    AddedBy,
    AddedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum ForumThreads {
    Table,
    Id,
    CategoryId,
    AuthorId,
    Title,
    State,
    Pinned,
    Locked,
    AcceptedPostId,
    ReplyCount,
    CreatedAt,
    LastPostAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum ForumThreadTags {
    Table,
    Id,
    ThreadId,
    Tag,
}

#[derive(DeriveIden, Clone, Copy)]
enum ForumPosts {
    Table,
    Id,
    ThreadId,
    AuthorId,
    Opening,
    Body,
    BodyHtml,
    PendingBody,
    State,
    Hidden,
    HiddenBy,
    CreatedAt,
    EditedAt,
    EditedBy,
}

#[derive(DeriveIden, Clone, Copy)]
enum ForumPostRevisions {
    Table,
    Id,
    PostId,
    Body,
    WrittenBy,
    WrittenAt,
    ReplacedBy,
    ReplacedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum ForumReads {
    Table,
    Id,
    UserId,
    ThreadId,
    ReadAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum ForumWatches {
    Table,
    Id,
    UserId,
    ThreadId,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum ForumFlags {
    Table,
    Id,
    PostId,
    UserId,
    Reason,
    CreatedAt,
    ResolvedAt,
    ResolvedBy,
}

#[derive(DeriveIden, Clone, Copy)]
enum ForumModerationLog {
    Table,
    Id,
    ModeratorId,
    Action,
    CategoryId,
    ThreadId,
    PostId,
    Note,
    CreatedAt,
}
