use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "structures")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub organisation_id: i32,
    pub name: String,
    pub kind: String,
    pub province: String,
    pub secret: bool,
    /// Confidential: only the structure's staff and the coordinator may read it.
    pub address: Option<String>,
    /// Comma-separated target-group codes (see `beds::model::TargetGroup` when it lands).
    pub target_groups: String,
    pub active: bool,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::organisations::Entity",
        from = "Column::OrganisationId",
        to = "super::organisations::Column::Id"
    )]
    Organisation,
    #[sea_orm(has_many = "super::beds::Entity")]
    Beds,
}

impl Related<super::organisations::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Organisation.def()
    }
}

impl Related<super::beds::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Beds.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
