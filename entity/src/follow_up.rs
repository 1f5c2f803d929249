//! A follow-up item created by a vedtak.
use crate::enums::FollowUpStatus;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "follow_up")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub sak_id: i32,
    #[sea_orm(column_type = "Text")]
    pub description: String,
    pub assignee_person_id: Option<i32>,
    pub assignee_text: Option<String>,
    pub due_on: Option<Date>,
    pub status: FollowUpStatus,
    pub closed_at: Option<DateTimeUtc>,
    #[sea_orm(column_type = "Text")]
    pub closed_note: Option<String>,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
