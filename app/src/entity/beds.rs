use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "beds")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub structure_id: i32,
    pub room_id: Option<i32>,
    pub label: String,
    pub out_of_service_reason: Option<String>,
    pub position: i32,
    /// Held for an incoming person until this time; a past time is no hold.
    pub held_until: Option<DateTimeUtc>,
    pub held_for_person_id: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::structures::Entity",
        from = "Column::StructureId",
        to = "super::structures::Column::Id"
    )]
    Structure,
}

impl Related<super::structures::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Structure.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
