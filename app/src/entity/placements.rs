use sea_orm::entity::prelude::*;

/// A person's stay in a bed. Open while `ended_on` is empty; the database allows one open
/// placement per bed and one per person.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "placements")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub person_id: i32,
    pub bed_id: i32,
    pub structure_id: i32,
    pub started_on: Date,
    pub planned_exit_on: Option<Date>,
    pub ended_on: Option<Date>,
    pub end_reason: Option<String>,
    pub created_by: i32,
    pub created_at: DateTimeUtc,
    pub ended_by: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
