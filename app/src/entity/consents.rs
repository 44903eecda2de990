use sea_orm::entity::prelude::*;

/// Consent to processing, or to sharing with one named organisation; withdrawn when
/// `withdrawn_on` is set. Rows are never deleted.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "consents")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub person_id: i32,
    pub kind: String,
    pub organisation_id: Option<i32>,
    pub given_on: Date,
    pub withdrawn_on: Option<Date>,
    pub recorded_by: i32,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
