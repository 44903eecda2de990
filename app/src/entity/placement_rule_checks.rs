use sea_orm::entity::prelude::*;

/// A rule of the bed board that refused a placement or a move of the person, or that a
/// reception manager set aside with a reason (`set_aside`), on a day, in a structure.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "placement_rule_checks")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub person_id: i32,
    pub structure_id: i32,
    /// The rule's code (`Breach::code`).
    pub rule: String,
    pub set_aside: bool,
    pub checked_on: Date,
    pub checked_by: i32,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
