use sea_orm::entity::prelude::*;

/// A transfer of the person to or from another project (and region).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "person_transfers")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub person_id: i32,
    /// The organisation of the team that recorded it.
    pub organisation_id: i32,
    /// `outgoing` or `incoming`.
    pub direction: String,
    pub transfer_on: Date,
    /// The receiving project (outgoing) or the sending one (incoming).
    pub project: String,
    pub region: String,
    pub reason: Option<String>,
    /// Outgoing: moved for her safety.
    pub for_safety: bool,
    /// Incoming: who referred her (the national toll-free number, a project...).
    pub source: Option<String>,
    /// Outgoing: her file went to the receiving project, with her consent.
    pub file_handed_over: bool,
    pub consent_on: Option<Date>,
    pub recorded_by: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
