use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "known_sign_in_addresses")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub account_key: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub address_key: String,
    pub last_signed_in_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
