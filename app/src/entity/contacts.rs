use sea_orm::entity::prelude::*;

/// One outreach contact (or several people met together on an outing). Anonymous.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "contacts")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub occurred_on: Date,
    pub channel: String,
    pub province: String,
    pub area: Option<String>,
    pub gender: String,
    pub age_band: String,
    pub minor: bool,
    pub nationality: Option<String>,
    pub exploitation: String,
    pub people_count: i32,
    /// The person this contact turned out to be, once registered.
    pub person_id: Option<i32>,
    pub organisation_id: i32,
    pub created_by: i32,
    pub created_at: DateTimeUtc,
    /// The id the phone made for a contact logged without signal (unique per author):
    /// sent twice, it is stored once.
    pub client_id: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
