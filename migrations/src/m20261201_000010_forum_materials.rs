//! The forum's materials library: documents that trainers publish in a category, each
//! with numbered versions (what changed, when, by whom) and attachments. Attachment
//! bytes are kept in the database, never under the site root, so that every replica
//! serves the same files and nothing is served without a permission check. The indicator
//! checklist of the screenings is one of the materials (seeded here), its versions
//! written by the application whenever a checklist version is published. Also: users
//! following a category or a material, and the full-text index of materials.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;
use sea_orm_migration::sea_orm::DbBackend;

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
                    .table(ForumCategoryWatches::Table)
                    .col(pk_auto(ForumCategoryWatches::Id))
                    .col(integer(ForumCategoryWatches::UserId))
                    .col(integer(ForumCategoryWatches::CategoryId))
                    .col(timestamp_with_time_zone(ForumCategoryWatches::CreatedAt))
                    .foreign_key(&mut reference(
                        ForumCategoryWatches::Table,
                        ForumCategoryWatches::CategoryId,
                        ForumCategories::Table,
                        ForumCategories::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        unique_index(
            manager,
            "idx_forum_category_watches_user",
            ForumCategoryWatches::Table,
            [
                ForumCategoryWatches::UserId,
                ForumCategoryWatches::CategoryId,
            ],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(ForumMaterials::Table)
                    .col(pk_auto(ForumMaterials::Id))
                    .col(integer(ForumMaterials::CategoryId))
                    .col(string_len(ForumMaterials::Title, 160))
                    // The indicator checklist: its versions come from the checklist editor.
                    .col(boolean(ForumMaterials::Checklist).default(false))
                    .col(integer_null(ForumMaterials::CreatedBy))
                    .col(timestamp_with_time_zone(ForumMaterials::CreatedAt))
                    // The newest published version; none while the first is a draft.
                    .col(integer_null(ForumMaterials::CurrentVersionId))
                    .col(timestamp_with_time_zone_null(ForumMaterials::PublishedAt))
                    .foreign_key(&mut reference(
                        ForumMaterials::Table,
                        ForumMaterials::CategoryId,
                        ForumCategories::Table,
                        ForumCategories::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_forum_materials_category",
            ForumMaterials::Table,
            [ForumMaterials::CategoryId, ForumMaterials::PublishedAt],
        )
        .await?;
        let indicators = Query::select()
            .column(ForumCategories::Id)
            .expr(Expr::val("Checklist degli indicatori di tratta"))
            .expr(Expr::val(true))
            .expr(Expr::current_timestamp())
            .from(ForumCategories::Table)
            .and_where(Expr::col(ForumCategories::Code).eq("indicatori"))
            .to_owned();
        let seed = Query::insert()
            .into_table(ForumMaterials::Table)
            .columns([
                ForumMaterials::CategoryId,
                ForumMaterials::Title,
                ForumMaterials::Checklist,
                ForumMaterials::CreatedAt,
            ])
            .select_from(indicators)
            .map_err(|error| DbErr::Custom(error.to_string()))?
            .to_owned();
        manager.exec_stmt(seed).await?;

        manager
            .create_table(
                Table::create()
                    .table(ForumMaterialTags::Table)
                    .col(pk_auto(ForumMaterialTags::Id))
                    .col(integer(ForumMaterialTags::MaterialId))
                    .col(string_len(ForumMaterialTags::Tag, 40))
                    .foreign_key(&mut reference(
                        ForumMaterialTags::Table,
                        ForumMaterialTags::MaterialId,
                        ForumMaterials::Table,
                        ForumMaterials::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        unique_index(
            manager,
            "idx_forum_material_tags_tag",
            ForumMaterialTags::Table,
            [ForumMaterialTags::Tag, ForumMaterialTags::MaterialId],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(ForumMaterialVersions::Table)
                    .col(pk_auto(ForumMaterialVersions::Id))
                    .col(integer(ForumMaterialVersions::MaterialId))
                    // Given at publication: 1, 2, 3… (a draft has none).
                    .col(integer_null(ForumMaterialVersions::Number))
                    // draft, published, discarded.
                    .col(string_len(ForumMaterialVersions::State, 16))
                    .col(text(ForumMaterialVersions::Body))
                    .col(text(ForumMaterialVersions::BodyHtml))
                    // What changed from the version before.
                    .col(text(ForumMaterialVersions::Changes))
                    .col(integer_null(ForumMaterialVersions::AuthorId))
                    .col(timestamp_with_time_zone(ForumMaterialVersions::CreatedAt))
                    .col(timestamp_with_time_zone_null(
                        ForumMaterialVersions::PublishedAt,
                    ))
                    // For the checklist material: the checklist version it shows.
                    .col(integer_null(ForumMaterialVersions::ChecklistVersion))
                    .foreign_key(&mut reference(
                        ForumMaterialVersions::Table,
                        ForumMaterialVersions::MaterialId,
                        ForumMaterials::Table,
                        ForumMaterials::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        // Two publications at once cannot take the same number; a checklist version is
        // written once however many replicas sync it.
        unique_index(
            manager,
            "idx_forum_material_versions_number",
            ForumMaterialVersions::Table,
            [
                ForumMaterialVersions::MaterialId,
                ForumMaterialVersions::Number,
            ],
        )
        .await?;
        unique_index(
            manager,
            "idx_forum_material_versions_checklist",
            ForumMaterialVersions::Table,
            [
                ForumMaterialVersions::MaterialId,
                ForumMaterialVersions::ChecklistVersion,
            ],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(ForumAttachmentContents::Table)
                    .col(pk_auto(ForumAttachmentContents::Id))
                    .col(string_len(ForumAttachmentContents::Sha256, 64))
                    .col(big_integer(ForumAttachmentContents::SizeBytes))
                    .col(blob(ForumAttachmentContents::Content))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ForumMaterialAttachments::Table)
                    .col(pk_auto(ForumMaterialAttachments::Id))
                    .col(integer(ForumMaterialAttachments::VersionId))
                    // Shared by the versions that keep the same file.
                    .col(integer(ForumMaterialAttachments::ContentId))
                    .col(string_len(ForumMaterialAttachments::FileName, 200))
                    // Detected from the bytes, never taken from the browser.
                    .col(string_len(ForumMaterialAttachments::ContentType, 100))
                    .col(big_integer(ForumMaterialAttachments::SizeBytes))
                    .col(integer(ForumMaterialAttachments::AddedBy))
                    .col(timestamp_with_time_zone(ForumMaterialAttachments::AddedAt))
                    .foreign_key(&mut reference(
                        ForumMaterialAttachments::Table,
                        ForumMaterialAttachments::VersionId,
                        ForumMaterialVersions::Table,
                        ForumMaterialVersions::Id,
                    ))
                    .foreign_key(&mut reference(
                        ForumMaterialAttachments::Table,
                        ForumMaterialAttachments::ContentId,
                        ForumAttachmentContents::Table,
                        ForumAttachmentContents::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_forum_material_attachments_version",
            ForumMaterialAttachments::Table,
            [ForumMaterialAttachments::VersionId],
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(ForumMaterialWatches::Table)
                    .col(pk_auto(ForumMaterialWatches::Id))
                    .col(integer(ForumMaterialWatches::UserId))
                    .col(integer(ForumMaterialWatches::MaterialId))
                    .col(timestamp_with_time_zone(ForumMaterialWatches::CreatedAt))
                    .foreign_key(&mut reference(
                        ForumMaterialWatches::Table,
                        ForumMaterialWatches::MaterialId,
                        ForumMaterials::Table,
                        ForumMaterials::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        unique_index(
            manager,
            "idx_forum_material_watches_user",
            ForumMaterialWatches::Table,
            [
                ForumMaterialWatches::UserId,
                ForumMaterialWatches::MaterialId,
            ],
        )
        .await?;

        // The full-text index of materials, like the posts' one: the newest published
        // version's title, description, changes and file names.
        let db = manager.get_connection();
        match manager.get_database_backend() {
            DbBackend::Postgres => {
                db.execute_unprepared(
                    "CREATE TABLE forum_material_search (\
                       material_id INTEGER PRIMARY KEY REFERENCES forum_materials (id) ON DELETE CASCADE,\
                       document TSVECTOR NOT NULL)",
                )
                .await?;
                db.execute_unprepared(
                    "CREATE INDEX idx_forum_material_search_document \
                     ON forum_material_search USING GIN (document)",
                )
                .await?;
            }
            _ => {
                // The row id is the material's id.
                db.execute_unprepared(
                    "CREATE VIRTUAL TABLE forum_material_search USING fts5(\
                       terms, tokenize = 'unicode61 remove_diacritics 2')",
                )
                .await?;
            }
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .get_connection()
            .execute_unprepared("DROP TABLE forum_material_search")
            .await?;
        for table in [
            ForumMaterialWatches::Table.into_iden(),
            ForumMaterialAttachments::Table.into_iden(),
            ForumAttachmentContents::Table.into_iden(),
            ForumMaterialVersions::Table.into_iden(),
            ForumMaterialTags::Table.into_iden(),
            ForumMaterials::Table.into_iden(),
            ForumCategoryWatches::Table.into_iden(),
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

#[derive(DeriveIden, Clone, Copy)]
enum ForumCategories {
    Table,
    Id,
    Code,
}

#[derive(DeriveIden, Clone, Copy)]
enum ForumCategoryWatches {
    Table,
    Id,
    UserId,
    CategoryId,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum ForumMaterials {
    Table,
    Id,
    CategoryId,
    Title,
    Checklist,
    CreatedBy,
    CreatedAt,
    CurrentVersionId,
    PublishedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum ForumMaterialTags {
    Table,
    Id,
    MaterialId,
    Tag,
}

#[derive(DeriveIden, Clone, Copy)]
enum ForumMaterialVersions {
    Table,
    Id,
    MaterialId,
    Number,
    State,
    Body,
    BodyHtml,
    Changes,
    AuthorId,
    CreatedAt,
    PublishedAt,
    ChecklistVersion,
}

#[derive(DeriveIden, Clone, Copy)]
enum ForumAttachmentContents {
    Table,
    Id,
    Sha256,
    SizeBytes,
    Content,
}

#[derive(DeriveIden, Clone, Copy)]
enum ForumMaterialAttachments {
    Table,
    Id,
    VersionId,
    ContentId,
    FileName,
    ContentType,
    SizeBytes,
    AddedBy,
    AddedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum ForumMaterialWatches {
    Table,
    Id,
    UserId,
    MaterialId,
    CreatedAt,
}
