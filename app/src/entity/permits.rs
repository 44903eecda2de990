use sea_orm::entity::prelude::*;

/// A residence permit of the person: its route, its validity, renewal and conversion.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "permits")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub plan_id: i32,
    pub kind: String,
    pub applied_on: Option<Date>,
    pub opinion_on: Option<Date>,
    pub questura_on: Option<Date>,
    pub issued_on: Option<Date>,
    pub expires_on: Option<Date>,
    pub renewal_of: Option<i32>,
    pub converted_to: Option<String>,
    pub converted_on: Option<Date>,
    /// How an art. 18 permit came: `judicial` (after a complaint) or `social`.
    pub route: Option<String>,
    pub created_by: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
