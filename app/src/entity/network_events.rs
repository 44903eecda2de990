use sea_orm::entity::prelude::*;

/// A training event, a workshop or a coordination meeting of the network.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "network_events")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// `training`, `workshop` or `meeting`.
    pub kind: String,
    pub title: String,
    /// Who it is for (`emergency_department`, `cas_sai`...).
    pub audience: String,
    pub held_on: Date,
    /// How long it lasts, in hours (printed on the certificates).
    pub hours: Option<i32>,
    pub place: String,
    /// Who trains or chairs, as they are to be named.
    pub trainers: String,
    /// The programme of a training, the agenda of a meeting.
    pub agenda: Option<String>,
    /// A meeting's minutes.
    pub minutes: Option<String>,
    /// The organisation that organises it: its organisers change it.
    pub organisation_id: i32,
    pub created_by: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
