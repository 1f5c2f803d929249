//! An arbeidsgruppe, referansegruppe, planleggingsgruppe or programkomité.
use crate::enums::{WorkingGroupKind, WorkingGroupStatus};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "working_group")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub kind: WorkingGroupKind,
    pub name: String,
    #[sea_orm(column_type = "Text")]
    pub purpose: Option<String>,
    pub established_by_sak_id: Option<i32>,
    pub policy_document_id: Option<i32>,
    pub status: WorkingGroupStatus,
    pub starts_on: Option<Date>,
    pub ends_on: Option<Date>,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
