use sea_orm::entity::prelude::*;

/// A hearing of the proceedings the person takes part in.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "judicial_hearings")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub proceedings_id: i32,
    pub person_id: i32,
    pub hearing_on: Date,
    pub kind: String,
    pub court: Option<String>,
    pub accompanied: bool,
    pub notes: Option<String>,
    pub recorded_by: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
