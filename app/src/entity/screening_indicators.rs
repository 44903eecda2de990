use sea_orm::entity::prelude::*;

/// An indicator observed in a screening.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "screening_indicators")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub screening_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub indicator_id: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
