use sea_orm::entity::prelude::*;

/// What a moderator did, where and when.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "forum_moderation_log")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub moderator_id: i32,
    pub action: String,
    pub category_id: i32,
    pub thread_id: Option<i32>,
    pub post_id: Option<i32>,
    pub note: Option<String>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
