use sea_orm::entity::prelude::*;

/// The pseudonymous record of a person: no names, no date of birth. Identity fields are
/// in `person_identities`, read only after an entitlement check.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "people")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub code: String,
    pub province: String,
    pub year: i32,
    pub number: i32,
    pub gender: String,
    pub birth_month: Option<Date>,
    pub declared_minor: bool,
    pub unaccompanied: bool,
    pub exploitation: String,
    pub status: String,
    pub exit_outcome: Option<String>,
    pub family_head_id: Option<i32>,
    pub identity_hash: Option<String>,
    pub duplicate_of: Option<i32>,
    pub registered_by_organisation: i32,
    pub created_by: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub anonymised_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
