use sea_orm::entity::prelude::*;

/// One version of the indicator checklist. Published versions never change.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "indicator_checklists")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub version: i32,
    pub status: String,
    pub changes: Option<String>,
    pub created_by: Option<i32>,
    pub created_at: DateTimeUtc,
    pub published_by: Option<i32>,
    pub published_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
