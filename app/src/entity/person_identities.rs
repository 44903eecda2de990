use sea_orm::entity::prelude::*;

/// Who a person is. Read only by `people::ssr` after `PersonAccess::Identity`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "person_identities")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub person_id: i32,
    pub given_names: String,
    pub family_name: String,
    pub aliases: Option<String>,
    pub date_of_birth: Option<Date>,
    pub nationality: Option<String>,
    pub languages: Option<String>,
    pub documents: Option<String>,
    pub phone: Option<String>,
    pub guardian: Option<String>,
    pub updated_at: DateTimeUtc,
    /// The folded words of the names and aliases (`kernel::folding`), for the search.
    pub search_key: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
