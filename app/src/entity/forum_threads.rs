use sea_orm::entity::prelude::*;

/// A discussion: its opening post is the question.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "forum_threads")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub category_id: i32,
    pub author_id: i32,
    pub title: String,
    pub state: String,
    pub pinned: bool,
    pub locked: bool,
    pub accepted_post_id: Option<i32>,
    pub reply_count: i32,
    pub created_at: DateTimeUtc,
    pub last_post_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
