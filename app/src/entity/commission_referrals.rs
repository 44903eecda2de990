use sea_orm::entity::prelude::*;

/// The network's referral of the person to a Territorial Commission, with her hearing.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "commission_referrals")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub person_id: i32,
    pub organisation_id: i32,
    pub commission: String,
    pub referred_on: Date,
    pub reason: Option<String>,
    /// The network operator who follows the referral.
    pub operator_id: Option<i32>,
    /// Someone of the network went with her to the hearing.
    pub accompanied: bool,
    pub hearing_on: Option<Date>,
    pub outcome: Option<String>,
    pub outcome_on: Option<Date>,
    pub recorded_by: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
