use sea_orm::entity::prelude::*;

/// The authorisation under which a minor may be taken into a shelter without a parent:
/// her guardian's, or the juvenile court's. Withdrawn ones are kept for the history.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "minor_authorisations")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub person_id: i32,
    pub kind: String,
    pub reference: String,
    pub granted_on: Date,
    pub recorded_by: i32,
    pub recorded_at: DateTimeUtc,
    pub withdrawn_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
