//! Two indexes the bed board and the placement rules read through:
//! - the open placements of some structures (the board): the partial unique indexes are by
//!   bed and by person, so without statistics SQLite walked every placement of those
//!   structures, history included (20 800 rows for 800 open ones at network scale);
//! - the members of a family (`people.family_head_id`), read by the placement rules at
//!   every placement and move, and by the plan's family page.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        // Partial indexes are written as SQL: the same statement on both databases.
        db.execute_unprepared(
            "CREATE INDEX idx_placements_open_structure ON placements (structure_id) \
             WHERE ended_on IS NULL",
        )
        .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_people_family_head")
                    .table(People::Table)
                    .col(People::FamilyHeadId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("idx_people_family_head")
                    .table(People::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .get_connection()
            .execute_unprepared("DROP INDEX idx_placements_open_structure")
            .await?;
        Ok(())
    }
}

#[derive(DeriveIden)]
enum People {
    Table,
    FamilyHeadId,
}
