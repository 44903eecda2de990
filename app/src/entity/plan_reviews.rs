use sea_orm::entity::prelude::*;

/// A review meeting of a plan: scheduled, then held with its minutes and decisions.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "plan_reviews")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub plan_id: i32,
    pub scheduled_on: Date,
    pub held_on: Option<Date>,
    pub minutes: Option<String>,
    pub decisions: Option<String>,
    pub recorded_by: Option<i32>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
