use sea_orm::entity::prelude::*;

/// One expense of economic support for a person, paid by an organisation.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "support_expenses")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub person_id: i32,
    /// The organisation that paid, from whose budget it comes.
    pub organisation_id: i32,
    pub category: String,
    pub amount_cents: i64,
    pub spent_on: Date,
    pub description: Option<String>,
    /// The receipt, one of her documents.
    pub receipt_document_id: Option<i32>,
    pub recorded_by: i32,
    /// The reception manager who approved it; none while it waits.
    pub approved_by: Option<i32>,
    pub approved_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
