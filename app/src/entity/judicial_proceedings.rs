use sea_orm::entity::prelude::*;

/// A person's complaint and the criminal proceedings that followed it. Read only by her
/// reference operator and the plan's legal advisor (`path::judicial::ssr`).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "judicial_proceedings")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub person_id: i32,
    pub organisation_id: i32,
    /// The day of the complaint (none: proceedings started otherwise).
    pub filed_on: Option<Date>,
    pub police_body: Option<String>,
    pub complaint_place: Option<String>,
    /// "Procura della Repubblica di …".
    pub prosecutor_office: Option<String>,
    pub proceedings_number: Option<String>,
    /// The prosecutor's opinion for the art. 18 permit.
    pub opinion: String,
    pub opinion_on: Option<Date>,
    pub witness: bool,
    pub lawyer: Option<String>,
    pub notes: Option<String>,
    pub recorded_by: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
