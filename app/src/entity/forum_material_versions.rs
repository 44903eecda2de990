use sea_orm::entity::prelude::*;

/// One version of a material: a draft, a published version (numbered), or a discarded draft.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "forum_material_versions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub material_id: i32,
    pub number: Option<i32>,
    pub state: String,
    pub body: String,
    pub body_html: String,
    pub changes: String,
    pub author_id: Option<i32>,
    pub created_at: DateTimeUtc,
    pub published_at: Option<DateTimeUtc>,
    pub checklist_version: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
