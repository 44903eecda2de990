use sea_orm::entity::prelude::*;

/// A post: Markdown as written and its sanitised HTML.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "forum_posts")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub thread_id: i32,
    pub author_id: i32,
    pub opening: bool,
    pub body: String,
    pub body_html: String,
    pub pending_body: Option<String>,
    pub state: String,
    pub hidden: bool,
    pub hidden_by: Option<i32>,
    pub created_at: DateTimeUtc,
    pub edited_at: Option<DateTimeUtc>,
    pub edited_by: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
