//! One person's attendance at a meeting, as the minutes record it.
use crate::enums::{AttendanceCategory, AttendanceStatus};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "attendance")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub meeting_id: i32,
    pub person_id: Option<i32>,
    pub name_text: Option<String>,
    pub organisation_text: Option<String>,
    pub category: AttendanceCategory,
    pub status: AttendanceStatus,
    pub from_sak_id: Option<i32>,
    pub to_sak_id: Option<i32>,
    pub partial_note: Option<String>,
    pub only_sak_id: Option<i32>,
    pub substitute_for_person_id: Option<i32>,
    pub note: Option<String>,
    pub position: i32,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
