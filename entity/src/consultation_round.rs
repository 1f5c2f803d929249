//! A round of input on a policy document: innspill, høring or hearing at Stortinget.
use crate::enums::{ConsultationKind, ResponseStatus};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "consultation_round")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub policy_document_id: i32,
    pub kind: ConsultationKind,
    pub deadline: Option<Date>,
    pub deadline_text: Option<String>,
    pub response_status: ResponseStatus,
    pub sent_on: Option<Date>,
    pub response_url: Option<String>,
    #[sea_orm(column_type = "Text")]
    pub note: Option<String>,
    pub working_group_id: Option<i32>,
    /// When the round opened (høringen sendt ut); the høringsfrist is measured from it.
    pub opens_on: Option<Date>,
    /// The ministry withdrew the round.
    pub withdrawn: bool,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
