use sea_orm::entity::prelude::*;

/// A room of a structure: its beds are placed together (a mother and her children).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "rooms")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub structure_id: i32,
    pub name: String,
    /// 0 the ground floor, negative below it; none when the house has one floor.
    pub floor: Option<i16>,
    pub position: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
