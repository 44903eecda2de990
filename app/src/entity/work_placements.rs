use sea_orm::entity::prelude::*;

/// An internship ("tirocinio") or work grant ("borsa lavoro") of a plan.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "work_placements")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub plan_id: i32,
    pub kind: String,
    pub host_company: String,
    pub starts_on: Date,
    pub ends_on: Date,
    pub hours_per_week: i32,
    pub grant_cents: Option<i32>,
    pub tutor: Option<String>,
    pub attendance_percent: Option<i32>,
    pub outcome: Option<String>,
    pub created_by: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
