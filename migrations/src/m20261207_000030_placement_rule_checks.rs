//! What the bed board's rules said about each placement tried (seed 001 asks how long a
//! person waits for a bed, and why): one row per rule that refused a placement or a move,
//! and per rule a reception manager set aside with a reason. The dashboards count them
//! per rule; the audit trail keeps who tried and when, as before.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let number =
            |column: PlacementRuleChecks| ColumnDef::new(column).integer().not_null().to_owned();
        manager
            .create_table(
                Table::create()
                    .table(PlacementRuleChecks::Table)
                    .col(
                        ColumnDef::new(PlacementRuleChecks::Id)
                            .integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(number(PlacementRuleChecks::PersonId))
                    .col(number(PlacementRuleChecks::StructureId))
                    .col(
                        ColumnDef::new(PlacementRuleChecks::Rule)
                            .string_len(40)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(PlacementRuleChecks::SetAside)
                            .boolean()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(PlacementRuleChecks::CheckedOn)
                            .date()
                            .not_null(),
                    )
                    .col(number(PlacementRuleChecks::CheckedBy))
                    .col(
                        ColumnDef::new(PlacementRuleChecks::CreatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(PlacementRuleChecks::Table, PlacementRuleChecks::PersonId)
                            .to(People::Table, People::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(PlacementRuleChecks::Table, PlacementRuleChecks::StructureId)
                            .to(Structures::Table, Structures::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_placement_rule_checks_day")
                    .table(PlacementRuleChecks::Table)
                    .col(PlacementRuleChecks::CheckedOn)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(PlacementRuleChecks::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum People {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Structures {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum PlacementRuleChecks {
    Table,
    Id,
    PersonId,
    StructureId,
    Rule,
    SetAside,
    CheckedOn,
    CheckedBy,
    CreatedAt,
}
