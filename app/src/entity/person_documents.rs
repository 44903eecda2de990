use sea_orm::entity::prelude::*;

/// A file of a person's record, sealed at rest (`path::documents::sealing`).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "person_documents")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub person_id: i32,
    pub kind: String,
    pub dated_on: Date,
    pub expires_on: Option<Date>,
    pub confidentiality: String,
    pub description: Option<String>,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub key_id: String,
    pub nonce: Vec<u8>,
    pub sealed: Vec<u8>,
    pub uploaded_by: i32,
    pub uploaded_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
