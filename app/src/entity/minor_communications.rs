use sea_orm::entity::prelude::*;

/// A communication about a minor to the juvenile court, the minors' prosecutor, the
/// Guarantor, her guardian or the social services.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "minor_communications")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub person_id: i32,
    pub sent_on: Date,
    pub recipient: String,
    pub subject: Option<String>,
    pub recorded_by: i32,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
