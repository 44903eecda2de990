use sea_orm::entity::prelude::*;

/// Someone registered for a network event: a user of Anello, or a person without an
/// account (a nurse of an emergency department) registered by the organisers.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "network_participants")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub event_id: i32,
    pub user_id: Option<i32>,
    pub full_name: String,
    pub organisation_name: String,
    pub attended: bool,
    pub registered_by: i32,
    pub registered_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
