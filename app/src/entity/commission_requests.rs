use sea_orm::entity::prelude::*;

/// A Territorial Commission's request for an anti-trafficking interview with the person.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "commission_requests")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub person_id: i32,
    /// The organisation that recorded it (of the team in charge).
    pub organisation_id: i32,
    pub commission: String,
    pub received_on: Date,
    pub status: String,
    pub interview_on: Option<Date>,
    pub answered_on: Option<Date>,
    pub notes: Option<String>,
    pub recorded_by: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
