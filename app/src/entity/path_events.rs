use sea_orm::entity::prelude::*;

/// One dated step of a person's path: the status she reached on `on_date` (with the
/// outcome when it is the exit). The funder report reads periods from these rows.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "path_events")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub person_id: i32,
    pub status: String,
    pub exit_outcome: Option<String>,
    pub on_date: Date,
    pub organisation_id: Option<i32>,
    pub recorded_by: Option<i32>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
