use sea_orm::entity::prelude::*;

/// Work done together with the social services (meeting, visit, report, conference).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "plan_joint_work")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub plan_id: i32,
    pub child_id: Option<i32>,
    pub held_on: Date,
    pub service: String,
    pub kind: String,
    pub summary: String,
    pub next_steps: Option<String>,
    pub recorded_by: i32,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
