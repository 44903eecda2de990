//! The folded words of a person's names (`person_identities.search_key`), so that the team
//! in charge finds her by name or alias whatever the accents or the case: "Kouyate"
//! finds "Kouyaté". Written by the application with every identity (the folding is
//! Unicode's, in `app::kernel::folding`); rows written before this migration are filled in
//! at start-up (`app::people::registry::ssr::fill_search_keys`). Text, not an index: the
//! search runs over one organisation's people only.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(PersonIdentities::Table)
                    .add_column(ColumnDef::new(PersonIdentities::SearchKey).text().null())
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(PersonIdentities::Table)
                    .drop_column(PersonIdentities::SearchKey)
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum PersonIdentities {
    Table,
    SearchKey,
}
