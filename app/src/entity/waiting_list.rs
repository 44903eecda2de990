use sea_orm::entity::prelude::*;

/// A person proposed for shelter, waiting for a bed.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "waiting_list")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub person_id: i32,
    pub urgency: String,
    pub target_group: String,
    pub children: i32,
    pub minor: bool,
    pub disability: bool,
    pub language: Option<String>,
    pub preferred_province: Option<String>,
    pub wanted_from: Date,
    pub status: String,
    pub organisation_id: i32,
    pub created_by: i32,
    pub created_at: DateTimeUtc,
    pub closed_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
