use sea_orm::entity::prelude::*;

/// A screening interview, kept with the checklist version it used.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "screenings")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub person_id: i32,
    pub checklist_id: i32,
    pub held_on: Date,
    pub outcome: String,
    pub organisation_id: i32,
    pub interviewer_id: i32,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
