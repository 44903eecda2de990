use sea_orm::entity::prelude::*;

/// A tag of a material (exploitation type or province code).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "forum_material_tags")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub material_id: i32,
    pub tag: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
