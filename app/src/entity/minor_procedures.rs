use sea_orm::entity::prelude::*;

/// A minor's procedures: age assessment, guardian, community, the regional Guarantor.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "minor_procedures")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub person_id: i32,
    pub age_requested_on: Option<Date>,
    pub age_method: Option<String>,
    pub age_outcome: Option<String>,
    pub age_assessed_on: Option<Date>,
    pub guardian_court: Option<String>,
    pub guardian_appointed_on: Option<Date>,
    /// The guardian's name: on this page of the team only.
    pub guardian_name: Option<String>,
    pub guarantor_involved_on: Option<Date>,
    pub community: Option<String>,
    pub community_since: Option<Date>,
    pub updated_by: i32,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
