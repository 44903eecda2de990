//! A person's documents (seed 000: signed consent, permit scans, medical and legal
//! papers): the file sealed at rest (`sealed`, with its `nonce` and the `key_id` of the
//! key that sealed it), and what the team reads without opening it: kind, date, expiry,
//! confidentiality, a short description, name, type and size.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::blob;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let text = |column: PersonDocuments, length: u32| {
            ColumnDef::new(column)
                .string_len(length)
                .not_null()
                .to_owned()
        };
        manager
            .create_table(
                Table::create()
                    .table(PersonDocuments::Table)
                    .col(
                        ColumnDef::new(PersonDocuments::Id)
                            .integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(PersonDocuments::PersonId)
                            .integer()
                            .not_null(),
                    )
                    .col(text(PersonDocuments::Kind, 24))
                    .col(ColumnDef::new(PersonDocuments::DatedOn).date().not_null())
                    .col(ColumnDef::new(PersonDocuments::ExpiresOn).date().null())
                    .col(text(PersonDocuments::Confidentiality, 16))
                    .col(ColumnDef::new(PersonDocuments::Description).text().null())
                    .col(text(PersonDocuments::FileName, 200))
                    .col(text(PersonDocuments::ContentType, 100))
                    .col(
                        ColumnDef::new(PersonDocuments::SizeBytes)
                            .big_integer()
                            .not_null(),
                    )
                    .col(text(PersonDocuments::KeyId, 16))
                    .col(blob(PersonDocuments::Nonce))
                    .col(blob(PersonDocuments::Sealed))
                    .col(
                        ColumnDef::new(PersonDocuments::UploadedBy)
                            .integer()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(PersonDocuments::UploadedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(PersonDocuments::Table, PersonDocuments::PersonId)
                            .to(People::Table, People::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_person_documents_person")
                    .table(PersonDocuments::Table)
                    .col(PersonDocuments::PersonId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(PersonDocuments::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum People {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum PersonDocuments {
    Table,
    Id,
    PersonId,
    Kind,
    DatedOn,
    ExpiresOn,
    Confidentiality,
    Description,
    FileName,
    ContentType,
    SizeBytes,
    KeyId,
    Nonce,
    Sealed,
    UploadedBy,
    UploadedAt,
}
