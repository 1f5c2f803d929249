//! An agenda item, numbered sak N/M/YYYY, with its saksfremlegg, discussion and vedtak.
use crate::enums::{SakStatus, StandingKind};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "sak")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub meeting_id: i32,
    pub year: i32,
    pub number: i32,
    pub position: i32,
    pub title: String,
    pub types: String,
    pub standing_kind: Option<StandingKind>,
    pub approves_minutes_of_meeting_id: Option<i32>,
    pub time_start: Option<Time>,
    pub time_end: Option<Time>,
    pub to_text: Option<String>,
    pub from_person_id: Option<i32>,
    pub from_text: Option<String>,
    #[sea_orm(column_type = "Text")]
    pub background: Option<String>,
    #[sea_orm(column_type = "Text")]
    pub reason: Option<String>,
    #[sea_orm(column_type = "Text")]
    pub key_points: Option<String>,
    #[sea_orm(column_type = "Text")]
    pub proposed_vedtak: Option<String>,
    #[sea_orm(column_type = "Text")]
    pub discussion: Option<String>,
    #[sea_orm(column_type = "Text")]
    pub vedtak: Option<String>,
    pub status: SakStatus,
    pub added_under_eventuelt: bool,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
