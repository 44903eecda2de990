use sea_orm::entity::prelude::*;

/// What an organisation has for support spending over one project period.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "support_budgets")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub organisation_id: i32,
    /// The project and its period as the funder names it ("Anello 2026–2027").
    pub project: String,
    pub starts_on: Date,
    pub ends_on: Date,
    pub amount_cents: i64,
    pub recorded_by: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
