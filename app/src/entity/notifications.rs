use sea_orm::entity::prelude::*;

/// An in-app notification for one user. It names a subject by code and links to the
/// page where the user's permissions decide what she sees.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "notifications")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub user_id: i32,
    pub kind: String,
    pub subject: String,
    pub link: String,
    pub created_at: DateTimeUtc,
    pub read_at: Option<DateTimeUtc>,
    /// When an e-mail told her of it (or when she chose e-mail, for older ones).
    pub emailed_at: Option<DateTimeUtc>,
    /// What a reminder is about, so that each is written once whichever replica's round
    /// finds it first; empty for other notifications.
    pub reminder_key: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
