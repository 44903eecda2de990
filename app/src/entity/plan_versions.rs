use sea_orm::entity::prelude::*;

/// A version of a plan as agreed with the person, kept as it was, with its approval.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "plan_versions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub plan_id: i32,
    pub number: i32,
    pub agreed_on: Date,
    pub language: String,
    pub mediator: Option<String>,
    pub guardian: Option<String>,
    pub notes: Option<String>,
    /// `planner::agreement::model::PlanSnapshot` as JSON.
    pub snapshot: String,
    pub recorded_by: i32,
    pub created_at: DateTimeUtc,
    pub approver_id: i32,
    pub approved_by: Option<i32>,
    pub approved_at: Option<DateTimeUtc>,
    pub approval_note: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
