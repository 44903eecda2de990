use sea_orm::entity::prelude::*;

/// One row of the append-only audit trail. Only ever inserted (see `audit::ssr::record`).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_log")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub occurred_at: DateTimeUtc,
    pub actor_user_id: Option<i32>,
    pub actor_organisation_id: Option<i32>,
    pub action: String,
    pub object_type: String,
    pub object_id: Option<String>,
    pub outcome: String,
    pub request_id: Option<String>,
    pub detail: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
