//! A government document the council follows: melding, NOU, strategi …
use crate::enums::PolicyDocumentKind;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "policy_document")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub kind: PolicyDocumentKind,
    pub reference: Option<String>,
    pub title: String,
    pub ministry: Option<String>,
    pub url: Option<String>,
    #[sea_orm(column_type = "Text")]
    pub summary: Option<String>,
    pub launch_date: Option<Date>,
    pub launch_text: Option<String>,
    pub launch_sort_date: Option<Date>,
    #[sea_orm(column_type = "Text")]
    pub follow_up_proposal: Option<String>,
    #[sea_orm(column_type = "Text")]
    pub decision: Option<String>,
    pub decided_in_sak_id: Option<i32>,
    pub on_overview: bool,
    pub overview_position: Option<i32>,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
