//! The forum's full-text index, one row per post. On SQLite an FTS5 table over the
//! post's words, stemmed in Italian by the application (accents folded by the tokenizer);
//! on PostgreSQL a `tsvector` built with the `italian` configuration, with a GIN index.
//! The application writes the row whenever a post's text is written.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DbBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        match manager.get_database_backend() {
            DbBackend::Postgres => {
                db.execute_unprepared(
                    "CREATE TABLE forum_search (\
                       post_id INTEGER PRIMARY KEY REFERENCES forum_posts (id) ON DELETE CASCADE,\
                       document TSVECTOR NOT NULL)",
                )
                .await?;
                db.execute_unprepared(
                    "CREATE INDEX idx_forum_search_document ON forum_search USING GIN (document)",
                )
                .await?;
            }
            _ => {
                // The row id is the post's id.
                db.execute_unprepared(
                    "CREATE VIRTUAL TABLE forum_search USING fts5(\
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
            .execute_unprepared("DROP TABLE forum_search")
            .await?;
        Ok(())
    }
}
